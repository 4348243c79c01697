package dev.accord.core.compat;

import dev.accord.core.schema.ParsedSchema;

/** An earlier version of a subject, as compatibility checks see it. */
public record VersionedSchema(int version, ParsedSchema schema) {
}
