package io.passerelle.graph.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.graph.config.ReplayConfig;
import io.passerelle.runtime.database.StallDetectingPoolCreator;
import io.passerelle.runtime.retry.TransientFailures;
import io.passerelle.runtime.messaging.consumer.BatchConsumers;
import io.passerelle.graph.messaging.ReplayTopicsReader;
import io.passerelle.graph.messaging.TieUpdatePublisher;
import io.passerelle.graph.replay.ReplayJob;
import io.passerelle.graph.repository.ProjectionStore;
import io.passerelle.graph.repository.RebuildStore;
import io.passerelle.graph.repository.ReplayJobStore;
import io.passerelle.tie.TieStrengthModel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts and resumes replay jobs on this instance: every {@code poll-interval} (and at once when a
 * job is requested here) it claims the active job when nobody holds it, a QUEUED one or one whose
 * instance let its lease lapse (it died), and works on it on a thread of its own ({@link ReplayRun}),
 * never on the event loop. A transient failure (database or broker unavailable, the switch not
 * getting its locks in time) is retried with back-off from what the job's row stores, never turned
 * into a failure; anything else fails the job, leaving the live projection as it is.
 */
@ApplicationScoped
public class ReplayWorker {
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final ReplayRun.Services services;
    private final ReplayConfig config;
    private final Vertx vertx;
    private final StallDetectingPoolCreator poolCreator;
    private final Counter retries;
    private final String claimant;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "replay-worker");
        worker.setDaemon(true);
        return worker;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean stopping;

    public ReplayWorker(ReplayJobStore jobs, RebuildStore rebuild, ProjectionStore projectionStore, GraphProjectionService projection,
            BatchConsumers consumers, TieUpdatePublisher publisher, TieStrengthModel model,
            ReplayConfig config, Vertx vertx, StallDetectingPoolCreator poolCreator, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.services = new ReplayRun.Services(jobs, rebuild, projectionStore,
                consumers.create("ingested-events-replay", projection.withoutPublishing()), publisher, model, config,
                () -> new ReplayTopicsReader(kafka, config.batchSize()), this::connect);
        this.config = config;
        this.vertx = vertx;
        this.poolCreator = poolCreator;
        // A replay retries a transient failure for as long as it lasts, the job RUNNING meanwhile: this is how an
        // operator learns that it waits (the alert PasserelleReplayRetrying), and the log says for what.
        this.retries = Counter.builder("passerelle.replay.retries")
                .description("Runs of a replay job, or records of its failure, that failed for a transient reason (database or broker away) and were retried")
                .register(registry);
        this.claimant = instanceName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    // Skipped once shutdown began: the database pool may be closed already.
    @Scheduled(identity = "replay-jobs", every = "${passerelle.graph.replay.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        wake();
    }

    /** Looks for a job to work on, on the worker's thread, unless it is busy with one already. Never blocks. */
    public void wake() {
        if (stopping || !busy.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                try {
                    claimAndRun();
                } catch (RuntimeException unexpected) {
                    Log.errorf(unexpected, "Replay worker: unexpected failure; looking again at the next poll");
                } finally {
                    busy.set(false);
                }
            });
        } catch (RuntimeException rejected) {
            busy.set(false); // shutting down
        }
    }

    private void claimAndRun() {
        while (!stopping) {
            Optional<ReplayJob> claimed;
            try {
                claimed = services.jobs().claim(claimant, config.lease()).await().atMost(Duration.ofSeconds(30));
            } catch (RuntimeException failure) {
                Log.debugf("Replay worker: cannot look for a job now: %s", failure.toString());
                return;
            }
            if (claimed.isEmpty()) {
                return;
            }
            work(claimed.get());
        }
    }

    private void work(ReplayJob job) {
        UUID replayId = job.replayId();
        Log.infof("Replay %s: taken up in state %s by %s (attempt %d)", replayId, job.state(), claimant, job.attempts());
        Duration backoff = config.retry().initialBackoff();
        while (true) {
            ReplayRun run = null;
            try {
                run = new ReplayRun(replayId, claimant, services, connect(), () -> stopping);
                run.run();
                return;
            } catch (ReplayRun.LostClaim lost) {
                Log.warnf("Replay %s: another instance took it over", replayId);
                return;
            } catch (RuntimeException failure) {
                if (stopping || failure instanceof ReplayRun.Stopped) {
                    release(replayId);
                    return;
                }
                if (!isTransient(failure)) {
                    Log.errorf(failure, "Replay %s failed; the live projection is left as it is", replayId);
                    failJob(replayId, describe(failure));
                    return;
                }
                if (run != null && run.progressed()) {
                    backoff = config.retry().initialBackoff();
                }
                retries.increment();
                Log.warnf("Replay %s: %s; going on from what it stored in %s", replayId, failure.toString(), backoff);
                recordRetry(replayId, failure);
                if (!sleep(backoff)) {
                    release(replayId);
                    return;
                }
                backoff = min(backoff.multipliedBy(2), config.retry().maxBackoff());
            } finally {
                if (run != null) {
                    run.close();
                }
            }
        }
    }

    /** FAILED, retried while the database is unavailable; given up when another instance took the job over. */
    private void failJob(UUID replayId, String error) {
        Duration backoff = config.retry().initialBackoff();
        while (!stopping) {
            try (ReplayRun run = new ReplayRun(replayId, claimant, services, connect(), () -> false)) {
                run.fail(error);
                return;
            } catch (ReplayRun.LostClaim lost) {
                return;
            } catch (RuntimeException failure) {
                retries.increment();
                Log.warnf("Replay %s: cannot record its failure yet: %s", replayId, failure.toString());
                if (!sleep(backoff)) {
                    return;
                }
                backoff = min(backoff.multipliedBy(2), config.retry().maxBackoff());
            }
        }
    }

    /** Says in the job's row why it is retried, for whoever reads the job; not when the database is what failed. */
    private void recordRetry(UUID replayId, RuntimeException failure) {
        try {
            services.jobs().recordRetry(replayId, claimant, describe(failure)).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException unrecorded) {
            Log.debugf("Replay %s: its retry is not recorded (%s)", replayId, unrecorded.toString());
        }
    }

    /** Lets another instance (or this one, restarted) take the job over at once. */
    private void release(UUID replayId) {
        try {
            services.jobs().release(replayId, claimant).await().atMost(Duration.ofSeconds(5));
            Log.infof("Replay %s: released, to be resumed", replayId);
        } catch (RuntimeException failure) {
            Log.debugf("Replay %s: not released (%s); it is resumed once its lease lapses", replayId, failure.toString());
        }
    }

    /**
     * A connection of its own, outside the pool: the job writes its transactions out (BEGIN, SAVEPOINT, SET LOCAL
     * search_path), and such a connection must never go back to a pool others draw from. It is made with the pool's own
     * options ({@link StallDetectingPoolCreator#connectOptions()}), so that it reaches the database as the pool does (TLS
     * and the certificates it trusts, credentials) and behaves as its connections do: a statement that hears nothing back
     * for the stall timeout fails, so a hung database fails the run, which is retried, instead of holding the worker for
     * ever; prepared statements are cached as the datasource says (true when unset, Quarkus's default), each statement of
     * a batch parsed and planned once per connection. PostgreSQL plans a cached statement again when a table it reads is
     * replaced (the switch) or the search path it was planned under changes (the rebuild's SET LOCAL). The job has
     * claimed its row through the pool before it connects, so the pool exists.
     */
    private PgConnection connect() {
        PgConnectOptions options = poolCreator.connectOptions();
        options.addProperty("application_name", "graph-service-replay");
        return PgConnection.connect(vertx, options).await().atMost(Duration.ofSeconds(30));
    }

    /**
     * Whether waiting can cure the failure: the database or the broker unreachable, a lost connection,
     * a deadlock or lock timeout, an administrator's shutdown. A failure the database reports for the
     * statement itself (missing table, bad data, a migration's change), or a bug, cannot be cured so.
     */
    static boolean isTransient(Throwable failure) {
        return TransientFailures.isTransient(failure, cause -> cause instanceof ReplayFailure ? TransientFailures.Verdict.PERMANENT
                : cause instanceof ReplayRun.NotYet ? TransientFailures.Verdict.TRANSIENT : TransientFailures.Verdict.UNDECIDED);
    }

    private static String describe(Throwable failure) {
        String text = failure instanceof ReplayFailure ? failure.getMessage() : failure.toString();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    private boolean sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (!stopping && System.nanoTime() < until) {
                Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopping;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "graph-service/" + ProcessHandle.current().pid();
        }
    }

    /** Stops at the next batch and releases the job, so that another instance, or this one restarted, resumes it at once. */
    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        stopping = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                Log.info("Replay worker: still busy at shutdown; the job is resumed once its lease lapses");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void destroy() {
        stopping = true;
        thread.shutdownNow();
    }
}
