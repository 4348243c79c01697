-- One row per subject, kept by triggers on subject_version, so that subject lists page over subjects instead of
-- aggregating every version: a page of 100 costs the same at 100 subjects as at 100,000, and the subject list
-- needs no join. The triggers are statement-level with transition tables, so a batched insert (an import)
-- refreshes each subject once.
create table subject_summary (
    subject             text primary key,
    versions            integer     not null, -- soft-deleted ones included
    live_versions       integer     not null,
    latest_version      integer     not null, -- soft-deleted ones included
    latest_live_version integer,              -- null when every version is soft-deleted
    shown_id            integer     not null, -- schema id of the latest live version, else of the latest one
    shown_type          text        not null, -- and its schema type
    live_by_type        jsonb       not null, -- live versions per schema type, {"AVRO": 3}
    updated_at          timestamptz not null  -- the newest version's creation
);

create function subject_summary_refresh(changed text[]) returns void language sql as $$
    delete from subject_summary s
     where s.subject = any (changed)
       and not exists (select 1 from subject_version v where v.subject = s.subject);
    insert into subject_summary (subject, versions, live_versions, latest_version, latest_live_version, shown_id,
                                 shown_type, live_by_type, updated_at)
    select a.subject, a.versions, a.live_versions, a.latest_version, a.latest_live_version, v.schema_id,
           c.schema_type,
           coalesce((select jsonb_object_agg(t.schema_type, t.n)
                       from (select lc.schema_type, count(*) as n
                               from subject_version lv join schema_content lc on lc.id = lv.schema_id
                              where lv.subject = a.subject and not lv.deleted
                              group by lc.schema_type) t), '{}'::jsonb),
           a.updated_at
      from (select subject, count(*) as versions, count(*) filter (where not deleted) as live_versions,
                   max(version) as latest_version, max(version) filter (where not deleted) as latest_live_version,
                   max(created_at) as updated_at
              from subject_version
             where subject = any (changed)
             group by subject) a
      join subject_version v on v.subject = a.subject and v.version = coalesce(a.latest_live_version, a.latest_version)
      join schema_content c on c.id = v.schema_id
    on conflict (subject) do update
       set versions = excluded.versions, live_versions = excluded.live_versions,
           latest_version = excluded.latest_version, latest_live_version = excluded.latest_live_version,
           shown_id = excluded.shown_id, shown_type = excluded.shown_type, live_by_type = excluded.live_by_type,
           updated_at = excluded.updated_at;
$$;

create function subject_summary_after_write() returns trigger language plpgsql as $$
begin
    perform subject_summary_refresh(array(select distinct subject from changed_rows));
    return null;
end;
$$;

create trigger subject_summary_on_insert after insert on subject_version
    referencing new table as changed_rows for each statement execute function subject_summary_after_write();
create trigger subject_summary_on_update after update on subject_version
    referencing new table as changed_rows for each statement execute function subject_summary_after_write();
create trigger subject_summary_on_delete after delete on subject_version
    referencing old table as changed_rows for each statement execute function subject_summary_after_write();

select subject_summary_refresh(array(select distinct subject from subject_version));
analyze subject_summary;
