package dev.accord.core.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the closure of a schema's references, depth first, the same way for every format: each referenced
 * schema is resolved once, a cycle is an error naming its path, the closure is bounded in size, and a reference
 * to a schema of another format is refused.
 */
public final class ReferenceWalker {

    /** More referenced schemas than this in one schema's closure is refused rather than resolved. */
    public static final int MAX_REFERENCES = 1000;

    /** What a format does with each referenced schema. */
    public interface Visitor<C> {
        /**
         * A referenced schema is reached, before its own references are.
         *
         * @param referrer the context of the schema that references it (the walk's root context at the top)
         * @return the context its own references are reached with
         */
        C enter(ReferencedSchema schema, C referrer);

        /** Its own references have all been walked (so dependencies are left before their dependents). */
        default void leave(ReferencedSchema schema, C context) {
        }
    }

    private final SchemaType type;
    private final String sameFormatOnly;
    private final ReferenceResolver resolver;
    private final boolean distinctByName;

    /**
     * @param type           the format every referenced schema must have
     * @param sameFormatOnly the sentence saying so ("an Avro schema can only reference Avro schemas")
     * @param distinctByName true when one subject version referenced under two names is two schemas (JSON
     *                       Schema documents and Protobuf files are known by name; Avro types by their content)
     */
    public ReferenceWalker(SchemaType type, String sameFormatOnly, ReferenceResolver resolver, boolean distinctByName) {
        this.type = type;
        this.sameFormatOnly = sameFormatOnly;
        this.resolver = resolver;
        this.distinctByName = distinctByName;
    }

    public <C> void walk(List<SchemaReference> references, C root, Visitor<C> visitor) {
        Set<String> visited = new HashSet<>();
        for (SchemaReference reference : references) {
            walk(reference, root, visitor, visited, new ArrayList<>());
        }
    }

    private <C> void walk(SchemaReference reference, C referrer, Visitor<C> visitor, Set<String> visited,
                          List<String> path) {
        WorkBudget.checkpoint();
        String key = reference.subject() + "@" + reference.version();
        if (path.contains(key)) {
            throw new InvalidSchemaException("Reference cycle: " + String.join(" -> ", path) + " -> " + key);
        }
        if (!visited.add(distinctByName ? key + "#" + reference.name() : key)) {
            return; // already walked through another reference
        }
        if (visited.size() > MAX_REFERENCES) {
            throw new InvalidSchemaException("More than " + MAX_REFERENCES + " referenced schemas");
        }
        ReferencedSchema referenced = resolver.resolve(reference);
        if (referenced.type() != type) {
            throw new InvalidSchemaException("Reference " + reference.name() + " points to a " + referenced.type()
                    + " schema; " + sameFormatOnly);
        }
        C context = visitor.enter(referenced, referrer);
        path.add(key);
        for (SchemaReference nested : referenced.references()) {
            walk(nested, context, visitor, visited, path);
        }
        path.remove(path.size() - 1);
        visitor.leave(referenced, context);
    }
}
