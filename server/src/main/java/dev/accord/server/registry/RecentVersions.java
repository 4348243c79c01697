package dev.accord.server.registry;

import dev.accord.server.store.StoreOutage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * The subject versions (by concrete number) this instance answered lately, so that {@code GET
 * /subjects/{s}/versions/{n}} keeps answering while the database is away, as schemas by id do. Only used during an
 * outage; emptied by every delete the event log reports, so it answers what the registry last said. "latest" is
 * never answered from here: another instance may have registered a newer version just before the outage.
 */
@ApplicationScoped
public class RecentVersions {

    private record Key(String subject, int version, boolean includeDeleted) {
    }

    private record Row(String subject, int version, boolean deleted, Instant createdAt, long schemaKey) {
    }

    @Inject
    Caches caches;

    @Inject
    SchemaContents contents;

    private BoundedCache<Key, Row> rows;

    @PostConstruct
    void createCache() {
        // the content is in the schema-text cache already: an entry here is its address only
        rows = caches.create("subject-version", 1.0 / 32, row -> 160L + 2L * row.subject().length());
    }

    public void remember(VersionId version, boolean includeDeleted, SubjectVersion found) {
        if (!version.latest()) {
            rows.put(new Key(found.subject(), found.version(), includeDeleted), new Row(found.subject(),
                    found.version(), found.deleted(), found.createdAt(), found.schema().key()));
        }
    }

    /** The remembered answer when {@code failure} is a database outage; otherwise (or when unknown) rethrows it. */
    public SubjectVersion duringOutage(RuntimeException failure, String subject, VersionId version,
                                       boolean includeDeleted) {
        if (StoreOutage.of(failure) == null || version.latest()) {
            throw failure;
        }
        Row row = rows.get(new Key(subject, version.number(), includeDeleted));
        StoredSchema schema = row == null ? null : contents.cached(row.schemaKey());
        if (schema == null) {
            throw failure;
        }
        return new SubjectVersion(row.subject(), row.version(), row.deleted(), row.createdAt(), schema);
    }

    /** A version was deleted here or elsewhere (or the listener missed events): forget everything. */
    public void forget() {
        rows.clear();
    }
}
