package dev.accord.core.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.UninterpretedOption;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.squareup.wire.schema.internal.parser.OptionElement;
import dev.accord.core.schema.InvalidSchemaException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Options between .proto text and descriptors. An option protobuf defines ({@code java_package},
 * {@code deprecated}, {@code packed}, ...) becomes the typed field of the options message; any other (a custom
 * option like {@code (confluent.field_meta)}) is kept as an uninterpreted option, as protoc's parser does before
 * linking, so that nothing written is lost.
 */
final class ProtoOptions {

    private ProtoOptions() {
    }

    /** Sets each option on the builder of an options message (FileOptions, FieldOptions, ...). */
    static void apply(List<OptionElement> options, Message.Builder builder) {
        for (OptionElement option : options) {
            FieldDescriptor field = option.isParenthesized() || option.getKind() == OptionElement.Kind.OPTION ? null
                    : builder.getDescriptorForType().findFieldByName(option.getName());
            if (field != null && field.getJavaType() != FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()) {
                builder.setField(field, typedValue(field, option));
            } else {
                FieldDescriptor uninterpreted = builder.getDescriptorForType().findFieldByName("uninterpreted_option");
                builder.addRepeatedField(uninterpreted, uninterpreted(option));
            }
        }
    }

    private static Object typedValue(FieldDescriptor field, OptionElement option) {
        String text = String.valueOf(option.getValue());
        try {
            return switch (field.getJavaType()) {
                case BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new IllegalArgumentException("expected true or false");
                    }
                    yield Boolean.parseBoolean(text);
                }
                case STRING -> {
                    if (option.getKind() != OptionElement.Kind.STRING) {
                        throw new IllegalArgumentException("expected a string");
                    }
                    yield text;
                }
                case BYTE_STRING -> ByteString.copyFromUtf8(text);
                case INT -> Integer.decode(text);
                case LONG -> Long.decode(text);
                case FLOAT -> Float.parseFloat(text);
                case DOUBLE -> Double.parseDouble(text);
                case ENUM -> {
                    EnumValueDescriptor value = field.getEnumType().findValueByName(text);
                    if (value == null) {
                        throw new IllegalArgumentException("expected one of " + field.getEnumType().getValues()
                                .stream().map(EnumValueDescriptor::getName).toList());
                    }
                    yield value;
                }
                case MESSAGE -> throw new IllegalArgumentException("not a simple option");
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidSchemaException("Invalid Protobuf schema: option " + option.getName() + " = " + text
                    + ": " + e.getMessage());
        }
    }

    /** The option as protoc's parser keeps a custom option before it is interpreted. */
    static UninterpretedOption uninterpreted(OptionElement option) {
        UninterpretedOption.Builder built = UninterpretedOption.newBuilder();
        OptionElement part = option;
        while (true) {
            built.addName(UninterpretedOption.NamePart.newBuilder().setNamePart(part.getName())
                    .setIsExtension(part.isParenthesized()));
            if (part.getKind() == OptionElement.Kind.OPTION && part.getValue() instanceof OptionElement inner) {
                part = inner;
            } else {
                break;
            }
        }
        String text = String.valueOf(part.getValue());
        switch (part.getKind()) {
            case STRING -> built.setStringValue(ByteString.copyFrom(text, StandardCharsets.UTF_8));
            case BOOLEAN, ENUM -> built.setIdentifierValue(text);
            case NUMBER -> number(built, text);
            case MAP, LIST -> built.setAggregateValue(aggregate(part));
            default -> built.setIdentifierValue(text);
        }
        return built.build();
    }

    private static void number(UninterpretedOption.Builder built, String text) {
        try {
            if (text.startsWith("-")) {
                built.setNegativeIntValue(Long.decode(text));
            } else {
                built.setPositiveIntValue(Long.decode(text));
            }
        } catch (NumberFormatException e) {
            try {
                built.setDoubleValue(Double.parseDouble(text));
            } catch (NumberFormatException notANumber) {
                built.setIdentifierValue(text);
            }
        }
    }

    /** The text-format body of a message or list value, without its outer braces. */
    private static String aggregate(OptionElement option) {
        String schema = option.toSchema();
        int equals = schema.indexOf(" = ");
        String value = (equals < 0 ? schema : schema.substring(equals + 3)).strip();
        if (value.startsWith("{") && value.endsWith("}")) {
            value = value.substring(1, value.length() - 1);
        }
        StringBuilder compact = new StringBuilder();
        for (String line : value.split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                if (!compact.isEmpty()) {
                    compact.append(' ');
                }
                compact.append(stripped);
            }
        }
        return compact.toString();
    }

    // ---- descriptors to text -------------------------------------------------------------------------------------

    /** The options of an options message as "name = value" texts, in field order, custom options last. */
    static List<String> texts(Message options, boolean withCustom) {
        List<String> texts = new ArrayList<>();
        if (options == null) {
            return texts;
        }
        for (Map.Entry<FieldDescriptor, Object> entry : options.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.getName().equals("uninterpreted_option")) {
                continue;
            }
            if (field.isExtension() || field.isRepeated() || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                continue; // features and friends of editions; not written in proto2/proto3 text
            }
            texts.add(field.getName() + " = " + valueText(field, entry.getValue()));
        }
        if (withCustom) {
            FieldDescriptor uninterpreted = options.getDescriptorForType().findFieldByName("uninterpreted_option");
            for (Object value : (List<?>) options.getField(uninterpreted)) {
                texts.add(text((UninterpretedOption) value));
            }
        }
        return texts;
    }

    /** True when the options message carries custom (uninterpreted or unknown) options. */
    static boolean hasCustom(Message options) {
        if (options == null) {
            return false;
        }
        FieldDescriptor uninterpreted = options.getDescriptorForType().findFieldByName("uninterpreted_option");
        return options.getRepeatedFieldCount(uninterpreted) > 0 || !options.getUnknownFields().asMap().isEmpty();
    }

    private static String valueText(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case STRING -> ProtoPrinter.quote((String) value);
            case BYTE_STRING -> ProtoPrinter.quote(((ByteString) value).toStringUtf8());
            case ENUM -> ((EnumValueDescriptor) value).getName();
            default -> String.valueOf(value);
        };
    }

    static String text(UninterpretedOption option) {
        StringBuilder name = new StringBuilder();
        for (UninterpretedOption.NamePart part : option.getNameList()) {
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(part.getIsExtension() ? "(" + part.getNamePart() + ")" : part.getNamePart());
        }
        String value;
        if (option.hasIdentifierValue()) {
            value = option.getIdentifierValue();
        } else if (option.hasPositiveIntValue()) {
            value = Long.toUnsignedString(option.getPositiveIntValue());
        } else if (option.hasNegativeIntValue()) {
            value = Long.toString(option.getNegativeIntValue());
        } else if (option.hasDoubleValue()) {
            value = Double.toString(option.getDoubleValue());
        } else if (option.hasStringValue()) {
            value = ProtoPrinter.quote(option.getStringValue().toStringUtf8());
        } else {
            value = "{ " + option.getAggregateValue() + " }";
        }
        return name + " = " + value;
    }
}
