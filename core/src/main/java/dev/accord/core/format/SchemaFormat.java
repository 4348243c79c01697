package dev.accord.core.format;

import dev.accord.core.compat.Rule;
import dev.accord.core.compat.SchemaDiffer;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.List;
import java.util.Optional;

/**
 * Everything Accord knows about one schema format, in one place: its names and files, its parser, canonical form
 * and renderings, its differ and rules, and how build tools read its files. The server, the diff API, the UI and
 * the build plugin ask {@link SchemaFormats} for a format instead of switching on the type.
 */
public interface SchemaFormat {

    /** The wire name of the format ({@code schemaType}). */
    SchemaType type();

    /** The name people use for the format ("JSON Schema"). */
    String displayName();

    /** The file extensions of the format's schema files, longest first (".schema.json" before ".json"). */
    List<String> fileExtensions();

    /** The folder, relative to a project, where build tools look for the format's schemas by default. */
    String defaultSourceDirectory();

    /** The file patterns build tools take from that folder by default. */
    List<String> defaultIncludes();

    /** The highlight.js language of the format's text. */
    String highlightLanguage();

    /**
     * Parses and validates a schema, resolving its references through the resolver.
     *
     * @param normalize true to parse into the normalised form ({@code normalize=true}): the same schema written
     *                  differently becomes the same canonical text
     * @throws InvalidSchemaException with a message a person can act on (line and column where known)
     */
    ParsedSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver, boolean normalize);

    /** Parses without normalising. */
    default ParsedSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver) {
        return parse(text, references, resolver, false);
    }

    /** The names of the {@code format=} renderings the format supports ("resolved", "serialized", ...). */
    List<String> renderings();

    /**
     * The schema in one of its renderings; empty when the rendering is not one of this format's (then the
     * canonical text is shown, as Confluent ignores unknown formats).
     */
    Optional<String> render(ParsedSchema schema, String rendering);

    /**
     * The schema with its references inlined, when the format can register it that way instead of with
     * references (Avro: the referenced named types defined inline); empty otherwise.
     */
    default Optional<String> selfContained(ParsedSchema schema) {
        return Optional.empty();
    }

    /**
     * Field names of the schema that are not identifiers in the format's strict grammar, for Confluent's config
     * {@code validateFields}; none for formats whose parser already insists on them.
     */
    default List<String> invalidFieldNames(ParsedSchema schema) {
        return List.of();
    }

    /** The differ that finds the changes between two schemas of this format. */
    SchemaDiffer differ();

    /** The format's rules, in catalogue order. */
    List<Rule> rules();

    /** What a file of this format declares and needs, read without parsing it as a schema; never throws. */
    SourceFacts inspect(String text);

    /** What the record subject strategy needs in a file of this format, for the error when it is missing. */
    String recordNameRequirement();

    /** The locator that maps this format's rule paths and error messages to places in the text. */
    SourceLocator locator(String text);

    /** True when the file name has one of the format's extensions. */
    default boolean accepts(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return fileExtensions().stream().anyMatch(lower::endsWith);
    }

    /** The file name without the format's extension ("orders" for "orders.schema.json"). */
    default String baseName(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        for (String extension : fileExtensions()) {
            if (lower.endsWith(extension) && fileName.length() > extension.length()) {
                return fileName.substring(0, fileName.length() - extension.length());
            }
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The extension a downloaded schema of this format is saved with. */
    default String downloadExtension() {
        return fileExtensions().get(fileExtensions().size() - 1);
    }
}
