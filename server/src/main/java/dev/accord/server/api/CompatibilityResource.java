package dev.accord.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.ConfluentMessages;
import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.registry.Registrations;
import dev.accord.server.registry.SchemaSubmission;
import dev.accord.server.registry.VersionId;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** "Would this schema be accepted?" without registering it. */
@Path("/compatibility/subjects/{subject}/versions")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
@WithinWorkBudget
public class CompatibilityResource {

    @Inject
    Registrations registrations;

    /** Checks against every version registration would check (the subject's level, live versions only). */
    @POST
    public Response againstAll(@PathParam("subject") String subject, @QueryParam("verbose") String verbose,
                               @QueryParam("normalize") String normalize, String body) {
        return check(subject, null, verbose, normalize, body);
    }

    /** Checks against one version only. */
    @POST
    @Path("/{version}")
    public Response againstVersion(@PathParam("subject") String subject, @PathParam("version") String version,
                                   @QueryParam("verbose") String verbose, @QueryParam("normalize") String normalize,
                                   String body) {
        return check(subject, VersionId.parse(version), verbose, normalize, body);
    }

    private Response check(String subject, VersionId version, String verboseFlag, String normalize, String body) {
        boolean verbose = RequestBodies.flag(verboseFlag, "verbose");
        SchemaSubmission submission = RequestBodies.schemaSubmission(body, normalize);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        try {
            CompatibilityResult result = registrations.check(subject, version, submission);
            answer.put("is_compatible", result.compatible());
            if (verbose) {
                ArrayNode messages = answer.putArray("messages");
                ConfluentMessages.render(result).forEach(messages::add);
            }
        } catch (RegistryException e) {
            if (!verbose || e.errorCode() != ErrorCode.INVALID_SCHEMA) {
                throw e;
            }
            // verbose answers report an unparseable schema as a reason, as Confluent does
            answer.put("is_compatible", false);
            answer.putArray("messages").add(e.getMessage());
        }
        return ApiResponses.ok(answer);
    }

}
