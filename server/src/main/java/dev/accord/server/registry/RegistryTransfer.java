package dev.accord.server.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import dev.accord.server.auth.Caller;
import dev.accord.server.store.EventLog;
import dev.accord.server.store.EventType;
import dev.accord.server.store.RegistryDump;
import dev.accord.server.store.RegistryDump.DekRow;
import dev.accord.server.store.RegistryDump.EventRow;
import dev.accord.server.store.RegistryDump.KekRow;
import dev.accord.server.store.ContextStore;
import dev.accord.server.store.RegistryDump.SchemaRow;
import dev.accord.server.store.SchemaKeys;
import dev.accord.server.store.RegistryDump.VersionRow;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Backup and migration with ids kept: the whole registry as one JSON-lines document, and that document loaded into
 * an empty registry. The document is a header line (format, version, counts) followed by one line per schema,
 * version, config, mode and, optionally, event; schemas come before the versions that point at them.
 */
@ApplicationScoped
public class RegistryTransfer {

    public static final String FORMAT = "accord-export";
    public static final int FORMAT_VERSION = 1;
    /** The fingerprint of a schema line that came without one, until the verification pass computes it. */
    private static final String UNCOMPUTED = "";

    @Inject
    RegistryDump dump;

    @Inject
    ObjectMapper json;

    @Inject
    EventLog events;

    @Inject
    ContextStore contexts;

    private final SchemaParsers parsers = new SchemaParsers();

