package dev.accord.core.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a file descriptor as .proto text in one stable layout: the same schema gives the same text however it
 * was written (whitespace, comment placement, or sent as a serialized descriptor). Messages, enums, services and
 * their members keep their declaration order, which Confluent's wire format and readers of the text rely on.
 */
final class ProtoPrinter {

    /** What to print besides the schema's structure. */
    record Style(boolean comments, boolean customOptions, boolean extensions) {
        /** The stored text: everything. */
        static final Style FULL = new Style(true, true, true);
        /** The text identity is computed over: comments do not make another schema. */
        static final Style IDENTITY = new Style(false, true, true);
        /** {@code format=ignore_extensions}: no extension declarations and no custom options. */
        static final Style WITHOUT_EXTENSIONS = new Style(true, false, false);
    }

    static final int MAX_FIELD_NUMBER = ProtoText.MAX_FIELD_NUMBER;

    private final StringBuilder out = new StringBuilder();
    private final Style style;
    private final Map<List<Integer>, String> comments = new HashMap<>();
    private final boolean proto3;

    private ProtoPrinter(FileDescriptorProto file, Style style) {
        this.style = style;
        this.proto3 = "proto3".equals(file.getSyntax());
        if (style.comments()) {
            for (SourceCodeInfo.Location location : file.getSourceCodeInfo().getLocationList()) {
                if (location.hasLeadingComments()) {
                    comments.put(location.getPathList(), location.getLeadingComments());
                }
            }
        }
    }

    static String print(FileDescriptorProto file, Style style) {
        ProtoPrinter printer = new ProtoPrinter(file, style);
        printer.file(file);
        return printer.out.toString();
    }

    private void file(FileDescriptorProto file) {
        List<String> sections = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        if (!file.getSyntax().isEmpty()) {
            head.append("syntax = ").append(quote(file.getSyntax())).append(";\n");
        }
        if (file.hasPackage()) {
            head.append("package ").append(file.getPackage()).append(";\n");
        }
        if (!head.isEmpty()) {
            sections.add(head.toString());
        }
        StringBuilder imports = new StringBuilder();
        for (int i = 0; i < file.getDependencyCount(); i++) {
            String kind = file.getPublicDependencyList().contains(i) ? "public "
                    : file.getWeakDependencyList().contains(i) ? "weak " : "";
            imports.append("import ").append(kind).append(quote(file.getDependency(i))).append(";\n");
        }
        if (!imports.isEmpty()) {
            sections.add(imports.toString());
        }
        StringBuilder options = new StringBuilder();
        for (String option : ProtoOptions.texts(file.hasOptions() ? file.getOptions() : null, style.customOptions())) {
            options.append("option ").append(option).append(";\n");
        }
        if (!options.isEmpty()) {
            sections.add(options.toString());
        }
        for (int i = 0; i < file.getMessageTypeCount(); i++) {
            int index = i;
            sections.add(capture(() -> message(file.getMessageType(index), List.of(4, index), "")));
        }
        for (int i = 0; i < file.getEnumTypeCount(); i++) {
            int index = i;
            sections.add(capture(() -> enumeration(file.getEnumType(index), List.of(5, index), "")));
        }
        for (int i = 0; i < file.getServiceCount(); i++) {
            int index = i;
            sections.add(capture(() -> service(file.getService(index), List.of(6, index))));
        }
        if (style.extensions() && file.getExtensionCount() > 0) {
            sections.add(capture(() -> extensions(file.getExtensionList(), "")));
        }
        out.append(String.join("\n", sections));
    }

    private String capture(Runnable printing) {
        int start = out.length();
        printing.run();
        String text = out.substring(start);
        out.setLength(start);
        return text;
    }

    private void comment(List<Integer> path, String indent) {
        String comment = comments.get(path);
        if (comment == null) {
            return;
        }
        String text = comment.endsWith("\n") ? comment.substring(0, comment.length() - 1) : comment;
        for (String line : text.split("\n", -1)) {
            out.append(indent).append("//").append(line.isEmpty() || line.startsWith(" ") ? line : " " + line)
                    .append('\n');
        }
    }

    private void message(DescriptorProto message, List<Integer> path, String indent) {
        comment(path, indent);
        out.append(indent).append("message ").append(message.getName()).append(" {\n");
        body(message, path, indent + "  ");
        out.append(indent).append("}\n");
    }

