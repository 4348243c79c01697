package dev.accord.server.store;

/** The kinds of state change the event log records. */
public enum EventType {
    SCHEMA_REGISTERED,
    VERSION_SOFT_DELETED,
    VERSION_DELETED,
    SUBJECT_SOFT_DELETED,
    SUBJECT_DELETED,
    CONFIG_CHANGED,
    CONFIG_DELETED,
    MODE_CHANGED,
    MODE_DELETED,
    AUTH_KEY_CREATED,
    AUTH_KEY_REVOKED,
    AUTH_USER_CREATED,
    AUTH_USER_DELETED,
    /** The DEK registry (field-level encryption): KEKs and DEKs, named in the payload. */
    KEK_REGISTERED,
    KEK_UPDATED,
    KEK_SOFT_DELETED,
    KEK_DELETED,
    KEK_UNDELETED,
    DEK_REGISTERED,
    DEK_SOFT_DELETED,
    DEK_DELETED,
    DEK_UNDELETED,
    /** An empty schema context was deleted (named in the payload). */
    CONTEXT_DELETED,
    /** An export document was loaded into the (empty) registry: every cache starts over. */
    REGISTRY_IMPORTED
}
