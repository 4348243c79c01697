package dev.accord.core.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a compatibility verdict as the {@code messages} list of Confluent's verbose compatibility answer
 * and 409 details, which existing tools print and some parse.
 */
public final class ConfluentMessages {

    /** Confluent truncates the old schema in messages at 10 KiB. */
    static final int MAX_OLD_SCHEMA_CHARS = 10 * 1024;

    private ConfluentMessages() {
    }

    public static List<String> render(CompatibilityResult result) {
        List<String> messages = new ArrayList<>();
        for (VersionIncompatibility incompatibility : result.incompatibilities()) {
            for (Change change : incompatibility.changes()) {
                messages.add(render(change));
            }
            messages.add("{oldSchemaVersion: " + incompatibility.previous().version() + "}");
            String oldSchema = incompatibility.previous().schema().canonical();
            if (oldSchema.length() > MAX_OLD_SCHEMA_CHARS) {
                oldSchema = oldSchema.substring(0, MAX_OLD_SCHEMA_CHARS);
            }
            messages.add("{oldSchema: '" + oldSchema + "'}");
        }
        if (!messages.isEmpty()) {
            messages.add("{validateFields: 'false', compatibility: '" + result.level() + "'}");
        }
        return messages;
    }

    /** One change in Confluent's {@code {errorType:..., description:..., additionalInfo:...}} shape. */
    public static String render(Change change) {
        StringBuilder text = new StringBuilder("{errorType:'").append(change.ruleId())
                .append("', description:'").append(change.message()).append('\'');
        if (change.detail() != null) {
            text.append(", additionalInfo:'").append(change.detail()).append('\'');
        }
        return text.append('}').toString();
    }
}
