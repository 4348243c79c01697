package dev.accord.core.schema;

/**
 * Bounds on what one schema may contain, so that the work of comparing it stays bounded by its size: Avro's own
 * enum resolution compares symbol lists pairwise, so an enum of 100,000 symbols would keep a check busy for minutes. The server sets them from its configuration at start ({@code accord.limits.*}).
 */
public final class SchemaLimits {

    public static final int DEFAULT_ENUM_SYMBOLS = 10_000;

    private static volatile int enumSymbols = DEFAULT_ENUM_SYMBOLS;

    private SchemaLimits() {
    }

    public static void configure(int maxEnumSymbols) {
        if (maxEnumSymbols < 1) {
            throw new IllegalArgumentException("the enum symbol limit must be positive");
        }
        enumSymbols = maxEnumSymbols;
    }

    public static int enumSymbols() {
        return enumSymbols;
    }

    /**
     * Refuses an Avro enum over the limit, naming it. (JSON Schema enums and Protobuf enum values are compared
     * through hash sets and maps, in linear time, so they need no such limit.)
     */
    public static void checkEnum(String what, int count) {
        if (count > enumSymbols) {
            throw new InvalidSchemaException(what + " has " + count + " values; the limit is " + enumSymbols
                    + " (accord.limits.enum-symbols)");
        }
    }
}
