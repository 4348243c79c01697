package dev.accord.core.json;

import com.networknt.schema.SpecificationVersion;

import java.util.Locale;
import java.util.Optional;

/** The JSON Schema drafts Accord accepts, named by the {@code $schema} URI of their meta-schema. */
public enum JsonSchemaDraft {
    DRAFT_4("http://json-schema.org/draft-04/schema", SpecificationVersion.DRAFT_4),
    DRAFT_6("http://json-schema.org/draft-06/schema", SpecificationVersion.DRAFT_6),
    DRAFT_7("http://json-schema.org/draft-07/schema", SpecificationVersion.DRAFT_7),
    DRAFT_2019_09("https://json-schema.org/draft/2019-09/schema", SpecificationVersion.DRAFT_2019_09),
    DRAFT_2020_12("https://json-schema.org/draft/2020-12/schema", SpecificationVersion.DRAFT_2020_12);

    /** The draft of a schema that declares no {@code $schema}, as in Confluent's registry. */
    public static final JsonSchemaDraft DEFAULT = DRAFT_7;

    private final String uri;
    private final SpecificationVersion specification;

    JsonSchemaDraft(String uri, SpecificationVersion specification) {
        this.uri = uri;
        this.specification = specification;
    }

    /** The canonical {@code $schema} URI. */
    public String uri() {
        return uri;
    }

    SpecificationVersion specification() {
        return specification;
    }

    /** True from 2019-09 on: {@code $defs}, {@code $anchor}, {@code dependentRequired}, {@code unevaluated*}. */
    public boolean atLeast2019() {
        return this == DRAFT_2019_09 || this == DRAFT_2020_12;
    }

    /** The keyword holding a subschema's identifier ({@code id} in draft 4). */
    String idKeyword() {
        return this == DRAFT_4 ? "id" : "$id";
    }

    /** The draft named by a {@code $schema} value; http/https, a trailing '#' and letter case do not matter. */
    public static Optional<JsonSchemaDraft> fromUri(String schemaUri) {
        String normalized = normalize(schemaUri);
        for (JsonSchemaDraft draft : values()) {
            if (normalize(draft.uri).equals(normalized)) {
                return Optional.of(draft);
            }
        }
        return Optional.empty();
    }

    private static String normalize(String uri) {
        String u = uri.trim().toLowerCase(Locale.ROOT);
        if (u.endsWith("#")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.replaceFirst("^https?://", "");
    }
}
