package dev.accord.core.json;

import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.accord.core.TestSchemas.json;

/** Helpers for writing JSON Schemas in tests (single quotes allowed, as in {@link dev.accord.core.TestSchemas}). */
final class JsonTestSchemas {

    static final String DRAFT_2020 = "'$schema':'https://json-schema.org/draft/2020-12/schema'";

    private JsonTestSchemas() {
    }

    /** Parses a JSON Schema without references. */
    static JsonSchema schema(String singleQuoted) {
        return new JsonSchemaParser().parse(json(singleQuoted), List.of(), ReferenceResolver.NONE);
    }

    /** Versions 1..n of a subject, in ascending order. */
    static List<VersionedSchema> versions(String... singleQuotedSchemas) {
        List<VersionedSchema> versions = new ArrayList<>();
        for (int i = 0; i < singleQuotedSchemas.length; i++) {
            versions.add(new VersionedSchema(i + 1, schema(singleQuotedSchemas[i])));
        }
        return versions;
    }

    /** An object schema with the given properties (a JSON object body in single quotes) and extra keywords. */
    static String object(String properties, String... extra) {
        StringBuilder text = new StringBuilder("{'type':'object','properties':{" + properties + "}");
        for (String keyword : extra) {
            text.append(',').append(keyword);
        }
        return text.append('}').toString();
    }

    /** In-memory JSON subjects for reference resolution; counts lookups. */
    static final class JsonSubjects implements ReferenceResolver {
        private final Map<String, ReferencedSchema> byKey = new LinkedHashMap<>();
        private final Map<String, Integer> lookups = new LinkedHashMap<>();

        SchemaReference put(String name, String subject, int version, String singleQuoted,
                            SchemaReference... references) {
            SchemaReference reference = new SchemaReference(name, subject, version);
            byKey.put(subject + "@" + version,
                    new ReferencedSchema(reference, SchemaType.JSON, json(singleQuoted), List.of(references)));
            return reference;
        }

        void putRaw(ReferencedSchema schema) {
            byKey.put(schema.reference().subject() + "@" + schema.reference().version(), schema);
        }

        int lookups(String subject, int version) {
            return lookups.getOrDefault(subject + "@" + version, 0);
        }

        JsonSchema parse(String singleQuoted, SchemaReference... references) {
            return new JsonSchemaParser().parse(json(singleQuoted), List.of(references), this);
        }

        @Override
        public ReferencedSchema resolve(SchemaReference reference) {
            String key = reference.subject() + "@" + reference.version();
            lookups.merge(key, 1, Integer::sum);
            ReferencedSchema found = byKey.get(key);
            if (found == null) {
                throw new InvalidSchemaException("Subject '" + reference.subject() + "' has no version "
                        + reference.version());
            }
            return found;
        }
    }
}
