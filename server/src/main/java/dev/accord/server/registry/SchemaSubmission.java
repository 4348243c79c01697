package dev.accord.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.List;

/**
 * A schema sent to register, look up or check.
 *
 * @param id        explicit global id (IMPORT mode only), or null
 * @param version   explicit version number, or null for the next one
 * @param normalize true when the request asks for the normalised form ({@code normalize=true})
 */
public record SchemaSubmission(String schema, SchemaType type, List<SchemaReference> references,
                               JsonNode metadata, JsonNode ruleSet, Integer id, Integer version, boolean normalize) {
    public SchemaSubmission {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** The same submission, normalised or not. */
    public SchemaSubmission normalized(boolean normalized) {
        return new SchemaSubmission(schema, type, references, metadata, ruleSet, id, version, normalized);
    }
}
