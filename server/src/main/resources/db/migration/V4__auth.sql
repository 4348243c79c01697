-- API keys and users: the secret is stored only as an Argon2id hash; revoking keeps the row for the audit trail.
create table auth_credential (
    id           text primary key,
    kind         text not null check (kind in ('key', 'user')),
    secret_hash  text not null,
    role         text not null check (role in ('reader', 'writer', 'admin')),
    subjects     text not null,
    description  text,
    owner        text,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);

-- Who made each change, and from where; events of one actor are read by GET /v1/events?actor=.
alter table registry_event add column remote_address text;
create index registry_event_actor on registry_event (actor, seq);
