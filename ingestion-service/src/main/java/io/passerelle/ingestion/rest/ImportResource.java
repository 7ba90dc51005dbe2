package io.passerelle.ingestion.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.ingestion.imports.ImportFormat;
import io.passerelle.ingestion.imports.ImportOptions;
import io.passerelle.ingestion.rate.LimitClass;
import io.passerelle.ingestion.rate.RateLimited;
import io.passerelle.ingestion.service.ImportOutcome;
import io.passerelle.ingestion.service.ImportService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/owners/{ownerId}/imports?format=} and {@code POST /v1/owners/{ownerId}/batch}: a
 * file or a batch read as it streams in, on a worker thread, because the body is read as a blocking
 * {@link InputStream}.
 */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}")
@Tag(name = "Imports", description = "Address books, network exports and batches, imported in one request")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("/imports")
    @RateLimited(LimitClass.IMPORTS)
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "importFile", summary = "Import an exported file",
            description = "Reads the file as exported (LinkedIn Connections.csv or messages.csv, Google Contacts CSV, vCard) "
                    + "record by record, publishes a contact upsert (or, for messages, interactions) per valid record, and "
                    + "answers once the broker has every one. A record without a name is rejected; an optional value that "
                    + "cannot be read or is invalid (a date, an e-mail address) is left out with a warning and the record "
                    + "imported. Importing the same file again yields the same events.")
    @APIResponse(responseCode = "200", description = "Imported; rejected lines are listed with their errors, values left "
            + "out of imported lines with a warning",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportAnswer.class)))
    @APIResponse(responseCode = "400", description = "Unknown format, a file that is not of the declared format, or a missing ownerProfileUrl",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than passerelle.ingestion.imports.max-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Beyond the caller's or the owner's rate of imports "
            + "(passerelle.ingestion.rate-limit.imports.*); nothing was done, retry after the given delay",
            headers = @Header(name = "Retry-After", description = "Whole seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; import the whole file again later (idempotent)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportAnswer importFile(
            @Parameter(description = "The platform's id of the owner") @PathParam("ownerId")
            @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
            @Parameter(description = "The file's format", required = true,
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"linkedin-connections", "linkedin-messages", "google-contacts", "vcard"}))
            @QueryParam("format") String format,
            @Parameter(description = "For linkedin-messages: the owner's own LinkedIn profile URL, which tells sent messages from received ones",
                    schema = @Schema(type = SchemaType.STRING, format = "uri"))
            @QueryParam("ownerProfileUrl") String ownerProfileUrl,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream file) {
        ImportFormat declared = ImportFormat.named(format).orElseThrow(() -> invalid("format",
                "must be one of " + ImportFormat.names()));
        if (declared == ImportFormat.LINKEDIN_MESSAGES && (ownerProfileUrl == null || ownerProfileUrl.isBlank())) {
            throw invalid("ownerProfileUrl", "is required for linkedin-messages: the owner's own profile URL, "
                    + "such as https://www.linkedin.com/in/camille-durand");
        }
        imports.checkDeclaredLength(contentLength);
        ImportOutcome outcome = imports.importFile(ownerId, declared, new ImportOptions(ownerProfileUrl), file);
        return new ImportAnswer(declared.formatName(), outcome.accepted(), outcome.rejected(), outcome.rejectedCount(),
                outcome.warnings(), outcome.warningCount());
    }

    @POST
    @Path("/batch")
    @Blocking
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    @Operation(operationId = "writeBatch", summary = "Write many contacts and interactions",
            description = "One JSON object per line: {\"kind\":\"contact\",\"contactId\":...,<Contact fields>} or "
                    + "{\"kind\":\"interaction\",<Interaction fields>}. Each line is validated like the single endpoints; "
                    + "valid lines are published, the others reported. Sending the same batch again yields the same events.")
    @APIResponse(responseCode = "200", description = "Recorded; rejected lines are listed with their errors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchAnswer.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than passerelle.ingestion.imports.max-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Beyond the caller's or the owner's rate of writes "
            + "(passerelle.ingestion.rate-limit.writes.*); nothing was done, retry after the given delay",
            headers = @Header(name = "Retry-After", description = "Whole seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; send the whole batch again later",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchAnswer batch(
            @Parameter(description = "The platform's id of the owner") @PathParam("ownerId")
            @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream lines) {
        imports.checkDeclaredLength(contentLength);
        ImportOutcome outcome = imports.importBatch(ownerId, lines);
        return new BatchAnswer(outcome.accepted(), outcome.rejected(), outcome.rejectedCount());
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.validation(field + " " + message, List.of(new Problem.FieldError(field, message))));
    }
}
