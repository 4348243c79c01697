package dev.accord.core;

import dev.accord.core.avro.AvroSchema;
import dev.accord.core.avro.AvroSchemaParser;
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

/** Small helpers for writing Avro schemas in tests. */
public final class TestSchemas {

    private TestSchemas() {
    }

    /** JSON written with single quotes, for readability; the schemas in tests never contain a real quote. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** Parses an Avro schema (single quotes allowed) that has no references. */
    public static AvroSchema avro(String singleQuoted) {
        return new AvroSchemaParser().parse(json(singleQuoted), List.of(), ReferenceResolver.NONE);
    }

    /** A record named {@code name} with the given fields (each a JSON object in single quotes). */
    public static String record(String name, String... fields) {
        return "{'type':'record','name':'" + name + "','fields':[" + String.join(",", fields) + "]}";
    }

    public static String field(String name, String type) {
        return "{'name':'" + name + "','type':" + type + "}";
    }

    public static String field(String name, String type, String defaultValue) {
        return "{'name':'" + name + "','type':" + type + ",'default':" + defaultValue + "}";
    }

    public static String quoted(String primitive) {
        return "'" + primitive + "'";
    }

    /** Versions 1..n of a subject, in ascending order. */
    public static List<VersionedSchema> versions(String... singleQuotedSchemas) {
        List<VersionedSchema> versions = new ArrayList<>();
        for (int i = 0; i < singleQuotedSchemas.length; i++) {
            versions.add(new VersionedSchema(i + 1, avro(singleQuotedSchemas[i])));
        }
        return versions;
    }

    /** An in-memory set of subjects for reference resolution; counts how often it was asked. */
    public static final class Subjects implements ReferenceResolver {
        private final Map<String, ReferencedSchema> byKey = new LinkedHashMap<>();
        private final Map<String, Integer> lookups = new LinkedHashMap<>();

        /** Registers {@code schema} (single quotes allowed) as version {@code version} of {@code subject}. */
        public SchemaReference put(String name, String subject, int version, String schema,
                                   SchemaReference... references) {
            SchemaReference reference = new SchemaReference(name, subject, version);
            byKey.put(subject + "@" + version,
                    new ReferencedSchema(reference, SchemaType.AVRO, json(schema), List.of(references)));
            return reference;
        }

        public void putRaw(ReferencedSchema schema) {
            byKey.put(schema.reference().subject() + "@" + schema.reference().version(), schema);
        }

        public int lookups(String subject, int version) {
            return lookups.getOrDefault(subject + "@" + version, 0);
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
