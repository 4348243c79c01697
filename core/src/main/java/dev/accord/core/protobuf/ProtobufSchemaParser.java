package dev.accord.core.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.ReferenceWalker;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses Protobuf schemas: {@code .proto} text (proto2 and proto3) or a base64 serialized
 * {@code FileDescriptorProto}, as the Confluent JavaScript client sends on auto-registration. Imports resolve to
 * the references of the same name (transitively, each file once) or to the built-in well-known files.
 */
public final class ProtobufSchemaParser {

    /** The file name of a schema that was not imported under a name of its own. */
    static final String MAIN_FILE = "schema.proto";

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

    public ProtobufSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver,
                                boolean normalize) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        List<SchemaReference> refs = references == null ? List.of() : List.copyOf(references);
        FileDescriptorProto proto = read(text, MAIN_FILE);
        Map<String, FileDescriptor> imported = new HashMap<>();
        new ReferenceWalker(SchemaType.PROTOBUF, "a Protobuf schema can only import Protobuf schemas", resolver, true)
                .walk(refs, null, new ReferenceWalker.Visitor<Void>() {
                    @Override
                    public Void enter(ReferencedSchema schema, Void referrer) {
                        return null;
                    }

                    @Override
                    public void leave(ReferencedSchema schema, Void context) {
                        // dependencies first, so that each file links against files already linked
                        SchemaReference reference = schema.reference();
                        if (imported.containsKey(reference.name())) {
                            return;
                        }
                        FileDescriptorProto file;
                        try {
                            file = read(schema.schema(), reference.name());
                        } catch (InvalidSchemaException e) {
                            throw new InvalidSchemaException("Invalid referenced schema '" + reference.name()
                                    + "' (subject '" + reference.subject() + "' version " + reference.version()
                                    + "): " + e.getMessage(), e);
                        }
                        imported.put(reference.name(), ProtoDescriptors.link(file, imported));
                    }
                });
        FileDescriptor linked = ProtoDescriptors.link(proto, imported);
        if (normalize) {
            proto = ProtoDescriptors.normalized(linked);
            linked = ProtoDescriptors.link(proto, imported);
        }
        return new ProtobufSchema(proto, linked, refs);
    }

    /** The descriptor of a file given as text or as a base64 serialized descriptor, renamed to {@code name}. */
    static FileDescriptorProto read(String text, String name) {
        String trimmed = text.strip();
        if (BASE64.matcher(trimmed).matches()) {
            FileDescriptorProto serialized = decode(trimmed);
            if (serialized != null) {
                return serialized.toBuilder().setName(name).build();
            }
        }
        return ProtoText.parse(text, name);
    }

    /** The descriptor in a base64 text, or null when the text is not one. */
    private static FileDescriptorProto decode(String base64) {
        byte[] bytes;
        try {
            bytes = base64.contains("-") || base64.contains("_") ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            FileDescriptorProto proto = FileDescriptorProto.parseFrom(bytes);
            if (!proto.getUnknownFields().asMap().isEmpty() || bytes.length == 0) {
                return null;
            }
            return proto;
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }
}
