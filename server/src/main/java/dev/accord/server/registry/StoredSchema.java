package dev.accord.server.registry;

import dev.accord.server.store.SchemaKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.List;

/**
 * A schema content row as the API sees it: immutable, stored under its key (context and id, see
 * {@link SchemaKeys}); clients see the id, unique within its context.
 */
public record StoredSchema(long key, SchemaType type, String schema, List<SchemaReference> references,
                           JsonNode metadata, JsonNode ruleSet, String fingerprint, String contentFingerprint) {
    public StoredSchema {
        references = List.copyOf(references);
    }

    /** The id clients see, unique within the schema's context. */
    public int id() {
        return SchemaKeys.id(key);
    }

    /** The number of the schema's context (0: the default one). */
    public int contextNumber() {
        return SchemaKeys.context(key);
    }

    /** Confluent 8's schema GUID: the MD5 of the identity as a UUID (the database derives the same). */
    public String guid() {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(fingerprint.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String hex = java.util.HexFormat.of().formatHex(md5);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
