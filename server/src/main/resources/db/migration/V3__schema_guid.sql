-- Confluent 8's schema GUID: derived from the content identity, so every instance computes the same one.
alter table schema_content add column guid uuid generated always as (md5(fingerprint)::uuid) stored;
create index schema_content_guid on schema_content (guid);
