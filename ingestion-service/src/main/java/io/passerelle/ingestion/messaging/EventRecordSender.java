package io.passerelle.ingestion.messaging;

import io.passerelle.contracts.Topics;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.ingestion.config.IngestionConfig;
import io.passerelle.ingestion.metrics.IngestionMetrics;
import io.passerelle.runtime.logging.LogContext;
import io.passerelle.runtime.messaging.CloudEventRecords;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.tracing.TraceContext;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends the many events of one import or batch straight to the Kafka producer of their channel (the
 * same producer as {@link EventPublisher}'s emitters, so the same {@code acks=all}, idempotence and
 * timeouts), without a reactive message, an emitter buffer and a producer span per record: for a
 * batch those cost more than the rest of a line's work. Each record is the one the connector writes
 * for {@link EventPublisher}: the record key, the same CloudEvents binary-mode headers, and the
 * {@code traceparent} of the request (its server span, as no producer span is made per record).
 *
 * <p>{@link #send} is called on a worker thread only: {@code Producer.send} may block up to
 * {@code max.block.ms} for metadata or buffer space. The completion runs on the producer's I/O thread
 * once the broker has acknowledged the record (or failed it); a failure a retry may cure becomes the
 * same 503 as {@link EventPublisher}'s.
 *
 * <p>{@link #publish} serves the single writes (a profile, a contact, an interaction) from the event
 * loop: the record is built on the request's thread (its trace context is there) and the answer is a
 * plain future, bounded by {@code passerelle.ingestion.publish-timeout}. While the broker acknowledges
 * the topic's records, the record is handed to the producer right there: the topic's metadata is then
 * known, and {@code Producer.send} only appends it to a batch. Otherwise (at start, or after a failure)
 * it goes through a sending thread of its own, as the connector does, so that a producer waiting for
 * metadata (up to {@code max.block.ms}) never blocks the event loop.
 * Through an emitter, the same write cost a reactive message and its metadata, a producer span and a
 * dozen Mutiny stages each capturing the request's context: more CPU than the rest of the request.
 */
@ApplicationScoped
public class EventRecordSender {
    /** The channel whose producer writes each topic (application.properties). */
    private static final Map<String, String> CHANNELS = Map.of(Topics.OWNERS, "owners", Topics.CONTACTS, "contacts",
            Topics.INTERACTIONS, "interactions", Topics.IMPORTS, "imports");

    /** The producer of a channel's name. */
    private final Function<String, Producer<String, String>> channelProducers;
    /** What a 503 of a single write advises, here and in {@link EventPublisher}. */
    static final String SINGLE_RETRY_ADVICE = "The event log did not confirm the write in time. Retry later with the same body; "
            + "an interaction retried with the same interactionId is counted once.";

    private final IngestionConfig config;
    private final IngestionMetrics metrics;
    private final Map<String, Producer<String, String>> producers = new ConcurrentHashMap<>();
    /** Calls {@code Producer.send} for {@link #publish}, off the event loop; one thread, as the connector's. */
    private final ExecutorService sendingThread = Executors.newSingleThreadExecutor(daemon("ingestion-kafka-sender"));
    /** Topics whose last record was acknowledged: {@link #publish} sends to them from the caller's thread. */
    private final Set<String> acknowledgingTopics = ConcurrentHashMap.newKeySet();
    /** Ends the waits of {@link #publish} that outlast the publish timeout. */
    private final ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1, daemon("ingestion-publish-timeout"));

    @Inject
    public EventRecordSender(KafkaClientService clients, IngestionConfig config, IngestionMetrics metrics) {
        this(channel -> clients.<String, String>getProducer(channel).unwrap(), config, metrics);
    }

    /** With the producers given by channel name (tests: Kafka's {@code MockProducer}). */
    EventRecordSender(Function<String, Producer<String, String>> channelProducers, IngestionConfig config, IngestionMetrics metrics) {
        this.channelProducers = channelProducers;
        this.config = config;
        this.metrics = metrics;
        // Nearly every wait ends with its acknowledgement: cancelled timeouts must not pile up in the queue.
        timeouts.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        sendingThread.shutdown();
        timeouts.shutdownNow();
    }

    /**
     * Publishes one event from any thread, the event loop included: the future completes with the
     * event once the broker has it (acks=all), or fails with a 503 {@link ProblemException} when a
     * retry may succeed (the broker unreachable, or no acknowledgement within
     * {@code passerelle.ingestion.publish-timeout}), with the failure itself otherwise. Counted in the
     * same metrics as {@link EventPublisher}'s publications, once each whatever ends it.
     */
    public <T> CompletableFuture<PendingEvent<T>> publish(PendingEvent<T> event) {
        ProducerRecord<String, String> record = recordOf(event, TraceContext.current());
        var timing = metrics.startPublish();
        CompletableFuture<PendingEvent<T>> acknowledged = new CompletableFuture<>();
        // Whichever of the broker's answer and the timeout comes first counts the publication and answers;
        // the other does nothing. Counted before answering, so that whoever sees the answer sees the count.
        AtomicBoolean answered = new AtomicBoolean();
        ScheduledFuture<?> timeout = timeouts.schedule(() -> {
            acknowledgingTopics.remove(event.topic()); // the broker is slow or gone: the next records are sent off the event loop
            if (answered.compareAndSet(false, true)) {
                metrics.published(timing, "unavailable");
                acknowledged.completeExceptionally(unavailable(event,
                        new TimeoutException("No acknowledgement within " + config.publishTimeout()), SINGLE_RETRY_ADVICE, config.retryAfter()));
            }
        }, config.publishTimeout().toNanos(), TimeUnit.NANOSECONDS);
        Consumer<Throwable> done = failure -> {
            timeout.cancel(false);
            if (failure != null) {
                acknowledgingTopics.remove(event.topic());
            } else if (!acknowledgingTopics.contains(event.topic())) {
                acknowledgingTopics.add(event.topic());
            }
            if (!answered.compareAndSet(false, true)) {
                return; // the timeout answered first, and counted it
            }
            Throwable answer = counted(event, timing, failure, SINGLE_RETRY_ADVICE);
            if (answer == null) {
                acknowledged.complete(event);
            } else {
                acknowledged.completeExceptionally(answer);
            }
        };
        if (acknowledgingTopics.contains(event.topic())) {
            send(record, done);
            return acknowledged;
        }
        try {
            sendingThread.execute(() -> {
                if (answered.get()) {
                    return; // answered 503 while it waited for the sending thread: never sent behind the caller's back
                }
                send(record, done);
            });
        } catch (RejectedExecutionException stopping) {
            done.accept(stopping);
        }
        return acknowledged;
    }

    private void send(ProducerRecord<String, String> record, Consumer<Throwable> done) {
        try {
            producerOf(record.topic()).send(record, (metadata, failure) -> done.accept(failure));
        } catch (RuntimeException failure) {
            done.accept(failure); // no metadata within max.block.ms, a closed producer
        }
    }

    /**
     * Counts the end of a publication and says what the caller answers: null once the broker has the
     * event, a 503 with {@code retryAdvice} when a retry may succeed, the failure itself otherwise.
     */
    private Throwable counted(PendingEvent<?> event, Timer.Sample timing, Throwable failure, String retryAdvice) {
        if (failure == null) {
            metrics.accepted(event.type());
            metrics.published(timing, "acknowledged");
            return null;
        }
        boolean retriable = PublishFailures.isTransient(failure);
        metrics.published(timing, retriable ? "unavailable" : "failed");
        return retriable ? unavailable(event, failure, retryAdvice, config.retryAfter()) : failure;
    }

    /** The 503 of an event the broker did not confirm (logged with the event's id): {@link EventPublisher}'s too. */
    static ProblemException unavailable(PendingEvent<?> event, Throwable failure, String retryAdvice, Duration retryAfter) {
        try (LogContext ignored = LogContext.forEvent(event.id(), event.key())) {
            Log.warnf("Could not publish %s %s to %s: %s", event.type(), event.id(), event.topic(), failure);
        }
        return ProblemException.unavailable(retryAdvice, retryAfter, failure);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Hands the event to the producer; {@code done} receives null once the broker has it, or the
     * failure (a 503 {@link ProblemException} when a retry may succeed). Throws when the record
     * cannot even be built.
     */
    public void send(PendingEvent<?> event, Consumer<Throwable> done) {
        ProducerRecord<String, String> record = recordOf(event, TraceContext.current());
        var timing = metrics.startPublish();
        producerOf(event.topic()).send(record, (metadata, failure) -> done.accept(counted(event, timing, failure,
                "The event log did not confirm the writes in time. Send them again later; the same lines give the same events.")));
    }

    /** The record the connector writes for the same event in CloudEvents binary mode (service-runtime's {@link CloudEventRecords}). */
    static ProducerRecord<String, String> recordOf(PendingEvent<?> event, String traceparent) {
        return CloudEventRecords.of(event.topic(), event.key(), event.id(), event.type(), EventPublisher.SOURCE, event.subject(),
                event.data(), traceparent);
    }

    private Producer<String, String> producerOf(String topic) {
        return producers.computeIfAbsent(topic, t -> {
            String channel = CHANNELS.get(t);
            if (channel == null) {
                throw new IllegalArgumentException("No channel publishes to " + t);
            }
            return channelProducers.apply(channel);
        });
    }
}
