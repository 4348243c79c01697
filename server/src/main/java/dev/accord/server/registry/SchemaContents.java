package dev.accord.server.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SchemaFormats;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import dev.accord.server.store.ContextStore;
import dev.accord.server.store.SchemaContentEntity;
import dev.accord.server.store.SchemaKeys;
import dev.accord.server.store.SubjectVersionEntity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schema contents by key (context and id, see {@link SchemaKeys}). Contents never change, so they are kept in memory after the first load;
 * only a permanent delete removes one, and then every cache of it is told.
 */
@ApplicationScoped
public class SchemaContents {

    private static final TypeReference<List<SchemaReference>> REFERENCE_LIST = new TypeReference<>() {
    };

    private final SchemaParsers parsers = new SchemaParsers();
    private BoundedCache<Long, StoredSchema> stored;
    private BoundedCache<Long, ParsedSchema> parsed;

    @Inject
    Caches caches;

    @Inject
    ObjectMapper json;

    @Inject
    Event<ContentRemoved> removals;

    @Inject
    ContextStore contexts;

    @PostConstruct
    void createCaches() {
        stored = caches.create("schema-text", 0.25, SchemaContents::weight);
        // a parsed model takes about 15 times its canonical text on the heap (measured for each format)
        parsed = caches.create("parsed-schema", 0.5, schema -> 16L * schema.canonical().length() + 2_048);
    }

    /** Estimated heap bytes of a stored schema: its texts, plus metadata and rules as JSON trees. */
    static long weight(StoredSchema schema) {
        long bytes = 2L * schema.schema().length() + 1_024 + 128L * schema.references().size();
        if (schema.metadata() != null) {
            bytes += 8L * schema.metadata().toString().length();
        }
        if (schema.ruleSet() != null) {
            bytes += 8L * schema.ruleSet().toString().length();
        }
        return bytes;
    }

    /** Tells caches that a content key no longer exists (null: possibly any key). */
    public record ContentRemoved(Long key) {
    }

    /** The cached content, or null when it has not been loaded yet (never touches the database). */
    public StoredSchema cached(long key) {
        return stored.get(key);
    }

    /** The content with this key; needs a transaction when not cached. */
    public Optional<StoredSchema> byKey(long key) {
        StoredSchema schema = stored.get(key);
        if (schema != null) {
            return Optional.of(schema);
        }
        SchemaContentEntity entity = SchemaContentEntity.findById(key);
        if (entity == null) {
            return Optional.empty();
        }
        schema = toStored(entity);
        stored.put(key, schema);
        return Optional.of(schema);
    }

    /** Loads every id of a list that is not cached yet in one query, so that showing a page is not N+1 queries. */
    public void preload(java.util.Collection<Long> keys) {
        List<Long> missing = keys.stream().distinct().filter(key -> stored.get(key) == null).toList();
        if (missing.isEmpty()) {
            return;
        }
        for (SchemaContentEntity entity : SchemaContentEntity.<SchemaContentEntity>list("id in ?1", missing)) {
            stored.put(entity.id, toStored(entity));
        }
    }

    public StoredSchema require(long key) {
        return byKey(key).orElseThrow(() -> new IllegalStateException("Schema content " + key + " is missing"));
    }

    public StoredSchema toStored(SchemaContentEntity entity) {
        return new StoredSchema(entity.id, SchemaType.valueOf(entity.schemaType), entity.schemaText,
                readReferences(entity.referencesJson), readTree(entity.metadataJson), readTree(entity.ruleSetJson),
                entity.fingerprint, entity.contentFingerprint);
    }

    /** The parsed form of stored content, for compatibility checks. */
    public ParsedSchema parsed(StoredSchema schema) {
        return parsed.computeIfAbsent(schema.key(), key -> parsers.parse(schema.type(), schema.schema(),
                schema.references(), storedReferences(contexts.name(schema.contextNumber()))));
    }

