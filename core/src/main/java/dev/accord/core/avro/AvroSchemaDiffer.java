package dev.accord.core.avro;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.SchemaDiffer;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.WorkBudget;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Avro compatibility on top of Apache Avro's reader/writer resolution rules: BACKWARD asks whether the new
 * schema can read data written with the old one, FORWARD the reverse. Each incompatibility Avro reports
 * becomes a {@link Change} named after its type, located in the reading schema; the structural changes
 * that break nothing by themselves (documentation, fields, defaults) are listed too.
 */
public final class AvroSchemaDiffer implements SchemaDiffer {

    @Override
    public List<Change> breakingChanges(ParsedSchema oldSchema, ParsedSchema newSchema, Set<Direction> directions,
                                        CompatibilityPolicy policy) {
        Schema oldAvro = ((AvroSchema) oldSchema).schema();
        Schema newAvro = ((AvroSchema) newSchema).schema();
        // Avro's own resolution has no checkpoints inside: each pair is charged by the size of its schemas
        int work = ((AvroSchema) oldSchema).nodes() + ((AvroSchema) newSchema).nodes();
        List<Change> changes = new ArrayList<>();
        if (directions.contains(Direction.BACKWARD)) {
            collect(newAvro, oldAvro, Direction.BACKWARD, changes);
            WorkBudget.charge(work);
        }
        if (directions.contains(Direction.FORWARD)) {
            collect(oldAvro, newAvro, Direction.FORWARD, changes);
            WorkBudget.charge(work);
        }
        return changes;
    }

    @Override
    public List<Change> diff(ParsedSchema oldSchema, ParsedSchema newSchema, Set<Direction> directions,
                             CompatibilityPolicy policy) {
        Schema oldAvro = ((AvroSchema) oldSchema).schema();
        Schema newAvro = ((AvroSchema) newSchema).schema();
        List<Change> changes = new ArrayList<>(breakingChanges(oldSchema, newSchema, directions, policy));
        // a structural note about a place that already has a breaking change would only repeat it
        Set<String> breakingPlaces = new HashSet<>();
        for (Change change : changes) {
            breakingPlaces.add("old" + change.oldPath());
            breakingPlaces.add("new" + change.newPath());
        }
        for (Change note : AvroStructureDiff.between(oldAvro, newAvro)) {
            boolean covered = (note.oldPath() != null && breakingPlaces.contains("old" + note.oldPath()))
                    || (note.newPath() != null && breakingPlaces.contains("new" + note.newPath()));
            if (!covered) {
                changes.add(note);
            }
        }
        return changes;
    }

    private static void collect(Schema reader, Schema writer, Direction direction, List<Change> changes) {
        SchemaCompatibility.SchemaPairCompatibility pair;
        try {
            pair = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        } catch (StackOverflowError e) {
            throw new IllegalStateException("Schema too deeply nested to check", e);
        }
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            changes.add(toChange(incompatibility, direction, reader, writer));
        }
    }

    private static Change toChange(Incompatibility inc, Direction direction, Schema reader, Schema writer) {
        boolean newIsReader = direction == Direction.BACKWARD;
        String readerSide = newIsReader ? "new" : "old";
        String writerSide = newIsReader ? "old" : "new";
        String path = inc.getLocation();
        String info = inc.getMessage();
        Schema readerFragment = inc.getReaderFragment();
        Schema writerFragment = inc.getWriterFragment();
        String readerValue = describe(readerFragment);
        String writerValue = describe(writerFragment);
        Rule rule = AvroRules.ofIncompatibility(inc.getType().name());
        switch (inc.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> {
                readerValue = info;
                writerValue = null;
            }
            case NAME_MISMATCH -> {
                readerValue = readerFragment == null ? null : readerFragment.getFullName();
                writerValue = writerFragment == null ? null : writerFragment.getFullName();
            }
            case FIXED_SIZE_MISMATCH -> {
                readerValue = readerFragment == null ? null : String.valueOf(readerFragment.getFixedSize());
                writerValue = writerFragment == null ? null : String.valueOf(writerFragment.getFixedSize());
            }
            case MISSING_ENUM_SYMBOLS -> {
                readerValue = readerFragment == null ? null : readerFragment.getEnumSymbols().toString();
                writerValue = writerFragment == null ? null : writerFragment.getEnumSymbols().toString();
            }
            default -> {
                // the fragments' descriptions are the values
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put("path", path);
        values.put("reader", readerSide);
        values.put("writer", writerSide);
        values.put("info", info);
        values.put("name", info == null ? null : "'" + info + "'");
        String message = rule.message(values);
        String hint = rule.hint(values);
        // Avro locates the problem in the reading schema; show the same element in the writing one too
        String writerPath = AvroPaths.translate(reader, writer, path);
        if (inc.getType() == SchemaIncompatibilityType.MISSING_UNION_BRANCH && path.matches(".*/\\d+$")) {
            // here Avro's last step is the index of the writer's branch the reader lacks
            String union = path.substring(0, path.lastIndexOf('/'));
            String writerUnion = AvroPaths.translate(reader, writer, union);
            writerPath = writerUnion == null ? null : writerUnion + path.substring(path.lastIndexOf('/'));
            path = union.isEmpty() ? "/" : union;
        }
        String oldPath = newIsReader ? writerPath : path;
        String newPath = newIsReader ? path : writerPath;
        String oldValue = newIsReader ? writerValue : readerValue;
        String newValue = newIsReader ? readerValue : writerValue;
        return new Change(rule.id(), oldPath, newPath, oldValue, newValue, message, hint, info, Set.of(direction));
    }

    private static String describe(Schema schema) {
        if (schema == null) {
            return null;
        }
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            case UNION -> schema.getTypes().stream().map(AvroSchemaDiffer::describe).toList().toString();
            case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
            case MAP -> "map<" + describe(schema.getValueType()) + ">";
            default -> schema.getType().getName();
        };
    }
}