    private void body(DescriptorProto message, List<Integer> path, String indent) {
        for (String option : ProtoOptions.texts(message.hasOptions() ? message.getOptions() : null,
                style.customOptions())) {
            out.append(indent).append("option ").append(option).append(";\n");
        }
        if (message.getReservedRangeCount() > 0) {
            List<String> ranges = new ArrayList<>();
            for (DescriptorProto.ReservedRange range : message.getReservedRangeList()) {
                ranges.add(range(range.getStart(), range.getEnd() - 1, MAX_FIELD_NUMBER));
            }
            out.append(indent).append("reserved ").append(String.join(", ", ranges)).append(";\n");
        }
        if (message.getReservedNameCount() > 0) {
            out.append(indent).append("reserved ").append(String.join(", ",
                    message.getReservedNameList().stream().map(ProtoPrinter::quote).toList())).append(";\n");
        }
        Map<String, DescriptorProto> nestedByName = new LinkedHashMap<>();
        message.getNestedTypeList().forEach(nested -> nestedByName.put(nested.getName(), nested));
        List<String> inlined = new ArrayList<>();
        boolean[] oneOfPrinted = new boolean[message.getOneofDeclCount()];
        for (int i = 0; i < message.getFieldCount(); i++) {
            FieldDescriptorProto field = message.getField(i);
            boolean realOneOf = field.hasOneofIndex() && !field.getProto3Optional();
            if (realOneOf) {
                int index = field.getOneofIndex();
                if (oneOfPrinted[index]) {
                    continue;
                }
                oneOfPrinted[index] = true;
                comment(append(path, 8, index), indent);
                out.append(indent).append("oneof ").append(message.getOneofDecl(index).getName()).append(" {\n");
                for (String option : ProtoOptions.texts(message.getOneofDecl(index).hasOptions()
                        ? message.getOneofDecl(index).getOptions() : null, style.customOptions())) {
                    out.append(indent).append("  option ").append(option).append(";\n");
                }
                for (int j = i; j < message.getFieldCount(); j++) {
                    FieldDescriptorProto member = message.getField(j);
                    if (member.hasOneofIndex() && member.getOneofIndex() == index && !member.getProto3Optional()) {
                        field(member, message, nestedByName, inlined, append(path, 2, j), indent + "  ", true);
                    }
                }
                out.append(indent).append("}\n");
            } else {
                field(field, message, nestedByName, inlined, append(path, 2, i), indent, false);
            }
        }
        for (int i = 0; i < message.getNestedTypeCount(); i++) {
            DescriptorProto nested = message.getNestedType(i);
            if (!inlined.contains(nested.getName())) {
                message(nested, append(path, 3, i), indent);
            }
        }
        for (int i = 0; i < message.getEnumTypeCount(); i++) {
            enumeration(message.getEnumType(i), append(path, 4, i), indent);
        }
        if (message.getExtensionRangeCount() > 0) {
            List<String> ranges = new ArrayList<>();
            for (DescriptorProto.ExtensionRange range : message.getExtensionRangeList()) {
                ranges.add(range(range.getStart(), range.getEnd() - 1, MAX_FIELD_NUMBER));
            }
            out.append(indent).append("extensions ").append(String.join(", ", ranges)).append(";\n");
        }
        if (style.extensions() && message.getExtensionCount() > 0) {
            extensions(message.getExtensionList(), indent);
        }
    }

    private void field(FieldDescriptorProto field, DescriptorProto owner, Map<String, DescriptorProto> nested,
                       List<String> inlined, List<Integer> path, String indent, boolean inOneOf) {
        comment(path, indent);
        DescriptorProto entry = field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED
                ? nestedType(field.getTypeName(), nested) : null;
        if (entry != null && entry.getOptions().getMapEntry()) {
            inlined.add(entry.getName());
            out.append(indent).append("map<").append(typeName(entry.getField(0))).append(", ")
                    .append(typeName(entry.getField(1))).append("> ").append(field.getName()).append(" = ")
                    .append(field.getNumber());
            fieldOptions(field);
            out.append(";\n");
            return;
        }
        out.append(indent).append(label(field, inOneOf));
        if (field.getType() == FieldDescriptorProto.Type.TYPE_GROUP) {
            DescriptorProto group = nestedType(field.getTypeName(), nested);
            if (group != null) {
                inlined.add(group.getName());
                out.append("group ").append(group.getName()).append(" = ").append(field.getNumber());
                fieldOptions(field);
                out.append(" {\n");
                body(group, List.of(), indent + "  ");
                out.append(indent).append("}\n");
                return;
            }
        }
        out.append(typeName(field)).append(' ').append(field.getName()).append(" = ").append(field.getNumber());
        fieldOptions(field);
        out.append(";\n");
    }

    private String label(FieldDescriptorProto field, boolean inOneOf) {
        if (inOneOf) {
            return "";
        }
        return switch (field.getLabel()) {
            case LABEL_REPEATED -> "repeated ";
            case LABEL_REQUIRED -> "required ";
            default -> proto3 ? (field.getProto3Optional() ? "optional " : "") : "optional ";
        };
    }

    /** The nested type a field's type name points to, when it names one of the owner's nested types. */
    private static DescriptorProto nestedType(String typeName, Map<String, DescriptorProto> nested) {
        if (typeName.isEmpty()) {
            return null;
        }
        String simple = typeName.substring(typeName.lastIndexOf('.') + 1);
        return nested.get(simple);
    }

    static String typeName(FieldDescriptorProto field) {
        String scalar = field.hasType() ? ProtoScalars.name(field.getType()) : null;
        return scalar != null ? scalar : field.getTypeName();
    }

