package dev.accord.server.registry;

import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.ConfluentMessages;

/** A registration refused because the schema breaks the subject's compatibility level (HTTP 409). */
public class IncompatibleSchemaException extends RegistryException {

    private final transient CompatibilityResult result;

    public IncompatibleSchemaException(String subject, CompatibilityResult result) {
        super(ErrorCode.INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible with an earlier schema for"
                + " subject \"" + subject + "\", details: [" + String.join(", ", ConfluentMessages.render(result))
                + "]");
        this.result = result;
    }

    public CompatibilityResult result() {
        return result;
    }
}