    /**
     * The text to show for a {@code format} query parameter: one of the format's renderings (Avro and JSON
     * Schema "resolved", Protobuf "serialized" and "ignore_extensions"), else the stored text. Unknown formats are
     * ignored, as in Confluent's registry.
     */
    public String formatted(StoredSchema schema, String format) {
        if (format == null || format.isBlank()) {
            return schema.schema();
        }
        SchemaFormat schemaFormat = SchemaFormats.of(schema.type());
        if (schemaFormat.renderings().stream().noneMatch(format::equalsIgnoreCase)) {
            return schema.schema();
        }
        return schemaFormat.render(parsed(schema), format).orElse(schema.schema());
    }

    /**
     * Parses submitted content, resolving its (already version-resolved) references from storage; unqualified
     * reference subjects are in {@code context}.
     */
    public ParsedSchema parse(String context, SchemaType type, String text, List<SchemaReference> references,
                              boolean normalize) {
        return parsers.parse(type, text, references, storedReferences(context), normalize);
    }

    /**
     * References with "latest" (-1) replaced by the concrete latest live version; 42201 for missing ones. The
     * subject names stay as given: an unqualified one is in {@code context}, the referring schema's.
     */
    public List<SchemaReference> resolveReferences(String context, List<SchemaReference> references) {
        List<SchemaReference> resolved = new ArrayList<>();
        for (SchemaReference reference : references) {
            if (reference.name() == null || reference.name().isBlank()) {
                throw RegistryException.invalidSchema("Invalid reference: every reference needs a name");
            }
            if (reference.subject() == null || reference.subject().isBlank()) {
                throw RegistryException.invalidSchema("Invalid reference " + reference.name() + ": no subject");
            }
            String subject = QualifiedSubjects.relativeTo(context, reference.subject());
            List<SubjectVersionEntity> live = SubjectVersionEntity.ofSubject(subject).stream()
                    .filter(r -> !r.deleted).toList();
            SubjectVersionEntity target;
            if (reference.version() == -1) {
                if (live.isEmpty()) {
                    throw RegistryException.invalidSchema("Invalid reference " + reference.name() + ": subject '"
                            + reference.subject() + "' has no versions");
                }
                target = live.get(live.size() - 1);
            } else {
                target = live.stream().filter(r -> r.version == reference.version()).findFirst()
                        .orElseThrow(() -> RegistryException.invalidSchema("Invalid reference " + reference.name()
                                + ": subject '" + reference.subject() + "' has no version " + reference.version()));
            }
            resolved.add(new SchemaReference(reference.name(), reference.subject(), target.version));
        }
        return resolved;
    }

    /** Resolves references with concrete versions to stored content, soft-deleted versions included. */
    private ReferenceResolver storedReferences(String context) {
        return reference -> {
            SubjectVersionEntity row = SubjectVersionEntity.find(
                    QualifiedSubjects.relativeTo(context, reference.subject()), reference.version());
            if (row == null) {
                throw new InvalidSchemaException("Invalid reference " + reference.name() + ": subject '"
                        + reference.subject() + "' has no version " + reference.version());
            }
            StoredSchema target = require(row.schemaId);
            return new ReferencedSchema(reference, target.type(), target.schema(), target.references());
        };
    }

    public void removed(long key) {
        stored.remove(key);
        parsed.remove(key);
        removals.fire(new ContentRemoved(key));
    }

    /** Another instance removed content: drop everything, it is reloaded on demand. */
    public void removedElsewhere() {
        stored.clear();
        parsed.clear();
        removals.fire(new ContentRemoved(null));
    }

    public String writeReferences(List<SchemaReference> references) {
        try {
            return json.writeValueAsString(references);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SchemaReference> readReferences(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, REFERENCE_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored references are not JSON: " + text, e);
        }
    }

    private JsonNode readTree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is invalid: " + text, e);
        }
    }
}
