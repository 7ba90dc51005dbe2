package io.passerelle.ingestion.messaging;

import io.passerelle.contracts.Topics;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.ingestion.config.IngestionConfig;
import io.passerelle.ingestion.metrics.IngestionMetrics;
import io.passerelle.runtime.messaging.CloudEventMessages;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes pending events to their topic through one emitter per topic, and completes only once
 * the broker has acknowledged the record (acks=all, idempotent producer). A broker that cannot be
 * reached within the configured bound becomes a 503 with {@code Retry-After}, never a hanging request.
 */
@ApplicationScoped
public class EventPublisher {
    /** The CloudEvents {@code source} of every event this service writes. */
    public static final URI SOURCE = URI.create("urn:passerelle:ingestion-service");

    private final Map<String, MutinyEmitter<String>> emitters;
    private final IngestionConfig config;
    private final IngestionMetrics metrics;

    public EventPublisher(
            @Channel("owners") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<String> owners,
            @Channel("contacts") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<String> contacts,
            @Channel("interactions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<String> interactions,
            @Channel("imports") MutinyEmitter<String> imports,
            IngestionConfig config, IngestionMetrics metrics) {
        this.emitters = Map.of(Topics.OWNERS, owners, Topics.CONTACTS, contacts, Topics.INTERACTIONS, interactions, Topics.IMPORTS, imports);
        this.config = config;
        this.metrics = metrics;
    }

    /** Completes when the broker has the record; fails with a 503 {@link ProblemException} when it cannot be reached. */
    public Uni<Void> publish(PendingEvent<?> event) {
        MutinyEmitter<String> emitter = emitters.get(event.topic());
        if (emitter == null) {
            throw new IllegalArgumentException("No channel publishes to " + event.topic());
        }
        Message<String> message = CloudEventMessages.of(
                event.key(), event.id(), event.type(), SOURCE, event.subject(), event.data());
        var timing = metrics.startPublish();
        // Deferred so that a synchronous refusal of the emitter (full buffer, channel not ready or
        // cancelled) becomes a failure of this Uni rather than an exception thrown at the caller.
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .onItemOrFailure().invoke((ok, failure) -> {
                    if (failure == null) {
                        metrics.accepted(event.type());
                    }
                    metrics.published(timing, failure == null ? "acknowledged"
                            : PublishFailures.isTransient(failure) ? "unavailable" : "failed");
                })
                .onCancellation().invoke(() -> metrics.published(timing, "unavailable")) // the publish timeout gave up
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure(PublishFailures::isTransient).transform(failure ->
                        EventRecordSender.unavailable(event, failure, EventRecordSender.SINGLE_RETRY_ADVICE, config.retryAfter()));
    }
}
