package dev.accord.core.schema;

/** A schema that cannot be parsed or validated; the message says what is wrong and where. */
public class InvalidSchemaException extends RuntimeException {
    public InvalidSchemaException(String message) {
        super(message);
    }

    public InvalidSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
