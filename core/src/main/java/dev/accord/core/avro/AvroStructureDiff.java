package dev.accord.core.avro;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.Rule;
import dev.accord.core.schema.WorkBudget;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes between two Avro schemas that do not by themselves break a reader: documentation, added and
 * removed fields, defaults, enum symbols, aliases. They make a diff readable; whether a change breaks
 * anything is Avro's resolution's call ({@link AvroSchemaDiffer}), so these carry no broken directions.
 * Fields are matched by name (or by an alias of the new field), union branches by type name.
 */
final class AvroStructureDiff {

    private final List<Change> changes = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();

    static List<Change> between(Schema oldSchema, Schema newSchema) {
        AvroStructureDiff diff = new AvroStructureDiff();
        diff.compare(oldSchema, newSchema, "", "");
        return diff.changes;
    }

    private void compare(Schema oldSchema, Schema newSchema, String oldPath, String newPath) {
        WorkBudget.checkpoint();
        if (oldSchema.getType() != newSchema.getType()) {
            return; // a type change is reported by Avro's resolution where it matters
        }
        switch (oldSchema.getType()) {
            case RECORD -> compareRecords(oldSchema, newSchema, oldPath, newPath);
            case ENUM -> compareEnums(oldSchema, newSchema, oldPath, newPath);
            case ARRAY -> compare(oldSchema.getElementType(), newSchema.getElementType(), oldPath + "/items",
                    newPath + "/items");
            case MAP -> compare(oldSchema.getValueType(), newSchema.getValueType(), oldPath + "/values",
                    newPath + "/values");
            case UNION -> compareUnions(oldSchema, newSchema, oldPath, newPath);
            default -> {
                // primitives and fixed carry nothing a reader needs to be told about here
            }
        }
    }

    private void compareRecords(Schema oldRecord, Schema newRecord, String oldPath, String newPath) {
        if (!visited.add(oldRecord.getFullName() + "->" + newRecord.getFullName())) {
            return; // recursive types: compared once
        }
        doc(oldRecord.getDoc(), newRecord.getDoc(), oldPath, newPath, "record " + newRecord.getFullName());
        aliases(oldRecord.getAliases(), newRecord.getAliases(), oldPath, newPath, "record " + newRecord.getFullName());
        List<Schema.Field> oldFields = oldRecord.getFields();
        List<Schema.Field> newFields = newRecord.getFields();
        Set<Schema.Field> matchedOld = new HashSet<>();
        for (int n = 0; n < newFields.size(); n++) {
            Schema.Field newField = newFields.get(n);
            int o = indexOf(oldRecord, newField);
            String newFieldPath = newPath + "/fields/" + n;
            if (o < 0) {
                changes.add(info(AvroRules.FIELD_ADDED, null, newFieldPath, null, newField.name(),
                        Map.of("name", "'" + newField.name() + "'", "record", newRecord.getFullName(),
                                "how", newField.hasDefaultValue() ? "with a default" : "without a default")));
                continue;
            }
            Schema.Field oldField = oldFields.get(o);
            matchedOld.add(oldField);
            String oldFieldPath = oldPath + "/fields/" + o;
            doc(oldField.doc(), newField.doc(), oldFieldPath, newFieldPath, "field '" + newField.name() + "'");
            aliases(oldField.aliases(), newField.aliases(), oldFieldPath, newFieldPath, "field '" + newField.name() + "'");
            String oldDefault = defaultText(oldField);
            String newDefault = defaultText(newField);
            if (!Objects.equals(oldDefault, newDefault)) {
                changes.add(info(AvroRules.FIELD_DEFAULT_CHANGED, oldFieldPath + "/default",
                        newFieldPath + "/default", oldDefault, newDefault, Map.of("name", "'" + newField.name() + "'",
                                "old", oldDefault == null ? "none" : oldDefault,
                                "new", newDefault == null ? "none" : newDefault)));
            }
            compare(oldField.schema(), newField.schema(), oldFieldPath + "/type", newFieldPath + "/type");
        }
        for (int o = 0; o < oldFields.size(); o++) {
            Schema.Field oldField = oldFields.get(o);
            if (!matchedOld.contains(oldField)) {
                changes.add(info(AvroRules.FIELD_REMOVED, oldPath + "/fields/" + o, null, oldField.name(), null,
                        Map.of("name", "'" + oldField.name() + "'", "record", newRecord.getFullName())));
            }
        }
    }

