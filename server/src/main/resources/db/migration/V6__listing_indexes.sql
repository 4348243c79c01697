-- Prefix filters (subjectPrefix, "prefix*" grants) as index ranges: LIKE 'p%' uses a btree only under the "C"
-- collation, whatever the database's own collation is, so these indexes and the queries name it.
create index subject_version_subject_c on subject_version ((subject collate "C"), version);
create index subject_summary_subject_c on subject_summary ((subject collate "C"));
-- Paging the subject list reads the index alone (no table visits), so a deep offset stays cheap.
create index subject_summary_listing on subject_summary (subject) include (live_versions);
analyze subject_summary;
