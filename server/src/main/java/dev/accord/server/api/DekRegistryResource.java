package dev.accord.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.server.auth.Callers;
import dev.accord.server.registry.EncryptionKeys;
import dev.accord.server.registry.EncryptionKeys.KekChange;
import dev.accord.server.registry.EncryptionKeys.NewDek;
import dev.accord.server.registry.EncryptionKeys.NewKek;
import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.registry.SubjectQueries;
import dev.accord.server.registry.VersionId;
import dev.accord.server.store.EncryptionKeyStore.Dek;
import dev.accord.server.store.EncryptionKeyStore.Kek;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Confluent's DEK registry API ({@code /dek-registry/v1}), which the Confluent clients' field-level encryption
 * calls: KEKs, and the DEKs of each subject under a KEK, with versions, soft and permanent deletes and undelete.
 */
@Path("/dek-registry/v1/keks")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class DekRegistryResource {

    @Inject
    EncryptionKeys keys;

    @Inject
    Callers callers;

    @GET
    public Response kekNames(@QueryParam("deleted") String deleted, @QueryParam("subjectPrefix") String prefix,
                             @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return ApiResponses.ok(keys.kekNames(RequestBodies.flag(deleted, "deleted"), prefix,
                RequestBodies.number(offset, "offset", 0), RequestBodies.number(limit, "limit", -1)));
    }

    @POST
    public Response createKek(@QueryParam("testSharing") String testSharing, String body) {
        JsonNode request = RequestBodies.object(body);
        return ApiResponses.ok(kek(keys.createKek(callers.current(), new NewKek(text(request, "name"),
                text(request, "kmsType"), text(request, "kmsKeyId"), request.get("kmsProps"), text(request, "doc"),
                bool(request, "shared") == Boolean.TRUE))));
    }

    @GET
    @Path("/{name}")
    public Response kek(@PathParam("name") String name, @QueryParam("deleted") String deleted) {
        return ApiResponses.ok(kek(keys.kek(name, RequestBodies.flag(deleted, "deleted"))));
    }

    @PUT
    @Path("/{name}")
    public Response updateKek(@PathParam("name") String name, @QueryParam("testSharing") String testSharing,
                              String body) {
        JsonNode request = RequestBodies.object(body);
        return ApiResponses.ok(kek(keys.updateKek(callers.current(), name,
                new KekChange(request.get("kmsProps"), text(request, "doc"), bool(request, "shared")))));
    }

    @DELETE
    @Path("/{name}")
    public Response deleteKek(@PathParam("name") String name, @QueryParam("permanent") String permanent) {
        keys.deleteKek(callers.current(), name, RequestBodies.flag(permanent, "permanent"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/undelete")
    public Response undeleteKek(@PathParam("name") String name) {
        keys.undeleteKek(callers.current(), name);
        return Response.noContent().build();
    }

    @GET
    @Path("/{name}/deks")
    public Response dekSubjects(@PathParam("name") String name, @QueryParam("deleted") String deleted,
                                @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return ApiResponses.ok(keys.dekSubjects(name, RequestBodies.flag(deleted, "deleted"),
                RequestBodies.number(offset, "offset", 0), RequestBodies.number(limit, "limit", -1)));
    }

    /** The older form, with the subject in the body only. */
    @POST
    @Path("/{name}/deks")
    public Response createDekFromBody(@PathParam("name") String name, String body) {
        JsonNode request = RequestBodies.object(body);
        return createDek(name, text(request, "subject"), request);
    }

    @POST
    @Path("/{name}/deks/{subject}")
    public Response createDek(@PathParam("name") String name, @PathParam("subject") String subject, String body) {
        JsonNode request = RequestBodies.object(body);
        String inBody = text(request, "subject");
        if (inBody != null && !inBody.equals(subject)) {
            throw new RegistryException(ErrorCode.INVALID_KEY, "The body's subject '" + inBody
                    + "' is not the path's '" + subject + "'");
        }
        return createDek(name, subject, request);
    }

    private Response createDek(String name, String subject, JsonNode request) {
        JsonNode version = request.get("version");
        if (version != null && !version.isNull() && !version.canConvertToInt()) {
            throw new RegistryException(ErrorCode.INVALID_KEY, "version must be an integer");
        }
        return ApiResponses.ok(dek(keys.createDek(callers.current(), name, new NewDek(subject,
                version == null || version.isNull() ? null : version.asInt(), text(request, "algorithm"),
                text(request, "encryptedKeyMaterial")))));
    }

    @GET
    @Path("/{name}/deks/{subject}")
    public Response latestDek(@PathParam("name") String name, @PathParam("subject") String subject,
                              @QueryParam("algorithm") String algorithm, @QueryParam("deleted") String deleted) {
        return ApiResponses.ok(dek(keys.dek(name, subject, algorithm, null, RequestBodies.flag(deleted, "deleted"))));
    }

    @GET
    @Path("/{name}/deks/{subject}/versions")
    public Response dekVersions(@PathParam("name") String name, @PathParam("subject") String subject,
                                @QueryParam("algorithm") String algorithm, @QueryParam("deleted") String deleted,
                                @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        List<Integer> versions = keys.deks(name, subject, algorithm, RequestBodies.flag(deleted, "deleted")).stream()
                .map(Dek::version).toList();
        return ApiResponses.ok(SubjectQueries.page(versions,
                RequestBodies.number(offset, "offset", 0), RequestBodies.number(limit, "limit", -1)));
    }

    @GET
    @Path("/{name}/deks/{subject}/versions/{version}")
    public Response dekVersion(@PathParam("name") String name, @PathParam("subject") String subject,
                               @PathParam("version") String version, @QueryParam("algorithm") String algorithm,
                               @QueryParam("deleted") String deleted) {
        return ApiResponses.ok(dek(keys.dek(name, subject, algorithm, number(version),
                RequestBodies.flag(deleted, "deleted"))));
    }

    @DELETE
    @Path("/{name}/deks/{subject}")
    public Response deleteDek(@PathParam("name") String name, @PathParam("subject") String subject,
                              @QueryParam("algorithm") String algorithm, @QueryParam("permanent") String permanent) {
        keys.deleteDek(callers.current(), name, subject, algorithm, null, RequestBodies.flag(permanent, "permanent"));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{name}/deks/{subject}/versions/{version}")
    public Response deleteDekVersion(@PathParam("name") String name, @PathParam("subject") String subject,
                                     @PathParam("version") String version, @QueryParam("algorithm") String algorithm,
                                     @QueryParam("permanent") String permanent) {
        keys.deleteDek(callers.current(), name, subject, algorithm, number(version),
                RequestBodies.flag(permanent, "permanent"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/deks/{subject}/undelete")
    public Response undeleteDek(@PathParam("name") String name, @PathParam("subject") String subject,
                                @QueryParam("algorithm") String algorithm) {
        keys.undeleteDek(callers.current(), name, subject, algorithm, null);
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/deks/{subject}/versions/{version}/undelete")
    public Response undeleteDekVersion(@PathParam("name") String name, @PathParam("subject") String subject,
                                       @PathParam("version") String version, @QueryParam("algorithm") String algorithm) {
        keys.undeleteDek(callers.current(), name, subject, algorithm, number(version));
        return Response.noContent().build();
    }

    /** A DEK version number: 1 or more, or -1 / latest for the newest. */
    private static Integer number(String version) {
        VersionId id = VersionId.parse(version);
        return id.latest() ? null : id.number();
    }

    private static ObjectNode kek(Kek kek) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", kek.name());
        json.put("kmsType", kek.kmsType());
        json.put("kmsKeyId", kek.kmsKeyId());
        json.set("kmsProps", kek.kmsProps() == null ? JsonNodeFactory.instance.objectNode()
                : RequestBodies.object(kek.kmsProps()));
        if (kek.doc() != null) {
            json.put("doc", kek.doc());
        }
        json.put("shared", kek.shared());
        json.put("ts", kek.updatedAt().toEpochMilli());
        json.put("deleted", kek.deleted());
        return json;
    }

    private static ObjectNode dek(Dek dek) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("kekName", dek.kekName());
        json.put("subject", dek.subject());
        json.put("version", dek.version());
        json.put("algorithm", dek.algorithm());
        if (dek.encryptedKeyMaterial() != null) {
            json.put("encryptedKeyMaterial", dek.encryptedKeyMaterial());
        }
        json.put("ts", dek.updatedAt().toEpochMilli());
        json.put("deleted", dek.deleted());
        return json;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new RegistryException(ErrorCode.INVALID_KEY, field + " must be a string");
        }
        return value.asText();
    }

    private static Boolean bool(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new RegistryException(ErrorCode.INVALID_KEY, field + " must be true or false");
        }
        return value.asBoolean();
    }
}
