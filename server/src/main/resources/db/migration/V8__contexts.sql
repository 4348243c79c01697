-- Schema contexts (Confluent's ":.ctx:subject"): each context has its own id space, so the same id can name
-- different schemas in two contexts (schema linking copies ids into a context). A schema's key is the context's
-- number times 2^32 plus its id: one bigint column keeps every foreign key single-column, and the default
-- context is number 0, so every existing key is its id.
create sequence registry_context_number_seq start with 1;

create table registry_context (
    number     integer primary key,
    name       text        not null unique,
    next_id    integer     not null default 1, -- the default context uses schema_id_seq instead
    created_at timestamptz not null default now()
);
insert into registry_context (number, name) values (0, '.');

alter table schema_content alter column id type bigint;
alter table subject_version alter column schema_id type bigint;
alter table schema_reference alter column schema_id type bigint;
alter table subject_summary alter column shown_id type bigint;
