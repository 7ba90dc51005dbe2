package io.passerelle.ingestion.service;

import io.passerelle.ingestion.config.ImportConfig;
import io.passerelle.ingestion.imports.BodyTooLargeException;
import io.passerelle.ingestion.imports.ImportFormat;
import io.passerelle.ingestion.imports.ImportOptions;
import io.passerelle.ingestion.imports.ImportReader;
import io.passerelle.ingestion.imports.NotTheDeclaredFormatException;
import io.passerelle.ingestion.imports.SizeLimitedInputStream;
import io.passerelle.ingestion.repository.ImportJob;
import io.passerelle.ingestion.repository.ImportJobStore;
import io.passerelle.runtime.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Import jobs as the API sees them: a body staged durably before its 202, and a job read by its owner.
 * Running them is {@link ImportJobWorker}'s.
 */
@ApplicationScoped
public class ImportJobs {
    private final ImportJobStore store;
    private final ImportJobWorker worker;
    private final ImportService imports;
    private final ImportConfig config;

    public ImportJobs(ImportJobStore store, ImportJobWorker worker, ImportService imports, ImportConfig config) {
        this.store = store;
        this.worker = worker;
        this.imports = imports;
        this.config = config;
    }

    /** Whether a body of this declared length is imported as a job even when the caller did not ask. */
    public boolean isLarge(Long contentLength) {
        return contentLength != null && contentLength > config.asyncAboveBytes().asLongValue();
    }

    /**
     * Stages the body as it arrives (a chunk at a time, never the whole file) and answers the QUEUED
     * job once it is committed: a 202 is only ever given for a body PostgreSQL has. The file's first
     * chunk is opened with its format's reader first, so that a file of another format is a 400 at once,
     * as in a synchronous import; nothing is staged then.
     */
    public ImportJob submit(String ownerId, ImportFormat format, ImportOptions options, InputStream body) {
        UUID importId = UUID.randomUUID();
        ImportJob job;
        try {
            job = store.stage(importId, ownerId, format.formatName(), options.ownerProfileUrl(),
                    new SizeLimitedInputStream(body, config.maxBytes().asLongValue()),
                    Math.toIntExact(config.stagingChunkSize().asLongValue()), first -> checkFormat(format, options, first));
        } catch (NotTheDeclaredFormatException e) {
            throw ImportService.notTheDeclaredFormat(e);
        } catch (BodyTooLargeException e) {
            throw imports.tooLarge();
        } catch (IOException e) {
            throw new UncheckedIOException("The body could not be read to its end", e);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not stage import %s for %s", importId, ownerId);
            throw ProblemException.unavailable("The file could not be stored for its import job (the database is not "
                    + "available). Send it again later.", config.jobs().retryAfter(), e);
        }
        Log.infof("Import job %s: %d bytes of %s staged for %s", importId, job.bytesTotal(), format.formatName(), ownerId);
        worker.wake();
        return job;
    }

    /** The owner's job; empty for an unknown job and for another owner's. */
    public Optional<ImportJob> find(String ownerId, String importId) {
        UUID id;
        try {
            id = UUID.fromString(importId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return store.find(id).filter(job -> job.ownerId().equals(ownerId));
    }

    private static void checkFormat(ImportFormat format, ImportOptions options, byte[] firstChunk) {
        try (ImportReader reader = format.open(new ByteArrayInputStream(firstChunk), options)) {
            // Opening reads the first lines and throws NotTheDeclaredFormatException when they are another format's.
        } catch (IOException cutShort) {
            // The first chunk ends the way the whole file would not (a line cut in two): the job will tell.
        }
    }
}