    private void fieldOptions(FieldDescriptorProto field) {
        List<String> options = new ArrayList<>();
        if (field.hasDefaultValue()) {
            String value = field.getDefaultValue();
            boolean text = field.getType() == FieldDescriptorProto.Type.TYPE_STRING
                    || field.getType() == FieldDescriptorProto.Type.TYPE_BYTES;
            options.add("default = " + (text ? quote(value) : value));
        }
        if (field.hasJsonName() && !field.getJsonName().equals(defaultJsonName(field.getName()))) {
            options.add("json_name = " + quote(field.getJsonName()));
        }
        options.addAll(ProtoOptions.texts(field.hasOptions() ? field.getOptions() : null, style.customOptions()));
        if (!options.isEmpty()) {
            out.append(" [").append(String.join(", ", options)).append(']');
        }
    }

    /** The JSON name protoc derives from a field name: underscores dropped, the next letter upper-cased. */
    static String defaultJsonName(String name) {
        StringBuilder json = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                json.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return json.toString();
    }

    private void enumeration(EnumDescriptorProto enumeration, List<Integer> path, String indent) {
        comment(path, indent);
        out.append(indent).append("enum ").append(enumeration.getName()).append(" {\n");
        String inner = indent + "  ";
        for (String option : ProtoOptions.texts(enumeration.hasOptions() ? enumeration.getOptions() : null,
                style.customOptions())) {
            out.append(inner).append("option ").append(option).append(";\n");
        }
        if (enumeration.getReservedRangeCount() > 0) {
            List<String> ranges = new ArrayList<>();
            for (EnumDescriptorProto.EnumReservedRange range : enumeration.getReservedRangeList()) {
                ranges.add(range(range.getStart(), range.getEnd(), Integer.MAX_VALUE));
            }
            out.append(inner).append("reserved ").append(String.join(", ", ranges)).append(";\n");
        }
        if (enumeration.getReservedNameCount() > 0) {
            out.append(inner).append("reserved ").append(String.join(", ",
                    enumeration.getReservedNameList().stream().map(ProtoPrinter::quote).toList())).append(";\n");
        }
        for (int i = 0; i < enumeration.getValueCount(); i++) {
            EnumValueDescriptorProto value = enumeration.getValue(i);
            comment(append(path, 2, i), inner);
            out.append(inner).append(value.getName()).append(" = ").append(value.getNumber());
            List<String> options = ProtoOptions.texts(value.hasOptions() ? value.getOptions() : null,
                    style.customOptions());
            if (!options.isEmpty()) {
                out.append(" [").append(String.join(", ", options)).append(']');
            }
            out.append(";\n");
        }
        out.append(indent).append("}\n");
    }

    private void service(ServiceDescriptorProto service, List<Integer> path) {
        comment(path, "");
        out.append("service ").append(service.getName()).append(" {\n");
        for (String option : ProtoOptions.texts(service.hasOptions() ? service.getOptions() : null,
                style.customOptions())) {
            out.append("  option ").append(option).append(";\n");
        }
        for (int i = 0; i < service.getMethodCount(); i++) {
            MethodDescriptorProto method = service.getMethod(i);
            comment(append(path, 2, i), "  ");
            out.append("  rpc ").append(method.getName()).append(" (")
                    .append(method.getClientStreaming() ? "stream " : "").append(method.getInputType())
                    .append(") returns (").append(method.getServerStreaming() ? "stream " : "")
                    .append(method.getOutputType()).append(')');
            List<String> options = ProtoOptions.texts(method.hasOptions() ? method.getOptions() : null,
                    style.customOptions());
            if (options.isEmpty()) {
                out.append(";\n");
            } else {
                out.append(" {\n");
                for (String option : options) {
                    out.append("    option ").append(option).append(";\n");
                }
                out.append("  }\n");
            }
        }
        out.append("}\n");
    }

    private void extensions(List<FieldDescriptorProto> fields, String indent) {
        Map<String, List<FieldDescriptorProto>> byExtendee = new LinkedHashMap<>();
        for (FieldDescriptorProto field : fields) {
            byExtendee.computeIfAbsent(field.getExtendee(), e -> new ArrayList<>()).add(field);
        }
        for (Map.Entry<String, List<FieldDescriptorProto>> extend : byExtendee.entrySet()) {
            out.append(indent).append("extend ").append(extend.getKey()).append(" {\n");
            for (FieldDescriptorProto field : extend.getValue()) {
                out.append(indent).append("  ").append(label(field, false)).append(typeName(field)).append(' ')
                        .append(field.getName()).append(" = ").append(field.getNumber());
                fieldOptions(field);
                out.append(";\n");
            }
            out.append(indent).append("}\n");
        }
    }

    private static String range(int start, int end, int max) {
        if (start == end) {
            return Integer.toString(start);
        }
        return start + " to " + (end >= max ? "max" : Integer.toString(end));
    }

    private static List<Integer> append(List<Integer> path, int field, int index) {
        if (path.isEmpty()) {
            return List.of();
        }
        List<Integer> longer = new ArrayList<>(path);
        longer.add(field);
        longer.add(index);
        return longer;
    }

    /** A string literal in .proto syntax. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\%03o", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
