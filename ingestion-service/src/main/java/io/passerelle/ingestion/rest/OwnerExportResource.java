package io.passerelle.ingestion.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.ingestion.service.OwnerExportService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/owners/{ownerId}/export}: everything Passerelle holds about an owner, as JSON. */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/export")
@Tag(name = "Export", description = "Right of access and to data portability")
@Produces(MediaType.APPLICATION_JSON)
public class OwnerExportResource {
    private final OwnerExportService exports;

    public OwnerExportResource(OwnerExportService exports) {
        this.exports = exports;
    }

    @GET
    @Operation(operationId = "exportOwner", summary = "Export everything held about an owner",
            description = "{ownerId, exportedAt, graph, advice}: graph-service's profile, contacts and ties with their statistics, "
                    + "and advice-service's objectives, recommendations and feedback. The caller's Authorization header is "
                    + "forwarded to both services. Streamed: both services must have begun to answer before the first byte "
                    + "(else a 503); should one break off halfway, the response ends unterminated, never as a well-formed "
                    + "partial export.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OwnerExport.class)))
    @APIResponse(responseCode = "400", description = "Invalid ownerId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No service holds anything about the owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "graph-service or advice-service did not answer; no partial export is given",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Blocking // the export is passed on by this worker thread as it arrives, paced by the client
    public Response export(
            @Parameter(description = "The platform's id of the owner") @PathParam("ownerId")
            @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Response.ok(exports.export(ownerId, authorization), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
