package dev.accord.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import dev.accord.server.registry.DataContracts;
import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.registry.SchemaSubmission;

import java.util.ArrayList;
import java.util.List;

/** Reads request bodies with error messages that say which field is wrong. */
public final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {
    }

    /** The JSON object of a body: 400 when it is not JSON, 422 when it is not an object. */
    public static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            throw new RegistryException(ErrorCode.BAD_REQUEST, "The request has no body; send a JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new RegistryException(ErrorCode.BAD_REQUEST, "The request body is not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "The request body must be a JSON object");
        }
        requireStorable(node, "");
        return node;
    }

    /**
     * Refuses text PostgreSQL cannot store as it was sent: NUL characters, and lone UTF-16 surrogates (which would
     * be stored as '?'), anywhere in the body, naming the field and offset.
     */
    private static void requireStorable(JsonNode node, String pointer) {
        if (node.isTextual()) {
            String text = node.asText();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                String problem = null;
                if (c == 0) {
                    problem = "a NUL character (U+0000)";
                } else if (Character.isHighSurrogate(c)) {
                    if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    problem = "an unpaired surrogate (U+" + String.format("%04X", (int) c) + ")";
                } else if (Character.isLowSurrogate(c)) {
                    problem = "an unpaired surrogate (U+" + String.format("%04X", (int) c) + ")";
                }
                if (problem != null) {
                    throw RegistryException.invalidSchema("The request's " + (pointer.isEmpty() ? "text" : "'" + pointer
                            + "'") + " contains " + problem + " at offset " + i + ", which cannot be stored");
                }
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                requireStorable(com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getKey()),
                        pointer + "/" + field.getKey());
                requireStorable(field.getValue(), pointer + "/" + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireStorable(node.get(i), pointer + "/" + i);
            }
        }
    }

    /** A RegisterSchemaRequest (register, lookup and compatibility bodies), with its {@code normalize} flag. */
    public static SchemaSubmission schemaSubmission(String body, String normalize) {
        return schemaSubmission(body).normalized(flag(normalize, "normalize"));
    }

    /** A RegisterSchemaRequest (register, lookup and compatibility bodies). */
    public static SchemaSubmission schemaSubmission(String body) {
        JsonNode request = object(body);
        JsonNode schema = request.get("schema");
        if (schema == null || schema.isNull()) {
            throw RegistryException.invalidSchema("Empty schema: the request has no \"schema\" field");
        }
        if (!schema.isTextual()) {
            throw RegistryException.invalidSchema("\"schema\" must be a string holding the schema text"
                    + " (escape the schema JSON as a string)");
        }
        SchemaType type = SchemaType.AVRO;
        JsonNode typeNode = request.get("schemaType");
        if (typeNode != null && !typeNode.isNull()) {
            String name = typeNode.asText();
            type = SchemaType.fromName(name).orElseThrow(() -> RegistryException.invalidSchema(
                    "Invalid schemaType '" + name + "': use AVRO, JSON or PROTOBUF"));
        }
        JsonNode metadata = request.get("metadata");
        DataContracts.validateMetadata(metadata, "metadata");
        JsonNode ruleSet = request.get("ruleSet");
        DataContracts.validateRuleSet(ruleSet, "ruleSet");
        Integer id = optionalInt(request, "id");
        if (id != null && id < 1) {
            id = null; // Confluent clients send -1 or 0 for "no id"
        }
        Integer version = optionalInt(request, "version");
        return new SchemaSubmission(schema.asText(), type, references(request.get("references")),
                metadata == null || metadata.isNull() ? null : metadata,
                ruleSet == null || ruleSet.isNull() ? null : DataContracts.withRuleDefaults(ruleSet), id, version, false);
    }

    private static List<SchemaReference> references(JsonNode node) {
        List<SchemaReference> references = new ArrayList<>();
        if (node == null || node.isNull()) {
            return references;
        }
        if (!node.isArray()) {
            throw unprocessable("\"references\" must be an array of {name, subject, version}");
        }
        int index = 0;
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw unprocessable("references[" + index + "] must be an object {name, subject, version}");
            }
            JsonNode name = item.get("name");
            JsonNode subject = item.get("subject");
            JsonNode version = item.get("version");
            if (name == null || !name.isTextual() || subject == null || !subject.isTextual()) {
                throw RegistryException.invalidSchema("Invalid reference: references[" + index
                        + "] needs a string \"name\" and \"subject\"");
            }
            int number = -1;
            if (version != null && !version.isNull()) {
                if (!version.canConvertToInt() || !version.isIntegralNumber()) {
                    throw RegistryException.invalidSchema("Invalid reference: references[" + index
                            + "].version must be an integer (-1 for latest)");
                }
                number = version.asInt();
                if (number == 0 || number < -1) {
                    throw RegistryException.invalidSchema("Invalid reference: references[" + index
                            + "].version " + number + " is not a version (use 1 or more, or -1 for latest)");
                }
            }
            references.add(new SchemaReference(name.asText(), subject.asText(), number));
            index++;
        }
        return references;
    }

    private static Integer optionalInt(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw unprocessable("\"" + field + "\" must be an integer");
        }
        return value.asInt();
    }

    private static RegistryException unprocessable(String message) {
        return new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, message);
    }

    /** A boolean query parameter: absent is false; anything but true/false is a 422. */
    public static boolean flag(String value, String name) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw unprocessable("Query parameter " + name + " must be true or false, not '" + value + "'");
    }

    /** An integer query parameter with a default. */
    public static int number(String value, String name, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw unprocessable("Query parameter " + name + " must be an integer, not '" + value + "'");
        }
    }
}
