-- The event log's next sequence number, in a one-row table: the row lock taken by the increment is held
-- until commit, so sequence numbers are gap-free (a rollback undoes the increment) and in commit order.
create table registry_event_counter (
    id   integer primary key check (id = 1),
    last bigint not null
);
insert into registry_event_counter (id, last) select 1, coalesce(max(seq), 0) from registry_event;
