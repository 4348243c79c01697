package dev.accord.core.schema;

import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SchemaFormats;

import java.util.List;

/** Parses a schema of any supported type; the one entry point the server and the build plugin share. */
public final class SchemaParsers {

    public ParsedSchema parse(SchemaType type, String text, List<SchemaReference> references,
                              ReferenceResolver resolver) {
        return parse(type, text, references, resolver, false);
    }

    /** Parses, normalised when asked ({@code normalize=true}). */
    public ParsedSchema parse(SchemaType type, String text, List<SchemaReference> references,
                              ReferenceResolver resolver, boolean normalize) {
        return SchemaFormats.of(type).parse(text, references == null ? List.of() : references, resolver, normalize);
    }

    /** The schema types this build can parse. */
    public static List<SchemaType> supportedTypes() {
        return SchemaFormats.all().stream().map(SchemaFormat::type).toList();
    }
}
