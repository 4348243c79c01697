package dev.accord.core.protobuf;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The scalar types of Protobuf: their names in .proto text, and the groups within which a change keeps the wire. */
final class ProtoScalars {

    /** Scalars whose values one another's readers decode from the same bytes (proto3 "updating a message type"). */
    enum WireGroup {
        GENERAL_NUMBER, SIGNED_NUMBER, FIXED32, FIXED64, FLOAT, DOUBLE, STRING_OR_BYTES
    }

    private static final Map<String, Type> BY_NAME = new LinkedHashMap<>();
    private static final Map<Type, String> NAMES = new EnumMap<>(Type.class);

    static {
        put("double", Type.TYPE_DOUBLE);
        put("float", Type.TYPE_FLOAT);
        put("int64", Type.TYPE_INT64);
        put("uint64", Type.TYPE_UINT64);
        put("int32", Type.TYPE_INT32);
        put("fixed64", Type.TYPE_FIXED64);
        put("fixed32", Type.TYPE_FIXED32);
        put("bool", Type.TYPE_BOOL);
        put("string", Type.TYPE_STRING);
        put("bytes", Type.TYPE_BYTES);
        put("uint32", Type.TYPE_UINT32);
        put("sfixed32", Type.TYPE_SFIXED32);
        put("sfixed64", Type.TYPE_SFIXED64);
        put("sint32", Type.TYPE_SINT32);
        put("sint64", Type.TYPE_SINT64);
    }

    private ProtoScalars() {
    }

    private static void put(String name, Type type) {
        BY_NAME.put(name, type);
        NAMES.put(type, name);
    }

    /** The scalar type of a name, or null when the name is not a scalar's. */
    static Type byName(String name) {
        return BY_NAME.get(name);
    }

    /** The .proto name of a scalar type, or null for message, enum and group. */
    static String name(Type type) {
        return NAMES.get(type);
    }

    /** The wire group of a scalar type; enums are numbers on the wire. */
    static WireGroup group(Type type) {
        return switch (type) {
            case TYPE_INT32, TYPE_INT64, TYPE_UINT32, TYPE_UINT64, TYPE_BOOL, TYPE_ENUM -> WireGroup.GENERAL_NUMBER;
            case TYPE_SINT32, TYPE_SINT64 -> WireGroup.SIGNED_NUMBER;
            case TYPE_FIXED32, TYPE_SFIXED32 -> WireGroup.FIXED32;
            case TYPE_FIXED64, TYPE_SFIXED64 -> WireGroup.FIXED64;
            case TYPE_FLOAT -> WireGroup.FLOAT;
            case TYPE_DOUBLE -> WireGroup.DOUBLE;
            case TYPE_STRING, TYPE_BYTES -> WireGroup.STRING_OR_BYTES;
            default -> null;
        };
    }
}
