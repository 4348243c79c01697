package dev.accord.server.registry;

import java.time.Instant;

/** One version of a subject with its schema. */
public record SubjectVersion(String subject, int version, boolean deleted, Instant createdAt, StoredSchema schema) {
}
