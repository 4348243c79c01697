package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * PostgreSQL advisory locks held until the end of the current transaction. They serialise the writers that
 * must not interleave, on one instance or many sharing the database.
 */
public final class Locks {

    private static final int SUBJECT = 1;
    private static final int CONTENT = 2;
    private static final int SETTING = 3;

    private Locks() {
    }

    /** Serialises version allocation and checks within one subject. */
    public static void subject(String subject) {
        lock(SUBJECT, subject);
    }

    /** Serialises the allocation of a global id for one schema content. */
    public static void content(String fingerprint) {
        lock(CONTENT, fingerprint);
    }

    /**
     * Serialises changes to one subject's (or, for "", the global) config or mode: two concurrent first writes
     * would otherwise both insert the row, and one would fail at commit.
     */
    public static void setting(String kind, String subject) {
        lock(SETTING, kind + ":" + subject);
    }

    private static void lock(int namespace, String key) {
        Panache.getEntityManager()
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) l")
                .setParameter(1, namespace)
                .setParameter(2, key)
                .getSingleResult();
    }
}
