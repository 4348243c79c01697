package dev.accord.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.json.SchemaResources.Document;
import dev.accord.core.json.SchemaResources.Location;
import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.ReferenceWalker;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates JSON Schemas: the JSON itself (nesting bounded), the schema against the meta-schema of
 * its {@code $schema} (draft 7 when absent), and every {@code $ref} (local pointers and anchors, {@code $id}s, and
 * schemas of other subjects named by the references).
 */
public final class JsonSchemaParser {

    public JsonSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver) {
        return parse(text, references, resolver, false);
    }

    /** Parses; {@code normalize} orders the object keys of the schema's identity (Confluent's normalize=true). */
    public JsonSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver,
                            boolean normalize) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        List<SchemaReference> refs = references == null ? List.of() : List.copyOf(references);
        JsonNode root = CanonicalJson.parse(text);
        JsonSchemaDraft draft = draftOf(root);
        MetaSchemas.validate(root, draft);

        SchemaResources resources = new SchemaResources();
        Document document = new Document(null, root, draft, baseOf(root, draft, SchemaResources.DEFAULT_BASE));
        resources.add(document);
        List<Document> referenced = new ArrayList<>();
        new ReferenceWalker(SchemaType.JSON, "a JSON Schema can only reference JSON Schemas", resolver, true)
                .walk(refs, document.base(), (schema, referrerBase) -> {
                    Document loaded = load(schema, referrerBase, resources);
                    referenced.add(loaded);
                    return loaded.base();
                });
        Location rootLocation = new Location(document, "", document.base());
        SchemaNode model = new SchemaModelLoader(resources).loadRoot(root, rootLocation);
        // a $ref to nothing is an error even where no validation would follow it (an unused definition)
        for (SchemaResources.RefSite site : resources.refSites(document)) {
            resources.resolve(site.ref(), site.location());
        }
        return new JsonSchema(draft, root, refs, model, referenced, normalize);
    }

    /** Adds a referenced document, known by its reference name resolved against its referrer's base. */
    private static Document load(ReferencedSchema schema, URI referrerBase, SchemaResources resources) {
        SchemaReference reference = schema.reference();
        String what = "referenced schema '" + reference.name() + "' (subject '" + reference.subject() + "' version "
                + reference.version() + ")";
        JsonNode root;
        try {
            root = CanonicalJson.parse(schema.schema());
        } catch (InvalidSchemaException e) {
            throw new InvalidSchemaException("Invalid " + what + ": " + e.getMessage(), e);
        }
        JsonSchemaDraft draft = draftOf(root);
        URI named = resolveName(referrerBase, reference.name());
        Document document = new Document(reference.name(), root, draft, baseOf(root, draft, named));
        resources.add(document, named.toString(), reference.name());
        return document;
    }

    private static URI resolveName(URI base, String name) {
        try {
            return base.resolve(new URI(name));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidSchemaException("Reference name '" + name + "' is not a valid URI: " + e.getMessage());
        }
    }

    /** The draft a document declares in {@code $schema}, draft 7 when it declares none. */
    static JsonSchemaDraft draftOf(JsonNode root) {
        if (root.isBoolean()) {
            return JsonSchemaDraft.DEFAULT;
        }
        if (!root.isObject()) {
            throw new InvalidSchemaException("Invalid schema: a JSON Schema is an object or a boolean, not "
                    + root.getNodeType().name().toLowerCase());
        }
        JsonNode declared = root.get("$schema");
        if (declared == null) {
            return JsonSchemaDraft.DEFAULT;
        }
        if (!declared.isTextual()) {
            throw new InvalidSchemaException("Invalid schema at '#/$schema': must be a URI string");
        }
        return JsonSchemaDraft.fromUri(declared.textValue()).orElseThrow(() -> new InvalidSchemaException(
                "Invalid schema at '#/$schema': unknown meta-schema '" + declared.textValue() + "'; supported are "
                        + "draft-04, draft-06, draft-07, 2019-09 and 2020-12"));
    }

    /** The base URI of a document: its root {@code $id} resolved against where it was found. */
    private static URI baseOf(JsonNode root, JsonSchemaDraft draft, URI retrieval) {
        JsonNode id = root.isObject() ? root.get(draft.idKeyword()) : null;
        if (id == null || !id.isTextual() || id.textValue().startsWith("#")) {
            return retrieval;
        }
        try {
            return retrieval.resolve(new URI(id.textValue()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidSchemaException("Invalid schema at '#/" + draft.idKeyword() + "': '" + id.textValue()
                    + "' is not a valid URI: " + e.getMessage());
        }
    }
}
