package io.passerelle.ingestion.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.ingestion.service.ErasureService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** {@code DELETE /v1/owners/{ownerId}/contacts/{contactId}}: publishes {@code passerelle.contact.erased}. */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/contacts/{contactId}")
@Tag(name = "Erasure", description = "Right to erasure: a contact or an owner removed from every service")
@Produces(MediaType.APPLICATION_JSON)
public class ContactErasureResource {
    private final ErasureService erasure;

    public ContactErasureResource(ErasureService erasure) {
        this.erasure = erasure;
    }

    @DELETE
    @ResponseStatus(202)
    @Operation(operationId = "eraseContact", summary = "Erase a contact",
            description = "Publishes passerelle.contact.erased on passerelle.contacts.v1 and answers once the broker has it. "
                    + "graph-service then deletes the contact and its tie, removes it from the other contacts' mutual contacts, "
                    + "tombstones the tie, and keeps a hashed marker so that a replay does not bring it back; advice-service "
                    + "withdraws and deletes its recommendations and feedback.")
    @APIResponse(responseCode = "202", description = "The erasure is durably recorded and will be applied by every service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid ownerId or contactId; errors[] names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Beyond the caller's or the owner's rate of writes "
            + "(passerelle.ingestion.rate-limit.writes.*); nothing was done, retry after the given delay",
            headers = @Header(name = "Retry-After", description = "Whole seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge the event in time; retry after the given delay",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EventAccepted> erase(
            @Parameter(description = "The platform's id of the owner") @PathParam("ownerId")
            @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
            @Parameter(description = "The platform's id of the contact") @PathParam("contactId")
            @Pattern(regexp = Identifiers.CONTACT_ID_REGEX) String contactId) {
        return erasure.eraseContact(ownerId, contactId).map(event -> new EventAccepted(event.id()));
    }
}
