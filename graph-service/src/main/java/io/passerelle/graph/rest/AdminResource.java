package io.passerelle.graph.rest;

import io.passerelle.graph.service.ReplayJobs;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator endpoints of the graph service: the replay jobs. Not part of the public contract beyond API.md's line; operators only. */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operators' jobs: rebuilding the projection from the topics")
public class AdminResource {
    private final ReplayJobs replays;

    public AdminResource(ReplayJobs replays) {
        this.replays = replays;
    }

    @POST
    @Path("/replay")
    @Operation(operationId = "startReplay", summary = "Starts a replay: rebuilds the tie projection from the ingestion topics",
            description = "Queues a job that rebuilds the projection from the owners, contacts and interactions topics into "
                    + "tables of its own while the live projection keeps serving and being applied, switches the rebuild in with "
                    + "one transaction, then republishes every tie. A crash or restart at any moment leaves the live projection "
                    + "whole; the job is resumed by this or another instance. Follow it at the Location.")
    @APIResponse(responseCode = "202", description = "Queued",
            headers = @Header(name = "Location", description = "The job: /v1/admin/replays/{replayId}", schema = @Schema(implementation = URI.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayJobAnswer.class)))
    @APIResponse(responseCode = "409", description = "A replay is active (one at a time); the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ActiveReplayProblem.class)))
    public Uni<Response> replay(@Context UriInfo uri) {
        return replays.request().map(request -> {
            if (request.queued() != null) {
                return Response.accepted(ReplayJobAnswer.of(request.queued()))
                        .location(location(uri, request.queued().replayId()))
                        .build();
            }
            if (request.active() == null) {
                throw new ProblemException(Problem.of(409, "replay-active", "A replay is active",
                        "A replay was active a moment ago; request again."));
            }
            return Response.status(Response.Status.CONFLICT).type(Problem.MEDIA_TYPE)
                    .entity(ActiveReplayProblem.of(request.active().replayId(), location(uri, request.active().replayId()),
                            request.active().state().name()))
                    .build();
        });
    }

    @GET
    @Path("/replays/{replayId}")
    @Operation(operationId = "getReplayJob", summary = "A replay job and its progress",
            description = "State, offsets reached and to reach per topic-partition, counts, when it started, switched and finished, "
                    + "and why it failed.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayJobAnswer.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReplayJobAnswer> replayJob(@Parameter(description = "The job's id, from the Location of its request",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("replayId") String replayId) {
        UUID id = parse(replayId);
        return replays.find(id).map(job -> ReplayJobAnswer.of(job.orElseThrow(() -> unknown(replayId))));
    }

    @GET
    @Path("/replays")
    @Operation(operationId = "listReplayJobs", summary = "The latest replay jobs", description = "The latest requested first.")
    @APIResponse(responseCode = "200", description = "The jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayJobList.class)))
    public Uni<ReplayJobList> replayJobs(
            @Parameter(description = "How many jobs, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return replays.recent(limit).map(jobs -> new ReplayJobList(jobs.stream().map(ReplayJobAnswer::of).toList()));
    }

    private static URI location(UriInfo uri, UUID replayId) {
        return uri.getBaseUriBuilder().path("/v1/admin/replays/{replayId}").build(replayId);
    }

    private static UUID parse(String replayId) {
        try {
            return UUID.fromString(replayId);
        } catch (IllegalArgumentException e) {
            throw unknown(replayId);
        }
    }

    private static ProblemException unknown(String replayId) {
        return ProblemException.notFound("No replay job " + replayId + ".");
    }
}
