package dev.accord.core.avro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.WorkBudget;
import org.apache.avro.Schema;
import org.apache.avro.util.internal.Accessor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a parsed Avro schema as a whole, referenced types included:
 * <ul>
 *   <li>it nests at most {@link CanonicalJson#MAX_DEPTH} levels. Each schema text is depth-checked on its own,
 *   but a chain of references can stack texts into a schema deep enough to overflow the stack of the recursive
 *   compatibility checker or of {@code resolved()};</li>
 *   <li>field defaults of enum and fixed types are values of that type. Avro only checks that they are
 *   strings, so a default that is not a symbol (or has the wrong number of bytes) passes parsing and the
 *   compatibility check, then fails (or is silently truncated) when a reader needs it.</li>
 * </ul>
 */
final class SchemaWalk {

    private static final int MAX_DEPTH = CanonicalJson.MAX_DEPTH;

    private final Map<Schema, Integer> recordHeights = new IdentityHashMap<>();
    private final Set<Schema> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Schema> records = new ArrayList<>();
    private int nodes;

    /**
     * Checks the schema; defaults are checked only in records {@code checkDefaults} accepts.
     *
     * @return the number of schema nodes visited (each named type once), the measure of the work comparing it
     */
    int check(Schema root, Predicate<Schema> checkDefaults) {
        height(root, 0);
        for (Schema record : records) {
            if (checkDefaults.test(record)) {
                checkDefaults(record);
            }
        }
        return nodes;
    }

    /** Levels of arrays, maps, unions and records below and including this one; bounded by MAX_DEPTH. */
    private int height(Schema schema, int depth) {
        WorkBudget.checkpoint();
        nodes++;
        if (depth > MAX_DEPTH) {
            throw tooDeep();
        }
        int height = switch (schema.getType()) {
            case RECORD -> recordHeight(schema, depth);
            case ARRAY -> 1 + height(schema.getElementType(), depth + 1);
            case MAP -> 1 + height(schema.getValueType(), depth + 1);
            case UNION -> {
                int max = 0;
                for (Schema branch : schema.getTypes()) {
                    max = Math.max(max, height(branch, depth + 1));
                }
                yield 1 + max;
            }
            default -> 0;
        };
        if (depth + height > MAX_DEPTH) {
            throw tooDeep();
        }
        return height;
    }

    private int recordHeight(Schema record, int depth) {
        Integer known = recordHeights.get(record);
        if (known != null) {
            return known;
        }
        if (!onPath.add(record)) {
            return 0; // a recursive type: Avro's checkers stop here too
        }
        int max = 0;
        for (Schema.Field field : record.getFields()) {
            max = Math.max(max, height(field.schema(), depth + 1));
        }
        onPath.remove(record);
        recordHeights.put(record, 1 + max);
        records.add(record);
        return 1 + max;
    }

    private static InvalidSchemaException tooDeep() {
        return new InvalidSchemaException("Schema is nested deeper than " + MAX_DEPTH
                + " levels (counting the types of referenced schemas)");
    }

    private static void checkDefaults(Schema record) {
        for (Schema.Field field : record.getFields()) {
            if (!field.hasDefaultValue()) {
                continue;
            }
            JsonNode value = Accessor.defaultValue(field);
            if (value != null && !isValid(field.schema(), value)) {
                throw new InvalidSchemaException("Invalid schema: Invalid default for field " + field.name()
                        + " of record " + record.getFullName() + ": " + value + " not a " + describe(field.schema()));
            }
        }
    }

    /** Avro's own default check, plus symbol membership for enums and the byte count for fixed. */
    static boolean isValid(Schema schema, JsonNode value) {
        if (!schema.isValidDefault(value)) {
            return false;
        }
        switch (schema.getType()) {
            case ENUM:
                return value.isTextual() && schema.hasEnumSymbol(value.textValue());
            case FIXED:
                return value.isTextual()
                        && value.textValue().getBytes(StandardCharsets.ISO_8859_1).length == schema.getFixedSize();
            case ARRAY:
                for (JsonNode element : value) {
                    if (!isValid(schema.getElementType(), element)) {
                        return false;
                    }
                }
                return true;
            case MAP:
                for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                    if (!isValid(schema.getValueType(), it.next())) {
                        return false;
                    }
                }
                return true;
            case RECORD:
                for (Schema.Field field : schema.getFields()) {
                    JsonNode fieldValue = value.get(field.name());
                    if (fieldValue != null && !isValid(field.schema(), fieldValue)) {
                        return false;
                    }
                }
                return true;
            case UNION:
                // Avro 1.12 accepts a default that matches any branch
                for (Schema branch : schema.getTypes()) {
                    if (isValid(branch, value)) {
                        return true;
                    }
                }
                return false;
            default:
                return true;
        }
    }

    private static String describe(Schema schema) {
        return switch (schema.getType()) {
            case ENUM -> "symbol of enum " + schema.getFullName() + " " + schema.getEnumSymbols();
            case FIXED -> "fixed " + schema.getFullName() + " of " + schema.getFixedSize() + " bytes";
            case RECORD -> "record " + schema.getFullName();
            case UNION -> "value of any branch of the union " + schema.getTypes().stream()
                    .map(s -> s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM
                            || s.getType() == Schema.Type.FIXED ? s.getFullName() : s.getType().getName())
                    .toList();
            default -> schema.getType().getName() + (schema.getType() == Schema.Type.ARRAY
                    || schema.getType() == Schema.Type.MAP ? " (with valid elements)" : "");
        };
    }
}
