package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's lists, asked of the database a page at a time: subject names, versions across subjects, and
 * subject summaries. Filtering (prefix, search, deleted state, the caller's readable subjects) and paging happen in
 * SQL over {@code subject_summary} (one row per subject, kept by triggers on {@code subject_version}), so nothing
 * aggregates every version or loads every row to drop most of them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubjectListing {

    /** A name prefix that selects the default context (Confluent's qualified form of it). */
    public static final String DEFAULT_CONTEXT_PREFIX = ":.:";

    /** Which subjects a list shows: a subject is deleted when every version of it is soft-deleted. */
    public enum Status { LIVE, ANY, DELETED_ONLY }

    /** Which rows: a name prefix (or null; {@code :.:} first for the default context only), the caller's readable patterns (null: all), offset and limit (-1: all). */
    public record Filter(String prefix, List<String> readable, int offset, int limit) {
        public static Filter all() {
            return new Filter(null, null, 0, -1);
        }
    }

    public record VersionRow(String subject, int version, long schemaId, boolean deleted, Instant createdAt) {
    }

    /** A subject with what a list shows: live version count, latest version (live first) and its id and type. */
    public record SummaryRow(String subject, int liveVersions, int latestVersion, long latestKey, String schemaType,
                             boolean deleted, Instant updatedAt) {
    }

    @SuppressWarnings("unchecked")
    public List<String> subjects(Filter filter, Status status) {
        Map<String, Object> parameters = new HashMap<>();
        String sql = "select subject from subject_summary" + where(filter, status(status), parameters)
                + " order by subject" + page(filter, parameters);
        return bind(sql, parameters).getResultList();
    }

    /** Versions of every subject, by subject and version; only each subject's latest with {@code latestOnly}. */
    @SuppressWarnings("unchecked")
    public List<VersionRow> versions(Filter filter, boolean includeDeleted, boolean latestOnly, String ruleType) {
        Map<String, Object> parameters = new HashMap<>();
        String withRule = null;
        if (ruleType != null) {
            // Confluent's ruleType: only versions whose rule set has a rule of that type, in any list
            withRule = "schema_id in (select id from schema_content where ruleset_json is not null and"
                    + " jsonb_path_exists(ruleset_json::jsonb, '$.*[*] ? (@.type == $t)',"
                    + " jsonb_build_object('t', cast(:ruleType as text))))";
            parameters.put("ruleType", ruleType);
        }
        String sql;
        if (latestOnly) {
            String latest = includeDeleted ? "latest_version" : "latest_live_version";
            String latestRows = "select v.subject, v.version, v.schema_id, v.deleted, v.created_at from (select subject, "
                    + latest + " as version from subject_summary" + where(filter, latest + " is not null", parameters)
                    + " order by subject" + (withRule == null ? page(filter, parameters) : "") + ") l join subject_version v"
                    + " on v.subject = l.subject and v.version = l.version";
            sql = withRule == null ? latestRows + " order by v.subject"
                    : "select * from (" + latestRows + ") r where " + withRule + " order by subject"
                    + page(filter, parameters);
        } else {
            String conditions = includeDeleted ? withRule : withRule == null ? "not deleted" : "not deleted and " + withRule;
            sql = "select subject, version, schema_id, deleted, created_at from subject_version"
                    + where(filter, conditions, parameters)
                    + " order by subject, version" + page(filter, parameters);
        }
        List<VersionRow> rows = new ArrayList<>();
        for (Object[] row : (List<Object[]>) bind(sql, parameters).getResultList()) {
            rows.add(new VersionRow((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).longValue(),
                    (Boolean) row[3], instant(row[4])));
        }
        return rows;
    }

    /**
     * Subject summaries, straight from the summary table. {@code search} matches anywhere in the name, ignoring
     * case.
     */
    @SuppressWarnings("unchecked")
    public List<SummaryRow> summaries(Filter filter, String onlySubject, String search, boolean includeDeleted) {
        Map<String, Object> parameters = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        if (onlySubject != null) {
            conditions.add("subject = :only");
            parameters.put("only", onlySubject);
        }
        if (search != null && !search.isEmpty()) {
            conditions.add("strpos(lower(subject), :search) > 0");
            parameters.put("search", search.toLowerCase(java.util.Locale.ROOT));
        }
        String status = status(includeDeleted ? Status.ANY : Status.LIVE);
        if (status != null) {
            conditions.add(status);
        }
        String sql = "select subject, live_versions, coalesce(latest_live_version, latest_version), shown_id,"
                + " shown_type, live_versions = 0, updated_at from subject_summary"
                + where(filter, conditions.isEmpty() ? null : String.join(" and ", conditions), parameters)
                + " order by subject" + page(filter, parameters);
        List<SummaryRow> rows = new ArrayList<>();
        for (Object[] row : (List<Object[]>) bind(sql, parameters).getResultList()) {
            rows.add(new SummaryRow((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    ((Number) row[3]).longValue(), (String) row[4], (Boolean) row[5], instant(row[6])));
        }
        return rows;
    }

    /** Live and deleted subjects, and live versions, counted from the summaries. */
    public long[] counts() {
        Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery("select"
                + " count(*) filter (where live_versions > 0), count(*) filter (where live_versions = 0),"
                + " coalesce(sum(live_versions), 0) from subject_summary").getSingleResult();
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()};
    }

    /** Live versions per schema type, summed over the subjects. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> liveVersionsByType() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) Panache.getEntityManager().createNativeQuery("select t.key,"
                + " sum(t.value::bigint) from subject_summary, jsonb_each_text(live_by_type) t group by t.key"
                + " order by 1").getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static String status(Status status) {
        return switch (status) {
            case LIVE -> "live_versions > 0";
            case DELETED_ONLY -> "live_versions = 0";
            case ANY -> null;
        };
    }

    private static String where(Filter filter, String condition, Map<String, Object> parameters) {
        List<String> clauses = new ArrayList<>();
        String prefix = filter.prefix();
        if (prefix != null && prefix.startsWith(DEFAULT_CONTEXT_PREFIX)) {
            // Confluent's ":.:" prefix: subjects of the default context only, not the qualified ":.ctx:" ones
            prefix = prefix.substring(DEFAULT_CONTEXT_PREFIX.length());
            clauses.add("not ((subject collate \"C\") like ':.%:%')");
        }
        if (prefix != null && !prefix.isEmpty()) {
            clauses.add(SubjectPatterns.prefixCondition("subject", "prefix", prefix, parameters));
        }
        String readable = SubjectPatterns.clause("subject", filter.readable(), parameters);
        if (readable != null) {
            clauses.add(readable);
        }
        if (condition != null) {
            clauses.add(condition);
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static String page(Filter filter, Map<String, Object> parameters) {
        StringBuilder page = new StringBuilder();
        if (filter.offset() > 0) {
            page.append(" offset :offset");
            parameters.put("offset", filter.offset());
        }
        if (filter.limit() >= 0) {
            page.append(" limit :limit");
            parameters.put("limit", filter.limit());
        }
        return page.toString();
    }

    private static Query bind(String sql, Map<String, Object> parameters) {
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return null;
    }
}
