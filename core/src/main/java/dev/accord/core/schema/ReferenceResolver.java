package dev.accord.core.schema;

/**
 * Finds the content a reference points to. The server resolves from storage, the build plugin from files,
 * a git tree or a registry.
 */
@FunctionalInterface
public interface ReferenceResolver {

    /** Returns the referenced schema, or throws {@link InvalidSchemaException} saying what is missing. */
    ReferencedSchema resolve(SchemaReference reference);

    /** A resolver for schemas that must not have references. */
    ReferenceResolver NONE = reference -> {
        throw new InvalidSchemaException("Reference " + reference.name() + " to subject '" + reference.subject()
                + "' version " + reference.version() + " cannot be resolved here");
    };
}
