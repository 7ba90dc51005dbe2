package io.passerelle.advice.rest;

import io.passerelle.advice.Objective;
import io.passerelle.advice.service.ObjectiveService;
import io.passerelle.advice.service.RecomputeService;
import io.passerelle.runtime.security.Roles;
import io.quarkus.logging.Log;
import io.passerelle.contracts.Identifiers;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An owner's objectives (API.md, advice-service). */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/objectives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "objectives", description = "An owner's professional objectives, which the recommendations serve")
public class ObjectiveResource {
    static final String OWNER_ID_MESSAGE = "must match " + Identifiers.OWNER_ID_REGEX;
    static final String OBJECTIVE_ID_MESSAGE = "must match " + Objective.OBJECTIVE_ID_REGEX;

    private final ObjectiveService objectives;
    private final RecomputeService recompute;

    public ObjectiveResource(ObjectiveService objectives, RecomputeService recompute) {
        this.objectives = objectives;
        this.recompute = recompute;
    }

    @PUT
    @Path("{objectiveId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putObjective", summary = "Create or replace an objective")
    @APIResponse(responseCode = "200", description = "The objective as stored")
    @APIResponse(responseCode = "400", description = "Invalid objective; errors name the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Objective> put(
            @PathParam("ownerId") @Pattern(regexp = Identifiers.OWNER_ID_REGEX, message = OWNER_ID_MESSAGE) String ownerId,
            @PathParam("objectiveId") @Pattern(regexp = Objective.OBJECTIVE_ID_REGEX, message = OBJECTIVE_ID_MESSAGE) String objectiveId,
            @NotNull(message = "a JSON Objective body is required") @Valid Objective objective) {
        // The owner's recommendations are recomputed at once; should that fail, the worker does it shortly.
        return objectives.put(ownerId, objectiveId, objective)
                .call(stored -> recompute.recompute(ownerId)
                        .onFailure().invoke(e -> Log.warnf("Recomputing owner %s after a change of objective failed: %s", ownerId, e.toString()))
                        .onFailure().recoverWithUni(() -> recompute.markDueSoon(ownerId)));
    }

    @GET
    @Operation(operationId = "listObjectives", summary = "List an owner's objectives (an empty list for an owner without any)")
    public Uni<List<Objective>> list(
            @PathParam("ownerId") @Pattern(regexp = Identifiers.OWNER_ID_REGEX, message = OWNER_ID_MESSAGE) String ownerId) {
        return objectives.list(ownerId);
    }

    @DELETE
    @Path("{objectiveId}")
    @Operation(operationId = "deleteObjective", summary = "Delete an objective (its recommendations are withdrawn)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such objective",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(
            @PathParam("ownerId") @Pattern(regexp = Identifiers.OWNER_ID_REGEX, message = OWNER_ID_MESSAGE) String ownerId,
            @PathParam("objectiveId") @Pattern(regexp = Objective.OBJECTIVE_ID_REGEX, message = OBJECTIVE_ID_MESSAGE) String objectiveId) {
        return recompute.deleteObjective(ownerId, objectiveId).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Owner " + ownerId + " has no objective " + objectiveId + ".");
            }
            return Response.noContent().build();
        });
    }
}
