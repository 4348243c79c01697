package dev.accord.core.json;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.SchemaDiffer;
import dev.accord.core.json.JsonSchemaRules.Kind;
import dev.accord.core.json.SchemaComparison.Difference;
import dev.accord.core.schema.ParsedSchema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema compatibility with Confluent's verdicts. BACKWARD compares old (original) to new (update), FORWARD
 * new to old, each with the policy's compatible set; the differences of both comparisons are reported as changes
 * from old to new (a FORWARD difference under the name of the same change seen from old to new), merged when
 * both comparisons found the same change. Paths are JSON pointers as URI fragments ("#/properties/a"); inside a
 * referenced schema they start with the reference name ("address.json#/properties/street").
 *
 * <p>Only the asked directions are compared, so a change's {@code breaks} says nothing about the others. When no
 * direction is asked, the old-to-new comparison still runs, to list the changes.
 */
public final class JsonSchemaDiffer implements SchemaDiffer {

    private record Key(Kind kind, String oldPath, String newPath) {
    }

    private static final class Draft {
        final Kind kind;
        final String oldPath;
        final String newPath;
        final String oldValue;
        final String newValue;
        final String name;
        final String detail;
        final Set<Direction> breaks = EnumSet.noneOf(Direction.class);

        Draft(Kind kind, String oldPath, String newPath, String oldValue, String newValue, String name,
              String detail) {
            this.kind = kind;
            this.oldPath = oldPath;
            this.newPath = newPath;
            this.oldValue = oldValue;
            this.newValue = newValue;
            this.name = name;
            this.detail = detail;
        }
    }

    @Override
    public List<Change> diff(ParsedSchema oldSchema, ParsedSchema newSchema, Set<Direction> directions,
                             CompatibilityPolicy policy) {
        SchemaNode oldModel = ((JsonSchema) oldSchema).model();
        SchemaNode newModel = ((JsonSchema) newSchema).model();
        Map<Key, Draft> changes = new LinkedHashMap<>();
        if (directions.contains(Direction.BACKWARD) || !directions.contains(Direction.FORWARD)) {
            for (Difference d : new SchemaComparison(policy).compare(oldModel, newModel)) {
                Draft change = changes.computeIfAbsent(new Key(d.kind(), d.originalPath(), d.updatePath()),
                        key -> new Draft(d.kind(), d.originalPath(), d.updatePath(), d.originalValue(),
                                d.updateValue(), d.name(), d.detail()));
                if (directions.contains(Direction.BACKWARD) && !d.kind().compatible(policy)) {
                    change.breaks.add(Direction.BACKWARD);
                }
            }
        }
        if (directions.contains(Direction.FORWARD)) {
            for (Difference d : new SchemaComparison(policy).compare(newModel, oldModel)) {
                // found comparing new to old: report it under the name of the change from old to new
                Draft change = changes.computeIfAbsent(new Key(d.mirror(), d.updatePath(), d.originalPath()),
                        key -> new Draft(d.mirror(), d.updatePath(), d.originalPath(), d.updateValue(),
                                d.originalValue(), d.name(), d.detail()));
                if (!d.kind().compatible(policy)) {
                    change.breaks.add(Direction.FORWARD);
                }
            }
        }
        List<Change> result = new ArrayList<>(changes.size());
        for (Draft draft : changes.values()) {
            result.add(toChange(draft));
        }
        return result;
    }

    private static Change toChange(Draft change) {
        String path = change.newPath != null ? change.newPath : change.oldPath;
        String description = fill(change.kind.template, path, change);
        String message = sentenceStart(description) + consequence(change.breaks);
        String hint = change.breaks.isEmpty() || change.kind.hint == null ? null
                : fill(change.kind.hint, path, change);
        String detail = change.detail != null ? change.detail : change.name;
        return new Change(change.kind.name(), change.oldPath, change.newPath, change.oldValue, change.newValue,
                message, hint, detail, change.breaks);
    }

    /** Capitalizes a leading plain word ("the", "property"), not a keyword ("maxLength", "$id"). */
    private static String sentenceStart(String text) {
        int end = text.indexOf(' ');
        String first = end < 0 ? text : text.substring(0, end);
        return first.matches("[a-z]+") ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static String fill(String template, String path, Draft change) {
        Map<String, String> values = new HashMap<>();
        values.put("path", path);
        values.put("name", change.name == null ? null : "'" + change.name + "'");
        values.put("old", change.oldValue == null ? "(none)" : change.oldValue);
        values.put("new", change.newValue == null ? "(none)" : change.newValue);
        return Rule.fill(template, values);
    }

    private static String consequence(Set<Direction> breaks) {
        boolean backward = breaks.contains(Direction.BACKWARD);
        boolean forward = breaks.contains(Direction.FORWARD);
        if (backward && forward) {
            return ": the new schema rejects data the old one accepted, and the old schema rejects data the new one"
                    + " accepts (breaks BACKWARD and FORWARD).";
        }
        if (backward) {
            return ": the new schema rejects data the old one accepted (breaks BACKWARD).";
        }
        if (forward) {
            return ": the old schema rejects data the new one accepts (breaks FORWARD).";
        }
        return ".";
    }
}
