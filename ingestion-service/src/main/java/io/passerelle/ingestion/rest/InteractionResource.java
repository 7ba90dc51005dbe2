package io.passerelle.ingestion.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.ingestion.service.IngestionService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

/** {@code POST /v1/owners/{ownerId}/interactions}: publishes {@code passerelle.interaction.recorded}. */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/interactions")
@Tag(name = "Interactions", description = "Exchanges between an owner and their contacts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {
    private final IngestionService ingestion;

    public InteractionResource(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @POST
    @ResponseStatus(202)
    @Operation(operationId = "recordInteraction", summary = "Record an interaction",
            description = "Publishes passerelle.interaction.recorded on passerelle.interactions.v1 and answers once the broker "
                    + "has it. The event id is derived from ownerId and interactionId, so a retry with the same "
                    + "interactionId is counted once; without an interactionId, one is generated and returned.")
    @APIResponse(responseCode = "202", description = "The interaction is durably recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid ownerId or body (including an occurredAt in the future); errors[] names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Beyond the caller's or the owner's rate of writes "
            + "(passerelle.ingestion.rate-limit.writes.*); nothing was done, retry after the given delay",
            headers = @Header(name = "Retry-After", description = "Whole seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge the event in time; retry after the given delay with the same interactionId",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<InteractionAccepted> post(
            @Parameter(description = "The platform's id of the owner") @PathParam("ownerId")
            @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
            @NotNull(message = "is required: send a JSON object") @Valid Interaction body) {
        return ingestion.recordInteraction(ownerId, body)
                .thenApply(event -> new InteractionAccepted(event.id(), event.data().interaction().interactionId()));
    }
}
