-- Schema content, stored once per identity (canonical schema + references + metadata + rule set).
-- The global id is the primary key; IMPORT mode may bind one content to several ids, so the
-- fingerprint is indexed, not unique; registrations serialise on an advisory lock per fingerprint.
create sequence schema_id_seq start with 1;

create table schema_content (
    id                  integer primary key,
    fingerprint         text        not null,
    content_fingerprint text        not null,
    schema_type         text        not null,
    schema_text         text        not null,
    references_json     text        not null default '[]',
    metadata_json       text,
    ruleset_json        text,
    created_at          timestamptz not null default now()
);
create index schema_content_fingerprint on schema_content (fingerprint);

-- References of a content row, for reference resolution and "referenced by" queries.
create table schema_reference (
    schema_id   integer not null references schema_content (id) on delete cascade,
    ordinal     integer not null,
    name        text    not null,
    ref_subject text    not null,
    ref_version integer not null,
    primary key (schema_id, ordinal)
);
create index schema_reference_target on schema_reference (ref_subject, ref_version);

-- One row per subject version. Soft-deleted versions stay (deleted = true) and keep their number.
create table subject_version (
    id         bigint generated always as identity primary key,
    subject    text        not null,
    version    integer     not null check (version > 0),
    schema_id  integer     not null references schema_content (id),
    deleted    boolean     not null default false,
    created_at timestamptz not null default now(),
    constraint subject_version_unique unique (subject, version)
);
create index subject_version_schema on subject_version (schema_id);

-- Compatibility configuration; subject '' is the global config. Stored as the JSON of the fields set.
create table registry_config (
    subject    text primary key,
    config     text        not null,
    updated_at timestamptz not null default now()
);

-- Mode (READWRITE, READONLY, READONLY_OVERRIDE, IMPORT); subject '' is the global mode.
create table registry_mode (
    subject    text primary key,
    mode       text        not null,
    updated_at timestamptz not null default now()
);

-- The append-only event log. seq is gap-free and in commit order: writers take an advisory lock
-- before appending, as the last step of their transaction.
create table registry_event (
    seq        bigint primary key,
    type       text        not null,
    subject    text,
    version    integer,
    schema_id  integer,
    payload    text        not null,
    actor      text,
    created_at timestamptz not null default now()
);

-- Facts about this registry installation.
create table registry_info (
    key   text primary key,
    value text not null
);
insert into registry_info (key, value) values ('cluster_id', gen_random_uuid()::text);

-- The event log is append-only: refuse updates and deletes at the database level too.
create function registry_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'registry_event is append-only';
end;
$$;
create trigger registry_event_no_update before update or delete on registry_event
    for each row execute function registry_event_append_only();
