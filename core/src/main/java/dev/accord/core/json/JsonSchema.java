package dev.accord.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.json.SchemaResources.Document;
import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.List;

/**
 * A parsed and validated JSON Schema, with the schemas of other subjects it references.
 *
 * <p>{@link #canonical()} is the schema's JSON without whitespace (keys sorted once normalised). {@link #resolved()} is a
 * self-contained bundle: each referenced schema (transitively) is embedded under {@code $defs} ({@code definitions}
 * before 2019-09) keyed by its reference name, with {@code $id} set to that name, so the {@code $ref}s of the
 * schema resolve to the embedded copies without being rewritten.
 */
public final class JsonSchema implements ParsedSchema {

    private final JsonSchemaDraft draft;
    private final JsonNode root;
    private final List<SchemaReference> references;
    private final SchemaNode model;
    private final List<Document> referenced;
    private final String canonical;
    private final String fingerprint;
    private volatile String resolved;

    JsonSchema(JsonSchemaDraft draft, JsonNode root, List<SchemaReference> references, SchemaNode model,
               List<Document> referenced, boolean normalized) {
        this.draft = draft;
        this.root = root;
        this.references = List.copyOf(references);
        this.model = model;
        this.referenced = List.copyOf(referenced);
        // as Confluent: whitespace never matters, key order only until the schema is normalised
        this.canonical = normalized ? CanonicalJson.canonical(root) : root.toString();
        this.fingerprint = CanonicalJson.orderedFingerprint(SchemaType.JSON.name(), canonical,
                canonical.equals(CanonicalJson.canonical(root)), CanonicalJson.referencesKey(this.references));
    }

    /** The draft the schema declares (draft 7 when it declares none). */
    public JsonSchemaDraft draft() {
        return draft;
    }

    /** A copy of the schema's JSON. */
    public JsonNode json() {
        return root.deepCopy();
    }

    /** The loaded form the compatibility comparison works on. */
    SchemaNode model() {
        return model;
    }

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<SchemaReference> references() {
        return references;
    }

    @Override
    public String resolved() {
        String bundle = resolved;
        if (bundle == null) {
            bundle = bundle();
            resolved = bundle;
        }
        return bundle;
    }

    private String bundle() {
        if (referenced.isEmpty() || !root.isObject()) {
            return canonical;
        }
        ObjectNode copy = (ObjectNode) root.deepCopy();
        String definitionsKeyword = draft.atLeast2019() ? "$defs" : "definitions";
        ObjectNode definitions = copy.get(definitionsKeyword) instanceof ObjectNode existing ? existing
                : copy.putObject(definitionsKeyword);
        for (Document document : referenced) {
            String key = document.name();
            for (int n = 2; definitions.has(key); n++) {
                key = document.name() + "~" + n;
            }
            JsonNode embedded = document.root().deepCopy();
            if (embedded instanceof ObjectNode object) {
                object.put(document.draft().idKeyword(), document.name());
                object.remove("$schema");
                embedded = object;
            } else {
                ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
                wrapper.put(document.draft().idKeyword(), document.name());
                if (!embedded.booleanValue()) {
                    wrapper.put("not", true);
                }
                embedded = wrapper;
            }
            definitions.set(key, embedded);
        }
        return CanonicalJson.canonical(copy);
    }

    @Override
    public String toString() {
        return canonical;
    }
}
