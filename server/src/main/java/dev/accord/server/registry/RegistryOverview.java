package dev.accord.server.registry;

import dev.accord.server.store.SchemaKeys;
import dev.accord.server.store.SubjectListing;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whole-registry views in a few queries each: the subject list with its facts, and counts. */
@ApplicationScoped
@Transactional
public class RegistryOverview {

    @Inject
    CompatibilityConfigs configs;

    @Inject
    SubjectListing listing;

    /** One subject with what a list or a dashboard shows about it. */
    public record SubjectSummary(String subject, int versions, int latestVersion, int latestId, String schemaType,
                                 String compatibilityLevel, String effectiveCompatibilityLevel,
                                 String ownCompatibilityPolicy, String compatibilityPolicy, boolean deleted,
                                 Instant updatedAt) {
    }

    /** Counts of live subjects, versions and schemas, by type. */
    public record Stats(long subjects, long deletedSubjects, long versions, long schemas,
                        Map<String, Long> schemasByType, Map<String, Long> versionsByType, long lastEventSeq) {
    }

    /** A page of subject summaries: names containing {@code search} (any case), those the caller may read. */
    public List<SubjectSummary> subjects(String search, List<String> readable, int offset, int limit,
                                         boolean includeDeleted) {
        return summaries(listing.summaries(SubjectQueries.filter(null, readable, offset, limit), null, search,
                includeDeleted));
    }

    /** One subject's summary (soft-deleted subjects included); 40401 when it has no versions. */
    public SubjectSummary subject(String subject) {
        SubjectNames.validate(subject);
        List<SubjectSummary> found = summaries(listing.summaries(SubjectListing.Filter.all(), subject, null, true));
        if (found.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<SubjectSummary> summaries(List<SubjectListing.SummaryRow> rows) {
        Map<String, SubjectConfig> own = new HashMap<>();
        for (Object[] row : (List<Object[]>) Panache.getEntityManager()
                .createNativeQuery("select subject, config from registry_config where subject <> ''").getResultList()) {
            own.put((String) row[0], configs.stored((String) row[0]));
        }
        SubjectConfig global = configs.global();
        List<SubjectSummary> summaries = new ArrayList<>();
        for (SubjectListing.SummaryRow row : rows) {
            SubjectConfig subjectConfig = own.get(row.subject());
            SubjectConfig ofContext = own.get(QualifiedSubjects.contextSubject(QualifiedSubjects.context(row.subject())));
            SubjectConfig effective = ofContext == null ? global : global.overlay(ofContext);
            effective = subjectConfig == null ? effective : effective.overlay(subjectConfig);
            boolean ownLevel = subjectConfig != null && subjectConfig.field(SubjectConfig.LEVEL) != null;
            boolean ownPolicy = subjectConfig != null && subjectConfig.field(SubjectConfig.POLICY) != null;
            summaries.add(new SubjectSummary(row.subject(), row.liveVersions(), row.latestVersion(), SchemaKeys.id(row.latestKey()),
                    row.schemaType(), ownLevel ? subjectConfig.level().name() : null, effective.level().name(),
                    ownPolicy ? subjectConfig.policy().name() : null, effective.policy().name(), row.deleted(),
                    row.updatedAt()));
        }
        return summaries;
    }

    @SuppressWarnings("unchecked")
    public Stats stats() {
        var em = Panache.getEntityManager();
        long[] counts = listing.counts(); // live subjects, deleted subjects, live versions
        Map<String, Long> schemasByType = byType(em.createNativeQuery(
                "select schema_type, count(*) from schema_content group by schema_type order by 1").getResultList());
        Map<String, Long> versionsByType = listing.liveVersionsByType();
        long lastSeq = ((Number) em.createNativeQuery("select last from registry_event_counter where id = 1")
                .getSingleResult()).longValue();
        return new Stats(counts[0], counts[1], counts[2],
                schemasByType.values().stream().mapToLong(Long::longValue).sum(), schemasByType, versionsByType,
                lastSeq);
    }

    private static Map<String, Long> byType(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
