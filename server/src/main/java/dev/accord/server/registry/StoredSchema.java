package dev.accord.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.List;

/** A schema content row as the API sees it: immutable, addressed by its global id. */
public record StoredSchema(int id, SchemaType type, String schema, List<SchemaReference> references,
                           JsonNode metadata, JsonNode ruleSet, String fingerprint, String contentFingerprint) {
    public StoredSchema {
        references = List.copyOf(references);
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
