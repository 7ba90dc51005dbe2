package io.passerelle.ingestion.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP response body taken one chunk at a time, on demand: the peer is asked for the next chunk
 * only once the previous one has been written on, so a slow reader slows the sender instead of
 * filling memory, and every wait is bounded, so a peer that stops sending mid-body fails the copy
 * instead of hanging it (the JDK client has no such bound once the headers have arrived).
 */
public final class TimedBody implements HttpResponse.BodySubscriber<TimedBody> {
    private static final Object END = new Object();

    /** Holds at most one chunk and one end signal: one chunk is requested at a time. */
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;

    /** A handler giving each response a body of its own. */
    public static HttpResponse.BodyHandler<TimedBody> handler() {
        return info -> new TimedBody();
    }

    @Override
    public CompletionStage<TimedBody> getBody() {
        // Available at once: the response completes with its headers, the body is read later.
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        arrived.add(chunk);
    }

    @Override
    public void onError(Throwable failure) {
        arrived.add(failure);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    /** Writes the whole body to {@code out}; fails when nothing arrives for {@code idle}, or when the peer fails. */
    public void copyTo(OutputStream out, Duration idle) throws IOException {
        while (true) {
            Object next;
            try {
                next = arrived.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                discard();
                throw new IOException("interrupted while reading a response body", e);
            }
            if (next == null) {
                discard();
                throw new IOException("nothing arrived for " + idle + " in the middle of a response body");
            }
            if (next == END) {
                return;
            }
            if (next instanceof Throwable failure) {
                throw new IOException("the response body broke off: " + failure, failure);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> chunk = (List<ByteBuffer>) next;
            for (ByteBuffer buffer : chunk) {
                write(buffer, out);
            }
            subscription.request(1);
        }
    }

    /** Gives up on the rest of the body (the connection is not reused). */
    public void discard() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private static void write(ByteBuffer buffer, OutputStream out) throws IOException {
        if (buffer.hasArray()) {
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            out.write(bytes);
        }
    }
}
