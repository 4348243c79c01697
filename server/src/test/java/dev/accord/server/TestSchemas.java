package dev.accord.server;

/** Schemas the tests need large. */
public final class TestSchemas {

    private TestSchemas() {
    }

    /** A JSON Schema object of n properties, each a small nested object: hundreds of milliseconds to check at 14,000. */
    public static String wideJsonObject(int n) {
        StringBuilder properties = new StringBuilder();
        for (int i = 0; i < n; i++) {
            properties.append(i == 0 ? "" : ",").append("\"p").append(i)
                    .append("\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"integer\"}}}");
        }
        return "{\"type\":\"object\",\"properties\":{" + properties + "}}";
    }
}
