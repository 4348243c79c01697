package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema contexts in use, with their numbers (the high half of a schema key) and, for every context but the
 * default one, the next id to give out. A context exists from its first registration until it is deleted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContextStore {

    public static final String DEFAULT = ".";

    /** A number never changes its name and is never reused, so names by number can be kept. */
    private final Map<Integer, String> names = new ConcurrentHashMap<>(Map.of(SchemaKeys.DEFAULT_CONTEXT, DEFAULT));

    /** The number of an existing context. */
    public Optional<Integer> number(String name) {
        if (DEFAULT.equals(name)) {
            return Optional.of(SchemaKeys.DEFAULT_CONTEXT);
        }
        List<?> found = Panache.getEntityManager()
                .createNativeQuery("select number from registry_context where name = ?1").setParameter(1, name)
                .getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(((Number) found.get(0)).intValue());
    }

    /**
     * The number of a context, creating the context when it is new. The row stays share-locked until the
     * transaction ends, so a concurrent delete of the context waits for this registration and then sees it.
     */
    public int numberCreating(String name) {
        if (DEFAULT.equals(name)) {
            return SchemaKeys.DEFAULT_CONTEXT;
        }
        Optional<Integer> existing = lockedNumber(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        Panache.getEntityManager().createNativeQuery("insert into registry_context (number, name)"
                        + " values (nextval('registry_context_number_seq'), ?1) on conflict (name) do nothing")
                .setParameter(1, name).executeUpdate();
        return lockedNumber(name).orElseThrow();
    }

    private Optional<Integer> lockedNumber(String name) {
        List<?> found = Panache.getEntityManager()
                .createNativeQuery("select number from registry_context where name = ?1 for share")
                .setParameter(1, name).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(((Number) found.get(0)).intValue());
    }

    /**
     * The name of a context number (every stored key's number has one). Also called from cache loaders that run
     * outside a write, hence its own transaction when the caller has none.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public String name(int number) {
        String name = names.get(number);
        if (name != null) {
            return name;
        }
        List<?> found = Panache.getEntityManager()
                .createNativeQuery("select name from registry_context where number = ?1").setParameter(1, number)
                .getResultList();
        if (found.isEmpty()) {
            throw new IllegalStateException("Schema context number " + number + " is unknown");
        }
        name = (String) found.get(0);
        names.put(number, name);
        return name;
    }

    /** A new id in a context other than the default one; the row lock serialises concurrent registrations. */
    public int nextId(int number) {
        return ((Number) Panache.getEntityManager().createNativeQuery("update registry_context"
                        + " set next_id = next_id + 1 where number = ?1 returning next_id - 1")
                .setParameter(1, number).getSingleResult()).intValue();
    }

    /** Moves a context's next id past an id an import binds. */
    public void reserve(int number, int id) {
        Panache.getEntityManager().createNativeQuery("update registry_context set next_id = greatest(next_id, ?2)"
                + " where number = ?1").setParameter(1, number).setParameter(2, id + 1L).executeUpdate();
    }

    /** Context names, sorted, the default one first. */
    @SuppressWarnings("unchecked")
    public List<String> names(String prefix, int offset, int limit) {
        String sql = "select name from registry_context where starts_with(name, ?1) order by number = 0 desc,"
                + " name collate \"C\" offset ?2" + (limit >= 0 ? " limit ?3" : "");
        var query = Panache.getEntityManager().createNativeQuery(sql).setParameter(1, prefix == null ? "" : prefix)
                .setParameter(2, Math.max(offset, 0));
        if (limit >= 0) {
            query.setParameter(3, limit);
        }
        return query.getResultList();
    }

    /** True when a version (soft-deleted ones included) of a subject in the context exists. */
    public boolean hasSubjects(int number) {
        return !Panache.getEntityManager().createNativeQuery("select 1 from subject_version where schema_id"
                        + " between ?1 and ?2 limit 1").setParameter(1, SchemaKeys.first(number))
                .setParameter(2, SchemaKeys.last(number)).getResultList().isEmpty();
    }

    /** Deletes a context row; waits for registrations that use it (see {@link #numberCreating}). */
    public void delete(int number) {
        Panache.getEntityManager().createNativeQuery("delete from registry_context where number = ?1")
                .setParameter(1, number).executeUpdate();
    }
}
