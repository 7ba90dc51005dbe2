package io.passerelle.ingestion.service;

import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.ingestion.IngestionEvents;
import io.passerelle.ingestion.config.ImportConfig;
import io.passerelle.ingestion.imports.NotTheDeclaredFormatException;
import io.passerelle.ingestion.messaging.EventPublisher;
import io.passerelle.ingestion.repository.ImportJob;
import io.passerelle.ingestion.repository.ImportJobStore;
import io.passerelle.ingestion.repository.StagedBody;
import io.passerelle.contracts.Identifiers;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.retry.TransientFailures;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs import jobs on this instance, on {@code jobs.workers} threads of its own (a job reads its file
 * with blocking calls): every {@code poll-interval}, and at once when a job is staged here, a free
 * thread claims the oldest job nobody holds (QUEUED, or RUNNING with a lapsed lease: its instance died)
 * and runs it from its last checkpoint. A transient failure (broker or database away) leaves the job
 * to be claimed again after {@code jobs.retry-after}; anything else fails it.
 *
 * <p>On completion the job publishes {@code passerelle.import.completed} <em>before</em> recording
 * COMPLETED: an instance dying in between leaves the job to another, which publishes the same event
 * (same id, same data) again rather than never.
 */
@ApplicationScoped
public class ImportJobWorker {
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final ImportJobStore store;
    private final ImportService imports;
    private final EventPublisher publisher;
    private final ImportConfig config;
    private final IngestionEvents events = new IngestionEvents(Identifiers::randomId);
    private final String claimant;
    private final ExecutorService threads;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;

    public ImportJobWorker(ImportJobStore store, ImportService imports, EventPublisher publisher, ImportConfig config) {
        this.store = store;
        this.imports = imports;
        this.publisher = publisher;
        this.config = config;
        this.claimant = instanceName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(config.jobs().workers(), runnable -> {
            Thread thread = new Thread(runnable, "import-job-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    // Skipped once shutdown began: the database pool may be closed already.
    @Scheduled(identity = "import-jobs", every = "${passerelle.ingestion.imports.jobs.poll-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        wake();
    }

    @Scheduled(identity = "import-jobs-retention", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldJobs() {
        try {
            int deleted = store.deleteFinishedBefore(config.jobs().retention());
            if (deleted > 0) {
                Log.infof("Deleted %d import jobs finished more than %s ago", deleted, config.jobs().retention());
            }
        } catch (RuntimeException e) {
            Log.warnf("Could not delete old import jobs (retried in an hour): %s", e.toString());
        }
    }

    /** Starts one more claiming thread when one is free. Never blocks. */
    public void wake() {
        while (!stopping) {
            int busy = running.get();
            if (busy >= config.jobs().workers()) {
                return;
            }
            if (running.compareAndSet(busy, busy + 1)) {
                try {
                    threads.execute(this::claimAndRun);
                } catch (RejectedExecutionException shuttingDown) {
                    running.decrementAndGet();
                }
                return;
            }
        }
    }

    private void claimAndRun() {
        try {
            while (!stopping) {
                Optional<ImportJob> claimed = store.claim(claimant, config.jobs().lease());
                if (claimed.isEmpty()) {
                    return;
                }
                run(claimed.get());
            }
        } catch (RuntimeException e) {
            Log.warnf("Import jobs: could not claim a job (looking again at the next poll): %s", e.toString());
        } finally {
            running.decrementAndGet();
        }
    }

    private void run(ImportJob job) {
        UUID id = job.importId();
        Log.infof("Import job %s: claimed by %s (attempt %d), from record %d", id, claimant, job.attempts(), job.recordsDone());
        try {
            imports.runJob(job, new StagedBody(id, job.chunkCount(), store::chunk), checkpoint -> {
                if (!store.checkpoint(id, claimant, checkpoint, config.jobs().lease())) {
                    throw new ClaimLost();
                }
                if (stopping) {
                    throw new Stopping();
                }
            });
            ImportJob finished = store.finishing(id, claimant).orElseThrow(ClaimLost::new);
            publisher.publish(events.importCompleted(new ImportCompleted(id.toString(), finished.ownerId(), finished.format(),
                    finished.accepted(), finished.rejectedCount(), finished.warningCount(), finished.bytesTotal(),
                    finished.startedAt(), finished.finishedAt()))).await().indefinitely();
            if (!store.complete(id, claimant)) {
                throw new ClaimLost();
            }
            Log.infof("Import job %s: completed", id);
        } catch (ClaimLost lost) {
            Log.warnf("Import job %s: taken over by another instance (this one's lease lapsed); stopping here", id);
        } catch (Stopping stop) {
            Log.infof("Import job %s: checkpointed and released, this instance is stopping", id);
            quietly(() -> store.postpone(id, claimant, java.time.Duration.ZERO, null));
        } catch (NotTheDeclaredFormatException e) {
            quietly(() -> store.fail(id, claimant, e.getMessage()));
        } catch (Exception e) {
            if (isTransient(e)) {
                Log.warnf("Import job %s: %s; taken up again from its last checkpoint in %s", id, e, config.jobs().retryAfter());
                quietly(() -> store.postpone(id, claimant, config.jobs().retryAfter(), describe(e)));
            } else {
                String correlationId = UUID.randomUUID().toString();
                Log.errorf(e, "Import job %s failed (correlation id %s)", id, correlationId);
                quietly(() -> store.fail(id, claimant, "The import failed unexpectedly (correlation id " + correlationId + ")."));
            }
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        threads.shutdown();
        try {
            // A running job stops at its next checkpoint and releases its claim; past this, its lease lapses instead.
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether waiting can cure the failure: the broker or the database unreachable, a lost connection, a
     * deadlock, an administrator's shutdown. A failure the database reports for the statement itself, or
     * a bug, cannot be cured so.
     */
    static boolean isTransient(Throwable failure) {
        return TransientFailures.isTransient(failure, cause -> {
            if (cause instanceof ProblemException problem) {
                return problem.problem().status() == 503 ? TransientFailures.Verdict.TRANSIENT : TransientFailures.Verdict.PERMANENT;
            }
            // Reading the staged body back wraps the database's failure; Mutiny's timeout is a bounded wait on either.
            if (cause instanceof UncheckedIOException || cause instanceof io.smallrye.mutiny.TimeoutException) {
                return TransientFailures.Verdict.TRANSIENT;
            }
            return TransientFailures.Verdict.UNDECIDED;
        });
    }

    private static String describe(Throwable failure) {
        String text = failure.toString();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    private static void quietly(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // The lease lapses instead, and the job is taken up again from its last checkpoint.
            Log.warnf("Import jobs: could not record a job's state: %s", e.toString());
        }
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "ingestion-service";
        }
    }

    /** The job was claimed by another instance after this one's lease lapsed: this one must write nothing more. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }

    /** This instance is stopping: the job is left, checkpointed, to the next claim. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super(null, null, false, false);
        }
    }
}
