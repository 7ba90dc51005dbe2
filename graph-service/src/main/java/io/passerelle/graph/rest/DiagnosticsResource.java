package io.passerelle.graph.rest;

import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.service.DiagnosticsService;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The diagnostics of an owner's network (API.md, graph-service). */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "diagnostics")
public class DiagnosticsResource {
    private final DiagnosticsService diagnostics;

    public DiagnosticsResource(DiagnosticsService diagnostics) {
        this.diagnostics = diagnostics;
    }

    @GET
    @Operation(summary = "Diagnoses an owner's network",
            description = "Counts and shares by class, origin, scale, source and relation context; homophily per attribute "
                    + "(E-I and normalised Blau indices); the alter-ego index; Burt's brokerage measures. Answered from the "
                    + "last computation while the owner's network has not changed since (computedAt says when the figures "
                    + "were computed), otherwise computed at the request. 404 when no event of the owner has been received.")
    public Uni<Diagnostics> get(@PathParam("ownerId") String ownerId) {
        TieQueryParameters.requireOwnerId(ownerId);
        return diagnostics.diagnose(ownerId);
    }
}
