package dev.accord.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.server.auth.Caller;
import dev.accord.server.auth.Callers;

import dev.accord.server.registry.Deletions;
import dev.accord.server.registry.RecentVersions;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.registry.RegistryMetrics;
import dev.accord.server.registry.Registrations;
import dev.accord.server.registry.SchemaContents;
import dev.accord.server.registry.QualifiedSubjects;
import dev.accord.server.registry.SubjectQueries;
import dev.accord.server.registry.SubjectVersion;
import dev.accord.server.registry.VersionId;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Subjects and their versions: list, register, look up, fetch, delete. */
@Path("/subjects")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
@WithinWorkBudget
public class SubjectsResource {

    @Inject
    SubjectQueries queries;

    @Inject
    Callers callers;

    @Inject
    RegistryMetrics metrics;

    @Inject
    Registrations registrations;

    @Inject
    Deletions deletions;

    @Inject
    SchemaContents contents;

    @Inject
    RecentVersions recentVersions;

    @GET
    public Response list(@QueryParam("subjectPrefix") String prefix, @QueryParam("deleted") String deleted,
                         @QueryParam("deletedOnly") String deletedOnly, @QueryParam("offset") String offset,
                         @QueryParam("limit") String limit) {
        String effectivePrefix = prefix == null || prefix.equals(QualifiedSubjects.ALL_CONTEXTS) ? "" : prefix;
        Caller caller = callers.current();
        return ApiResponses.ok(queries.subjects(effectivePrefix, caller.principal().readablePatterns(),
                RequestBodies.number(offset, "offset", 0), RequestBodies.number(limit, "limit", -1),
                RequestBodies.flag(deleted, "deleted"), RequestBodies.flag(deletedOnly, "deletedOnly")));
    }

    /** Look up: is this schema registered under the subject? */
    @POST
    @Path("/{subject}")
    public Response lookup(@PathParam("subject") String subject, @QueryParam("deleted") String deleted,
                           @QueryParam("normalize") String normalize, @QueryParam("format") String format,
                           String body) {
        SubjectVersion version = registrations.lookup(subject, RequestBodies.schemaSubmission(body, normalize),
                RequestBodies.flag(deleted, "deleted"));
        return ApiResponses.ok(ApiViews.version(version, format == null ? null
                : contents.formatted(version.schema(), format)));
    }

    @DELETE
    @Path("/{subject}")
    public Response deleteSubject(@PathParam("subject") String subject, @QueryParam("permanent") String permanent) {
        return ApiResponses.ok(deletions.deleteSubject(callers.current(), subject, RequestBodies.flag(permanent, "permanent")));
    }

    @GET
    @Path("/{subject}/versions")
    public Response versions(@PathParam("subject") String subject, @QueryParam("deleted") String deleted,
                             @QueryParam("deletedOnly") String deletedOnly,
                             @QueryParam("deletedAsNegative") String deletedAsNegative,
                             @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        List<Integer> versions = queries.versions(subject, RequestBodies.flag(deleted, "deleted"),
                RequestBodies.flag(deletedOnly, "deletedOnly"),
                RequestBodies.flag(deletedAsNegative, "deletedAsNegative"));
        return ApiResponses.ok(SubjectQueries.page(versions, RequestBodies.number(offset, "offset", 0),
                RequestBodies.number(limit, "limit", -1)));
    }

    @POST
    @Path("/{subject}/versions")
    public Response register(@PathParam("subject") String subject, @QueryParam("normalize") String normalize,
                             String body) {
        Registrations.Registered registered;
        try {
            registered = registrations.register(callers.current(), subject, RequestBodies.schemaSubmission(body, normalize));
        } catch (RegistryException e) {
            metrics.refused(e);
            throw e;
        }
        metrics.registered(registered.created());
        return ApiResponses.ok(ApiViews.registered(registered.version()));
    }

    @GET
    @Path("/{subject}/versions/{version}")
    public Response version(@PathParam("subject") String subject, @PathParam("version") String version,
                            @QueryParam("deleted") String deleted, @QueryParam("format") String format,
                            @QueryParam("referenceFormat") String referenceFormat) {
        SubjectVersion found = versionOrRecent(subject, version, deleted);
        ObjectNode body = ApiViews.version(found, contents.formatted(found.schema(), format));
        return ApiResponses.ok(ApiViews.withReferenceFormat(body, referenceFormat, QualifiedSubjects.context(subject)));
    }

    /** A version from the database, or while it is away the one this instance answered last. */
    private SubjectVersion versionOrRecent(String subject, String version, String deleted) {
        VersionId id = VersionId.parse(version);
        boolean includeDeleted = RequestBodies.flag(deleted, "deleted");
        try {
            SubjectVersion found = queries.version(subject, id, includeDeleted);
            recentVersions.remember(id, includeDeleted, found);
            return found;
        } catch (RuntimeException e) {
            return recentVersions.duringOutage(e, subject, id, includeDeleted);
        }
    }

    /** The schema text alone, unescaped. */
    @GET
    @Path("/{subject}/versions/{version}/schema")
    public Response rawSchema(@PathParam("subject") String subject, @PathParam("version") String version,
                              @QueryParam("deleted") String deleted, @QueryParam("format") String format) {
        SubjectVersion found = versionOrRecent(subject, version, deleted);
        return ApiResponses.okBytes(contents.formatted(found.schema(), format)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @DELETE
    @Path("/{subject}/versions/{version}")
    public Response deleteVersion(@PathParam("subject") String subject, @PathParam("version") String version,
                                  @QueryParam("permanent") String permanent) {
        return ApiResponses.ok(deletions.deleteVersion(callers.current(), subject, VersionId.parse(version),
                RequestBodies.flag(permanent, "permanent")));
    }

    @GET
    @Path("/{subject}/versions/{version}/referencedby")
    public Response referencedBy(@PathParam("subject") String subject, @PathParam("version") String version,
                                 @QueryParam("deleted") String deleted, @QueryParam("offset") String offset,
                                 @QueryParam("limit") String limit) {
        List<Integer> ids = queries.referencedBy(subject, VersionId.parse(version),
                RequestBodies.flag(deleted, "deleted"));
        return ApiResponses.ok(SubjectQueries.page(ids, RequestBodies.number(offset, "offset", 0),
                RequestBodies.number(limit, "limit", -1)));
    }

    /** The latest version whose metadata properties match every key/value pair. */
    @GET
    @Path("/{subject}/metadata")
    public Response byMetadata(@PathParam("subject") String subject, @QueryParam("key") List<String> keys,
                               @QueryParam("value") List<String> values, @QueryParam("deleted") String deleted) {
        if (keys.size() != values.size()) {
            throw new RegistryException(dev.accord.server.registry.ErrorCode.UNPROCESSABLE_ENTITY,
                    "Each key parameter needs a value parameter (got " + keys.size() + " keys and " + values.size()
                            + " values)");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            pairs.put(keys.get(i), values.get(i));
        }
        SubjectVersion found = queries.latestWithMetadata(subject, pairs, RequestBodies.flag(deleted, "deleted"));
        return ApiResponses.ok(ApiViews.version(found, null));
    }
}
