package dev.accord.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.List;

/** A schema content row as the API sees it: immutable, addressed by its global id. */
public record StoredSchema(int id, SchemaType type, String schema, List<SchemaReference> references,
                           JsonNode metadata, JsonNode ruleSet, String fingerprint, String contentFingerprint) {
    public StoredSchema {
        references = List.copyOf(references);
    }
}
