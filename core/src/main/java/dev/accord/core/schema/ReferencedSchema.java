package dev.accord.core.schema;

import java.util.List;

/** The content a {@link SchemaReference} resolved to, with the references of its own. */
public record ReferencedSchema(SchemaReference reference, SchemaType type, String schema,
                               List<SchemaReference> references) {
    public ReferencedSchema {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
