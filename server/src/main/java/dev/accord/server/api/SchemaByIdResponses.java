package dev.accord.server.api;

import dev.accord.server.registry.BoundedCache;
import dev.accord.server.registry.SchemaContents;
import dev.accord.server.registry.StoredSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serialised {@code GET /schemas/ids/{id}} answers. A schema id's content never changes, so its answer is
 * rendered once and then served from memory on the I/O thread.
 */
@ApplicationScoped
public class SchemaByIdResponses {

    private final BoundedCache<Integer, byte[]> rendered = new BoundedCache<>(100_000);

    /** The cached answer, or null (then the caller loads the schema off the I/O thread). */
    byte[] cached(int id) {
        return rendered.get(id);
    }

    byte[] render(StoredSchema schema) {
        byte[] body = ApiResponses.bytes(ApiViews.schemaById(schema, null));
        rendered.put(schema.id(), body);
        return body;
    }

    void onRemoved(@Observes SchemaContents.ContentRemoved removed) {
        if (removed.id() == null) {
            rendered.clear();
        } else {
            rendered.remove(removed.id());
        }
    }
}
