package dev.accord.server.registry;

import dev.accord.server.store.SchemaReferenceEntity;
import dev.accord.server.store.SubjectListing;
import dev.accord.server.store.SubjectVersionEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Read-only questions about subjects, versions and schemas. */
@ApplicationScoped
@Transactional
public class SubjectQueries {

    @Inject
    SchemaContents contents;

    @Inject
    SubjectListing listing;

    /** Subject names, sorted and paged in the database. A subject is deleted when all of its versions are. */
    public List<String> subjects(String prefix, List<String> readable, int offset, int limit, boolean includeDeleted,
                                 boolean deletedOnly) {
        return listing.subjects(filter(prefix, readable, offset, limit), deletedOnly ? SubjectListing.Status.DELETED_ONLY
                : includeDeleted ? SubjectListing.Status.ANY : SubjectListing.Status.LIVE);
    }

    /** Versions of a subject; 40401 when it has none (live ones, unless deleted ones are asked for). */
    public List<Integer> versions(String subject, boolean includeDeleted, boolean deletedOnly, boolean deletedAsNegative) {
        SubjectNames.validate(subject);
        List<SubjectVersionEntity> rows = SubjectVersionEntity.ofSubject(subject);
        List<Integer> versions = new ArrayList<>();
        for (SubjectVersionEntity row : rows) {
            if (deletedOnly ? row.deleted : (!row.deleted || includeDeleted || deletedAsNegative)) {
                versions.add(row.deleted && deletedAsNegative ? -row.version : row.version);
            }
        }
        if (versions.isEmpty() && (rows.isEmpty() || !deletedOnly)) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    /** One version; "latest" is the highest live version (or highest of all with {@code includeDeleted}). */
    public SubjectVersion version(String subject, VersionId id, boolean includeDeleted) {
        SubjectVersionEntity row = row(subject, id, includeDeleted);
        return view(row);
    }

    SubjectVersionEntity row(String subject, VersionId id, boolean includeDeleted) {
        SubjectNames.validate(subject);
        List<SubjectVersionEntity> rows = SubjectVersionEntity.ofSubject(subject);
        List<SubjectVersionEntity> visible = rows.stream().filter(r -> includeDeleted || !r.deleted).toList();
        if (visible.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (id.latest()) {
            return visible.get(visible.size() - 1);
        }
        return visible.stream().filter(r -> r.version == id.number()).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(id.number()));
    }

    public SubjectVersion view(SubjectVersionEntity row) {
        return new SubjectVersion(row.subject, row.version, row.deleted, row.createdAt, contents.require(row.schemaId));
    }

    public StoredSchema schema(int id) {
        return contents.byId(id).orElseThrow(() -> RegistryException.schemaNotFound("Schema " + id + " not found"));
    }

    /** Subjects using a schema id; 40403 when the id does not exist. */
    public List<String> subjectsOf(int id, boolean includeDeleted) {
        schema(id);
        Set<String> subjects = new TreeSet<>();
        for (SubjectVersionEntity row : SubjectVersionEntity.withSchemaId(id)) {
            if (includeDeleted || !row.deleted) {
                subjects.add(row.subject);
            }
        }
        return List.copyOf(subjects);
    }

    /** Subject versions using a schema id; 40403 when the id does not exist. */
    public List<SubjectVersionEntity> versionsOf(int id, boolean includeDeleted) {
        schema(id);
        return SubjectVersionEntity.withSchemaId(id).stream().filter(r -> includeDeleted || !r.deleted).toList();
    }

    /** Ids of the schemas that reference a subject version (through a live version, unless deleted asked). */
    public List<Integer> referencedBy(String subject, VersionId id, boolean includeDeleted) {
        SubjectVersionEntity target = row(subject, id, true);
        Set<Integer> ids = new TreeSet<>();
        for (SchemaReferenceEntity reference : SchemaReferenceEntity.to(target.subject, target.version)) {
            boolean used = SubjectVersionEntity.withSchemaId(reference.schemaId).stream()
                    .anyMatch(r -> includeDeleted || !r.deleted);
            if (used) {
                ids.add(reference.schemaId);
            }
        }
        return List.copyOf(ids);
    }

    /** The latest version whose metadata properties contain every pair; 40401 / 40403 otherwise. */
    public SubjectVersion latestWithMetadata(String subject, Map<String, String> properties, boolean includeDeleted) {
        SubjectNames.validate(subject);
        List<SubjectVersionEntity> rows = new ArrayList<>(SubjectVersionEntity.ofSubject(subject).stream()
                .filter(r -> includeDeleted || !r.deleted).toList());
        if (rows.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        rows.sort(Comparator.comparingInt((SubjectVersionEntity r) -> r.version).reversed());
        for (SubjectVersionEntity row : rows) {
            StoredSchema schema = contents.require(row.schemaId);
            var props = schema.metadata() == null ? null : schema.metadata().get("properties");
            boolean matches = properties.entrySet().stream().allMatch(e -> props != null
                    && props.has(e.getKey()) && props.get(e.getKey()).asText().equals(e.getValue()));
            if (matches) {
                return view(row);
            }
        }
        throw RegistryException.schemaNotFound("Schema with metadata " + properties + " not found");
    }

    /** Versions of all subjects, for GET /schemas, paged in the database; their contents in one query. */
    public List<SubjectVersion> schemas(String prefix, List<String> readable, int offset, int limit,
                                        boolean includeDeleted, boolean latestOnly, String ruleType) {
        List<SubjectListing.VersionRow> rows = listing.versions(filter(prefix, readable, offset, limit),
                includeDeleted, latestOnly, ruleType == null || ruleType.isEmpty() ? null : ruleType);
        contents.preload(rows.stream().map(SubjectListing.VersionRow::schemaId).toList());
        return rows.stream().map(row -> new SubjectVersion(row.subject(), row.version(), row.deleted(),
                row.createdAt(), contents.require(row.schemaId()))).toList();
    }

    /** The ids of the contents with this GUID (several only after IMPORTs); 40403 when there are none. */
    @SuppressWarnings("unchecked")
    public List<Integer> idsOfGuid(String guid) {
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(guid);
        } catch (IllegalArgumentException e) {
            throw RegistryException.schemaNotFound("Schema " + guid + " not found");
        }
        List<Number> ids = Panache.getEntityManager()
                .createNativeQuery("select id from schema_content where guid = ?1 order by id")
                .setParameter(1, uuid).getResultList();
        if (ids.isEmpty()) {
            throw RegistryException.schemaNotFound("Schema " + guid + " not found");
        }
        return ids.stream().map(Number::intValue).toList();
    }

    /** The highest schema id in use, or 0. */
    public int maxId() {
        Number max = (Number) Panache.getEntityManager()
                .createNativeQuery("select coalesce(max(id), 0) from schema_content").getSingleResult();
        return max.intValue();
    }

    /** A list filter; a negative offset is the start, a negative limit is "all" (as in Confluent's API). */
    static SubjectListing.Filter filter(String prefix, List<String> readable, int offset, int limit) {
        return new SubjectListing.Filter(prefix, readable, Math.max(offset, 0), limit < 0 ? -1 : limit);
    }

    public static <T> List<T> page(List<T> items, int offset, int limit) {
        int from = Math.min(Math.max(offset, 0), items.size());
        int to = limit < 0 ? items.size() : (int) Math.min((long) from + limit, items.size());
        return items.subList(from, to);
    }
}
