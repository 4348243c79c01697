package dev.accord.server.registry;

import dev.accord.server.store.ContextStore;
import dev.accord.server.store.SchemaKeys;
import java.util.Optional;
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

    @Inject
    ContextStore contexts;

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

    /**
     * The schema with an id, as Confluent looks it up: in the context of {@code subject} when one is given (a
     * subject in the default context, or none, means the default context first and then the others in the order
     * they were created); 40403 when there is none.
     */
    public StoredSchema schema(String subject, int id) {
        String context = subject == null || subject.isEmpty() ? QualifiedSubjects.DEFAULT_CONTEXT
                : QualifiedSubjects.context(subject);
        return find(context, id).orElseThrow(() -> RegistryException.schemaNotFound("Schema " + id + " not found"));
    }

    private Optional<StoredSchema> find(String context, int id) {
        if (!context.equals(QualifiedSubjects.DEFAULT_CONTEXT)) {
            return contexts.number(context).flatMap(number -> contents.byKey(SchemaKeys.of(number, id)));
        }
        Optional<StoredSchema> found = contents.byKey(SchemaKeys.of(SchemaKeys.DEFAULT_CONTEXT, id));
        if (found.isPresent()) {
            return found;
        }
        List<?> keys = Panache.getEntityManager().createNativeQuery("select c.id from registry_context x join"
                        + " schema_content c on c.id = (x.number::bigint << 32) + ?1 where x.number > 0 order by x.number"
                        + " limit 1").setParameter(1, id).getResultList();
        return keys.isEmpty() ? Optional.empty() : contents.byKey(((Number) keys.get(0)).longValue());
    }

    /** The name of the context a schema is in. */
    public String contextOf(StoredSchema schema) {
        return contexts.name(schema.contextNumber());
    }

    /** Subjects using a schema; 40403 when the id does not exist. */
    public List<String> subjectsOf(String subject, int id, boolean includeDeleted) {
        StoredSchema schema = schema(subject, id);
        Set<String> subjects = new TreeSet<>();
        for (SubjectVersionEntity row : SubjectVersionEntity.withSchemaId(schema.key())) {
            if (includeDeleted || !row.deleted) {
                subjects.add(row.subject);
            }
        }
        return List.copyOf(subjects);
    }

    /** Subject versions using a schema; 40403 when the id does not exist. */
    public List<SubjectVersionEntity> versionsOf(String subject, int id, boolean includeDeleted) {
        StoredSchema schema = schema(subject, id);
        return SubjectVersionEntity.withSchemaId(schema.key()).stream().filter(r -> includeDeleted || !r.deleted).toList();
    }

    /** Ids of the schemas that reference a subject version (through a live version, unless deleted asked). */
    public List<Integer> referencedBy(String subject, VersionId id, boolean includeDeleted) {
        SubjectVersionEntity target = row(subject, id, true);
        Set<Integer> ids = new TreeSet<>();
        for (SchemaReferenceEntity reference : SchemaReferenceEntity.to(target.subject, target.version)) {
            boolean used = SubjectVersionEntity.withSchemaId(reference.schemaId).stream()
                    .anyMatch(r -> includeDeleted || !r.deleted);
            if (used) {
                ids.add(SchemaKeys.id(reference.schemaId));
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

    /** A schema id with the context it is unique in. */
    public record ContextId(String context, int id) {
    }

    /** The contents with this GUID (several in several contexts, or after IMPORTs); 40403 when there are none. */
    @SuppressWarnings("unchecked")
    public List<ContextId> idsOfGuid(String guid) {
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
        return ids.stream().map(Number::longValue)
                .map(key -> new ContextId(contexts.name(SchemaKeys.context(key)), SchemaKeys.id(key))).toList();
    }

    /** The content of a GUID shown first: the lowest key (the default context's, when it has one). */
    public StoredSchema schemaOfGuid(String guid) {
        ContextId first = idsOfGuid(guid).get(0);
        return find(first.context(), first.id()).orElseThrow();
    }

    /** The highest schema id in use in the subject's context (the default one when null), or 0. */
    public int maxId(String subject) {
        String context = subject == null || subject.isEmpty() ? QualifiedSubjects.DEFAULT_CONTEXT
                : QualifiedSubjects.context(subject);
        int number = contexts.number(context).orElse(SchemaKeys.DEFAULT_CONTEXT);
        Number max = (Number) Panache.getEntityManager()
                .createNativeQuery("select coalesce(max(id), ?1) from schema_content where id between ?1 and ?2")
                .setParameter(1, SchemaKeys.first(number)).setParameter(2, SchemaKeys.last(number)).getSingleResult();
        return SchemaKeys.id(max.longValue());
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
