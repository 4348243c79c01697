package dev.accord.core.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.Base64;
import java.util.List;

/**
 * A parsed, linked Protobuf schema. {@link #canonical()} is the file re-printed in one stable layout with its
 * comments; the identity leaves the comments out, so whitespace and comments never make another schema.
 */
public final class ProtobufSchema implements ParsedSchema {

    private final FileDescriptorProto proto;
    private final FileDescriptor descriptor;
    private final List<SchemaReference> references;
    private final String canonical;
    private final String fingerprint;
    private volatile ProtoFileIndex index;

    ProtobufSchema(FileDescriptorProto proto, FileDescriptor descriptor, List<SchemaReference> references) {
        this.proto = proto;
        this.descriptor = descriptor;
        this.references = List.copyOf(references);
        this.canonical = ProtoPrinter.print(proto, ProtoPrinter.Style.FULL);
        this.fingerprint = CanonicalJson.sha256(SchemaType.PROTOBUF.name(),
                ProtoPrinter.print(proto, ProtoPrinter.Style.IDENTITY), CanonicalJson.referencesKey(this.references));
    }

    /** The linked file: messages, enums and fields with their types resolved across imports. */
    public FileDescriptor descriptor() {
        return descriptor;
    }

    /** The comparison's view of the main file, built on first use and kept, as one schema meets many. */
    ProtoFileIndex index() {
        ProtoFileIndex current = index;
        if (current == null) {
            current = new ProtoFileIndex(descriptor);
            index = current;
        }
        return current;
    }

    /** The full name of the file's first message (Confluent's record name for the subject strategies), or null. */
    public String firstMessageName() {
        List<Descriptor> messages = descriptor.getMessageTypes();
        return messages.isEmpty() ? null : messages.get(0).getFullName();
    }

    /** The base64 {@code FileDescriptorProto} clients load ({@code format=serialized}): names resolved. */
    public String serialized() {
        return Base64.getEncoder().encodeToString(ProtoDescriptors.resolved(descriptor).toByteArray());
    }

    /** The text without extension declarations and custom options ({@code format=ignore_extensions}). */
    public String withoutExtensions() {
        return ProtoPrinter.print(proto, ProtoPrinter.Style.WITHOUT_EXTENSIONS);
    }

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<SchemaReference> references() {
        return references;
    }

    /** Protobuf has no inlined form: imports stay imports. */
    @Override
    public String resolved() {
        return canonical;
    }

    @Override
    public String toString() {
        return canonical;
    }
}
