package dev.accord.core.avro;

import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.ReferenceWalker;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaLimits;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates Avro schemas. Named types defined by referenced schemas (resolved depth first, each
 * once) are known to the schema that references them, as in Confluent's registry.
 */
public final class AvroSchemaParser {

    public AvroSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver) {
        return parse(text, references, resolver, false);
    }

    /** Parses; {@code normalize} gives the schema Confluent's normalised identity (normalize=true). */
    public AvroSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver,
                            boolean normalize) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> importedTypes = new LinkedHashMap<>();
        new ReferenceWalker(SchemaType.AVRO, "an Avro schema can only reference Avro schemas", resolver, false)
                .walk(references, null, new ReferenceWalker.Visitor<Void>() {
                    @Override
                    public Void enter(ReferencedSchema referenced, Void referrer) {
                        return null;
                    }

                    @Override
                    public void leave(ReferencedSchema referenced, Void context) {
                        // dependencies first: a referenced schema may use the types of its own references
                        parseReference(referenced, parser, importedTypes);
                    }
                });
        CanonicalJson.checkDepth(text);
        Schema schema = parseWith(parser, text, "Invalid schema");
        // Each text is depth-checked on its own, but references chain texts together: check the whole graph
        // (the compatibility checker and resolved() recurse over it), and the defaults Avro only half checks
        // (in this schema's own records; referenced ones were judged when they were registered).
        int nodes = new SchemaWalk().check(schema, record -> !importedTypes.containsKey(record.getFullName()));
        List<Schema> referencedTypes = new ArrayList<>();
        for (Schema named : parser.getTypes().values()) {
            if (named.getType() == Schema.Type.ENUM) {
                SchemaLimits.checkEnum("Enum " + named.getFullName(), named.getEnumSymbols().size());
            }
            if (importedTypes.containsKey(named.getFullName())) {
                referencedTypes.add(named);
            }
        }
        return new AvroSchema(schema, references, referencedTypes, nodes, normalize);
    }

    private static void parseReference(ReferencedSchema referenced, Schema.Parser parser,
                                       Map<String, Schema> importedTypes) {
        SchemaReference reference = referenced.reference();
        CanonicalJson.checkDepth(referenced.schema());
        Set<String> before = new HashSet<>(parser.getTypes().keySet());
        parseWith(parser, referenced.schema(), "Invalid referenced schema '" + reference.name() + "' (subject '"
                + reference.subject() + "' version " + reference.version() + ")");
        for (Map.Entry<String, Schema> entry : parser.getTypes().entrySet()) {
            if (!before.contains(entry.getKey())) {
                importedTypes.put(entry.getKey(), entry.getValue());
            }
        }
    }

    private static Schema parseWith(Schema.Parser parser, String text, String what) {
        try {
            return parser.parse(text);
        } catch (AvroRuntimeException e) {
            throw new InvalidSchemaException(what + ": " + describe(e), e);
        } catch (StackOverflowError e) {
            throw new InvalidSchemaException(what + ": schema is nested too deeply");
        } catch (NullPointerException e) {
            // Avro 1.12 fails this way when the whole schema is an undefined name, e.g. "Undefined" or
            // {"type": "strin"}; say so the way it does for an undefined name inside a schema
            if (e.getMessage() != null && e.getMessage().contains("UnresolvedSchema")) {
                throw new InvalidSchemaException(what + ": Undefined schema: " + topLevelName(text), e);
            }
            throw new InvalidSchemaException(what + ": NullPointerException"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (RuntimeException e) {
            // Avro lets some JSON shape errors escape as NullPointerException or ClassCastException
            throw new InvalidSchemaException(what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** The type name a schema text consists of: the text itself when a JSON string, else its "type". */
    private static String topLevelName(String text) {
        try {
            JsonNode node = CanonicalJson.parse(text);
            if (node.isObject() && node.path("type").isTextual()) {
                node = node.get("type");
            }
            return node.isTextual() ? node.textValue() : node.toString();
        } catch (InvalidSchemaException e) {
            return text.strip();
        }
    }

    private static String describe(AvroRuntimeException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null) {
            return "invalid JSON at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ": " + json.getOriginalMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
