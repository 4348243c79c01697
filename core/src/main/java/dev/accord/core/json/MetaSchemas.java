package dev.accord.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import dev.accord.core.schema.InvalidSchemaException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Validates a schema against the meta-schema of its draft (the meta-schemas ship in the validator's jar). */
final class MetaSchemas {

    private static final Map<JsonSchemaDraft, Schema> META_SCHEMAS = new EnumMap<>(JsonSchemaDraft.class);

    private MetaSchemas() {
    }

    /** Throws {@link InvalidSchemaException} pointing at the first keyword the meta-schema rejects. */
    static void validate(JsonNode schema, JsonSchemaDraft draft) {
        List<Error> errors;
        try {
            errors = metaSchema(draft).validate(schema);
        } catch (StackOverflowError e) {
            throw new InvalidSchemaException("Invalid schema: nested too deeply to check against the " + draft.uri()
                    + " meta-schema");
        } catch (RuntimeException e) {
            throw new InvalidSchemaException("Invalid schema: the " + draft.uri() + " meta-schema cannot check it: "
                    + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String at = first.getInstanceLocation() == null ? "" : first.getInstanceLocation().toString();
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problem"
                    + (errors.size() > 2 ? "s" : "") + ")" : "";
            throw new InvalidSchemaException("Invalid schema at '#" + at + "': " + first.getMessage()
                    + " (keyword '" + first.getKeyword() + "' of the " + draft.uri() + " meta-schema)" + more);
        }
    }

    private static synchronized Schema metaSchema(JsonSchemaDraft draft) {
        return META_SCHEMAS.computeIfAbsent(draft, d -> SchemaRegistry.withDefaultDialect(d.specification())
                .getSchema(SchemaLocation.of(d.specification().getDialectId())));
    }
}
