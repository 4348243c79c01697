package dev.accord.core.schema;

import java.util.List;

/** A schema that parsed and validated, with its canonical text and content identity. */
public interface ParsedSchema {

    SchemaType type();

    /** The canonical text: what the registry stores and returns. */
    String canonical();

    /** Content identity: equal for schemas that differ only in whitespace or JSON key order. */
    String fingerprint();

    List<SchemaReference> references();

    /** The schema with referenced types inlined (the {@code format=resolved} view). */
    String resolved();
}
