package dev.accord.maven.registry;

/** The registry refused a request (HTTP status and Confluent error code), or could not be reached. */
public class RegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
    }

    /** The HTTP status; 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Confluent's error_code, or 0. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry could not be reached (refused, unknown host, timed out, TLS failure). */
    public static final class Unreachable extends RegistryException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