    /** The position of the new field's counterpart in the old record: same name, else one of its aliases. */
    private static int indexOf(Schema oldRecord, Schema.Field newField) {
        Schema.Field byName = oldRecord.getField(newField.name()); // Avro keeps a name index: no scan
        if (byName != null) {
            return byName.pos();
        }
        for (String alias : newField.aliases()) {
            Schema.Field byAlias = oldRecord.getField(alias);
            if (byAlias != null) {
                return byAlias.pos();
            }
        }
        return -1;
    }

    private void compareEnums(Schema oldEnum, Schema newEnum, String oldPath, String newPath) {
        doc(oldEnum.getDoc(), newEnum.getDoc(), oldPath, newPath, "enum " + newEnum.getFullName());
        Set<String> added = new LinkedHashSet<>(newEnum.getEnumSymbols());
        added.removeAll(new HashSet<>(oldEnum.getEnumSymbols())); // a Set: removeAll(List) is quadratic
        Set<String> removed = new LinkedHashSet<>(oldEnum.getEnumSymbols());
        removed.removeAll(new HashSet<>(newEnum.getEnumSymbols()));
        if (!added.isEmpty()) {
            changes.add(info(AvroRules.ENUM_SYMBOLS_ADDED, oldPath + "/symbols", newPath + "/symbols", null,
                    added.toString(), Map.of("record", newEnum.getFullName(), "new", added.toString())));
        }
        if (!removed.isEmpty()) {
            changes.add(info(AvroRules.ENUM_SYMBOLS_REMOVED, oldPath + "/symbols", newPath + "/symbols",
                    removed.toString(), null, Map.of("record", newEnum.getFullName(), "old", removed.toString())));
        }
    }

    private void compareUnions(Schema oldUnion, Schema newUnion, String oldPath, String newPath) {
        List<Schema> oldBranches = oldUnion.getTypes();
        List<Schema> newBranches = newUnion.getTypes();
        for (int n = 0; n < newBranches.size(); n++) {
            for (int o = 0; o < oldBranches.size(); o++) {
                if (branchKey(oldBranches.get(o)).equals(branchKey(newBranches.get(n)))) {
                    compare(oldBranches.get(o), newBranches.get(n), oldPath + "/" + o, newPath + "/" + n);
                }
            }
        }
    }

    private static String branchKey(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> schema.getType().getName();
        };
    }

    private void doc(String oldDoc, String newDoc, String oldPath, String newPath, String what) {
        if (!Objects.equals(oldDoc, newDoc)) {
            changes.add(info(AvroRules.DOC_CHANGED, oldPath + "/doc", newPath + "/doc", oldDoc, newDoc,
                    Map.of("what", what, "how", oldDoc == null ? "was added" : newDoc == null ? "was removed"
                            : "changed")));
        }
    }

    private void aliases(Set<String> oldAliases, Set<String> newAliases, String oldPath, String newPath, String what) {
        if (!Objects.equals(oldAliases, newAliases)) {
            changes.add(info(AvroRules.ALIASES_CHANGED, oldPath + "/aliases", newPath + "/aliases",
                    oldAliases.toString(), newAliases.toString(), Map.of("what", what, "old", oldAliases.toString(),
                            "new", newAliases.toString())));
        }
    }

    private static String defaultText(Schema.Field field) {
        if (!field.hasDefaultValue()) {
            return null;
        }
        Object value = field.defaultVal();
        return value == Schema.Field.NULL_DEFAULT_VALUE ? "null" : String.valueOf(value);
    }

    private static Change info(Rule rule, String oldPath, String newPath, String oldValue, String newValue,
                               Map<String, String> values) {
        return new Change(rule.id(), oldPath == null ? null : pointer(oldPath), newPath == null ? null : pointer(newPath),
                oldValue, newValue, rule.message(values), null, null, Set.of());
    }

    private static String pointer(String path) {
        return path.isEmpty() ? "/" : path;
    }
}
