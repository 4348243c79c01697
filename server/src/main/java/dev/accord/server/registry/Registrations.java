package dev.accord.server.registry;

import dev.accord.server.auth.Caller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.format.SchemaFormats;
import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.WorkBudget;
import dev.accord.server.store.EventLog;
import dev.accord.server.store.EventType;
import dev.accord.server.store.Locks;
import dev.accord.server.store.ContextStore;
import dev.accord.server.store.SchemaContentEntity;
import dev.accord.server.store.SchemaKeys;
import dev.accord.server.store.SchemaReferenceEntity;
import dev.accord.server.store.SubjectVersionEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Registration, lookup and compatibility checks of submitted schemas. A registration is one transaction:
 * content (deduplicated by identity), version row and event are written together or not at all.
 */
@ApplicationScoped
public class Registrations {


    @Inject
    SchemaContents contents;

    @Inject
    SubjectQueries queries;

    @Inject
    CompatibilityConfigs configs;

    @Inject
    Modes modes;

    @Inject
    EventLog events;

    @Inject
    RegistryMetrics metrics;

    @Inject
    ContextStore contexts;

    @ConfigProperty(name = "accord.max-schema-bytes", defaultValue = "1048576")
    int maxSchemaBytes;

    /** The outcome of a registration: the version (new, or the existing identical one). */
    public record Registered(SubjectVersion version, boolean created) {
    }

    @Transactional
    public Registered register(Caller caller, String subject, SchemaSubmission request) {
        SubjectNames.validate(subject);
        if (QualifiedSubjects.namesContext(subject)) {
            throw new RegistryException(ErrorCode.INVALID_SUBJECT, "'" + subject + "' names a context, not a subject");
        }
        checkSize(request);
        SchemaSubmission submission = normalizedPerConfig(subject, request);
        Locks.subject(subject);
        Mode mode = modes.effective(subject);
        if (mode.readOnly()) {
            throw RegistryException.notPermitted("Subject '" + subject + "' is in read-only mode");
        }
        boolean importing = mode.importing();
        if (submission.id() != null && !importing) {
            throw RegistryException.notPermitted("Subject '" + subject + "' is not in import mode: a schema id"
                    + " can only be given when the mode is IMPORT (or FORWARD)");
        }
        if (submission.id() == null && importing) {
            throw RegistryException.notPermitted("Subject '" + subject + "' is in import mode: every registration"
                    + " must give the schema id to import");
        }
        String context = QualifiedSubjects.context(subject);
        List<SchemaReference> references = contents.resolveReferences(context, submission.references());
        ParsedSchema parsed = parse(context, submission, references);

        List<SubjectVersionEntity> rows = SubjectVersionEntity.ofSubject(subject);
        List<SubjectVersionEntity> live = rows.stream().filter(r -> !r.deleted).toList();
        SubjectConfig config = configs.effective(subject);
        if (config.validatesFields()) {
            List<String> invalid = SchemaFormats.of(parsed.type()).invalidFieldNames(parsed);
            if (!invalid.isEmpty()) {
                throw RegistryException.invalidSchema("Invalid schema: field names must be letters, digits and '_',"
                        + " not starting with a digit (config validateFields): " + String.join(", ", invalid));
            }
        }
        Contract contract = importing ? new Contract(submission.metadata(), submission.ruleSet())
                : contract(submission, live, config);
        JsonNode metadata = contract.metadata();
        JsonNode ruleSet = contract.ruleSet();
        if (!importing && config.validatesRules()) {
            DataContracts.validateRules(ruleSet, "ruleSet");
        }
        // Confluent keeps confluent:version in step when the request names a version or the metadata has it
        boolean versioned = !importing && (submission.version() != null && submission.version() > 0
                || property(metadata, DataContracts.VERSION_PROPERTY) != null);

        for (int i = live.size() - 1; i >= 0; i--) {
            SubjectVersionEntity row = live.get(i);
            JsonNode rowMetadata = versioned ? DataContracts.withVersion(metadata, row.version) : metadata;
            if (contents.require(row.schemaId).fingerprint().equals(identity(parsed, rowMetadata, ruleSet))) {
                if (importing && submission.id() != SchemaKeys.id(row.schemaId)) {
                    throw new RegistryException(ErrorCode.ID_DOES_NOT_MATCH, "Schema already registered under"
                            + " subject '" + subject + "' version " + row.version + " with id "
                            + SchemaKeys.id(row.schemaId) + ", not " + submission.id());
                }
                return new Registered(queries.view(row), false);
            }
        }

        if (!importing) {
            List<VersionedSchema> previous = previousVersions(live, metadata, config.compatibilityGroup());
            CompatibilityResult result = metrics.check(config.level(), config.policy(), parsed, previous);
            if (!result.compatible()) {
                throw new IncompatibleSchemaException(subject, result);
            }
        }

        WorkBudget.stopIfAbandoned(); // a client that has gone by now gets no half-decided write
        int version = nextVersion(subject, submission, rows, importing);
        if (versioned) {
            metadata = DataContracts.withVersion(metadata, version);
        }
        String identity = identity(parsed, metadata, ruleSet);
        SchemaContentEntity content = content(contexts.numberCreating(context), context, parsed, identity, metadata,
                ruleSet, references, importing ? submission.id() : null);
        SubjectVersionEntity row = new SubjectVersionEntity();
        row.subject = subject;
        row.version = version;
        row.schemaId = content.id;
        row.deleted = false;
        row.createdAt = Instant.now();
        row.persist();
        events.append(caller, EventType.SCHEMA_REGISTERED, subject, version, SchemaKeys.id(content.id),
                Map.of("schemaType", parsed.type().name()));
        return new Registered(queries.view(row), true);
    }

