package io.passerelle.graph.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.service.DiagnosticsService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The diagnostics of an owner's network and their history (API.md, graph-service). */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "diagnostics", description = "What an owner's network looks like as a whole, over time and as a picture")
@APIResponse(responseCode = "401", description = "No token, or one that is expired or not Passerelle's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's roles or owner do not allow reading this owner",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DiagnosticsResource {
    static final String OWNER_ID = "The platform's id of the owner, " + Identifiers.OWNER_ID_REGEX;

    private final DiagnosticsService diagnostics;

    public DiagnosticsResource(DiagnosticsService diagnostics) {
        this.diagnostics = diagnostics;
    }

    @GET
    @Operation(operationId = "getDiagnostics", summary = "Diagnoses an owner's network",
            description = "Counts and shares by class, origin, scale, source and relation context; homophily per attribute "
                    + "(E-I and normalised Blau indices); the alter-ego index; Burt's brokerage measures. Answered from the "
                    + "last computation while the owner's network has not changed since (computedAt says when the figures "
                    + "were computed), otherwise computed at the request. 'change' gives, since 30 and since 90 days, each main "
                    + "figure (contacts, counts and shares by class and by scale, alter-ego index, brokerage) minus its value in "
                    + "the history point in force then (the newest computed at or before that instant, 'comparedWith'); a window "
                    + "is null when the history holds no point that old. It is worked out at each request, as of the request. "
                    + "404 when no event of the owner has been received.")
    @APIResponse(responseCode = "200", description = "The diagnostics, with their change and their summary in words; brokerage "
            + "null, with brokerageUnavailable, when mutual-contact data is too thin",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Diagnostics.class)))
    @APIResponse(responseCode = "400", description = "An ownerId not matching the contract's pattern",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Diagnostics> get(
            @Parameter(description = OWNER_ID, schema = @Schema(type = SchemaType.STRING, pattern = Identifiers.OWNER_ID_REGEX))
            @PathParam("ownerId") String ownerId) {
        TieQueryParameters.requireOwnerId(ownerId);
        return diagnostics.current(ownerId);
    }

    @GET
    @Path("/history")
    @Operation(operationId = "listDiagnosticsHistory", summary = "The history of an owner's diagnostics",
            description = "A point (computedAt, contacts, count and share by class and by scale, alter-ego index, brokerage) "
                    + "whenever a computation of the diagnostics changed one of these figures; every point of the last days, "
                    + "then the last point of each day, then the last point of each ISO week (see the service's README). "
                    + "Points computed from 'from' to 'to', both included, oldest first; at most "
                    + DiagnosticsService.HISTORY_LIMIT + " (the latest, with truncated true, when more match). "
                    + "404 when no event of the owner has been received.")
    @APIResponse(responseCode = "200", description = "The points, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiagnosticsHistoryPage.class)))
    @APIResponse(responseCode = "400", description = "A bad from or to, from after to, or a bad ownerId; errors name the parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DiagnosticsHistoryPage> history(
            @Parameter(description = OWNER_ID, schema = @Schema(type = SchemaType.STRING, pattern = Identifiers.OWNER_ID_REGEX))
            @PathParam("ownerId") String ownerId,
            @Parameter(description = "The earliest point to answer: " + DiagnosticsHistoryParameters.FORMAT
                    + " (a date: from its first instant, UTC); none: from the first point")
            @QueryParam("from") String from,
            @Parameter(description = "The latest point to answer: " + DiagnosticsHistoryParameters.FORMAT
                    + " (a date: to its last instant, UTC, the day included); none: up to the last point")
            @QueryParam("to") String to) {
        TieQueryParameters.requireOwnerId(ownerId);
        DiagnosticsHistoryParameters.Range range = DiagnosticsHistoryParameters.parse(from, to);
        return diagnostics.history(ownerId, range.from(), range.to())
                .map(points -> new DiagnosticsHistoryPage(points.points(), points.truncated()));
    }
}
