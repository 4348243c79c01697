package dev.accord.core.schema;

import dev.accord.core.avro.AvroSchemaParser;
import dev.accord.core.json.JsonSchemaParser;

import java.util.List;

/** Parses a schema of any supported type; the one entry point the server and the build plugin share. */
public final class SchemaParsers {

    private final AvroSchemaParser avro = new AvroSchemaParser();
    private final JsonSchemaParser json = new JsonSchemaParser();

    public ParsedSchema parse(SchemaType type, String text, List<SchemaReference> references,
                              ReferenceResolver resolver) {
        List<SchemaReference> refs = references == null ? List.of() : references;
        return switch (type) {
            case AVRO -> avro.parse(text, refs, resolver);
            case JSON -> json.parse(text, refs, resolver);
            case PROTOBUF -> throw new InvalidSchemaException("Schema type " + type
                    + " is not supported yet; this registry accepts AVRO and JSON schemas");
        };
    }

    /** The schema types this build can parse. */
    public static List<SchemaType> supportedTypes() {
        return List.of(SchemaType.AVRO, SchemaType.JSON);
    }
}
