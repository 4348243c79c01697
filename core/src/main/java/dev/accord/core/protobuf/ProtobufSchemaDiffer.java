package dev.accord.core.protobuf;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.SchemaDiffer;
import dev.accord.core.protobuf.ProtoComparison.Difference;
import dev.accord.core.protobuf.ProtobufRules.Kind;
import dev.accord.core.schema.ParsedSchema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Protobuf compatibility with Confluent's verdicts: BACKWARD compares old (original) to new (update), FORWARD new
 * to old, each judged by the same compatible set; a difference found comparing new to old is reported under its
 * name seen from old to new, merged with the same change found the other way.
 */
public final class ProtobufSchemaDiffer implements SchemaDiffer {

    private record Key(Kind kind, String oldPath, String newPath) {
    }

    private static final class Draft {
        final Difference difference;
        final Kind kind;
        final String oldPath;
        final String newPath;
        final String oldValue;
        final String newValue;
        final Set<Direction> breaks = EnumSet.noneOf(Direction.class);

        Draft(Difference difference, Kind kind, String oldPath, String newPath, String oldValue, String newValue) {
            this.difference = difference;
            this.kind = kind;
            this.oldPath = oldPath;
            this.newPath = newPath;
            this.oldValue = oldValue;
            this.newValue = newValue;
        }
    }

    @Override
    public List<Change> diff(ParsedSchema oldSchema, ParsedSchema newSchema, Set<Direction> directions,
                             CompatibilityPolicy policy) {
        ProtobufSchema oldProto = (ProtobufSchema) oldSchema;
        ProtobufSchema newProto = (ProtobufSchema) newSchema;
        Map<Key, Draft> changes = new LinkedHashMap<>();
        if (directions.contains(Direction.BACKWARD) || !directions.contains(Direction.FORWARD)) {
            for (Difference d : ProtoComparison.compare(oldProto.index(), newProto.index())) {
                Draft draft = changes.computeIfAbsent(new Key(d.kind(), d.originalPath(), d.updatePath()),
                        key -> new Draft(d, d.kind(), d.originalPath(), d.updatePath(), d.originalValue(),
                                d.updateValue()));
                if (directions.contains(Direction.BACKWARD) && !d.kind().compatible) {
                    draft.breaks.add(Direction.BACKWARD);
                }
            }
        }
        if (directions.contains(Direction.FORWARD)) {
            for (Difference d : ProtoComparison.compare(newProto.index(), oldProto.index())) {
                Draft draft = changes.computeIfAbsent(new Key(d.mirror(), d.updatePath(), d.originalPath()),
                        key -> new Draft(d, d.mirror(), d.updatePath(), d.originalPath(), d.updateValue(),
                                d.originalValue()));
                if (!d.kind().compatible) {
                    draft.breaks.add(Direction.FORWARD);
                }
            }
        }
        List<Change> result = new ArrayList<>(changes.size());
        for (Draft draft : changes.values()) {
            result.add(toChange(draft));
        }
        return result;
    }

    private static Change toChange(Draft draft) {
        Rule rule = ProtobufRules.of(draft.kind);
        String path = draft.newPath != null ? draft.newPath : draft.oldPath;
        Map<String, String> values = new HashMap<>();
        values.put("path", path);
        values.put("name", draft.difference.name() == null ? null : "'" + draft.difference.name() + "'");
        values.put("old", draft.oldValue == null ? "(none)" : draft.oldValue);
        values.put("new", draft.newValue == null ? "(none)" : draft.newValue);
        values.put("message", draft.difference.owner() == null ? null : "'" + draft.difference.owner() + "'");
        String message = rule.message(values) + consequence(draft.breaks);
        String hint = draft.breaks.isEmpty() ? null : rule.hint(values);
        return new Change(rule.id(), draft.oldPath, draft.newPath, draft.oldValue, draft.newValue, message, hint,
                draft.difference.name(), draft.breaks);
    }

    private static String consequence(Set<Direction> breaks) {
        boolean backward = breaks.contains(Direction.BACKWARD);
        boolean forward = breaks.contains(Direction.FORWARD);
        if (backward && forward) {
            return ": readers of either version cannot read what the other writes (breaks BACKWARD and FORWARD).";
        }
        if (backward) {
            return ": the new schema cannot read data written with the old one (breaks BACKWARD).";
        }
        if (forward) {
            return ": the old schema cannot read data written with the new one (breaks FORWARD).";
        }
        return ".";
    }
}
