package dev.accord.server.registry;

/** A request the registry refuses, with the Confluent error code and a message a person can act on. */
public class RegistryException extends RuntimeException {

    private final ErrorCode errorCode;

    public RegistryException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    public static RegistryException versionNotFound(Object version) {
        return new RegistryException(ErrorCode.VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    public static RegistryException schemaNotFound(String what) {
        return new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, what);
    }

    public static RegistryException invalidSchema(String message) {
        return new RegistryException(ErrorCode.INVALID_SCHEMA, message);
    }

    public static RegistryException notPermitted(String message) {
        return new RegistryException(ErrorCode.OPERATION_NOT_PERMITTED, message);
    }
}
