package io.passerelle.graph.service;

import io.passerelle.graph.replay.ReplayJob;
import io.passerelle.graph.repository.ReplayJobStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Replay jobs as an operator sees them: a request queues one (one active at a time, on the whole
 * service), and any instance works on it ({@link ReplayWorker}); progress is read from the job's row.
 */
@ApplicationScoped
public class ReplayJobs {
    private final ReplayJobStore store;
    private final ReplayWorker worker;

    public ReplayJobs(ReplayJobStore store, ReplayWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    /** The answer to a request: the job queued, or the active job that stands in the way. */
    public record Request(ReplayJob queued, ReplayJob active) {
    }

    public Uni<Request> request() {
        return request(2);
    }

    private Uni<Request> request(int attempts) {
        return store.request(UUID.randomUUID()).chain(queued -> {
            if (queued.isPresent()) {
                worker.wake();
                return Uni.createFrom().item(new Request(queued.get(), null));
            }
            // The active job may have ended between the two statements: then ask again.
            return store.active().chain(active -> active.isPresent() || attempts <= 1
                    ? Uni.createFrom().item(new Request(null, active.orElse(null)))
                    : request(attempts - 1));
        });
    }

    public Uni<Optional<ReplayJob>> find(UUID replayId) {
        return store.find(replayId);
    }

    public Uni<List<ReplayJob>> recent(int limit) {
        return store.recent(limit);
    }
}
