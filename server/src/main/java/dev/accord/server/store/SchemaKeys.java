package dev.accord.server.store;

/**
 * A schema's storage key: its context's number in the high 32 bits and its id (unique within the context) in the
 * low ones. The default context is number 0, so there a key is the id.
 */
public final class SchemaKeys {

    public static final int DEFAULT_CONTEXT = 0;

    private SchemaKeys() {
    }

    public static long of(int context, int id) {
        return ((long) context << 32) | (id & 0xFFFF_FFFFL);
    }

    /** The id clients see. */
    public static int id(long key) {
        return (int) key;
    }

    public static int context(long key) {
        return (int) (key >>> 32);
    }

    /** The first and last key of a context, for range conditions. */
    public static long first(int context) {
        return of(context, 0);
    }

    public static long last(int context) {
        return of(context, Integer.MAX_VALUE);
    }
}
