package dev.accord.core.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import dev.accord.core.protobuf.ProtobufRules.Kind;
import dev.accord.core.schema.WorkBudget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One comparison of an original file with an update, in Confluent's terms: messages and enums matched by name,
 * fields by number, oneofs by name; message types that fields use from imported files are compared where both
 * sides use the same one. Paths name messages by their names in the file ({@code /Order/Line}), fields by number
 * ({@code /Order/fields/3}), oneofs by name ({@code /Order/oneofs/payment}), enum values by number
 * ({@code /Status/values/2}); inside an imported file they start with its import path
 * ({@code common/money.proto#/Money/fields/1}).
 */
final class ProtoComparison {

    /**
     * A difference found comparing original to update.
     *
     * @param kind   what it is in this comparison's direction
     * @param mirror what the same change is called from update to original
     * @param name   the element it is about (a field, message or enum name), or null
     * @param owner  the oneof or message it happened in, or null
     */
    record Difference(Kind kind, Kind mirror, String originalPath, String updatePath, String originalValue,
                      String updateValue, String name, String owner) {
    }

    private final ProtoFileIndex original;
    private final ProtoFileIndex update;
    private final FileDescriptor originalFile;
    private final FileDescriptor updateFile;
    private final List<Difference> differences = new ArrayList<>();
    private final Set<String> comparedImports = new HashSet<>();

    private ProtoComparison(ProtoFileIndex original, ProtoFileIndex update) {
        this.original = original;
        this.update = update;
        this.originalFile = original.file;
        this.updateFile = update.file;
    }

    static List<Difference> compare(ProtoFileIndex original, ProtoFileIndex update) {
        ProtoComparison comparison = new ProtoComparison(original, update);
        comparison.compareFiles();
        return comparison.differences;
    }

    private void add(Kind kind, Kind mirror, String originalPath, String updatePath, String originalValue,
                     String updateValue, String name, String owner) {
        differences.add(new Difference(kind, mirror, originalPath, updatePath, originalValue, updateValue, name,
                owner));
    }

    /** A change to a field; its paths are built only now, as most comparisons find few changes. */
    private void addField(Kind kind, Kind mirror, FieldDescriptor before, FieldDescriptor after, String originalValue,
                          String updateValue, String name, String owner) {
        add(kind, mirror, before == null ? null : fieldPath(before), after == null ? null : fieldPath(after),
                originalValue, updateValue, name, owner);
    }

    private String fieldPath(FieldDescriptor field) {
        return path(field.getContainingType()) + "/fields/" + field.getNumber();
    }

    private void compareFiles() {
        if (!originalFile.getPackage().equals(updateFile.getPackage())) {
            add(Kind.PACKAGE_CHANGED, Kind.PACKAGE_CHANGED, "/package", "/package", display(originalFile.getPackage()),
                    display(updateFile.getPackage()), null, null);
        }
        Map<String, Descriptor> originalMessages = original.messages;
        Map<String, Descriptor> updateMessages = update.messages;
        for (Map.Entry<String, Descriptor> entry : originalMessages.entrySet()) {
            Descriptor before = entry.getValue();
            Descriptor after = updateMessages.get(entry.getKey());
            if (after == null) {
                add(Kind.MESSAGE_REMOVED, Kind.MESSAGE_ADDED, path(before), null, before.getFullName(), null,
                        entry.getKey(), null);
                continue;
            }
            if (!sameIndexes(before, after)) {
                add(Kind.MESSAGE_MOVED, Kind.MESSAGE_MOVED, path(before), path(after),
                        ProtoDescriptors.messageIndexes(before).toString(),
                        ProtoDescriptors.messageIndexes(after).toString(), entry.getKey(), null);
            }
            // most messages are unchanged between versions: equal definitions differ in nothing of their own
            // (nested messages and enums are compared on their own), unless a field uses an imported type
            if (!original.sameDefinition(before, update, after) || original.usesImports(before) || update.usesImports(after)) {
                compareMessages(before, after);
            }
        }
        for (Map.Entry<String, Descriptor> entry : updateMessages.entrySet()) {
            if (!originalMessages.containsKey(entry.getKey())) {
                add(Kind.MESSAGE_ADDED, Kind.MESSAGE_REMOVED, null, path(entry.getValue()), null,
                        entry.getValue().getFullName(), entry.getKey(), null);
            }
        }
        Map<String, EnumDescriptor> originalEnums = original.enums;
        Map<String, EnumDescriptor> updateEnums = update.enums;
        for (Map.Entry<String, EnumDescriptor> entry : originalEnums.entrySet()) {
            EnumDescriptor before = entry.getValue();
            EnumDescriptor after = updateEnums.get(entry.getKey());
            if (after == null) {
                add(Kind.ENUM_REMOVED, Kind.ENUM_ADDED, path(before), null, before.getFullName(),
                        null, entry.getKey(), null);
            } else if (!original.sameDefinition(before, update, after)) {
                compareEnums(before, after);
            }
        }
        for (Map.Entry<String, EnumDescriptor> entry : updateEnums.entrySet()) {
            if (!originalEnums.containsKey(entry.getKey())) {
                add(Kind.ENUM_ADDED, Kind.ENUM_REMOVED, null, path(entry.getValue()), null,
                        entry.getValue().getFullName(), entry.getKey(), null);
            }
        }
    }

    private static boolean sameIndexes(Descriptor before, Descriptor after) {
        while (before != null && after != null) {
            if (before.getIndex() != after.getIndex()) {
                return false;
            }
            before = before.getContainingType();
            after = after.getContainingType();
        }
        return before == null && after == null;
    }

    private static String relativeName(GenericDescriptor element, FileDescriptor file) {
        return ProtoFileIndex.relativeName(element, file);
    }

    /** A type's identity in a comparison: its name in the file compared, or its full name when imported. */
    private String typeKey(GenericDescriptor type, boolean original) {
        FileDescriptor root = original ? originalFile : updateFile;
        return type.getFile() == root ? relativeName(type, root) : type.getFullName();
    }

    private String path(GenericDescriptor element) {
        FileDescriptor file = element.getFile();
        boolean main = file == originalFile || file == updateFile;
        String prefix = main ? "" : file.getName() + "#";
        return prefix + "/" + relativeName(element, file).replace('.', '/');
    }

    private static String display(String pkg) {
        return pkg.isEmpty() ? "(none)" : pkg;
    }

    private void compareEnums(EnumDescriptor original, EnumDescriptor update) {
        Map<Integer, EnumValueDescriptor> originalValues = new LinkedHashMap<>();
        original.getValues().forEach(v -> originalValues.putIfAbsent(v.getNumber(), v));
        Map<Integer, EnumValueDescriptor> updateValues = new LinkedHashMap<>();
        update.getValues().forEach(v -> updateValues.putIfAbsent(v.getNumber(), v));
        for (Map.Entry<Integer, EnumValueDescriptor> entry : originalValues.entrySet()) {
            EnumValueDescriptor after = updateValues.get(entry.getKey());
            if (after == null) {
                add(Kind.ENUM_CONST_REMOVED, Kind.ENUM_CONST_ADDED, path(original) + "/values/" + entry.getKey(), null,
                        String.valueOf(entry.getKey()), null, entry.getValue().getName(), original.getName());
            } else if (!after.getName().equals(entry.getValue().getName())) {
                add(Kind.ENUM_CONST_CHANGED, Kind.ENUM_CONST_CHANGED, path(original) + "/values/" + entry.getKey(),
                        path(update) + "/values/" + entry.getKey(), entry.getValue().getName(), after.getName(),
                        after.getName(), original.getName());
            }
        }
        for (Map.Entry<Integer, EnumValueDescriptor> entry : updateValues.entrySet()) {
            if (!originalValues.containsKey(entry.getKey())) {
                add(Kind.ENUM_CONST_ADDED, Kind.ENUM_CONST_REMOVED, null, path(update) + "/values/" + entry.getKey(),
                        null, String.valueOf(entry.getKey()), entry.getValue().getName(), update.getName());
            }
        }
    }

    private void compareMessages(Descriptor original, Descriptor update) {
        WorkBudget.checkpoint();
        Map<Integer, FieldDescriptor> originalFields = new LinkedHashMap<>();
        original.getFields().forEach(f -> originalFields.put(f.getNumber(), f));
        Map<Integer, FieldDescriptor> updateFields = new LinkedHashMap<>();
        update.getFields().forEach(f -> updateFields.put(f.getNumber(), f));
        Set<String> originalOneOfs = new HashSet<>();
        realOneOfs(original).forEach(o -> originalOneOfs.add(o.getName()));
        Set<String> updateOneOfs = new HashSet<>();
        realOneOfs(update).forEach(o -> updateOneOfs.add(o.getName()));

        // existing fields that moved from the top level into each new oneof: one is harmless, more are not
        Map<String, Integer> movedIntoNewOneOf = new LinkedHashMap<>();
        for (FieldDescriptor after : update.getFields()) {
            FieldDescriptor before = originalFields.get(after.getNumber());
            OneofDescriptor oneOf = realOneOf(after);
            if (before != null && realOneOf(before) == null && oneOf != null && !originalOneOfs.contains(oneOf.getName())) {
                movedIntoNewOneOf.merge(oneOf.getName(), 1, Integer::sum);
            }
        }
        // and the reverse: fields of each oneof that the update has at its top level
        Map<String, Integer> movedOutOfOneOf = new LinkedHashMap<>();
        for (FieldDescriptor before : original.getFields()) {
            FieldDescriptor after = updateFields.get(before.getNumber());
            OneofDescriptor oneOf = realOneOf(before);
            if (after != null && realOneOf(after) == null && oneOf != null) {
                movedOutOfOneOf.merge(oneOf.getName(), 1, Integer::sum);
            }
        }

        for (Map.Entry<Integer, FieldDescriptor> entry : originalFields.entrySet()) {
            FieldDescriptor before = entry.getValue();
            FieldDescriptor after = updateFields.get(entry.getKey());
            OneofDescriptor beforeOneOf = realOneOf(before);
            if (after == null) {
                if (beforeOneOf != null && updateOneOfs.contains(beforeOneOf.getName())) {
                    addField(Kind.ONEOF_FIELD_REMOVED, Kind.ONEOF_FIELD_ADDED, before, null, null, null,
                            before.getName(), beforeOneOf.getName());
                } else if (before.isRequired()) {
                    addField(Kind.REQUIRED_FIELD_REMOVED, Kind.REQUIRED_FIELD_ADDED, before, null, null, null,
                            before.getName(), null);
                } else {
                    addField(Kind.FIELD_REMOVED, Kind.FIELD_ADDED, before, null, null, null, before.getName(), null);
                }
                continue;
            }
            compareFields(before, after);
            OneofDescriptor afterOneOf = realOneOf(after);
            String beforeName = beforeOneOf == null ? null : beforeOneOf.getName();
            String afterName = afterOneOf == null ? null : afterOneOf.getName();
            if (Objects.equals(beforeName, afterName)) {
                continue;
            }
            if (afterName == null) {
                // seen from the update, the field moves into this oneof: existing there, or new with others
                Kind mirror = updateOneOfs.contains(beforeName) ? Kind.FIELD_MOVED_TO_EXISTING_ONEOF
                        : movedOutOfOneOf.getOrDefault(beforeName, 0) > 1 ? Kind.MULTIPLE_FIELDS_MOVED_TO_ONEOF
                        : Kind.FIELD_MOVED_TO_NEW_ONEOF;
                addField(Kind.ONEOF_FIELD_MOVED_TO_TOP_LEVEL, mirror, before, after, beforeName, null,
                        after.getName(), beforeName);
            } else if (originalOneOfs.contains(afterName)) {
                addField(Kind.FIELD_MOVED_TO_EXISTING_ONEOF, Kind.ONEOF_FIELD_MOVED_TO_TOP_LEVEL, before, after,
                        beforeName, afterName, after.getName(), afterName);
            } else if (movedIntoNewOneOf.getOrDefault(afterName, 0) > 1) {
                addField(Kind.MULTIPLE_FIELDS_MOVED_TO_ONEOF, Kind.ONEOF_FIELD_MOVED_TO_TOP_LEVEL, before, after,
                        beforeName, afterName, after.getName(), afterName);
            } else {
                addField(Kind.FIELD_MOVED_TO_NEW_ONEOF, Kind.ONEOF_FIELD_MOVED_TO_TOP_LEVEL, before, after,
                        beforeName, afterName, after.getName(), afterName);
            }
        }
        for (Map.Entry<Integer, FieldDescriptor> entry : updateFields.entrySet()) {
            if (originalFields.containsKey(entry.getKey())) {
                continue;
            }
            FieldDescriptor after = entry.getValue();
            OneofDescriptor oneOf = realOneOf(after);
            if (oneOf != null && originalOneOfs.contains(oneOf.getName())) {
                addField(Kind.ONEOF_FIELD_ADDED, Kind.ONEOF_FIELD_REMOVED, null, after, null, null, after.getName(),
                        oneOf.getName());
            } else if (after.isRequired()) {
                addField(Kind.REQUIRED_FIELD_ADDED, Kind.REQUIRED_FIELD_REMOVED, null, after, null, null,
                        after.getName(), null);
            } else {
                addField(Kind.FIELD_ADDED, Kind.FIELD_REMOVED, null, after, null, null, after.getName(), null);
            }
        }
        for (OneofDescriptor oneOf : realOneOfs(original)) {
            if (!updateOneOfs.contains(oneOf.getName())) {
                add(Kind.ONEOF_REMOVED, Kind.ONEOF_ADDED, path(original) + "/oneofs/" + oneOf.getName(), null, null,
                        null, oneOf.getName(), original.getName());
            }
        }
        for (OneofDescriptor oneOf : realOneOfs(update)) {
            if (!originalOneOfs.contains(oneOf.getName())) {
                add(Kind.ONEOF_ADDED, Kind.ONEOF_REMOVED, null, path(update) + "/oneofs/" + oneOf.getName(), null,
                        null, oneOf.getName(), update.getName());
            }
        }
    }

    private static List<OneofDescriptor> realOneOfs(Descriptor message) {
        return message.getOneofs().stream().filter(o -> !(o.getFieldCount() == 1 && o.getField(0).toProto().getProto3Optional())).toList();
    }

    private static OneofDescriptor realOneOf(FieldDescriptor field) {
        return field.getRealContainingOneof();
    }

    private enum FieldKind { SCALAR, MESSAGE, MAP }

    private static FieldKind kind(FieldDescriptor field) {
        if (field.isMapField()) {
            return FieldKind.MAP;
        }
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? FieldKind.MESSAGE : FieldKind.SCALAR;
    }

    private void compareFields(FieldDescriptor before, FieldDescriptor after) {
        WorkBudget.checkpoint();
        if (!before.getName().equals(after.getName())) {
            addField(Kind.FIELD_NAME_CHANGED, Kind.FIELD_NAME_CHANGED, before, after, before.getName(),
                    after.getName(), after.getName(), null);
        }
        FieldKind beforeKind = kind(before);
        FieldKind afterKind = kind(after);
        if (beforeKind != afterKind) {
            addField(Kind.FIELD_KIND_CHANGED, Kind.FIELD_KIND_CHANGED, before, after, describe(before),
                    describe(after), after.getName(), null);
            return;
        }
        if (beforeKind == FieldKind.MAP) {
            FieldDescriptor beforeKey = before.getMessageType().findFieldByNumber(1);
            FieldDescriptor afterKey = after.getMessageType().findFieldByNumber(1);
            compareValueTypes(beforeKey, afterKey, after.getName(), before, after);
            FieldDescriptor beforeValue = before.getMessageType().findFieldByNumber(2);
            FieldDescriptor afterValue = after.getMessageType().findFieldByNumber(2);
            if (kind(beforeValue) != kind(afterValue)) {
                addField(Kind.FIELD_KIND_CHANGED, Kind.FIELD_KIND_CHANGED, before, after, describe(before),
                        describe(after), after.getName(), null);
            } else {
                compareValueTypes(beforeValue, afterValue, after.getName(), before, after);
            }
            return;
        }
        compareValueTypes(before, after, after.getName(), before, after);
        if (before.isRepeated() != after.isRepeated()) {
            String from = before.isRepeated() ? "repeated" : "singular";
            String to = after.isRepeated() ? "repeated" : "singular";
            if (beforeKind == FieldKind.SCALAR) {
                boolean text = before.getType() == FieldDescriptor.Type.STRING
                        || before.getType() == FieldDescriptor.Type.BYTES;
                Kind kind = text ? Kind.FIELD_STRING_OR_BYTES_LABEL_CHANGED : Kind.FIELD_NUMERIC_LABEL_CHANGED;
                addField(kind, kind, before, after, from, to, after.getName(), null);
            }
        }
        if (before.isRequired() != after.isRequired()) {
            if (after.isRequired()) {
                addField(Kind.REQUIRED_FIELD_ADDED, Kind.REQUIRED_FIELD_REMOVED, before, after, null, null,
                        after.getName(), null);
            } else {
                addField(Kind.REQUIRED_FIELD_REMOVED, Kind.REQUIRED_FIELD_ADDED, before, after, null, null,
                        after.getName(), null);
            }
        }
    }

    /** Compares the types of two values of one kind (a field, a map key or a map value). */
    private void compareValueTypes(FieldDescriptor before, FieldDescriptor after, String fieldName,
                                   FieldDescriptor beforeField, FieldDescriptor afterField) {
        if (kind(before) == FieldKind.MESSAGE) {
            Descriptor beforeType = before.getMessageType();
            Descriptor afterType = after.getMessageType();
            String beforeKey = typeKey(beforeType, true);
            String afterKey = typeKey(afterType, false);
            if (!beforeKey.equals(afterKey)) {
                addField(Kind.FIELD_NAMED_TYPE_CHANGED, Kind.FIELD_NAMED_TYPE_CHANGED, before, after,
                        beforeType.getFullName(), afterType.getFullName(), fieldName, null);
            } else if (beforeType.getFile() != originalFile && afterType.getFile() != updateFile
                    && comparedImports.add(beforeType.getFullName())) {
                compareMessages(beforeType, afterType); // a message both versions import: its changes count too
            }
            return;
        }
        if (before.getType() != after.getType()) {
            if (ProtoScalars.group(scalarType(before)) != ProtoScalars.group(scalarType(after))) {
                addField(Kind.FIELD_SCALAR_KIND_CHANGED, Kind.FIELD_SCALAR_KIND_CHANGED, before, after,
                        describe(beforeField), describe(afterField), fieldName, null);
            }
        } else if (before.getType() == FieldDescriptor.Type.ENUM) {
            EnumDescriptor beforeEnum = before.getEnumType();
            EnumDescriptor afterEnum = after.getEnumType();
            if (typeKey(beforeEnum, true).equals(typeKey(afterEnum, false)) && beforeEnum.getFile() != originalFile
                    && afterEnum.getFile() != updateFile && comparedImports.add(beforeEnum.getFullName())) {
                compareEnums(beforeEnum, afterEnum);
            }
        }
    }

    private static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type scalarType(FieldDescriptor field) {
        return field.getType().toProto();
    }

    /** A field's type as .proto text writes it ("int32", "map<string, acme.Money>", "acme.Order.Line"). */
    private static String describe(FieldDescriptor field) {
        if (field.isMapField()) {
            return "map<" + describe(field.getMessageType().findFieldByNumber(1)) + ", "
                    + describe(field.getMessageType().findFieldByNumber(2)) + ">";
        }
        return switch (field.getJavaType()) {
            case MESSAGE -> field.getMessageType().getFullName();
            case ENUM -> field.getEnumType().getFullName();
            default -> ProtoScalars.name(field.getType().toProto());
        };
    }
}
