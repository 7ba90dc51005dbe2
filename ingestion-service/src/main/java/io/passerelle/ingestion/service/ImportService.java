package io.passerelle.ingestion.service;

import io.passerelle.contracts.Identifiers;
import io.passerelle.ingestion.IngestionEvents;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.ingestion.config.ImportConfig;
import io.passerelle.ingestion.config.IngestionConfig;
import io.passerelle.ingestion.imports.BodyTooLargeException;
import io.passerelle.ingestion.imports.ImportFormat;
import io.passerelle.ingestion.imports.ImportOptions;
import io.passerelle.ingestion.imports.ImportReader;
import io.passerelle.ingestion.imports.ImportWarning;
import io.passerelle.ingestion.imports.ImportedContactValidation;
import io.passerelle.ingestion.imports.ImportedRecord;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.InteractionRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import io.passerelle.ingestion.imports.LineError;
import io.passerelle.ingestion.imports.NdjsonBatchReader;
import io.passerelle.ingestion.imports.NotTheDeclaredFormatException;
import io.passerelle.ingestion.imports.SizeLimitedInputStream;
import io.passerelle.ingestion.messaging.EventRecordSender;
import io.passerelle.ingestion.messaging.PublishWindow;
import io.passerelle.ingestion.repository.ImportJob;
import io.passerelle.ingestion.repository.ImportJobStore;
import io.passerelle.ingestion.repository.StagedBody;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.problem.ProblemMappers;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Imports exported files and NDJSON batches: reads the body record by record as it arrives,
 * validates each record with the rules of the single-item endpoints (a file's contact losing an invalid
 * optional value with a warning rather than being refused), publishes the valid ones through a bounded
 * window of in-flight sends, and answers only once the broker has acknowledged every one.
 */
@ApplicationScoped
public class ImportService {
    private final IngestionEvents events = new IngestionEvents(Identifiers::randomId);
    private final EventRecordSender sender;
    private final Validator validator;
    private final ImportConfig config;
    private final IngestionConfig ingestion;
    private final ImportedContactValidation fileContacts;

    public ImportService(EventRecordSender sender, Validator validator, ImportConfig config, IngestionConfig ingestion) {
        this.sender = sender;
        this.validator = validator;
        this.fileContacts = new ImportedContactValidation(validator);
        this.config = config;
        this.ingestion = ingestion;
    }

    /** Refuses at once a body whose declared length is beyond the limit, before reading any of it. */
    public void checkDeclaredLength(Long contentLength) {
        if (contentLength != null && contentLength > config.maxBytes().asLongValue()) {
            throw tooLarge();
        }
    }

    /**
     * An exported file: a contact whose optional value breaks the contract's rules is published without
     * it, with a warning (see {@link ImportedContactValidation}).
     */
    public ImportOutcome importFile(String ownerId, ImportFormat format, ImportOptions options, InputStream body) {
        return run(ownerId, body, limited -> format.open(limited, options), fileContacts::validate);
    }

    /** An NDJSON batch: every line is validated like the single-item endpoints, and refused whole if invalid. */
    public ImportOutcome importBatch(String ownerId, InputStream body) {
        return run(ownerId, body, NdjsonBatchReader::new, this::strictly);
    }

    private ImportOutcome run(String ownerId, InputStream body, ReaderOpening opening, ContactValidation contactValidation) {
        PublishWindow window = newWindow();
        ImportTally tally = new ImportTally(config.maxReportedRejections(), config.maxReportedWarnings());
        try (ImportReader reader = opening.open(new SizeLimitedInputStream(body, config.maxBytes().asLongValue()))) {
            process(ownerId, reader, contactValidation, window, tally, 0, done -> {
            });
        } catch (NotTheDeclaredFormatException e) {
            throw notTheDeclaredFormat(e);
        } catch (BodyTooLargeException e) {
            window.settle();
            throw tooLarge();
        } catch (IOException | UncheckedIOException e) {
            window.settle();
            throw new UncheckedIOException("The body could not be read to its end", e instanceof IOException io ? io
                    : ((UncheckedIOException) e).getCause());
        } catch (RuntimeException e) {
            // A failed publication (503) or an unexpected error: let the sends in flight end before answering.
            window.settle();
            throw e;
        }
        window.awaitAll();
        Log.infof("Imported %d events for %s, %d lines rejected, %d values left out with a warning",
                tally.accepted(), ownerId, tally.rejectedCount(), tally.warningCount());
        return tally.outcome();
    }

