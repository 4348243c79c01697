package dev.accord.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.server.auth.Accounts;
import dev.accord.server.auth.Caller;
import dev.accord.server.auth.Callers;
import dev.accord.server.auth.Grant;
import dev.accord.server.auth.Role;
import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.store.Credentials;
import dev.accord.server.store.Credentials.Credential;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** API keys, users and "who am I". Keys and users are for admins (checked by the access route). */
@Path("/v1/auth")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class AuthResource {

    @Inject
    Accounts accounts;

    @Inject
    Callers callers;

    @ConfigProperty(name = "accord.auth.enabled", defaultValue = "false")
    boolean enabled;

    @GET
    @Path("/me")
    public Response me() {
        Caller caller = callers.current();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("authEnabled", enabled);
        node.put("name", caller.principal().name());
        node.put("kind", caller.principal().kind().name());
        node.put("actor", caller.actor());
        ArrayNode grants = node.putArray("grants");
        for (Grant grant : caller.principal().grants()) {
            grants.addObject().put("role", grant.role().wireName()).put("subjects", grant.pattern());
        }
        if (caller.principal().expiresAt() != null) {
            node.put("expiresAt", caller.principal().expiresAt().toString());
        }
        return ApiResponses.ok(node);
    }

    @POST
    @Path("/keys")
    public Response createKey(String body) {
        JsonNode request = RequestBodies.object(body);
        Accounts.Created created = accounts.createKey(callers.current(), text(request, "description"),
                role(request), subjects(request), instant(request, "expiresAt"), text(request, "owner"));
        ObjectNode node = view(created.credential());
        node.put("key", created.credential().id());
        node.put("secret", created.secret());
        return ApiResponses.ok(node);
    }

    @GET
    @Path("/keys")
    public Response keys() {
        return ApiResponses.ok(list(accounts.list(Credentials.KEY)));
    }

    @DELETE
    @Path("/keys/{key}")
    public Response revokeKey(@PathParam("key") String key) {
        return ApiResponses.ok(view(accounts.revoke(callers.current(), Credentials.KEY, key)));
    }

    @POST
    @Path("/users")
    public Response createUser(String body) {
        JsonNode request = RequestBodies.object(body);
        Credential user = accounts.createUser(callers.current(), text(request, "name"), text(request, "password"),
                role(request), subjects(request), text(request, "description"));
        return ApiResponses.ok(view(user));
    }

    @GET
    @Path("/users")
    public Response users() {
        return ApiResponses.ok(list(accounts.list(Credentials.USER)));
    }

    @DELETE
    @Path("/users/{name}")
    public Response deleteUser(@PathParam("name") String name) {
        return ApiResponses.ok(view(accounts.revoke(callers.current(), Credentials.USER, name)));
    }

    private static ArrayNode list(List<Credential> credentials) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        credentials.forEach(c -> array.add(view(c)));
        return array;
    }

    /** A credential without its secret or hash. */
    private static ObjectNode view(Credential credential) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(credential.kind().equals(Credentials.KEY) ? "key" : "name", credential.id());
        node.put("role", credential.role());
        ArrayNode subjects = node.putArray("subjects");
        credential.subjects().forEach(subjects::add);
        node.put("description", credential.description());
        node.put("owner", credential.owner());
        node.put("createdAt", credential.createdAt().toString());
        node.put("lastUsedAt", credential.lastUsedAt() == null ? null : credential.lastUsedAt().toString());
        node.put("expiresAt", credential.expiresAt() == null ? null : credential.expiresAt().toString());
        node.put("revokedAt", credential.revokedAt() == null ? null : credential.revokedAt().toString());
        return node;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static Role role(JsonNode request) {
        String name = text(request, "role");
        return Role.fromName(name).orElseThrow(() -> new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY,
                "\"role\" must be reader, writer or admin"));
    }

    private static List<String> subjects(JsonNode request) {
        JsonNode value = request.get("subjects");
        if (value == null || value.isNull()) {
            return List.of("*");
        }
        if (!value.isArray()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "\"subjects\" must be an array of patterns");
        }
        List<String> patterns = new ArrayList<>();
        for (JsonNode pattern : value) {
            if (!pattern.isTextual()) {
                throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "\"subjects\" must hold strings");
            }
            patterns.add(pattern.asText());
        }
        return patterns;
    }

    private static Instant instant(JsonNode request, String field) {
        String value = text(request, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY,
                    "\"" + field + "\" must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
        }
    }
}
