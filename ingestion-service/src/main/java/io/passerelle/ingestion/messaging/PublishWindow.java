package io.passerelle.ingestion.messaging;

import io.passerelle.ingestion.PendingEvent;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Publishes the events of one import with at most {@code capacity} of them awaiting the broker at
 * once: the reading thread blocks when the window is full, so a large file is neither held in memory
 * nor sent one record at a time. The first failure stops the window; {@link #awaitAll()} returns only
 * once every submitted event is acknowledged.
 */
public final class PublishWindow {
    private final Function<PendingEvent<?>, Uni<Void>> publish;
    private final Semaphore slots;
    private final int capacity;
    private final Duration slotWait;
    private final Duration retryAfter;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param slotWait longest wait for a free slot; each publication is itself bounded by the
     *                 publish timeout, so this is only a guard against a publication that never ends
     */
    public PublishWindow(Function<PendingEvent<?>, Uni<Void>> publish, int capacity, Duration slotWait, Duration retryAfter) {
        this.publish = publish;
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
        this.slotWait = slotWait;
        this.retryAfter = retryAfter;
    }

    /** Starts publishing the event once a slot is free; throws the first failure of an earlier event. */
    public void submit(PendingEvent<?> event) {
        rethrowFailure();
        acquire(1);
        Uni<Void> sending;
        try {
            sending = publish.apply(event);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        sending.subscribe().with(ok -> slots.release(), error -> {
            failure.compareAndSet(null, error);
            slots.release();
        });
    }

    /** Waits until every submitted event is acknowledged; throws the first failure, if any. */
    public void awaitAll() {
        acquire(capacity);
        slots.release(capacity);
        rethrowFailure();
    }

    /** Waits for the events in flight to settle without reporting their failures (the request already fails). */
    public void settle() {
        try {
            if (slots.tryAcquire(capacity, slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
                slots.release(capacity);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acquire(int permits) {
        try {
            if (!slots.tryAcquire(permits, slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ProblemException.unavailable("The event log did not confirm the writes in time. Import the whole file "
                        + "again later: an identical re-import produces the same events.", retryAfter, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("The import was interrupted. Import the whole file again.", retryAfter, e);
        }
    }

    private void rethrowFailure() {
        Throwable error = failure.get();
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error != null) {
            throw new IllegalStateException("Publishing failed", error);
        }
    }
}