    /**
     * Runs a claimed job over its staged file from its last checkpoint: the records it had settled are
     * read again but neither published nor counted, and every {@code jobs.checkpoint-records} records,
     * once the broker has acknowledged all of them, the position and the counters are checkpointed together.
     * Throws what stopped it (the caller tells transient from permanent failures); returns normally once
     * every record is checkpointed.
     *
     * @param checkpoints writes a checkpoint; throws when the job is not this instance's any more
     */
    public void runJob(ImportJob job, StagedBody body, Consumer<ImportJobStore.Checkpoint> checkpoints) throws IOException {
        ImportFormat format = ImportFormat.named(job.format())
                .orElseThrow(() -> new IllegalStateException("Import " + job.importId() + " has an unknown format " + job.format()));
        PublishWindow window = newWindow();
        ImportTally tally = new ImportTally(config.maxReportedRejections(), config.maxReportedWarnings(),
                job.recordsDone(), job.accepted(), job.rejectedCount(), job.warningCount());
        int every = config.jobs().checkpointRecords();
        try (ImportReader reader = format.open(body, new ImportOptions(job.ownerProfileUrl()))) {
            process(job.ownerId(), reader, fileContacts::validate, window, tally, job.recordsDone(), done -> {
                if (done.recordsDone() % every == 0) {
                    window.awaitAll();
                    checkpoints.accept(checkpointOf(done, body));
                }
            });
            window.awaitAll();
            checkpoints.accept(checkpointOf(tally, body));
        } catch (IOException | RuntimeException e) {
            window.settle();
            throw e;
        }
        Log.infof("Import job %s: %d events for %s, %d lines rejected, %d values left out with a warning",
                job.importId(), tally.accepted(), job.ownerId(), tally.rejectedCount(), tally.warningCount());
    }

    private static ImportJobStore.Checkpoint checkpointOf(ImportTally tally, StagedBody body) {
        ImportTally.Listed listed = tally.drainListed();
        return new ImportJobStore.Checkpoint(tally.recordsDone(), body.bytesRead(), tally.accepted(), tally.rejectedCount(),
                tally.warningCount(), listed.rejected(), listed.warnings());
    }

    /**
     * Reads, validates and publishes the records after the first {@code skip} ones (already settled by an
     * earlier run of the same job), counting them in {@code tally}; {@code afterRecord} runs after each.
     */
    private void process(String ownerId, ImportReader reader, ContactValidation contactValidation, PublishWindow window,
            ImportTally tally, long skip, Consumer<ImportTally> afterRecord) throws IOException {
        long skipped = 0;
        ImportedRecord read;
        while ((read = reader.next()) != null) {
            if (skipped < skip) {
                skipped++;
                continue;
            }
            ImportedRecord record = read instanceof ContactRecord contact ? contactValidation.validate(contact) : read;
            PendingEvent<?> event = null;
            List<LineError> errors = List.of();
            if (record instanceof ContactRecord contact) {
                event = events.importedContactUpserted(ownerId, contact.contactId(), contact.contact());
                for (LineError warning : contact.warnings()) {
                    tally.warned(ImportWarning.of(contact.line(), warning));
                }
            } else if (record instanceof InteractionRecord interaction) {
                errors = violations(validator.validate(interaction.interaction()));
                if (errors.isEmpty()) {
                    event = events.interactionRecorded(ownerId, interaction.interaction());
                }
            } else {
                errors = ((RejectedRecord) record).errors();
            }
            if (event != null) {
                window.submit(event);
                tally.publishedOne();
            } else {
                tally.rejectedOne(new RejectedRecord(record.line(), errors));
            }
            afterRecord.accept(tally);
        }
    }

    private PublishWindow newWindow() {
        return new PublishWindow(sender::send, config.inFlight(),
                ingestion.publishTimeout().multipliedBy(2), ingestion.retryAfter());
    }

    static ProblemException notTheDeclaredFormat(NotTheDeclaredFormatException e) {
        return ProblemException.badRequest("not-the-declared-format", "Not the declared format", e.getMessage());
    }

    ProblemException tooLarge() {
        long limit = config.maxBytes().asLongValue();
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                "The body is larger than the " + limit + " bytes an import or a batch accepts "
                        + "(passerelle.ingestion.imports.max-bytes). Split the file and import each part."));
    }

    private ImportedRecord strictly(ContactRecord contact) {
        List<LineError> errors = violations(validator.validate(contact.contact()));
        return errors.isEmpty() ? contact : new RejectedRecord(contact.line(), errors);
    }

    private static <T> List<LineError> violations(Set<ConstraintViolation<T>> violations) {
        return violations.stream()
                .map(v -> new LineError(ProblemMappers.fieldOf(v.getPropertyPath(), "line"), v.getMessage()))
                .sorted(Comparator.comparing(LineError::field).thenComparing(LineError::message))
                .toList();
    }

    /** What a contact read from the body must pass to be published: the rejected line, or the contact as published. */
    @FunctionalInterface
    private interface ContactValidation {
        ImportedRecord validate(ContactRecord contact);
    }

    /** Opens the reader of a format over the size-limited body. */
    @FunctionalInterface
    private interface ReaderOpening {
        ImportReader open(InputStream body) throws IOException;
    }
}
