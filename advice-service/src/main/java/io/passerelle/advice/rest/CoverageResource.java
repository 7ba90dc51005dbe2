package io.passerelle.advice.rest;

import io.passerelle.advice.Objective;
import io.passerelle.advice.coverage.ObjectiveCoverage;
import io.passerelle.advice.service.CoverageService;
import io.passerelle.contracts.Identifiers;
import io.passerelle.runtime.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How far an owner's network covers an objective's targets (API.md, advice-service; DOMAIN.md section 5, "Measured"). */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/objectives/{objectiveId}/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recommendations", description = "The weak ties to reach out to for an objective, and how well its targets are covered")
@APIResponse(responseCode = "401", description = "No token, or one that is expired or not Passerelle's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles or owner do not allow reading this owner",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CoverageResource {
    private static final String EXAMPLE = """
            {"objectiveId": "job", "computedAt": "2026-03-04T10:00:00Z", "targets": [
              {"kind": "SECTOR", "target": "Fintech", "ties": 3,
               "byClass": {"STRONG": 0, "WEAK": 2, "DORMANT": 1, "NASCENT": 0},
               "byScale": {"NEIGHBOURHOOD": 0, "CITY": 2, "DEPARTMENT": 0, "REGION": 0, "COUNTRY": 1, "EUROPE": 0, "WORLD": 0, "UNKNOWN": 0}},
              {"kind": "COMPANY", "target": "Qonto", "ties": 1,
               "byClass": {"STRONG": 0, "WEAK": 0, "DORMANT": 0, "NASCENT": 1},
               "byScale": {"NEIGHBOURHOOD": 0, "CITY": 1, "DEPARTMENT": 0, "REGION": 0, "COUNTRY": 0, "EUROPE": 0, "WORLD": 0, "UNKNOWN": 0},
               "nextStep": {"kind": "ASK_FOR_INTRODUCTION", "contactId": "c-42", "displayName": "Nina Martin",
                            "via": {"contactId": "c-7", "displayName": "Walter Durand"},
                            "text": "Ask Walter Durand to introduce you to Nina Martin, who matches “Qonto”."}},
              {"kind": "LOCATION", "target": "Berlin", "ties": 0,
               "byClass": {"STRONG": 0, "WEAK": 0, "DORMANT": 0, "NASCENT": 0},
               "byScale": {"NEIGHBOURHOOD": 0, "CITY": 0, "DEPARTMENT": 0, "REGION": 0, "COUNTRY": 0, "EUROPE": 0, "WORLD": 0, "UNKNOWN": 0},
               "nextStep": {"kind": "LOOK_FOR_EVENTS",
                            "text": "No one in your network yet: look for events or groups in Berlin."}}]}""";

    private final CoverageService coverage;

    public CoverageResource(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GET
    @Operation(operationId = "getObjectiveCoverage", summary = "For each target of the objective, the ties that reach it by class and scale, and a next step where none can be asked",
            description = "Targets in the order sectors, roles, companies, locations, scales, topics, needs (a business creation without "
                    + "declared needs covers every need a founder has). A tie reaches a target as the ranking matches it; a former "
                    + "employee reaches a company. byClass and byScale list every class and scale. Nulls are omitted, as everywhere: nextStep is absent when a STRONG or "
                    + "WEAK tie reaches the target; else REACTIVATE (contactId: a DORMANT tie who reaches it), else ASK_FOR_INTRODUCTION "
                    + "(contactId: a tie who reaches it; via: a STRONG or WEAK tie who lists them, or whom they list, in "
                    + "mutualContactIds), else LOOK_FOR_EVENTS; text in the objective's language.")
    @APIResponse(responseCode = "200", description = "The coverage, computed now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectiveCoverage.class),
                    examples = @ExampleObject(name = "job search", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An ownerId or objectiveId not matching its pattern; errors name it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such owner or objective",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ObjectiveCoverage> coverage(
            @Parameter(description = "The platform's id of the owner")
            @PathParam("ownerId") @Pattern(regexp = Identifiers.OWNER_ID_REGEX, message = ObjectiveResource.OWNER_ID_MESSAGE) String ownerId,
            @Parameter(description = "The owner's id of the objective, as given when it was put")
            @PathParam("objectiveId") @Pattern(regexp = Objective.OBJECTIVE_ID_REGEX, message = ObjectiveResource.OBJECTIVE_ID_MESSAGE) String objectiveId) {
        return coverage.coverage(ownerId, objectiveId);
    }
}
