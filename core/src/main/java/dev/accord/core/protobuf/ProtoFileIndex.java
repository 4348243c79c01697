package dev.accord.core.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a comparison looks up in one schema's main file, computed once per parsed schema (the registry compares a
 * candidate with many stored versions): messages and enums by their name relative to the package, and which
 * messages use a type from another file.
 */
final class ProtoFileIndex {

    final FileDescriptor file;
    final Map<String, Descriptor> messages;
    final Map<String, EnumDescriptor> enums;
    private final Map<Descriptor, Boolean> usesImports = new LinkedHashMap<>();
    private final Map<GenericDescriptor, ByteString> definitions = new LinkedHashMap<>();

    ProtoFileIndex(FileDescriptor file) {
        this.file = file;
        Map<String, Descriptor> messages = new LinkedHashMap<>();
        for (Descriptor message : ProtoDescriptors.messages(file)) {
            messages.put(relativeName(message, file), message);
            usesImports.put(message, usesImports(message, file));
            definitions.put(message, message.toProto().toByteString());
        }
        Map<String, EnumDescriptor> enums = new LinkedHashMap<>();
        for (EnumDescriptor e : ProtoDescriptors.enums(file)) {
            enums.put(relativeName(e, file), e);
            definitions.put(e, e.toProto().toByteString());
        }
        this.messages = Collections.unmodifiableMap(messages);
        this.enums = Collections.unmodifiableMap(enums);
    }

    /** Whether a message of this file has a field (or map value) whose type is defined in another file. */
    boolean usesImports(Descriptor message) {
        return usesImports.getOrDefault(message, true);
    }

    /**
     * Whether a message or enum of this file is defined exactly as one of the other file (same bytes of its
     * descriptor): then it differs in nothing of its own. Byte strings keep their hash, so this is cheap to ask
     * again for each stored version.
     */
    boolean sameDefinition(GenericDescriptor element, ProtoFileIndex other, GenericDescriptor otherElement) {
        ByteString mine = definitions.get(element);
        ByteString theirs = other.definitions.get(otherElement);
        return mine != null && theirs != null && mine.hashCode() == theirs.hashCode() && mine.equals(theirs);
    }

    static String relativeName(GenericDescriptor element, FileDescriptor file) {
        String pkg = file.getPackage();
        String full = element.getFullName();
        return pkg.isEmpty() || full.length() <= pkg.length() || full.charAt(pkg.length()) != '.'
                || !full.startsWith(pkg) ? full : full.substring(pkg.length() + 1);
    }

    private static boolean usesImports(Descriptor message, FileDescriptor file) {
        for (FieldDescriptor field : message.getFields()) {
            FieldDescriptor typed = field.isMapField() ? field.getMessageType().findFieldByNumber(2) : field;
            GenericDescriptor type = switch (typed.getJavaType()) {
                case MESSAGE -> typed.getMessageType();
                case ENUM -> typed.getEnumType();
                default -> null;
            };
            if (type != null && type.getFile() != file) {
                return true;
            }
        }
        return false;
    }
}
