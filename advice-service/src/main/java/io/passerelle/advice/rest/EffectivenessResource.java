package io.passerelle.advice.rest;

import io.passerelle.advice.issuance.EffectivenessSummary;
import io.passerelle.advice.service.FeedbackService;
import io.passerelle.contracts.Identifiers;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How well an owner's recommendations work, from the outcomes reported on them (DOMAIN.md C8). */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/effectiveness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback", description = "What came of the recommendations, and how well they work")
public class EffectivenessResource {
    private final FeedbackService feedback;

    public EffectivenessResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GET
    @Operation(operationId = "getEffectiveness", summary = "Outcome counts and rates per objective, objective type and tie class, over the recommendations shown",
            description = "A recommendation counts as shown once the recommendations API returned it or a recommendation.issued "
                    + "webhook was delivered (2xx); issued counts every recommendation, every other count and rate only the shown ones.")
    @APIResponse(responseCode = "200", description = "The summary (all zeros for an owner without recommendations)")
    public Uni<EffectivenessSummary> summary(
            @PathParam("ownerId") @Pattern(regexp = Identifiers.OWNER_ID_REGEX, message = ObjectiveResource.OWNER_ID_MESSAGE) String ownerId) {
        return feedback.effectiveness(ownerId);
    }
}
