package dev.accord.server.registry;

/** Confluent Schema Registry error codes: the HTTP status and the {@code error_code} clients see. */
public enum ErrorCode {
    BAD_REQUEST(400, 400),
    UNAUTHORIZED(401, 40101),
    FORBIDDEN(403, 40301),
    SUBJECT_NOT_FOUND(404, 40401),
    VERSION_NOT_FOUND(404, 40402),
    SCHEMA_NOT_FOUND(404, 40403),
    SUBJECT_SOFT_DELETED(404, 40404),
    SUBJECT_NOT_SOFT_DELETED(404, 40405),
    VERSION_SOFT_DELETED(404, 40406),
    VERSION_NOT_SOFT_DELETED(404, 40407),
    SUBJECT_COMPATIBILITY_NOT_CONFIGURED(404, 40408),
    SUBJECT_MODE_NOT_CONFIGURED(404, 40409),
    NOT_FOUND(404, 404),
    METHOD_NOT_ALLOWED(405, 405),
    NOT_ACCEPTABLE(406, 406),
    INCOMPATIBLE_SCHEMA(409, 40901),
    CONFLICT(409, 409),
    UNSUPPORTED_MEDIA_TYPE(415, 415),
    UNPROCESSABLE_ENTITY(422, 422),
    INVALID_SCHEMA(422, 42201),
    INVALID_VERSION(422, 42202),
    INVALID_COMPATIBILITY_LEVEL(422, 42203),
    INVALID_MODE(422, 42204),
    OPERATION_NOT_PERMITTED(422, 42205),
    REFERENCE_EXISTS(422, 42206),
    ID_DOES_NOT_MATCH(422, 42207),
    INVALID_SUBJECT(422, 42208),
    SCHEMA_TOO_LARGE(422, 42209),
    INVALID_RULE_SET(422, 42210),
    CONTEXT_NOT_EMPTY(422, 42211),
    TOO_MANY_REQUESTS(429, 42901),
    /** The DEK registry's codes (Confluent's dek-registry module). */
    DEK_GENERATION_FORBIDDEN(403, 40370),
    KEY_NOT_FOUND(404, 40470),
    KEY_NOT_SOFT_DELETED(404, 40471),
    KEY_SOFT_DELETED(404, 40472),
    KEY_ALREADY_EXISTS(409, 40970),
    INVALID_KEY(422, 42270),
    KEY_REFERENCE_EXISTS(422, 42271),
    STORE_ERROR(500, 50001),
    OPERATION_TIMEOUT(500, 50002),
    /** The database cannot be reached: Confluent's store-error code, with 503 and Retry-After. */
    STORE_UNAVAILABLE(503, 50001),
    /** No database connection could be had in time. */
    STORE_TIMEOUT(503, 50002);

    private final int httpStatus;
    private final int code;

    ErrorCode(int httpStatus, int code) {
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }
}