    /** The version of the subject holding this schema; 40401 / 40403 otherwise. */
    @Transactional
    public SubjectVersion lookup(String subject, SchemaSubmission request, boolean includeDeleted) {
        SubjectNames.validate(subject);
        checkSize(request);
        SchemaSubmission submission = normalizedPerConfig(subject, request);
        List<SubjectVersionEntity> rows = new ArrayList<>(SubjectVersionEntity.ofSubject(subject).stream()
                .filter(r -> includeDeleted || !r.deleted).toList());
        if (rows.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        String context = QualifiedSubjects.context(subject);
        ParsedSchema parsed = parse(context, submission, contents.resolveReferences(context, submission.references()));
        for (int i = rows.size() - 1; i >= 0; i--) {
            SubjectVersionEntity row = rows.get(i);
            StoredSchema stored = contents.require(row.schemaId);
            if (stored.contentFingerprint().equals(parsed.fingerprint())
                    && (submission.metadata() == null || sameJson(submission.metadata(), stored.metadata()))
                    && (submission.ruleSet() == null || sameJson(submission.ruleSet(), stored.ruleSet()))) {
                return queries.view(row);
            }
        }
        throw RegistryException.schemaNotFound("Schema not found");
    }

    /**
     * Checks a schema against one version of a subject, or (version null) against every version registration
     * would check. A subject with no live versions accepts anything, except when a numbered version is asked for.
     */
    @Transactional
    public CompatibilityResult check(String subject, VersionId version, SchemaSubmission request) {
        SubjectNames.validate(subject);
        checkSize(request);
        SchemaSubmission submission = normalizedPerConfig(subject, request);
        List<SubjectVersionEntity> rows = SubjectVersionEntity.ofSubject(subject);
        List<SubjectVersionEntity> live = rows.stream().filter(r -> !r.deleted).toList();
        SubjectConfig config = configs.effective(subject);
        String context = QualifiedSubjects.context(subject);
        List<SubjectVersionEntity> against;
        if (version == null || version.latest()) {
            if (live.isEmpty()) {
                parse(context, submission, contents.resolveReferences(context, submission.references()));
                return new CompatibilityResult(config.level(), List.of());
            }
            against = version == null ? live : List.of(live.get(live.size() - 1));
        } else {
            if (rows.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            against = live.stream().filter(r -> r.version == version.number()).toList();
            if (against.isEmpty()) {
                throw RegistryException.versionNotFound(version.number());
            }
        }
        ParsedSchema parsed = parse(context, submission, contents.resolveReferences(context, submission.references()));
        JsonNode metadata = contract(submission, live, config).metadata();
        List<VersionedSchema> previous = previousVersions(against, metadata, config.compatibilityGroup());
        return metrics.check(config.level(), config.policy(), parsed, previous);
    }

    /** The metadata and rule set a registration stores; empty ones are null. */
    private record Contract(JsonNode metadata, JsonNode ruleSet) {
        Contract {
            metadata = DataContracts.isEmpty(metadata) ? null : metadata;
            ruleSet = DataContracts.isEmpty(ruleSet) ? null : ruleSet;
        }
    }

    /**
     * Confluent's data contract of a new version: the config's override merged over (its default merged over
     * the specific one), where the specific one is the request's or else the latest live version's.
     */
    private Contract contract(SchemaSubmission submission, List<SubjectVersionEntity> live, SubjectConfig config) {
        JsonNode metadata = submission.metadata();
        JsonNode ruleSet = submission.ruleSet();
        StoredSchema latest = live.isEmpty() ? null : contents.require(live.get(live.size() - 1).schemaId);
        if (metadata == null && latest != null) {
            metadata = latest.metadata();
        }
        if (ruleSet == null && latest != null) {
            ruleSet = latest.ruleSet();
        }
        metadata = DataContracts.mergeMetadata(config.field("defaultMetadata"), metadata);
        metadata = DataContracts.mergeMetadata(metadata, config.field("overrideMetadata"));
        ruleSet = DataContracts.mergeRuleSet(config.field("defaultRuleSet"), ruleSet);
        ruleSet = DataContracts.mergeRuleSet(ruleSet, config.field("overrideRuleSet"));
        return new Contract(metadata, ruleSet);
    }

    private List<VersionedSchema> previousVersions(List<SubjectVersionEntity> live, JsonNode metadata, String group) {
        String groupValue = group == null ? null : property(metadata, group);
        List<VersionedSchema> previous = new ArrayList<>();
        for (SubjectVersionEntity row : live) {
            StoredSchema stored = contents.require(row.schemaId);
            if (group != null && !Objects.equals(groupValue, property(stored.metadata(), group))) {
                continue;
            }
            previous.add(new VersionedSchema(row.version, contents.parsed(stored)));
        }
        return previous;
    }

    private static String property(JsonNode metadata, String name) {
        if (metadata == null) {
            return null;
        }
        JsonNode value = metadata.path("properties").get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private int nextVersion(String subject, SchemaSubmission submission, List<SubjectVersionEntity> rows,
                            boolean importing) {
        int next = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).version + 1;
        Integer requested = submission.version();
        if (requested == null || requested == 0) {
            return next;
        }
        if (requested < 0 && !importing) {
            return next;
        }
        if (requested < 1) {
            throw new RegistryException(ErrorCode.INVALID_VERSION, "Version " + requested + " is not a valid version");
        }
        if (importing) {
            if (rows.stream().anyMatch(r -> r.version == requested)) {
                throw RegistryException.notPermitted("Subject '" + subject + "' already has a version " + requested
                        + " with a different schema");
            }
            return requested;
        }
        if (requested != next) {
            // Confluent answers 42201 here (an invalid schema), not 42202
            throw new RegistryException(ErrorCode.INVALID_SCHEMA, "Invalid version: version " + requested + " is not one more than"
                    + " the latest version " + (next - 1) + " of subject '" + subject + "'");
        }
        return requested;
    }

    /**
     * Finds or creates the content row for this identity in a context, under a lock so that it gets exactly one
     * id there.
     */
    private SchemaContentEntity content(int contextNumber, String context, ParsedSchema parsed, String identity,
                                        JsonNode metadata, JsonNode ruleSet, List<SchemaReference> references,
                                        Integer importId) {
        Locks.content(identity);
        boolean defaultContext = contextNumber == SchemaKeys.DEFAULT_CONTEXT;
        if (importId != null) {
            SchemaContentEntity existing = SchemaContentEntity.findById(SchemaKeys.of(contextNumber, importId));
            if (existing != null) {
                if (!existing.fingerprint.equals(identity)) {
                    // Confluent: overwriting an id with another schema is not permitted (42205)
                    throw RegistryException.notPermitted("Schema id " + importId
                            + " is already used by a different schema; overwriting it is not permitted");
                }
                return existing;
            }
            if (defaultContext) {
                Panache.getEntityManager().createNativeQuery("select 1 from (select setval('schema_id_seq',"
                                + " greatest(?1, (select last_value from schema_id_seq)))) s")
                        .setParameter(1, importId).getSingleResult();
            } else {
                contexts.reserve(contextNumber, importId);
            }
            return insertContent(SchemaKeys.of(contextNumber, importId), context, parsed, identity, metadata, ruleSet,
                    references);
        }
        SchemaContentEntity existing = SchemaContentEntity.find("fingerprint = ?1 and id between ?2 and ?3 order by id",
                identity, SchemaKeys.first(contextNumber), SchemaKeys.last(contextNumber)).firstResult();
        if (existing != null) {
            return existing;
        }
        // imports move the counter past every id they bind, so a generated id is always free
        int id = defaultContext ? ((Number) Panache.getEntityManager().createNativeQuery("select nextval('schema_id_seq')")
                .getSingleResult()).intValue() : contexts.nextId(contextNumber);
        return insertContent(SchemaKeys.of(contextNumber, id), context, parsed, identity, metadata, ruleSet, references);
    }

    private SchemaContentEntity insertContent(long key, String context, ParsedSchema parsed, String identity,
                                              JsonNode metadata, JsonNode ruleSet, List<SchemaReference> references) {
        SchemaContentEntity content = new SchemaContentEntity();
        content.id = key;
        content.fingerprint = identity;
        content.contentFingerprint = parsed.fingerprint();
        content.schemaType = parsed.type().name();
        content.schemaText = parsed.canonical();
        content.referencesJson = contents.writeReferences(references);
        content.metadataJson = metadata == null ? null : metadata.toString();
        content.ruleSetJson = ruleSet == null ? null : ruleSet.toString();
        content.createdAt = Instant.now();
        content.persist();
        for (int i = 0; i < references.size(); i++) {
            SchemaReferenceEntity reference = new SchemaReferenceEntity();
            reference.schemaId = key;
            reference.ordinal = i;
            reference.name = references.get(i).name();
            // qualified, so that "referenced by" and delete protection find it by the stored subject name
            reference.refSubject = QualifiedSubjects.relativeTo(context, references.get(i).subject());
            reference.refVersion = references.get(i).version();
            reference.persist();
        }
        return content;
    }

    /** The submission normalised when it asks to be or the subject's config says {@code normalize: true}. */
    private SchemaSubmission normalizedPerConfig(String subject, SchemaSubmission submission) {
        JsonNode configured = configs.effective(subject).field("normalize");
        return configured != null && configured.asBoolean() ? submission.normalized(true) : submission;
    }

    private ParsedSchema parse(String context, SchemaSubmission submission, List<SchemaReference> references) {
        try {
            return contents.parse(context, submission.type(), submission.schema(), references, submission.normalize());
        } catch (InvalidSchemaException e) {
            throw RegistryException.invalidSchema("Invalid schema: " + e.getMessage());
        }
    }

    private void checkSize(SchemaSubmission submission) {
        if (submission.schema() == null || submission.schema().isBlank()) {
            throw RegistryException.invalidSchema("Empty schema: the request has no \"schema\" text");
        }
        int bytes = submission.schema().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxSchemaBytes) {
            throw new RegistryException(ErrorCode.SCHEMA_TOO_LARGE, "Schema is " + bytes + " bytes; the limit is "
                    + maxSchemaBytes + " bytes (accord.max-schema-bytes)");
        }
    }

    /** A content row's identity: the content fingerprint with its metadata and rule set. */
    static String identity(ParsedSchema parsed, JsonNode metadata, JsonNode ruleSet) {
        return CanonicalJson.sha256(parsed.fingerprint(), metadata == null ? "" : CanonicalJson.canonical(metadata),
                ruleSet == null ? "" : CanonicalJson.canonical(ruleSet));
    }

    private static boolean sameJson(JsonNode a, JsonNode b) {
        if (DataContracts.isEmpty(a) && DataContracts.isEmpty(b)) {
            return true;
        }
        return a != null && b != null && CanonicalJson.canonical(a).equals(CanonicalJson.canonical(b));
    }
}
