package io.passerelle.advice.rest;

import io.passerelle.advice.AdviceExport;
import io.passerelle.advice.service.OwnerExportService;
import io.passerelle.contracts.Identifiers;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
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

/** The owner's data export; ingestion-service's public export combines it with graph-service's. */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "export", description = "Right of access: what advice-service holds about an owner")
public class OwnerExportResource {
    private final OwnerExportService exports;

    public OwnerExportResource(OwnerExportService exports) {
        this.exports = exports;
    }

    @GET
    @Operation(operationId = "exportOwnerAdvice", summary = "Everything advice-service holds about an owner",
            description = "The profile and tie copies, objectives, every recommendation on record with its status, and the feedback. "
                    + "Streamed as it is read from one consistent snapshot: should the database fail halfway, the response ends "
                    + "without its closing brace (never a well-formed partial export).")
    @APIResponse(responseCode = "200", description = "The export, streamed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdviceExport.class)))
    @APIResponse(responseCode = "404", description = "The service holds nothing about the owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Blocking // the export is written by this worker thread as it is read, paced by the client
    public Response export(
            @PathParam("ownerId") @Pattern(regexp = Identifiers.OWNER_ID_REGEX, message = ObjectiveResource.OWNER_ID_MESSAGE) String ownerId) {
        return Response.ok(exports.export(ownerId), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
