package dev.accord.core.schema;

/**
 * A reference from one schema to a schema registered under another subject.
 * For Avro, {@code name} is the full name of the referenced named type; for JSON Schema the URL used in
 * {@code $ref}. A version of -1 means "the latest version at registration time".
 */
public record SchemaReference(String name, String subject, int version) {
}
