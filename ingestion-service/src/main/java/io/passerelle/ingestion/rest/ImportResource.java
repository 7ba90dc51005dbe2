package io.passerelle.ingestion.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.ingestion.imports.ImportFormat;
import io.passerelle.ingestion.imports.ImportOptions;
import io.passerelle.ingestion.rate.LimitClass;
import io.passerelle.ingestion.rate.RateLimited;
import io.passerelle.ingestion.repository.ImportJob;
import io.passerelle.ingestion.service.ImportJobs;
import io.passerelle.ingestion.service.ImportOutcome;
import io.passerelle.ingestion.service.ImportService;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
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
    /** RFC 7240's preference for a 202 and a job rather than waiting for the whole import. */
    static final String RESPOND_ASYNC = "respond-async";

    private final ImportService imports;
    private final ImportJobs jobs;

    public ImportResource(ImportService imports, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
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
                    + "imported. Importing the same file again yields the same events. With Prefer: respond-async, or "
                    + "always for a Content-Length above passerelle.ingestion.imports.async-above-bytes, the file is staged "
                    + "durably and imported as a job: 202 with its Location, read with GET for state and progress.")
    @APIResponse(responseCode = "200", description = "Imported; rejected lines are listed with their errors, values left "
            + "out of imported lines with a warning",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportAnswer.class)))
    @APIResponse(responseCode = "202", description = "Staged durably and imported as a job: GET the Location for its state "
            + "and progress. Preference-Applied: respond-async when the caller asked for it",
            headers = {@Header(name = "Location", description = "The job: /v1/owners/{ownerId}/imports/{importId}", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Preference-Applied", description = "respond-async, when asked", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobAnswer.class)))
    @APIResponse(responseCode = "400", description = "Unknown format, a file that is not of the declared format, or a missing ownerProfileUrl",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than passerelle.ingestion.imports.max-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Beyond the caller's or the owner's rate of imports "
            + "(passerelle.ingestion.rate-limit.imports.*); nothing was done, retry after the given delay",
            headers = @Header(name = "Retry-After", description = "Whole seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time (or, for a job, the database could not "
            + "stage the file); import the whole file again later (idempotent)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importFile(
            @Parameter(description = "The platform's id of the owner") @PathParam("ownerId")
            @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
            @Parameter(description = "The file's format", required = true,
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"linkedin-connections", "linkedin-messages", "google-contacts", "vcard"}))
            @QueryParam("format") String format,
            @Parameter(description = "For linkedin-messages: the owner's own LinkedIn profile URL, which tells sent messages from received ones",
                    schema = @Schema(type = SchemaType.STRING, format = "uri"))
            @QueryParam("ownerProfileUrl") String ownerProfileUrl,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            // One header value in the document (RFC 7240: comma-separated preferences); the service also reads repeated headers.
            @Parameter(description = "respond-async: import the file as a job (202), whatever its size",
                    schema = @Schema(type = SchemaType.STRING))
            @HeaderParam("Prefer") List<String> prefer,
            InputStream file) {
        ImportFormat declared = ImportFormat.named(format).orElseThrow(() -> invalid("format",
                "must be one of " + ImportFormat.names()));
        if (declared == ImportFormat.LINKEDIN_MESSAGES && (ownerProfileUrl == null || ownerProfileUrl.isBlank())) {
            throw invalid("ownerProfileUrl", "is required for linkedin-messages: the owner's own profile URL, "
                    + "such as https://www.linkedin.com/in/camille-durand");
        }
        imports.checkDeclaredLength(contentLength);
        ImportOptions options = new ImportOptions(ownerProfileUrl);
        boolean asked = prefersAsync(prefer);
        if (asked || jobs.isLarge(contentLength)) {
            ImportJob job = jobs.submit(ownerId, declared, options, file);
            Response.ResponseBuilder accepted = Response.accepted(ImportJobAnswer.of(job))
                    .location(URI.create("/v1/owners/" + ownerId + "/imports/" + job.importId()));
            return (asked ? accepted.header("Preference-Applied", RESPOND_ASYNC) : accepted).build();
        }
        ImportOutcome outcome = imports.importFile(ownerId, declared, options, file);
        return Response.ok(new ImportAnswer(declared.formatName(), outcome.accepted(), outcome.rejected(), outcome.rejectedCount(),
                outcome.warnings(), outcome.warningCount())).build();
    }

    @GET
    @Path("/imports/{importId}")
    @Operation(operationId = "getImportJob", summary = "Read an import job",
            description = "The state of an import run as a job (QUEUED, RUNNING, COMPLETED, FAILED), how much of the file is "
                    + "read, and the counts, rejected lines and warnings of a synchronous import's answer so far.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobAnswer.class)))
    @APIResponse(responseCode = "404", description = "No such job for this owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJobAnswer importJob(
            @Parameter(description = "The platform's id of the owner") @PathParam("ownerId")
            @Pattern(regexp = Identifiers.OWNER_ID_REGEX) String ownerId,
            @Parameter(description = "The job's id, from the Location of the 202") @PathParam("importId") String importId) {
        return jobs.find(ownerId, importId).map(ImportJobAnswer::of)
                .orElseThrow(() -> ProblemException.notFound("No import " + importId + " for owner " + ownerId + "."));
    }

    /** Whether a {@code Prefer} header (RFC 7240: comma-separated preferences, each with optional parameters) asks for respond-async. */
    static boolean prefersAsync(List<String> prefer) {
        if (prefer == null) {
            return false;
        }
        for (String header : prefer) {
            for (String preference : header.split(",")) {
                String name = preference.split("[;=]", 2)[0].trim();
                if (name.equalsIgnoreCase(RESPOND_ASYNC)) {
                    return true;
                }
            }
        }
        return false;
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
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream lines) {
        imports.checkDeclaredLength(contentLength);
        ImportOutcome outcome = imports.importBatch(ownerId, lines);
        return new BatchAnswer(outcome.accepted(), outcome.rejected(), outcome.rejectedCount());
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.validation(field + " " + message, List.of(new Problem.FieldError(field, message))));
    }
}
