package dev.accord.server.api;

import dev.accord.server.registry.BoundedCache;
import dev.accord.server.registry.Caches;
import dev.accord.server.registry.SchemaContents;
import dev.accord.server.registry.StoredSchema;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Serialised {@code GET /schemas/ids/{id}} answers. A schema id's content never changes, so its answer is
 * rendered once and then served from memory on the I/O thread.
 */
@ApplicationScoped
public class SchemaByIdResponses {

    private BoundedCache<Long, byte[]> rendered;

    @Inject
    Caches caches;

    @PostConstruct
    void createCache() {
        rendered = caches.create("schema-by-id-answer", 0.21875, body -> body.length + 64L); // 7/32: 1/32 is RecentVersions'
    }

    /** The cached answer for a schema key, or null (then the caller loads the schema off the I/O thread). */
    byte[] cached(long key) {
        return rendered.get(key);
    }

    byte[] render(StoredSchema schema) {
        byte[] body = ApiResponses.bytes(ApiViews.schemaById(schema, null));
        rendered.put(schema.key(), body);
        return body;
    }

    void onRemoved(@Observes SchemaContents.ContentRemoved removed) {
        if (removed.key() == null) {
            rendered.clear();
        } else {
            rendered.remove(removed.key());
        }
    }
}