    /** What an import loaded. */
    public record Imported(long schemas, long versions, long configs, long modes, long events, long keks,
                           long deks) {
        public Map<String, Long> asMap() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("schemas", schemas);
            counts.put("versions", versions);
            counts.put("configs", configs);
            counts.put("modes", modes);
            counts.put("events", events);
            counts.put("keks", keks);
            counts.put("deks", deks);
            return counts;
        }
    }

    /** Writes the registry, as one consistent snapshot, to {@code out}. */
    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeoutFromConfigProperty = "accord.transfer.timeout")
    public void export(OutputStream out, boolean withEvents) throws IOException {
        try {
            dump.snapshot();
            RegistryDump.Counts counts = dump.counts();
            ObjectNode header = json.createObjectNode();
            header.put("format", FORMAT);
            header.put("version", FORMAT_VERSION);
            header.put("exportedAt", Instant.now().toString());
            header.put("eventSequence", counts.newestEvent());
            header.put("schemas", counts.schemas());
            header.put("versions", counts.versions());
            header.put("configs", counts.configs());
            header.put("modes", counts.modes());
            header.put("events", withEvents ? counts.events() : 0);
            header.put("keks", counts.keks());
            header.put("deks", counts.deks());
            write(out, header);
            dump.schemas(row -> write(out, schemaLine(row)));
            dump.versions(row -> {
                ObjectNode line = line("version");
                line.put("subject", row.subject());
                line.put("version", row.version());
                line.put("id", SchemaKeys.id(row.schemaKey())); // in the subject's context
                line.put("deleted", row.deleted());
                putInstant(line, "createdAt", row.createdAt());
                write(out, line);
            });
            dump.configs(row -> {
                ObjectNode line = line("config");
                line.put("subject", row.subject());
                line.set("config", tree(row.value()));
                write(out, line);
            });
            dump.modes(row -> {
                ObjectNode line = line("mode");
                line.put("subject", row.subject());
                line.put("mode", row.value());
                write(out, line);
            });
            // the DEK registry: without its (encrypted) keys, encrypted fields of every message could not be read
            dump.keks(row -> {
                ObjectNode line = line("kek");
                line.put("name", row.name());
                line.put("kmsType", row.kmsType());
                line.put("kmsKeyId", row.kmsKeyId());
                if (row.kmsProps() != null) {
                    line.set("kmsProps", tree(row.kmsProps()));
                }
                line.put("doc", row.doc());
                line.put("shared", row.shared());
                line.put("deleted", row.deleted());
                putInstant(line, "updatedAt", row.updatedAt());
                write(out, line);
            });
            dump.deks(row -> {
                ObjectNode line = line("dek");
                line.put("kekName", row.kekName());
                line.put("subject", row.subject());
                line.put("algorithm", row.algorithm());
                line.put("version", row.version());
                line.put("encryptedKeyMaterial", row.encryptedKeyMaterial());
                line.put("deleted", row.deleted());
                putInstant(line, "updatedAt", row.updatedAt());
                write(out, line);
            });
            if (withEvents) {
                dump.events(row -> write(out, eventLine(row)));
            }
            out.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("Export failed: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private ObjectNode schemaLine(SchemaRow row) {
        ObjectNode line = line("schema");
        line.put("id", SchemaKeys.id(row.key()));
        if (SchemaKeys.context(row.key()) != SchemaKeys.DEFAULT_CONTEXT) {
            line.put("context", contexts.name(SchemaKeys.context(row.key())));
        }
        line.put("guid", row.guid());
        line.put("schemaType", row.schemaType());
        line.put("schema", row.schemaText());
        line.set("references", tree(row.referencesJson() == null ? "[]" : row.referencesJson()));
        if (row.metadataJson() != null) {
            line.set("metadata", tree(row.metadataJson()));
        }
        if (row.ruleSetJson() != null) {
            line.set("ruleSet", tree(row.ruleSetJson()));
        }
        line.put("fingerprint", row.fingerprint());
        line.put("contentFingerprint", row.contentFingerprint());
        putInstant(line, "createdAt", row.createdAt());
        return line;
    }

    private ObjectNode eventLine(EventRow row) {
        ObjectNode line = line("event");
        line.put("seq", row.seq());
        line.put("eventType", row.type());
        line.put("subject", row.subject());
        line.put("version", row.version());
        line.put("id", row.schemaId());
        line.set("payload", tree(row.payload()));
        line.put("actor", row.actor());
        line.put("remoteAddress", row.remoteAddress());
        putInstant(line, "createdAt", row.createdAt());
        return line;
    }

    /**
     * Loads an export document into this registry, which must hold no schema or version, keeping every id, version,
     * guid and deleted flag: one transaction, so a document that fails anywhere writes nothing.
     */
    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeoutFromConfigProperty = "accord.transfer.timeout")
    public Imported load(Caller caller, BufferedReader document, BooleanSupplier clientGone) throws IOException {
        try {
            return loadLines(caller, document, clientGone);
        } catch (SQLException e) {
            throw storeRefusal(e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "The document is not UTF-8 text");
        }
    }

    private Imported loadLines(Caller caller, BufferedReader document, BooleanSupplier clientGone)
            throws IOException, SQLException {
        dump.lockForImport();
        RegistryDump.Counts existing = dump.counts();
        if (existing.schemas() > 0 || existing.versions() > 0 || existing.keks() > 0) {
            throw new RegistryException(ErrorCode.CONFLICT, "This registry is not empty (" + existing.schemas()
                    + " schemas, " + existing.versions() + " versions, " + existing.keks() + " KEKs): an import keeps"
                    + " every id, so it goes into an"
                    + " empty registry");
        }
        String first = document.readLine();
        if (first == null || first.isBlank()) {
            throw invalid(1, "the document is empty; its first line is the export header");
        }
        JsonNode header = parse(1, first);
        if (!FORMAT.equals(header.path("format").asText()) || !header.path("version").canConvertToInt()) {
            throw invalid(1, "the first line is not an " + FORMAT + " header {\"format\":\"" + FORMAT
                    + "\",\"version\":" + FORMAT_VERSION + ",...}");
        }
        if (header.path("version").asInt() != FORMAT_VERSION) {
            throw invalid(1, "format version " + header.path("version").asInt() + " is not supported (this registry"
                    + " reads version " + FORMAT_VERSION + ")");
        }
        long schemas = 0, versions = 0, configs = 0, modes = 0, eventCount = 0, deks = 0;
        java.util.Set<String> keks = new java.util.HashSet<>();
        try (RegistryDump.Loader loader = dump.loader()) {
            String text;
            int number = 1;
            while ((text = document.readLine()) != null) {
                number++;
                if (number % 10_000 == 0) {
                    stopIfGone(clientGone);
                }
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = parse(number, text);
                switch (line.path("type").asText()) {
                    case "schema" -> {
                        if (versions > 0) {
                            throw invalid(number, "a schema line after version lines: schemas come first");
                        }
                        SchemaRow row = schemaRow(number, line);
                        loader.schema(row);
                        List<SchemaReference> references = references(number, row.referencesJson());
                        String context = contexts.name(SchemaKeys.context(row.key()));
                        for (int i = 0; i < references.size(); i++) {
                            SchemaReference reference = references.get(i);
                            loader.reference(row.key(), i, reference.name(),
                                    QualifiedSubjects.relativeTo(context, reference.subject()), reference.version());
                        }
                        schemas++;
                    }
                    case "version" -> {
                        loader.version(versionRow(number, line));
                        versions++;
                    }
                    case "config" -> {
                        String subject = settingSubject(number, line);
                        JsonNode config = line.get("config");
                        if (config == null || !config.isObject()) {
                            throw invalid(number, "a config line needs a \"config\" object");
                        }
                        String stored;
                        try {
                            stored = SubjectConfig.fromUpdate(config).toJson().toString();
                        } catch (RegistryException e) {
                            throw invalid(number, e.getMessage());
                        }
                        setting(loader, number, "registry_config", subject, stored);
                        configs++;
                    }
                    case "mode" -> {
                        String subject = settingSubject(number, line);
                        String mode = line.path("mode").asText();
                        if (Mode.fromName(mode).isEmpty()) {
                            throw invalid(number, "\"" + mode + "\" is not a mode");
                        }
                        setting(loader, number, "registry_mode", subject, mode);
                        modes++;
                    }
                    case "kek" -> {
                        KekRow row = kekRow(number, line);
                        if (!keks.add(row.name())) {
                            throw new RegistryException(ErrorCode.CONFLICT, "Line " + number + ": KEK '" + row.name()
                                    + "' appears twice");
                        }
                        loader.kek(row);
                    }
                    case "dek" -> {
                        DekRow row = dekRow(number, line);
                        if (!keks.contains(row.kekName())) {
                            throw invalid(number, "DEK of KEK '" + row.kekName() + "', which no earlier kek line"
                                    + " defines");
                        }
                        loader.dek(row);
                        deks++;
                    }
                    case "event" -> {
                        if (eventCount == 0 && existing.events() > 0) {
                            throw new RegistryException(ErrorCode.CONFLICT, "Line " + number + ": this registry"
                                    + " already has " + existing.events() + " events; its log cannot take the"
                                    + " document's numbering (export without events=true to move the registry alone)");
                        }
                        loader.event(eventRow(number, line));
                        eventCount++;
                    }
                    default -> throw invalid(number, "unknown line type \"" + line.path("type").asText()
                            + "\" (expected schema, version, config, mode, kek, dek or event)");
                }
            }
            loader.flush();
            checkCount(header, "schemas", schemas);
            checkCount(header, "versions", versions);
            checkCount(header, "configs", configs);
            checkCount(header, "modes", modes);
            checkCount(header, "events", eventCount);
            checkCount(header, "keks", keks.size());
            checkCount(header, "deks", deks);
            verifySchemas(clientGone);
            loader.advanceSequences();
        }
        stopIfGone(clientGone); // nobody would learn of this import: it is not committed
        Imported imported = new Imported(schemas, versions, configs, modes, eventCount, keks.size(), deks);
        events.append(caller, EventType.REGISTRY_IMPORTED, null, null, null, imported.asMap());
        return imported;
    }

    private static void stopIfGone(BooleanSupplier clientGone) {
        if (clientGone.getAsBoolean()) {
            throw new RegistryException(ErrorCode.BAD_REQUEST, "The client went away during the import; nothing"
                    + " was written");
        }
    }

    /** Every imported schema parses, its references resolve, and its fingerprints are the ones it came with. */
    private void verifySchemas(BooleanSupplier clientGone) throws SQLException {
        long[] verified = {0};
        dump.schemas(row -> {
            if (++verified[0] % 10_000 == 0) {
                stopIfGone(clientGone);
            }
            SchemaType type = SchemaType.valueOf(row.schemaType());
            ParsedSchema parsed;
            String context = contexts.name(SchemaKeys.context(row.key()));
            try {
                parsed = parsers.parse(type, row.schemaText(), references(0, row.referencesJson()), reference -> {
                    SchemaRow target;
                    try {
                        target = dump.schemaAt(QualifiedSubjects.relativeTo(context, reference.subject()),
                                reference.version());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    if (target == null) {
                        throw new InvalidSchemaException("reference " + reference.name() + " names subject '"
                                + reference.subject() + "' version " + reference.version()
                                + ", which the document does not contain");
                    }
                    return new ReferencedSchema(reference, SchemaType.valueOf(target.schemaType()),
                            target.schemaText(), references(0, target.referencesJson()));
                });
            } catch (InvalidSchemaException e) {
                throw new RegistryException(ErrorCode.INVALID_SCHEMA, "Schema id " + SchemaKeys.id(row.key())
                        + " (context " + context + ") of the document: "
                        + e.getMessage());
            }
            String identity = Registrations.identity(parsed, tree(row.metadataJson()), tree(row.ruleSetJson()));
            if (row.fingerprint().equals(UNCOMPUTED)) {
                dump.setFingerprints(row.key(), identity, parsed.fingerprint());
                return;
            }
            if (!parsed.fingerprint().equals(row.contentFingerprint()) || !identity.equals(row.fingerprint())) {
                throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Schema id " + SchemaKeys.id(row.key()) + " of the"
                        + " document does not match its fingerprint: its text, references, metadata or rule set"
                        + " were changed after export");
            }
        });
    }

    private void setting(RegistryDump.Loader loader, int number, String table, String subject, String value)
            throws SQLException {
        String present = dump.setting(table, subject);
        if (present != null && !present.equals(value)) {
            String what = table.equals("registry_config") ? "config" : "mode";
            throw new RegistryException(ErrorCode.CONFLICT, "Line " + number + ": this registry already has a "
                    + what + " for " + (subject.isEmpty() ? "the global level" : "subject '" + subject + "'")
                    + " that differs from the document's (" + present + ")");
        }
        loader.setting(table, subject, value);
    }

    private SchemaRow schemaRow(int number, JsonNode line) {
        int id = positiveInt(number, line, "id");
        String context = line.path("context").asText(QualifiedSubjects.DEFAULT_CONTEXT);
        if (!QualifiedSubjects.isContextName(context)) {
            throw invalid(number, "\"" + context + "\" is not a context name (it starts with '.', without ':')");
        }
        long key = SchemaKeys.of(contexts.numberCreating(context), id);
        String typeName = text(number, line, "schemaType");
        try {
            SchemaType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw invalid(number, "\"" + typeName + "\" is not a schema type");
        }
        String schema = text(number, line, "schema");
        JsonNode references = line.path("references");
        if (!references.isMissingNode() && !references.isArray()) {
            throw invalid(number, "\"references\" must be an array");
        }
        // a document written from another registry's API has no fingerprints: they are computed when verifying
        boolean fingerprinted = line.has("fingerprint") || line.has("contentFingerprint");
        String fingerprint = fingerprinted ? text(number, line, "fingerprint") : UNCOMPUTED;
        String contentFingerprint = fingerprinted ? text(number, line, "contentFingerprint") : UNCOMPUTED;
        String guid = line.path("guid").asText(null);
        if (guid != null && fingerprinted && !guid.equals(guidOf(fingerprint))) {
            throw invalid(number, "the guid of schema id " + id + " does not belong to its fingerprint");
        }
        return new SchemaRow(key, typeName, schema, references.isArray() ? references.toString() : "[]",
                objectOrNull(number, line, "metadata"), objectOrNull(number, line, "ruleSet"), fingerprint,
                contentFingerprint, guid, instant(number, line));
    }

    private VersionRow versionRow(int number, JsonNode line) {
        String subject = text(number, line, "subject");
        try {
            SubjectNames.validate(subject);
        } catch (RegistryException e) {
            throw invalid(number, e.getMessage());
        }
        JsonNode deleted = line.path("deleted");
        if (!deleted.isMissingNode() && !deleted.isBoolean()) {
            throw invalid(number, "\"deleted\" must be true or false");
        }
        String context = QualifiedSubjects.context(subject);
        int contextNumber = contexts.number(context).orElseThrow(() -> invalid(number, "subject '" + subject
                + "' is in context " + context + ", which no schema line of the document is in"));
        return new VersionRow(subject, positiveInt(number, line, "version"),
                SchemaKeys.of(contextNumber, positiveInt(number, line, "id")), deleted.asBoolean(false),
                instant(number, line));
    }

    private EventRow eventRow(int number, JsonNode line) {
        long seq = line.path("seq").canConvertToLong() ? line.path("seq").asLong() : 0;
        if (seq < 1) {
            throw invalid(number, "an event needs a positive \"seq\"");
        }
        JsonNode payload = line.path("payload");
        return new EventRow(seq, text(number, line, "eventType"), line.path("subject").asText(null),
                line.path("version").canConvertToInt() ? line.path("version").asInt() : null,
                line.path("id").canConvertToInt() ? line.path("id").asInt() : null,
                payload.isObject() ? payload.toString() : "{}", line.path("actor").asText(null),
                line.path("remoteAddress").asText(null), instant(number, line));
    }

    private static KekRow kekRow(int number, JsonNode line) {
        JsonNode props = line.get("kmsProps");
        if (props != null && !props.isNull() && !props.isObject()) {
            throw invalid(number, "\"kmsProps\" must be an object");
        }
        return new KekRow(text(number, line, "name"), text(number, line, "kmsType"), text(number, line, "kmsKeyId"),
                props == null || props.isNull() || props.isEmpty() ? null : props.toString(),
                line.path("doc").asText(null), line.path("shared").asBoolean(false),
                line.path("deleted").asBoolean(false), instant(number, line, "updatedAt"));
    }

    private static DekRow dekRow(int number, JsonNode line) {
        String algorithm = text(number, line, "algorithm");
        if (!EncryptionKeys.ALGORITHMS.contains(algorithm)) {
            throw invalid(number, "\"" + algorithm + "\" is not a DEK algorithm");
        }
        return new DekRow(text(number, line, "kekName"), text(number, line, "subject"), algorithm,
                positiveInt(number, line, "version"), line.path("encryptedKeyMaterial").asText(null),
                line.path("deleted").asBoolean(false), instant(number, line, "updatedAt"));
    }

    private String settingSubject(int number, JsonNode line) {
        JsonNode subject = line.get("subject");
        if (subject == null || !subject.isTextual()) {
            throw invalid(number, "a config or mode line needs a \"subject\" (\"\" for the global one)");
        }
        if (!subject.asText().isEmpty()) {
            try {
                SubjectNames.validate(subject.asText());
            } catch (RegistryException e) {
                throw invalid(number, e.getMessage());
            }
        }
        return subject.asText();
    }

    private List<SchemaReference> references(int number, String referencesJson) {
        List<SchemaReference> references = new ArrayList<>();
        JsonNode array = tree(referencesJson == null ? "[]" : referencesJson);
        for (JsonNode reference : array) {
            if (!reference.path("name").isTextual() || !reference.path("subject").isTextual()
                    || !reference.path("version").canConvertToInt() || reference.path("version").asInt() < 1) {
                throw invalid(number, "a reference needs a name, a subject and a concrete version");
            }
            references.add(new SchemaReference(reference.get("name").asText(), reference.get("subject").asText(),
                    reference.get("version").asInt()));
        }
        return references;
    }

    private static void checkCount(JsonNode header, String field, long loaded) {
        if (header.has(field) && header.get(field).asLong() != loaded) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "The header announces "
                    + header.get(field).asLong() + " " + field + " but the document holds " + loaded
                    + ": it is truncated or was edited");
        }
    }

    /** A unique or foreign-key violation is the document's fault; anything else is the store's. */
    private static RuntimeException storeRefusal(SQLException e) {
        SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String state = cause.getSQLState();
        String detail = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
        if ("23505".equals(state)) {
            return new RegistryException(ErrorCode.CONFLICT, "The document names one thing twice: " + detail);
        }
        if ("23503".equals(state)) {
            return new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "A version points at a schema id the"
                    + " document does not contain (schemas come before versions): " + detail);
        }
        if ("22P05".equals(state) || "22021".equals(state)) {
            return new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "The document holds text PostgreSQL cannot"
                    + " store: " + detail);
        }
        return new IllegalStateException("Import failed in the store: " + detail, e);
    }

    static String guidOf(String fingerprint) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(fingerprint.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(int number, String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw invalid(number, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid(number, "not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static int positiveInt(int number, JsonNode line, String field) {
        JsonNode value = line.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
            throw invalid(number, "\"" + field + "\" must be a positive integer");
        }
        return value.asInt();
    }

    private static String text(int number, JsonNode line, String field) {
        JsonNode value = line.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw invalid(number, "\"" + field + "\" is missing");
        }
        if (value.asText().indexOf('\0') >= 0) {
            throw invalid(number, "\"" + field + "\" holds a NUL character");
        }
        return value.asText();
    }

    private static String objectOrNull(int number, JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid(number, "\"" + field + "\" must be an object");
        }
        return value.toString();
    }

    private static Instant instant(int number, JsonNode line) {
        return instant(number, line, "createdAt");
    }

    private static Instant instant(int number, JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw invalid(number, "\"" + field + "\" is not an ISO-8601 instant");
        }
    }

    private static RegistryException invalid(int number, String message) {
        return new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Line " + number + ": " + message);
    }

    private ObjectNode line(String type) {
        ObjectNode line = json.createObjectNode();
        line.put("type", type);
        return line;
    }

    private static void putInstant(ObjectNode line, String field, Instant instant) {
        if (instant != null) {
            line.put(field, instant.toString());
        }
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is invalid: " + text, e);
        }
    }

    private void write(OutputStream out, JsonNode line) {
        try {
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
