package dev.accord.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.server.registry.ErrorCode;
import jakarta.ws.rs.core.Response;

/** Builds JSON answers: the body is serialised here so that every resource answers the same way. */
public final class ApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {
    }

    public static Response ok(Object body) {
        return Response.ok(bytes(body), MediaTypes.SCHEMA_REGISTRY_V1_JSON).build();
    }

    public static Response okBytes(byte[] body) {
        return Response.ok(body, MediaTypes.SCHEMA_REGISTRY_V1_JSON).build();
    }

    public static Response error(ErrorCode code, String message) {
        return error(code.httpStatus(), code.code(), message);
    }

    public static Response error(int status, int errorCode, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error_code", errorCode);
        body.put("message", message);
        return Response.status(status).entity(bytes(body)).type(MediaTypes.SCHEMA_REGISTRY_V1_JSON).build();
    }

    public static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
