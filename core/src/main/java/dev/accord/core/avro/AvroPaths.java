package dev.accord.core.avro;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates a JSON pointer into one Avro schema (as Avro's resolution reports locations: "/fields/1/type/0")
 * to the same element of another schema, matching fields by name or alias and union branches by type, so that
 * a change can be shown in both versions. Null when the element has no counterpart.
 */
final class AvroPaths {

    private AvroPaths() {
    }

    static String translate(Schema from, Schema to, String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return pointer;
        }
        try {
            return walk(from, to, pointer);
        } catch (RuntimeException e) {
            // a location Avro computed on the other schema (a writer's union branch, say): no counterpart
            return null;
        }
    }

    private static String walk(Schema from, Schema to, String pointer) {
        String[] tokens = pointer.substring(1).split("/");
        List<String> out = new ArrayList<>();
        Schema a = from;
        Schema b = to;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (a == null || b == null) {
                return null;
            }
            switch (token) {
                case "fields" -> {
                    if (i + 1 >= tokens.length || a.getType() != Schema.Type.RECORD
                            || b.getType() != Schema.Type.RECORD) {
                        return null;
                    }
                    Schema.Field field = a.getFields().get(Integer.parseInt(tokens[++i]));
                    Schema.Field counterpart = counterpart(field, b);
                    if (counterpart == null) {
                        return null;
                    }
                    out.add("fields");
                    out.add(Integer.toString(counterpart.pos()));
                    if (i + 1 < tokens.length && tokens[i + 1].equals("type")) {
                        i++;
                        out.add("type");
                        a = field.schema();
                        b = counterpart.schema();
                    } else {
                        a = null;
                        b = null;
                    }
                }
                case "items" -> {
                    if (a.getType() != Schema.Type.ARRAY || b.getType() != Schema.Type.ARRAY) {
                        return null;
                    }
                    out.add(token);
                    a = a.getElementType();
                    b = b.getElementType();
                }
                case "values" -> {
                    if (a.getType() != Schema.Type.MAP || b.getType() != Schema.Type.MAP) {
                        return null;
                    }
                    out.add(token);
                    a = a.getValueType();
                    b = b.getValueType();
                }
                default -> {
                    if (token.chars().allMatch(Character::isDigit) && a.getType() == Schema.Type.UNION) {
                        Schema branch = a.getTypes().get(Integer.parseInt(token));
                        if (b.getType() != Schema.Type.UNION) {
                            return null;
                        }
                        int index = branchIndex(b, branch);
                        if (index < 0) {
                            return null;
                        }
                        out.add(Integer.toString(index));
                        a = branch;
                        b = b.getTypes().get(index);
                    } else {
                        out.add(token); // a terminal keyword: name, size, symbols, default, ...
                        a = null;
                        b = null;
                    }
                }
            }
        }
        return "/" + String.join("/", out);
    }

    private static Schema.Field counterpart(Schema.Field field, Schema record) {
        Schema.Field byName = record.getField(field.name());
        if (byName != null) {
            return byName;
        }
        for (Schema.Field candidate : record.getFields()) {
            if (candidate.aliases().contains(field.name()) || field.aliases().contains(candidate.name())) {
                return candidate;
            }
        }
        return null;
    }

    private static int branchIndex(Schema union, Schema branch) {
        List<Schema> types = union.getTypes();
        for (int i = 0; i < types.size(); i++) {
            Schema candidate = types.get(i);
            boolean named = switch (candidate.getType()) {
                case RECORD, ENUM, FIXED -> true;
                default -> false;
            };
            if (candidate.getType() == branch.getType()
                    && (!named || candidate.getFullName().equals(branch.getFullName()))) {
                return i;
            }
        }
        return -1;
    }
}
