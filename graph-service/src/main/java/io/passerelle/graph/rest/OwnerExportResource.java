package io.passerelle.graph.rest;

import io.passerelle.graph.service.GraphExport;
import io.passerelle.graph.service.OwnerExportService;
import io.passerelle.runtime.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

/** The owner's data export; ingestion-service's public export combines it with advice-service's. */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "export", description = "Right of access: what graph-service holds about an owner")
public class OwnerExportResource {
    private final OwnerExportService exports;

    public OwnerExportResource(OwnerExportService exports) {
        this.exports = exports;
    }

    @GET
    @Operation(operationId = "exportOwnerGraph", summary = "Everything graph-service holds about an owner",
            description = "The profile, every contact as received, and every tie as of now with its interaction statistics. "
                    + "404 when the owner is unknown (never seen, or erased). Streamed as it is read from one consistent "
                    + "snapshot: should the database fail halfway, the response ends without its closing brace (never a "
                    + "well-formed partial export).")
    @Blocking // the export is written by this worker thread as it is read, paced by the client
    @APIResponse(responseCode = "200", description = "The export, streamed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GraphExport.class)))
    public Response export(@PathParam("ownerId") String ownerId) {
        TieQueryParameters.requireOwnerId(ownerId);
        return Response.ok(exports.export(ownerId), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
