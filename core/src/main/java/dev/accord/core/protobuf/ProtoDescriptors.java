package dev.accord.core.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.UninterpretedOption;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Message;
import dev.accord.core.schema.InvalidSchemaException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Linking, checking and rewriting file descriptors: the steps between a parsed file and a schema. */
final class ProtoDescriptors {

    private ProtoDescriptors() {
    }

    /**
     * Links a file against its imports: each import is a referenced file (by the reference's name) or a built-in
     * one. Type names are resolved by protobuf's scoping rules; an undefined name, a duplicate or a clash is an
     * invalid schema.
     */
    static FileDescriptor link(FileDescriptorProto proto, Map<String, FileDescriptor> referenced) {
        List<FileDescriptor> dependencies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String path : proto.getDependencyList()) {
            if (!seen.add(path)) {
                throw new InvalidSchemaException("Invalid Protobuf schema: \"" + path + "\" is imported twice");
            }
            FileDescriptor dependency = referenced.get(path);
            if (dependency == null) {
                dependency = WellKnownProtos.find(path).orElseThrow(() -> new InvalidSchemaException(
                        "Invalid Protobuf schema: import \"" + path + "\" is not resolved: it is not a built-in file"
                                + " (google/protobuf/*, google/type/*, confluent/meta.proto,"
                                + " confluent/type/decimal.proto), and no reference is named \"" + path + "\""));
            }
            dependencies.add(dependency);
        }
        check(proto);
        try {
            return FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
        } catch (DescriptorValidationException e) {
            throw new InvalidSchemaException("Invalid Protobuf schema: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidSchemaException("Invalid Protobuf schema: " + e.getMessage(), e);
        }
    }

    // ---- what protoc checks and protobuf-java's linker does not -----------------------------------------------

    private static void check(FileDescriptorProto file) {
        boolean proto3 = "proto3".equals(file.getSyntax());
        if (!file.getSyntax().isEmpty() && !proto3 && !"proto2".equals(file.getSyntax())) {
            throw new InvalidSchemaException("Invalid Protobuf schema: unknown syntax \"" + file.getSyntax() + "\"");
        }
        for (DescriptorProto message : file.getMessageTypeList()) {
            check(message, message.getName(), proto3);
        }
        for (EnumDescriptorProto enumeration : file.getEnumTypeList()) {
            check(enumeration, enumeration.getName(), proto3);
        }
    }

    private static void check(DescriptorProto message, String name, boolean proto3) {
        Set<Integer> numbers = new HashSet<>();
        for (FieldDescriptorProto field : message.getFieldList()) {
            int number = field.getNumber();
            String where = "field '" + field.getName() + "' = " + number + " of message " + name;
            if (number < 1 || number > ProtoText.MAX_FIELD_NUMBER) {
                throw invalid(where + ": field numbers are 1 to " + ProtoText.MAX_FIELD_NUMBER);
            }
            if (number >= 19000 && number <= 19999) {
                throw invalid(where + ": numbers 19000 to 19999 are reserved for the protobuf implementation");
            }
            if (!numbers.add(number)) {
                throw invalid(where + ": number " + number + " is used twice");
            }
            for (DescriptorProto.ReservedRange range : message.getReservedRangeList()) {
                if (number >= range.getStart() && number < range.getEnd()) {
                    throw invalid(where + ": number " + number + " is reserved");
                }
            }
            if (message.getReservedNameList().contains(field.getName())) {
                throw invalid(where + ": name '" + field.getName() + "' is reserved");
            }
            if (proto3 && field.hasDefaultValue()) {
                throw invalid(where + ": explicit default values are not allowed in proto3");
            }
            if (proto3 && field.getLabel() == FieldDescriptorProto.Label.LABEL_REQUIRED) {
                throw invalid(where + ": required fields are not allowed in proto3");
            }
        }
        for (DescriptorProto nested : message.getNestedTypeList()) {
            check(nested, name + "." + nested.getName(), proto3);
        }
        for (EnumDescriptorProto enumeration : message.getEnumTypeList()) {
            check(enumeration, name + "." + enumeration.getName(), proto3);
        }
    }

