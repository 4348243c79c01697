package dev.accord.core.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import dev.accord.core.protobuf.ProtobufRules.Kind;

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

    private final FileDescriptor originalFile;
    private final FileDescriptor updateFile;
    private final List<Difference> differences = new ArrayList<>();
    private final Set<String> comparedImports = new HashSet<>();

    private ProtoComparison(FileDescriptor originalFile, FileDescriptor updateFile) {
        this.originalFile = originalFile;
        this.updateFile = updateFile;
    }

    static List<Difference> compare(FileDescriptor original, FileDescriptor update) {
        ProtoComparison comparison = new ProtoComparison(original, update);
        comparison.compareFiles();
        return comparison.differences;
    }

    private void add(Kind kind, Kind mirror, String originalPath, String updatePath, String originalValue,
                     String updateValue, String name, String owner) {
        differences.add(new Difference(kind, mirror, originalPath, updatePath, originalValue, updateValue, name,
                owner));
    }

    private void compareFiles() {
        if (!originalFile.getPackage().equals(updateFile.getPackage())) {
            add(Kind.PACKAGE_CHANGED, Kind.PACKAGE_CHANGED, "/package", "/package", display(originalFile.getPackage()),
                    display(updateFile.getPackage()), null, null);
        }
        Map<String, Descriptor> originalMessages = byName(ProtoDescriptors.messages(originalFile), originalFile);
        Map<String, Descriptor> updateMessages = byName(ProtoDescriptors.messages(updateFile), updateFile);
        for (Map.Entry<String, Descriptor> entry : originalMessages.entrySet()) {
            Descriptor original = entry.getValue();
            Descriptor update = updateMessages.get(entry.getKey());
            if (update == null) {
                add(Kind.MESSAGE_REMOVED, Kind.MESSAGE_ADDED, path(original), null, original.getFullName(), null,
                        entry.getKey(), null);
                continue;
            }
            List<Integer> originalIndexes = ProtoDescriptors.messageIndexes(original);
            List<Integer> updateIndexes = ProtoDescriptors.messageIndexes(update);
            if (!originalIndexes.equals(updateIndexes)) {
                add(Kind.MESSAGE_MOVED, Kind.MESSAGE_MOVED, path(original), path(update), originalIndexes.toString(),
                        updateIndexes.toString(), entry.getKey(), null);
            }
            compareMessages(original, update);
        }
        for (Map.Entry<String, Descriptor> entry : updateMessages.entrySet()) {
            if (!originalMessages.containsKey(entry.getKey())) {
                add(Kind.MESSAGE_ADDED, Kind.MESSAGE_REMOVED, null, path(entry.getValue()), null,
                        entry.getValue().getFullName(), entry.getKey(), null);
            }
        }
        Map<String, EnumDescriptor> originalEnums = byName(ProtoDescriptors.enums(originalFile), originalFile);
        Map<String, EnumDescriptor> updateEnums = byName(ProtoDescriptors.enums(updateFile), updateFile);
        for (Map.Entry<String, EnumDescriptor> entry : originalEnums.entrySet()) {
            EnumDescriptor update = updateEnums.get(entry.getKey());
            if (update == null) {
                add(Kind.ENUM_REMOVED, Kind.ENUM_ADDED, path(entry.getValue()), null, entry.getValue().getFullName(),
                        null, entry.getKey(), null);
            } else {
                compareEnums(entry.getValue(), update);
            }
        }
        for (Map.Entry<String, EnumDescriptor> entry : updateEnums.entrySet()) {
            if (!originalEnums.containsKey(entry.getKey())) {
                add(Kind.ENUM_ADDED, Kind.ENUM_REMOVED, null, path(entry.getValue()), null,
                        entry.getValue().getFullName(), entry.getKey(), null);
            }
        }
    }

    /** Elements of a file by their name relative to its package, so that a package change shows once. */
    private static <D extends GenericDescriptor> Map<String, D> byName(List<D> elements, FileDescriptor file) {
        Map<String, D> byName = new LinkedHashMap<>();
        for (D element : elements) {
            byName.put(relativeName(element, file), element);
        }
        return byName;
    }

    private static String relativeName(GenericDescriptor element, FileDescriptor file) {
        String pkg = file.getPackage();
        String full = element.getFullName();
        return pkg.isEmpty() || !full.startsWith(pkg + ".") ? full : full.substring(pkg.length() + 1);
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
            String originalPath = path(original) + "/values/" + entry.getKey();
            if (after == null) {
                add(Kind.ENUM_CONST_REMOVED, Kind.ENUM_CONST_ADDED, originalPath, null,
                        String.valueOf(entry.getKey()), null, entry.getValue().getName(), original.getName());
            } else if (!after.getName().equals(entry.getValue().getName())) {
                add(Kind.ENUM_CONST_CHANGED, Kind.ENUM_CONST_CHANGED, originalPath,
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
            String originalPath = path(original) + "/fields/" + entry.getKey();
            OneofDescriptor beforeOneOf = realOneOf(before);
            if (after == null) {
                if (beforeOneOf != null && updateOneOfs.contains(beforeOneOf.getName())) {
                    add(Kind.ONEOF_FIELD_REMOVED, Kind.ONEOF_FIELD_ADDED, originalPath, null, null, null,
                            before.getName(), beforeOneOf.getName());
                } else if (before.isRequired()) {
                    add(Kind.REQUIRED_FIELD_REMOVED, Kind.REQUIRED_FIELD_ADDED, originalPath, null, null, null,
                            before.getName(), null);
                } else {
                    add(Kind.FIELD_REMOVED, Kind.FIELD_ADDED, originalPath, null, null, null, before.getName(), null);
                }
                continue;
            }
            String updatePath = path(update) + "/fields/" + entry.getKey();
            compareFields(before, after, originalPath, updatePath);
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
                add(Kind.ONEOF_FIELD_MOVED_TO_TOP_LEVEL, mirror, originalPath, updatePath, beforeName, null,
                        after.getName(), beforeName);
            } else if (originalOneOfs.contains(afterName)) {
                add(Kind.FIELD_MOVED_TO_EXISTING_ONEOF, Kind.ONEOF_FIELD_MOVED_TO_TOP_LEVEL, originalPath, updatePath,
                        beforeName, afterName, after.getName(), afterName);
            } else if (movedIntoNewOneOf.getOrDefault(afterName, 0) > 1) {
                add(Kind.MULTIPLE_FIELDS_MOVED_TO_ONEOF, Kind.ONEOF_FIELD_MOVED_TO_TOP_LEVEL, originalPath, updatePath,
                        beforeName, afterName, after.getName(), afterName);
            } else {
                add(Kind.FIELD_MOVED_TO_NEW_ONEOF, Kind.ONEOF_FIELD_MOVED_TO_TOP_LEVEL, originalPath, updatePath,
                        beforeName, afterName, after.getName(), afterName);
            }
        }
        for (Map.Entry<Integer, FieldDescriptor> entry : updateFields.entrySet()) {
            if (originalFields.containsKey(entry.getKey())) {
                continue;
            }
            FieldDescriptor after = entry.getValue();
            String updatePath = path(update) + "/fields/" + entry.getKey();
            OneofDescriptor oneOf = realOneOf(after);
            if (oneOf != null && originalOneOfs.contains(oneOf.getName())) {
                add(Kind.ONEOF_FIELD_ADDED, Kind.ONEOF_FIELD_REMOVED, null, updatePath, null, null, after.getName(),
                        oneOf.getName());
            } else if (after.isRequired()) {
                add(Kind.REQUIRED_FIELD_ADDED, Kind.REQUIRED_FIELD_REMOVED, null, updatePath, null, null,
                        after.getName(), null);
            } else {
                add(Kind.FIELD_ADDED, Kind.FIELD_REMOVED, null, updatePath, null, null, after.getName(), null);
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

    private void compareFields(FieldDescriptor before, FieldDescriptor after, String originalPath, String updatePath) {
        if (!before.getName().equals(after.getName())) {
            add(Kind.FIELD_NAME_CHANGED, Kind.FIELD_NAME_CHANGED, originalPath, updatePath, before.getName(),
                    after.getName(), after.getName(), null);
        }
        FieldKind beforeKind = kind(before);
        FieldKind afterKind = kind(after);
        if (beforeKind != afterKind) {
            add(Kind.FIELD_KIND_CHANGED, Kind.FIELD_KIND_CHANGED, originalPath, updatePath, describe(before),
                    describe(after), after.getName(), null);
            return;
        }
        if (beforeKind == FieldKind.MAP) {
            FieldDescriptor beforeKey = before.getMessageType().findFieldByNumber(1);
            FieldDescriptor afterKey = after.getMessageType().findFieldByNumber(1);
            compareValueTypes(beforeKey, afterKey, originalPath, updatePath, after.getName(), before, after);
            FieldDescriptor beforeValue = before.getMessageType().findFieldByNumber(2);
            FieldDescriptor afterValue = after.getMessageType().findFieldByNumber(2);
            if (kind(beforeValue) != kind(afterValue)) {
                add(Kind.FIELD_KIND_CHANGED, Kind.FIELD_KIND_CHANGED, originalPath, updatePath, describe(before),
                        describe(after), after.getName(), null);
            } else {
                compareValueTypes(beforeValue, afterValue, originalPath, updatePath, after.getName(), before, after);
            }
            return;
        }
        compareValueTypes(before, after, originalPath, updatePath, after.getName(), before, after);
        if (before.isRepeated() != after.isRepeated()) {
            String from = before.isRepeated() ? "repeated" : "singular";
            String to = after.isRepeated() ? "repeated" : "singular";
            if (beforeKind == FieldKind.SCALAR) {
                boolean text = before.getType() == FieldDescriptor.Type.STRING
                        || before.getType() == FieldDescriptor.Type.BYTES;
                Kind kind = text ? Kind.FIELD_STRING_OR_BYTES_LABEL_CHANGED : Kind.FIELD_NUMERIC_LABEL_CHANGED;
                add(kind, kind, originalPath, updatePath, from, to, after.getName(), null);
            }
        }
        if (before.isRequired() != after.isRequired()) {
            if (after.isRequired()) {
                add(Kind.REQUIRED_FIELD_ADDED, Kind.REQUIRED_FIELD_REMOVED, originalPath, updatePath, null, null,
                        after.getName(), null);
            } else {
                add(Kind.REQUIRED_FIELD_REMOVED, Kind.REQUIRED_FIELD_ADDED, originalPath, updatePath, null, null,
                        after.getName(), null);
            }
        }
    }

    /** Compares the types of two values of one kind (a field, a map key or a map value). */
    private void compareValueTypes(FieldDescriptor before, FieldDescriptor after, String originalPath,
                                   String updatePath, String fieldName, FieldDescriptor beforeField,
                                   FieldDescriptor afterField) {
        if (kind(before) == FieldKind.MESSAGE) {
            Descriptor beforeType = before.getMessageType();
            Descriptor afterType = after.getMessageType();
            String beforeKey = typeKey(beforeType, true);
            String afterKey = typeKey(afterType, false);
            if (!beforeKey.equals(afterKey)) {
                add(Kind.FIELD_NAMED_TYPE_CHANGED, Kind.FIELD_NAMED_TYPE_CHANGED, originalPath, updatePath,
                        beforeType.getFullName(), afterType.getFullName(), fieldName, null);
            } else if (beforeType.getFile() != originalFile && afterType.getFile() != updateFile
                    && comparedImports.add(beforeType.getFullName())) {
                compareMessages(beforeType, afterType); // a message both versions import: its changes count too
            }
            return;
        }
        if (before.getType() != after.getType()) {
            if (ProtoScalars.group(scalarType(before)) != ProtoScalars.group(scalarType(after))) {
                add(Kind.FIELD_SCALAR_KIND_CHANGED, Kind.FIELD_SCALAR_KIND_CHANGED, originalPath, updatePath,
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
