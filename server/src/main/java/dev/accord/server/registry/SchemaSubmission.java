package dev.accord.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.List;

/**
 * A schema sent to register, look up or check.
 *
 * @param id      explicit global id (IMPORT mode only), or null
 * @param version explicit version number, or null for the next one
 */
public record SchemaSubmission(String schema, SchemaType type, List<SchemaReference> references,
                               JsonNode metadata, JsonNode ruleSet, Integer id, Integer version) {
    public SchemaSubmission {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
