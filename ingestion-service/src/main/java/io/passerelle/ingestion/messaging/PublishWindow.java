package io.passerelle.ingestion.messaging;

import io.passerelle.ingestion.PendingEvent;
import io.passerelle.runtime.problem.ProblemException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Publishes the events of one import with at most {@code capacity} of them awaiting the broker at
 * once: the reading thread blocks when the window is full, so a large file is neither held in memory
 * nor sent one record at a time. The first failure stops the window; {@link #awaitAll()} returns only
 * once every submitted event is acknowledged.
 */
public final class PublishWindow {
    /** Starts sending an event; calls its second argument with null once the broker has it, or with the failure. */
    private final BiConsumer<PendingEvent<?>, Consumer<Throwable>> send;
    private final Semaphore slots;
    private final int capacity;
    private final Duration slotWait;
    private final Duration retryAfter;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param send     starts sending an event and calls its second argument once: with null when the
     *                 broker has it, with the failure otherwise (a record sender's callback, without a
     *                 reactive stream per event)
     * @param slotWait longest wait for a free slot; each publication is itself bounded by the
     *                 publish timeout, so this is only a guard against a publication that never ends
     */
    public PublishWindow(BiConsumer<PendingEvent<?>, Consumer<Throwable>> send, int capacity, Duration slotWait, Duration retryAfter) {
        this.send = send;
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
        this.slotWait = slotWait;
        this.retryAfter = retryAfter;
    }

    /** Starts publishing the event once a slot is free; throws the first failure of an earlier event. */
    public void submit(PendingEvent<?> event) {
        rethrowFailure();
        acquire(1);
        // The slot is given back once, whether the send completes, throws, or (a producer may) both.
        AtomicBoolean settled = new AtomicBoolean();
        try {
            send.accept(event, error -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                if (settled.compareAndSet(false, true)) {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            if (settled.compareAndSet(false, true)) {
                slots.release();
            }
            throw e;
        }
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
