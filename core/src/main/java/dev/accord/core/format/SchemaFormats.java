package dev.accord.core.format;

import dev.accord.core.avro.AvroFormat;
import dev.accord.core.json.JsonSchemaFormat;
import dev.accord.core.protobuf.ProtobufFormat;
import dev.accord.core.schema.SchemaType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of schema formats: the one place that knows which formats exist. */
public final class SchemaFormats {

    private static final Map<SchemaType, SchemaFormat> BY_TYPE = new EnumMap<>(SchemaType.class);
    private static final List<SchemaFormat> ALL;

    static {
        ALL = List.of(new AvroFormat(), new JsonSchemaFormat(), new ProtobufFormat());
        for (SchemaFormat format : ALL) {
            BY_TYPE.put(format.type(), format);
        }
        if (BY_TYPE.size() != SchemaType.values().length) {
            throw new IllegalStateException("Every schema type needs exactly one format: " + BY_TYPE.keySet());
        }
    }

    private SchemaFormats() {
    }

    /** Every format, in the order Accord lists them. */
    public static List<SchemaFormat> all() {
        return ALL;
    }

    /** The format of a schema type. */
    public static SchemaFormat of(SchemaType type) {
        return BY_TYPE.get(type);
    }

    /** The format whose files have this name's extension, if any. */
    public static Optional<SchemaFormat> forFile(String fileName) {
        return ALL.stream().filter(format -> format.accepts(fileName)).findFirst();
    }
}