    private static void check(EnumDescriptorProto enumeration, String name, boolean proto3) {
        if (enumeration.getValueCount() == 0) {
            throw invalid("enum " + name + " has no values");
        }
        if (proto3 && enumeration.getValue(0).getNumber() != 0) {
            throw invalid("enum " + name + ": the first value of a proto3 enum must be 0");
        }
        boolean aliases = enumeration.getOptions().getAllowAlias();
        Set<Integer> numbers = new HashSet<>();
        for (EnumValueDescriptorProto value : enumeration.getValueList()) {
            if (!numbers.add(value.getNumber()) && !aliases) {
                throw invalid("enum " + name + ": '" + value.getName() + "' reuses the number " + value.getNumber()
                        + " (set option allow_alias = true to allow aliases)");
            }
            for (EnumDescriptorProto.EnumReservedRange range : enumeration.getReservedRangeList()) {
                if (value.getNumber() >= range.getStart() && value.getNumber() <= range.getEnd()) {
                    throw invalid("enum " + name + ": '" + value.getName() + "' uses the reserved number "
                            + value.getNumber());
                }
            }
            if (enumeration.getReservedNameList().contains(value.getName())) {
                throw invalid("enum " + name + ": the name '" + value.getName() + "' is reserved");
            }
        }
    }

    private static InvalidSchemaException invalid(String message) {
        return new InvalidSchemaException("Invalid Protobuf schema: " + message);
    }

    // ---- the resolved and the normalised descriptor ------------------------------------------------------------

    /**
     * The descriptor a protobuf compiler would emit for the linked file: every type name fully qualified with a
     * leading dot and every field's type set (what {@code format=serialized} answers and clients load).
     */
    static FileDescriptorProto resolved(FileDescriptor file) {
        FileDescriptorProto.Builder proto = file.toProto().toBuilder().clearSourceCodeInfo();
        for (int i = 0; i < file.getMessageTypes().size(); i++) {
            proto.setMessageType(i, resolved(file.getMessageTypes().get(i), proto.getMessageType(i)));
        }
        for (int i = 0; i < file.getExtensions().size(); i++) {
            proto.setExtension(i, resolved(file.getExtensions().get(i), proto.getExtension(i)));
        }
        for (int i = 0; i < file.getServices().size(); i++) {
            proto.setService(i, resolved(file.getServices().get(i), proto.getService(i)));
        }
        return proto.build();
    }

    private static DescriptorProto resolved(Descriptor message, DescriptorProto proto) {
        DescriptorProto.Builder built = proto.toBuilder();
        for (int i = 0; i < message.getFields().size(); i++) {
            built.setField(i, resolved(message.getFields().get(i), proto.getField(i)));
        }
        for (int i = 0; i < message.getNestedTypes().size(); i++) {
            built.setNestedType(i, resolved(message.getNestedTypes().get(i), proto.getNestedType(i)));
        }
        for (int i = 0; i < message.getExtensions().size(); i++) {
            built.setExtension(i, resolved(message.getExtensions().get(i), proto.getExtension(i)));
        }
        return built.build();
    }

    private static FieldDescriptorProto resolved(FieldDescriptor field, FieldDescriptorProto proto) {
        FieldDescriptorProto.Builder built = proto.toBuilder().setType(field.toProto().hasType() ? proto.getType()
                : typeOf(field));
        if (field.getType() == FieldDescriptor.Type.MESSAGE || field.getType() == FieldDescriptor.Type.GROUP) {
            built.setTypeName("." + field.getMessageType().getFullName());
        } else if (field.getType() == FieldDescriptor.Type.ENUM) {
            built.setTypeName("." + field.getEnumType().getFullName());
        }
        if (field.isExtension()) {
            built.setExtendee("." + field.getContainingType().getFullName());
        }
        if (!built.hasJsonName() && !field.isExtension()) {
            built.setJsonName(ProtoPrinter.defaultJsonName(field.getName()));
        }
        return built.build();
    }

    private static FieldDescriptorProto.Type typeOf(FieldDescriptor field) {
        return switch (field.getType()) {
            case MESSAGE -> FieldDescriptorProto.Type.TYPE_MESSAGE;
            case GROUP -> FieldDescriptorProto.Type.TYPE_GROUP;
            case ENUM -> FieldDescriptorProto.Type.TYPE_ENUM;
            default -> field.toProto().getType();
        };
    }

    private static ServiceDescriptorProto resolved(ServiceDescriptor service, ServiceDescriptorProto proto) {
        ServiceDescriptorProto.Builder built = proto.toBuilder();
        for (int i = 0; i < service.getMethods().size(); i++) {
            MethodDescriptor method = service.getMethods().get(i);
            built.setMethod(i, proto.getMethod(i).toBuilder()
                    .setInputType("." + method.getInputType().getFullName())
                    .setOutputType("." + method.getOutputType().getFullName()));
        }
        return built.build();
    }

