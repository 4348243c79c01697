package dev.accord.server.api;

/** The media types of the Confluent API. Requests may use any of them (or octet-stream); answers prefer v1. */
public final class MediaTypes {

    public static final String SCHEMA_REGISTRY_V1_JSON = "application/vnd.schemaregistry.v1+json";
    public static final String SCHEMA_REGISTRY_JSON = "application/vnd.schemaregistry+json";
    public static final String JSON = "application/json";

    private MediaTypes() {
    }

    /**
     * The response type for an Accept header: v1 unless the client accepts only the generic registry type or
     * plain JSON. Anything else still gets v1 (Confluent clients and browsers alike can read it).
     */
    public static String negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return SCHEMA_REGISTRY_V1_JSON;
        }
        boolean registry = false;
        boolean json = false;
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (type.equals(SCHEMA_REGISTRY_V1_JSON) || type.equals("*/*") || type.equals("application/*")) {
                return SCHEMA_REGISTRY_V1_JSON;
            }
            registry |= type.equals(SCHEMA_REGISTRY_JSON);
            json |= type.equals(JSON);
        }
        if (registry) {
            return SCHEMA_REGISTRY_JSON;
        }
        return json ? JSON : SCHEMA_REGISTRY_V1_JSON;
    }
}
