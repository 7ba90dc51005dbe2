package io.passerelle.advice.rest;

import io.passerelle.advice.Feedback;
import io.passerelle.advice.service.FeedbackService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.security.OwnerAccess;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Outcomes reported on recommendations (API.md, advice-service). */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/recommendations/{recommendationId}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback", description = "What came of the recommendations, and how well they work")
public class FeedbackResource {
    /** Recommendation ids are name-based UUIDs; anything longer or stranger cannot be one. */
    static final String RECOMMENDATION_ID_REGEX = "[A-Za-z0-9-]{1,64}";

    private final FeedbackService feedback;
    private final OwnerAccess access;

    public FeedbackResource(FeedbackService feedback, OwnerAccess access) {
        this.feedback = feedback;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordFeedback", summary = "Report what came of a recommendation (feeds the cool-down and the effectiveness summary)")
    @APIResponse(responseCode = "202", description = "Recorded: {feedbackId, recommendationId, outcome, recordedAt}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackService.Recorded.class)))
    @APIResponse(responseCode = "400", description = "Invalid feedback; errors name the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> record(
            @PathParam("recommendationId") @Pattern(regexp = RECOMMENDATION_ID_REGEX, message = "must match " + RECOMMENDATION_ID_REGEX)
            String recommendationId,
            @NotNull(message = "a JSON body {outcome, note} is required") @Valid Feedback body) {
        return feedback.record(recommendationId, body.outcome(), body.note(), access.visibleOwners())
                .map(recorded -> Response.accepted(recorded).build());
    }
}
