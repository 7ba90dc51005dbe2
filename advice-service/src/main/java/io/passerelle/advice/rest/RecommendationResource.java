package io.passerelle.advice.rest;

import io.passerelle.advice.Objective;
import io.passerelle.advice.RecommendationList;
import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.advice.service.RecommendationService;
import io.passerelle.contracts.Identifiers;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Weak-tie recommendations for one objective (API.md, advice-service). */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/objectives/{objectiveId}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recommendations", description = "The weak ties to reach out to for an objective, and how well its targets are covered")
@APIResponse(responseCode = "401", description = "No token, or one that is expired or not Passerelle's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles or owner do not allow this owner",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RecommendationResource {
    private final RecommendationService recommendations;
    private final AdviceConfig.Recommendations settings;

    public RecommendationResource(RecommendationService recommendations, AdviceConfig config) {
        this.recommendations = recommendations;
        this.settings = config.recommendations();
    }

    @GET
    @Operation(operationId = "listRecommendations", summary = "Rank the owner's ties for this objective")
    @APIResponse(responseCode = "200", description = "Recommendations, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationList.class)))
    @APIResponse(responseCode = "400", description = "A bad limit, ownerId or objectiveId; errors name it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such objective",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RecommendationList> recommend(
            @Parameter(description = "The platform's id of the owner")
            @PathParam("ownerId") @Pattern(regexp = Identifiers.OWNER_ID_REGEX, message = ObjectiveResource.OWNER_ID_MESSAGE) String ownerId,
            @Parameter(description = "The owner's id of the objective, as given when it was put")
            @PathParam("objectiveId") @Pattern(regexp = Objective.OBJECTIVE_ID_REGEX, message = ObjectiveResource.OBJECTIVE_ID_MESSAGE) String objectiveId,
            @Parameter(description = "How many recommendations at most (1 to advice.recommendations.max-limit, 50 unless configured; default 10)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "10"))
            @QueryParam("limit") String limit) {
        return recommendations.recommend(ownerId, objectiveId, limitOf(limit));
    }

    // Parsed here rather than bound to an int: JAX-RS answers 404 to an unparsable query parameter.
    private int limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return settings.defaultLimit();
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= settings.maxLimit()) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        String message = "must be a whole number from 1 to " + settings.maxLimit();
        throw new ProblemException(Problem.validation("limit " + message, List.of(new Problem.FieldError("limit", message))));
    }
}
