package io.passerelle.ingestion.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Contact;
import io.passerelle.ingestion.service.IngestionService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** {@code PUT /v1/owners/{ownerId}/contacts/{contactId}}: publishes {@code passerelle.contact.upserted}. */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/contacts")
@Tag(name = "Contacts", description = "The people in an owner's network")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {
    private final IngestionService ingestion;

    public ContactResource(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @PUT
    @Path("/{contactId}")
    @ResponseStatus(202)
    @Operation(operationId = "putContact", summary = "Create or replace a contact",
            description = "Publishes passerelle.contact.upserted (the full state of the contact) on passerelle.contacts.v1 "
                    + "and answers once the broker has it.")
    @APIResponse(responseCode = "202", description = "The contact is durably recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid ownerId, contactId or body; errors[] names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Beyond the caller's or the owner's rate of writes "
            + "(passerelle.ingestion.rate-limit.writes.*); nothing was done, retry after the given delay",
            headers = @Header(name = "Retry-After", description = "Whole seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge the event in time; retry after the given delay",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<EventAccepted> put(
            @Parameter(description = "The platform's id of the owner") @PathParam("ownerId")
            @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
            @Parameter(description = "The platform's id of the contact, unique per owner") @PathParam("contactId")
            @Pattern(regexp = Identifiers.CONTACT_ID_REGEX) String contactId,
            @NotNull(message = "is required: send a JSON object") @Valid Contact body) {
        return ingestion.upsertContact(ownerId, contactId, body).thenApply(event -> new EventAccepted(event.id()));
    }
}