    /**
     * The normalised form ({@code normalize=true}): names fully qualified, imports sorted and de-duplicated,
     * fields by number, oneofs by their first field's number, enum values by number then name, ranges and
     * reserved names sorted, custom options sorted, {@code syntax} only for proto3, no comments. Messages, enums,
     * services and methods keep their order, so message indexes stay what they were.
     */
    static FileDescriptorProto normalized(FileDescriptor file) {
        FileDescriptorProto.Builder proto = resolved(file).toBuilder().clearSourceCodeInfo();
        if (!"proto3".equals(proto.getSyntax())) {
            proto.clearSyntax();
        }
        Set<String> publicImports = new HashSet<>();
        Set<String> weakImports = new HashSet<>();
        proto.getPublicDependencyList().forEach(i -> publicImports.add(proto.getDependency(i)));
        proto.getWeakDependencyList().forEach(i -> weakImports.add(proto.getDependency(i)));
        List<String> imports = new ArrayList<>(new LinkedHashSet<>(proto.getDependencyList()));
        imports.sort(Comparator.naturalOrder());
        proto.clearDependency().clearPublicDependency().clearWeakDependency();
        for (String path : imports) {
            if (publicImports.contains(path)) {
                proto.addPublicDependency(proto.getDependencyCount());
            } else if (weakImports.contains(path)) {
                proto.addWeakDependency(proto.getDependencyCount());
            }
            proto.addDependency(path);
        }
        if (proto.hasOptions()) {
            proto.setOptions(sortedCustom(proto.getOptions()));
        }
        for (int i = 0; i < proto.getMessageTypeCount(); i++) {
            proto.setMessageType(i, normalized(proto.getMessageType(i)));
        }
        for (int i = 0; i < proto.getEnumTypeCount(); i++) {
            proto.setEnumType(i, normalized(proto.getEnumType(i)));
        }
        List<FieldDescriptorProto> extensions = new ArrayList<>(proto.getExtensionList());
        extensions.replaceAll(ProtoDescriptors::normalizedField);
        proto.clearExtension().addAllExtension(extensions);
        for (int i = 0; i < proto.getServiceCount(); i++) {
            ServiceDescriptorProto.Builder service = proto.getService(i).toBuilder();
            if (service.hasOptions()) {
                service.setOptions(sortedCustom(service.getOptions()));
            }
            for (int j = 0; j < service.getMethodCount(); j++) {
                MethodDescriptorProto method = service.getMethod(j);
                if (method.hasOptions()) {
                    service.setMethod(j, method.toBuilder().setOptions(sortedCustom(method.getOptions())));
                }
            }
            proto.setService(i, service);
        }
        return proto.build();
    }

    private static DescriptorProto normalized(DescriptorProto message) {
        DescriptorProto.Builder built = message.toBuilder();
        if (built.hasOptions()) {
            built.setOptions(sortedCustom(built.getOptions()));
        }
        List<FieldDescriptorProto> fields = new ArrayList<>(message.getFieldList());
        fields.sort(Comparator.comparingInt(FieldDescriptorProto::getNumber));
        // real oneofs ordered by their first field's number, synthetic ones (proto3 optional) after them
        List<Integer> order = new ArrayList<>();
        for (FieldDescriptorProto field : fields) {
            if (field.hasOneofIndex() && !field.getProto3Optional() && !order.contains(field.getOneofIndex())) {
                order.add(field.getOneofIndex());
            }
        }
        for (FieldDescriptorProto field : fields) {
            if (field.hasOneofIndex() && field.getProto3Optional() && !order.contains(field.getOneofIndex())) {
                order.add(field.getOneofIndex());
            }
        }
        for (int i = 0; i < message.getOneofDeclCount(); i++) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        built.clearOneofDecl();
        for (int old : order) {
            OneofDescriptorProto oneOf = message.getOneofDecl(old);
            built.addOneofDecl(oneOf.hasOptions() ? oneOf.toBuilder().setOptions(sortedCustom(oneOf.getOptions()))
                    .build() : oneOf);
        }
        built.clearField();
        for (FieldDescriptorProto field : fields) {
            FieldDescriptorProto normal = normalizedField(field);
            if (normal.hasOneofIndex()) {
                normal = normal.toBuilder().setOneofIndex(order.indexOf(normal.getOneofIndex())).build();
            }
            built.addField(normal);
        }
        for (int i = 0; i < built.getNestedTypeCount(); i++) {
            built.setNestedType(i, normalized(built.getNestedType(i)));
        }
        for (int i = 0; i < built.getEnumTypeCount(); i++) {
            built.setEnumType(i, normalized(built.getEnumType(i)));
        }
        List<DescriptorProto.ReservedRange> reserved = new ArrayList<>(message.getReservedRangeList());
        reserved.sort(Comparator.comparingInt(DescriptorProto.ReservedRange::getStart));
        built.clearReservedRange().addAllReservedRange(reserved);
        List<String> names = new ArrayList<>(message.getReservedNameList());
        names.sort(Comparator.naturalOrder());
        built.clearReservedName().addAllReservedName(names);
        List<DescriptorProto.ExtensionRange> ranges = new ArrayList<>(message.getExtensionRangeList());
        ranges.sort(Comparator.comparingInt(DescriptorProto.ExtensionRange::getStart));
        built.clearExtensionRange().addAllExtensionRange(ranges);
        List<FieldDescriptorProto> extensions = new ArrayList<>(message.getExtensionList());
        extensions.replaceAll(ProtoDescriptors::normalizedField);
        built.clearExtension().addAllExtension(extensions);
        return built.build();
    }

