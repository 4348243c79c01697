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
 * SQL, so a page of 100 costs the same in a registry of 100 subjects as in one of 100,000, and nothing loads
 * every row to drop most of them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubjectListing {

    /** Which subjects a list shows: a subject is deleted when every version of it is soft-deleted. */
    public enum Status { LIVE, ANY, DELETED_ONLY }

    /** Which rows: a name prefix (or null), the caller's readable patterns (null: all), offset and limit (-1: all). */
    public record Filter(String prefix, List<String> readable, int offset, int limit) {
        public static Filter all() {
            return new Filter(null, null, 0, -1);
        }
    }

    public record VersionRow(String subject, int version, int schemaId, boolean deleted, Instant createdAt) {
    }

    /** A subject with what a list shows: live version count, latest version (live first) and its id and type. */
    public record SummaryRow(String subject, int liveVersions, int latestVersion, int latestId, String schemaType,
                             boolean deleted, Instant updatedAt) {
    }

    @SuppressWarnings("unchecked")
    public List<String> subjects(Filter filter, Status status) {
        Map<String, Object> parameters = new HashMap<>();
        String sql = "select subject from subject_version" + where(filter, null, parameters)
                + " group by subject" + having(status) + " order by subject" + page(filter, parameters);
        return bind(sql, parameters).getResultList();
    }

    /** Versions of every subject, by subject and version; only each subject's latest with {@code latestOnly}. */
    @SuppressWarnings("unchecked")
    public List<VersionRow> versions(Filter filter, boolean includeDeleted, boolean latestOnly) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, includeDeleted ? null : "not deleted", parameters);
        String sql;
        if (latestOnly) {
            sql = "select v.subject, v.version, v.schema_id, v.deleted, v.created_at from (select subject,"
                    + " max(version) as version from subject_version" + where + " group by subject order by subject"
                    + page(filter, parameters) + ") l join subject_version v on v.subject = l.subject"
                    + " and v.version = l.version order by v.subject";
        } else {
            sql = "select subject, version, schema_id, deleted, created_at from subject_version" + where
                    + " order by subject, version" + page(filter, parameters);
        }
        List<VersionRow> rows = new ArrayList<>();
        for (Object[] row : (List<Object[]>) bind(sql, parameters).getResultList()) {
            rows.add(new VersionRow((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    (Boolean) row[3], instant(row[4])));
        }
        return rows;
    }

    /**
     * Subject summaries: one aggregate over the versions picks the page of subjects, then only that page's latest
     * versions are joined. {@code search} matches anywhere in the name, ignoring case.
     */
    @SuppressWarnings("unchecked")
    public List<SummaryRow> summaries(Filter filter, String onlySubject, String search, boolean includeDeleted) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder extra = new StringBuilder();
        if (onlySubject != null) {
            extra.append("subject = :only");
            parameters.put("only", onlySubject);
        }
        if (search != null && !search.isEmpty()) {
            extra.append(extra.isEmpty() ? "" : " and ").append("strpos(lower(subject), :search) > 0");
            parameters.put("search", search.toLowerCase(java.util.Locale.ROOT));
        }
        String sql = "select s.subject, s.live_versions, v.version, v.schema_id, c.schema_type, s.live_versions = 0,"
                + " s.updated_at from (select subject, count(*) filter (where not deleted) as live_versions,"
                + " coalesce(max(version) filter (where not deleted), max(version)) as latest,"
                + " max(created_at) as updated_at from subject_version"
                + where(filter, extra.isEmpty() ? null : extra.toString(), parameters)
                + " group by subject" + having(includeDeleted ? Status.ANY : Status.LIVE)
                + " order by subject" + page(filter, parameters) + ") s"
                + " join subject_version v on v.subject = s.subject and v.version = s.latest"
                + " join schema_content c on c.id = v.schema_id order by s.subject";
        List<SummaryRow> rows = new ArrayList<>();
        for (Object[] row : (List<Object[]>) bind(sql, parameters).getResultList()) {
            rows.add(new SummaryRow((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue(), (String) row[4], (Boolean) row[5], instant(row[6])));
        }
        return rows;
    }

    private static String where(Filter filter, String condition, Map<String, Object> parameters) {
        List<String> clauses = new ArrayList<>();
        if (filter.prefix() != null && !filter.prefix().isEmpty()) {
            clauses.add("starts_with(subject, :prefix)");
            parameters.put("prefix", filter.prefix());
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

    private static String having(Status status) {
        return switch (status) {
            case LIVE -> " having bool_or(not deleted)";
            case DELETED_ONLY -> " having not bool_or(not deleted)";
            case ANY -> "";
        };
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
