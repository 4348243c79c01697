package dev.accord.core.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.accord.core.schema.InvalidSchemaException;
import kotlin.ranges.IntRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code .proto} text to a {@link FileDescriptorProto}: parsed with Square Wire's parser, then turned into the
 * descriptor protoc would produce before linking (type names as written, options typed where protobuf defines
 * them and kept uninterpreted otherwise, comments as source code info). Linking resolves the names.
 */
final class ProtoText {

    /** Deeper nesting of braces than this is refused before parsing (the parser is recursive). */
    static final int MAX_DEPTH = 100;

    static final int MAX_FIELD_NUMBER = 536_870_911;

    private static final Pattern EDITION = Pattern.compile("^\\s*edition\\s*=", Pattern.MULTILINE);
    private static final Pattern WIRE_ERROR = Pattern.compile("Syntax error in [^:]*:(\\d+):(\\d+): (.*)",
            Pattern.DOTALL);

    private ProtoText() {
    }

    /** Parses text into Wire's element tree, with "line N, column M" in the message of a syntax error. */
    static ProtoFileElement parseElements(String text, String fileName) {
        checkDepth(text);
        if (EDITION.matcher(stripComments(text)).find()) {
            throw new InvalidSchemaException("Protobuf editions (edition = \"...\") are not supported; declare"
                    + " syntax = \"proto3\" or syntax = \"proto2\"");
        }
        try {
            return new ProtoParser(Location.get(fileName), text.toCharArray()).readProtoFile();
        } catch (IllegalStateException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Matcher m = WIRE_ERROR.matcher(message);
            if (m.matches()) {
                // Wire counts columns from the newline before a line, so they are one too many after line 1
                int line = Integer.parseInt(m.group(1));
                int column = Math.max(1, Integer.parseInt(m.group(2)) - (line > 1 ? 1 : 0));
                throw new InvalidSchemaException("Invalid Protobuf schema at line " + line + ", column " + column
                        + ": " + m.group(3), e);
            }
            throw new InvalidSchemaException("Invalid Protobuf schema: " + message, e);
        } catch (StackOverflowError e) {
            throw new InvalidSchemaException("Invalid Protobuf schema: nested too deeply");
        } catch (RuntimeException e) {
            throw new InvalidSchemaException("Invalid Protobuf schema: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** Parses text into a descriptor named {@code fileName}. */
    static FileDescriptorProto parse(String text, String fileName) {
        return toDescriptor(parseElements(text, fileName), fileName);
    }

    /** Refuses text whose braces, brackets or parentheses nest deeper than {@link #MAX_DEPTH}. */
    static void checkDepth(String text) {
        int depth = 0;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '"' || c == '\'') {
                i = skipString(text, i);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = (end < 0 ? text.length() : end) - 1;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                for (int j = i; j < (end < 0 ? text.length() : end); j++) {
                    if (text.charAt(j) == '\n') {
                        line++;
                    }
                }
                i = end < 0 ? text.length() : end + 1;
            } else if (c == '{' || c == '[' || c == '(' || c == '<') {
                if (++depth > MAX_DEPTH) {
                    throw new InvalidSchemaException("Schema is nested deeper than " + MAX_DEPTH + " levels (line "
                            + line + ")");
                }
            } else if (c == '}' || c == ']' || c == ')' || c == '>') {
                depth = Math.max(0, depth - 1);
            }
        }
    }

    private static int skipString(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i;
            }
        }
        return text.length();
    }

    private static String stripComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", "");
    }

    // ---- elements to descriptor ---------------------------------------------------------------------------------

    private static final class Builder {
        final boolean proto3;
        final SourceCodeInfo.Builder comments = SourceCodeInfo.newBuilder();

        Builder(boolean proto3) {
            this.proto3 = proto3;
        }

        void comment(List<Integer> path, String documentation) {
            if (documentation != null && !documentation.isBlank()) {
                comments.addLocation(SourceCodeInfo.Location.newBuilder().addAllPath(path)
                        .setLeadingComments(documentation));
            }
        }
    }

    static FileDescriptorProto toDescriptor(ProtoFileElement file, String fileName) {
        boolean proto3 = file.getSyntax() == Syntax.PROTO_3;
        Builder b = new Builder(proto3);
        FileDescriptorProto.Builder proto = FileDescriptorProto.newBuilder().setName(fileName);
        if (file.getSyntax() != null) {
            proto.setSyntax(proto3 ? "proto3" : "proto2");
        }
        if (file.getPackageName() != null) {
            proto.setPackage(file.getPackageName());
        }
        for (String path : file.getImports()) {
            proto.addDependency(path);
        }
        for (String path : file.getPublicImports()) {
            proto.addPublicDependency(proto.getDependencyCount());
            proto.addDependency(path);
        }
        for (String path : file.getWeakImports()) {
            proto.addWeakDependency(proto.getDependencyCount());
            proto.addDependency(path);
        }
        ProtoOptions.apply(file.getOptions(), proto.getOptionsBuilder());
        if (proto.getOptionsBuilder().getAllFields().isEmpty()) {
            proto.clearOptions();
        }
        for (TypeElement type : file.getTypes()) {
            if (type instanceof MessageElement message) {
                List<Integer> path = List.of(4, proto.getMessageTypeCount());
                proto.addMessageType(message(b, message, path));
            } else if (type instanceof EnumElement enumeration) {
                List<Integer> path = List.of(5, proto.getEnumTypeCount());
                proto.addEnumType(enumeration(b, enumeration, path));
            }
        }
        for (ServiceElement service : file.getServices()) {
            List<Integer> path = List.of(6, proto.getServiceCount());
            proto.addService(service(b, service, path));
        }
        for (ExtendElement extend : file.getExtendDeclarations()) {
            for (FieldElement field : extend.getFields()) {
                proto.addExtension(field(b, field, null, -1, List.of(7, proto.getExtensionCount()))
                        .setExtendee(extend.getName()));
            }
        }
        if (b.comments.getLocationCount() > 0) {
            proto.setSourceCodeInfo(b.comments);
        }
        return proto.build();
    }

    private static DescriptorProto message(Builder b, MessageElement message, List<Integer> path) {
        b.comment(path, message.getDocumentation());
        DescriptorProto.Builder proto = DescriptorProto.newBuilder().setName(message.getName());
        ProtoOptions.apply(message.getOptions(), proto.getOptionsBuilder());
        if (proto.getOptionsBuilder().getAllFields().isEmpty()) {
            proto.clearOptions();
        }
        // fields, oneof fields and groups in declaration order, so that the text keeps its order
        List<Object> members = new ArrayList<>();
        members.addAll(message.getFields());
        members.addAll(message.getGroups());
        for (OneOfElement oneOf : message.getOneOfs()) {
            members.addAll(oneOf.getFields());
            members.addAll(oneOf.getGroups());
        }
        members.sort(Comparator.comparingInt((Object m) -> location(m).getLine())
                .thenComparingInt(m -> location(m).getColumn()));
        List<OneOfElement> oneOfs = message.getOneOfs();
        for (int i = 0; i < oneOfs.size(); i++) {
            OneOfElement oneOf = oneOfs.get(i);
            b.comment(append(path, 8, i), oneOf.getDocumentation());
            OneofDescriptorProto.Builder decl = OneofDescriptorProto.newBuilder().setName(oneOf.getName());
            ProtoOptions.apply(oneOf.getOptions(), decl.getOptionsBuilder());
            if (decl.getOptionsBuilder().getAllFields().isEmpty()) {
                decl.clearOptions();
            }
            proto.addOneofDecl(decl);
        }
        List<FieldDescriptorProto.Builder> syntheticOptionals = new ArrayList<>();
        for (Object member : members) {
            int oneOfIndex = oneOfIndex(oneOfs, member);
            List<Integer> fieldPath = append(path, 2, proto.getFieldCount());
            if (member instanceof GroupElement group) {
                DescriptorProto.Builder type = DescriptorProto.newBuilder().setName(group.getName());
                for (FieldElement field : group.getFields()) {
                    type.addField(field(b, field, type, -1, List.of()));
                }
                b.comment(fieldPath, group.getDocumentation());
                proto.addNestedType(type);
                FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder()
                        .setName(group.getName().toLowerCase(Locale.ROOT)).setNumber(group.getTag())
                        .setLabel(label(group.getLabel())).setType(FieldDescriptorProto.Type.TYPE_GROUP)
                        .setTypeName(group.getName());
                if (oneOfIndex >= 0) {
                    field.setOneofIndex(oneOfIndex);
                }
                proto.addField(field);
            } else {
                FieldElement element = (FieldElement) member;
                FieldDescriptorProto.Builder field = field(b, element, proto, oneOfIndex, fieldPath);
                if (b.proto3 && element.getLabel() == Field.Label.OPTIONAL && oneOfIndex < 0) {
                    field.setProto3Optional(true);
                    syntheticOptionals.add(field);
                }
                proto.addField(field);
            }
        }
        // proto3 optional fields live in synthetic oneofs, declared after every real one
        if (!syntheticOptionals.isEmpty()) {
            for (int i = 0; i < proto.getFieldCount(); i++) {
                FieldDescriptorProto field = proto.getField(i);
                if (field.getProto3Optional()) {
                    String name = syntheticOneOfName(proto, field.getName());
                    proto.setField(i, field.toBuilder().setOneofIndex(proto.getOneofDeclCount()));
                    proto.addOneofDecl(OneofDescriptorProto.newBuilder().setName(name));
                }
            }
        }
        for (TypeElement nested : message.getNestedTypes()) {
            if (nested instanceof MessageElement nestedMessage) {
                proto.addNestedType(message(b, nestedMessage, append(path, 3, proto.getNestedTypeCount())));
            } else if (nested instanceof EnumElement nestedEnum) {
                proto.addEnumType(enumeration(b, nestedEnum, append(path, 4, proto.getEnumTypeCount())));
            }
        }
        for (ReservedElement reserved : message.getReserveds()) {
            for (Object value : reserved.getValues()) {
                if (value instanceof String name) {
                    proto.addReservedName(name);
                } else {
                    int[] range = range(value);
                    proto.addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(range[0])
                            .setEnd(range[1] + 1));
                }
            }
        }
        for (ExtensionsElement extensions : message.getExtensions()) {
            for (Object value : extensions.getValues()) {
                int[] range = range(value);
                proto.addExtensionRange(DescriptorProto.ExtensionRange.newBuilder().setStart(range[0])
                        .setEnd(range[1] + 1));
            }
        }
        for (ExtendElement extend : message.getExtendDeclarations()) {
            for (FieldElement field : extend.getFields()) {
                proto.addExtension(field(b, field, null, -1, List.of()).setExtendee(extend.getName()));
            }
        }
        return proto.build();
    }

    private static String syntheticOneOfName(DescriptorProto.Builder message, String fieldName) {
        String name = "_" + fieldName;
        while (true) {
            String candidate = name;
            boolean taken = message.getOneofDeclList().stream().anyMatch(o -> o.getName().equals(candidate))
                    || message.getFieldList().stream().anyMatch(f -> f.getName().equals(candidate));
            if (!taken) {
                return name;
            }
            name = "X" + name;
        }
    }

    private static Location location(Object member) {
        return member instanceof GroupElement group ? group.getLocation() : ((FieldElement) member).getLocation();
    }

    private static int oneOfIndex(List<OneOfElement> oneOfs, Object member) {
        for (int i = 0; i < oneOfs.size(); i++) {
            if (oneOfs.get(i).getFields().contains(member) || oneOfs.get(i).getGroups().contains(member)) {
                return i;
            }
        }
        return -1;
    }

    private static final Pattern MAP_TYPE = Pattern.compile("map\\s*<\\s*([^,\\s]+)\\s*,\\s*([^>\\s]+)\\s*>");

    private static FieldDescriptorProto.Builder field(Builder b, FieldElement element, DescriptorProto.Builder owner,
                                                      int oneOfIndex, List<Integer> path) {
        if (!path.isEmpty()) {
            b.comment(path, element.getDocumentation());
        }
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(element.getName())
                .setNumber(element.getTag());
        Matcher map = MAP_TYPE.matcher(element.getType());
        if (map.matches()) {
            if (owner == null) {
                throw new InvalidSchemaException("Invalid Protobuf schema: map field '" + element.getName()
                        + "' is not allowed here");
            }
            String entryName = mapEntryName(element.getName());
            DescriptorProto.Builder entry = DescriptorProto.newBuilder().setName(entryName);
            entry.getOptionsBuilder().setMapEntry(true);
            entry.addField(typed(FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
                    .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL), map.group(1)));
            entry.addField(typed(FieldDescriptorProto.newBuilder().setName("value").setNumber(2)
                    .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL), map.group(2)));
            owner.addNestedType(entry);
            field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setTypeName(entryName);
        } else {
            typed(field, element.getType());
            field.setLabel(label(element.getLabel()));
        }
        if (oneOfIndex >= 0) {
            field.setOneofIndex(oneOfIndex);
        }
        if (element.getDefaultValue() != null) {
            field.setDefaultValue(element.getDefaultValue());
        }
        if (element.getJsonName() != null) {
            field.setJsonName(element.getJsonName());
        }
        ProtoOptions.apply(element.getOptions(), field.getOptionsBuilder());
        if (field.getOptionsBuilder().getAllFields().isEmpty()) {
            field.clearOptions();
        }
        return field;
    }

    /** The name protoc gives a map field's entry type: the field name in PascalCase, plus "Entry". */
    static String mapEntryName(String fieldName) {
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : fieldName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.append("Entry").toString();
    }

    private static FieldDescriptorProto.Builder typed(FieldDescriptorProto.Builder field, String type) {
        FieldDescriptorProto.Type scalar = ProtoScalars.byName(type);
        if (scalar != null) {
            return field.setType(scalar);
        }
        if (type.isEmpty() || !type.matches("\\.?[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new InvalidSchemaException("Invalid Protobuf schema: '" + type + "' is not a type name");
        }
        return field.setTypeName(type);
    }

    private static FieldDescriptorProto.Label label(Field.Label label) {
        if (label == null) {
            return FieldDescriptorProto.Label.LABEL_OPTIONAL;
        }
        return switch (label) {
            case REQUIRED -> FieldDescriptorProto.Label.LABEL_REQUIRED;
            case REPEATED -> FieldDescriptorProto.Label.LABEL_REPEATED;
            default -> FieldDescriptorProto.Label.LABEL_OPTIONAL;
        };
    }

    private static int[] range(Object value) {
        if (value instanceof Integer number) {
            return new int[]{number, number};
        }
        if (value instanceof IntRange range) {
            return new int[]{range.getFirst(), range.getLast()};
        }
        throw new InvalidSchemaException("Invalid Protobuf schema: unexpected range " + value);
    }

    private static EnumDescriptorProto enumeration(Builder b, EnumElement element, List<Integer> path) {
        b.comment(path, element.getDocumentation());
        EnumDescriptorProto.Builder proto = EnumDescriptorProto.newBuilder().setName(element.getName());
        ProtoOptions.apply(element.getOptions(), proto.getOptionsBuilder());
        if (proto.getOptionsBuilder().getAllFields().isEmpty()) {
            proto.clearOptions();
        }
        for (EnumConstantElement constant : element.getConstants()) {
            b.comment(append(path, 2, proto.getValueCount()), constant.getDocumentation());
            EnumValueDescriptorProto.Builder value = EnumValueDescriptorProto.newBuilder().setName(constant.getName())
                    .setNumber(constant.getTag());
            ProtoOptions.apply(constant.getOptions(), value.getOptionsBuilder());
            if (value.getOptionsBuilder().getAllFields().isEmpty()) {
                value.clearOptions();
            }
            proto.addValue(value);
        }
        for (ReservedElement reserved : element.getReserveds()) {
            for (Object value : reserved.getValues()) {
                if (value instanceof String name) {
                    proto.addReservedName(name);
                } else {
                    int[] range = range(value);
                    // enum reserved ranges are inclusive; the parser reads an enum's "max" as the field maximum
                    int end = range[1] == MAX_FIELD_NUMBER ? Integer.MAX_VALUE : range[1];
                    proto.addReservedRange(EnumDescriptorProto.EnumReservedRange.newBuilder().setStart(range[0])
                            .setEnd(end));
                }
            }
        }
        return proto.build();
    }

    private static ServiceDescriptorProto service(Builder b, ServiceElement element, List<Integer> path) {
        b.comment(path, element.getDocumentation());
        ServiceDescriptorProto.Builder proto = ServiceDescriptorProto.newBuilder().setName(element.getName());
        ProtoOptions.apply(element.getOptions(), proto.getOptionsBuilder());
        if (proto.getOptionsBuilder().getAllFields().isEmpty()) {
            proto.clearOptions();
        }
        for (RpcElement rpc : element.getRpcs()) {
            b.comment(append(path, 2, proto.getMethodCount()), rpc.getDocumentation());
            MethodDescriptorProto.Builder method = MethodDescriptorProto.newBuilder().setName(rpc.getName())
                    .setInputType(rpc.getRequestType()).setOutputType(rpc.getResponseType());
            if (rpc.getRequestStreaming()) {
                method.setClientStreaming(true);
            }
            if (rpc.getResponseStreaming()) {
                method.setServerStreaming(true);
            }
            ProtoOptions.apply(rpc.getOptions(), method.getOptionsBuilder());
            if (method.getOptionsBuilder().getAllFields().isEmpty()) {
                method.clearOptions();
            }
            proto.addMethod(method);
        }
        return proto.build();
    }

    private static List<Integer> append(List<Integer> path, int field, int index) {
        List<Integer> longer = new ArrayList<>(path);
        longer.add(field);
        longer.add(index);
        return List.copyOf(longer);
    }
}