    private static FieldDescriptorProto normalizedField(FieldDescriptorProto field) {
        FieldDescriptorProto.Builder built = field.toBuilder();
        if (field.hasJsonName() && field.getJsonName().equals(ProtoPrinter.defaultJsonName(field.getName()))) {
            built.clearJsonName();
        }
        if (built.hasOptions()) {
            built.setOptions(sortedCustom(built.getOptions()));
        }
        return built.build();
    }

    private static EnumDescriptorProto normalized(EnumDescriptorProto enumeration) {
        EnumDescriptorProto.Builder built = enumeration.toBuilder();
        if (built.hasOptions()) {
            built.setOptions(sortedCustom(built.getOptions()));
        }
        List<EnumValueDescriptorProto> values = new ArrayList<>(enumeration.getValueList());
        values.sort(Comparator.comparingInt(EnumValueDescriptorProto::getNumber)
                .thenComparing(EnumValueDescriptorProto::getName));
        built.clearValue();
        for (EnumValueDescriptorProto value : values) {
            built.addValue(value.hasOptions() ? value.toBuilder().setOptions(sortedCustom(value.getOptions())).build()
                    : value);
        }
        List<EnumDescriptorProto.EnumReservedRange> reserved = new ArrayList<>(enumeration.getReservedRangeList());
        reserved.sort(Comparator.comparingInt(EnumDescriptorProto.EnumReservedRange::getStart));
        built.clearReservedRange().addAllReservedRange(reserved);
        List<String> names = new ArrayList<>(enumeration.getReservedNameList());
        names.sort(Comparator.naturalOrder());
        built.clearReservedName().addAllReservedName(names);
        return built.build();
    }

    /** The options with their custom (uninterpreted) options sorted by their text. */
    @SuppressWarnings("unchecked")
    private static <M extends Message> M sortedCustom(M options) {
        FieldDescriptor field = options.getDescriptorForType().findFieldByName("uninterpreted_option");
        List<UninterpretedOption> custom = new ArrayList<>((List<UninterpretedOption>) options.getField(field));
        if (custom.size() < 2) {
            return options;
        }
        TreeMap<String, UninterpretedOption> sorted = new TreeMap<>();
        for (UninterpretedOption option : custom) {
            sorted.put(ProtoOptions.text(option), option);
        }
        Message.Builder builder = options.toBuilder().clearField(field);
        sorted.values().forEach(option -> builder.addRepeatedField(field, option));
        return (M) builder.build();
    }

    /** A message's index path in its file (Confluent's wire format writes it before each message). */
    static List<Integer> messageIndexes(Descriptor message) {
        List<Integer> indexes = new ArrayList<>();
        Descriptor current = message;
        while (current != null) {
            indexes.add(0, current.getIndex());
            current = current.getContainingType();
        }
        return indexes;
    }

    /** Every message of a file, nested ones after their parent, map entries left out. */
    static List<Descriptor> messages(FileDescriptor file) {
        List<Descriptor> all = new ArrayList<>();
        for (Descriptor message : file.getMessageTypes()) {
            collect(message, all);
        }
        return all;
    }

    private static void collect(Descriptor message, List<Descriptor> all) {
        if (message.getOptions().getMapEntry()) {
            return;
        }
        all.add(message);
        for (Descriptor nested : message.getNestedTypes()) {
            collect(nested, all);
        }
    }

    /** Every enum of a file, nested ones included. */
    static List<EnumDescriptor> enums(FileDescriptor file) {
        List<EnumDescriptor> all = new ArrayList<>(file.getEnumTypes());
        for (Descriptor message : messages(file)) {
            all.addAll(message.getEnumTypes());
        }
        return all;
    }
}
