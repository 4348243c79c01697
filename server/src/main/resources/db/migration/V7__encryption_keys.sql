-- The DEK registry of Confluent's field-level encryption. Accord never holds key material in clear: a KEK row names a
-- key in the client's KMS, a DEK row holds the data key as the client encrypted it with that KEK.
create table encryption_kek (
    name        text primary key,
    kms_type    text not null,
    kms_key_id  text not null,
    kms_props   text,
    doc         text,
    shared      boolean not null,
    deleted     boolean not null default false,
    updated_at  timestamptz not null
);

create table encryption_dek (
    id                      bigserial primary key,
    kek_name                text not null references encryption_kek (name),
    subject                 text not null,
    algorithm               text not null,
    version                 integer not null check (version >= 1),
    encrypted_key_material  text,
    deleted                 boolean not null default false,
    updated_at              timestamptz not null,
    unique (kek_name, subject, algorithm, version)
);
