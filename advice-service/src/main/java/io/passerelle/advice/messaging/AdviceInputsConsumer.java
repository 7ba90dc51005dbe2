package io.passerelle.advice.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.advice.repository.ProjectionWriter;
import io.passerelle.runtime.messaging.DeadLetterPublisher;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes tie snapshots ({@code passerelle.ties.v1}) and owner events ({@code passerelle.owners.v1})
 * in batches into the tables the ranking reads. A record that cannot be read goes to its topic's
 * dead-letter topic and the batch goes on; a database failure retries the whole batch with back-off
 * and never skips it. The batch is acknowledged only once written, so offsets never run ahead.
 */
@ApplicationScoped
public class AdviceInputsConsumer {
    private final InboundEventDecoder decoder = new InboundEventDecoder();
    private final ProjectionWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final AdviceConfig.Consumer settings;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;

    public AdviceInputsConsumer(ProjectionWriter writer, DeadLetterPublisher deadLetters, AdviceConfig config, MeterRegistry registry) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.settings = config.consumer();
        this.applied = registry.counter("advice.events.applied");
        this.duplicates = registry.counter("advice.events.duplicates");
        this.deadLettered = registry.counter("advice.events.dead.lettered");
    }

    private record DeadLetter(ReceivedEvent event, String reason) {
    }

    @Incoming("advice-inputs")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<InboundEventDecoder.Accepted> accepted = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            ReceivedEvent event = ReceivedEvent.of(record);
            InboundEventDecoder.Decoded decoded = decoder.decode(event);
            if (decoded instanceof InboundEventDecoder.Accepted ok) {
                accepted.add(ok);
            } else if (decoded instanceof InboundEventDecoder.Rejected no) {
                rejected.add(new DeadLetter(event, no.reason()));
            }
        }
        return write(accepted).chain(() -> deadLetter(rejected));
    }

    private Uni<Void> write(List<InboundEventDecoder.Accepted> accepted) {
        if (accepted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return writer.apply(accepted)
                .onFailure().invoke(e -> Log.warnf("Writing a batch of %d events failed, retrying: %s", accepted.size(), e.toString()))
                .onFailure().retry().withBackOff(settings.initialBackoff(), settings.maxBackoff()).indefinitely()
                .invoke(outcome -> {
                    applied.increment(outcome.applied());
                    duplicates.increment(outcome.duplicates());
                    Log.debugf("Batch applied: %d new events, %d duplicates skipped", outcome.applied(), outcome.duplicates());
                })
                .replaceWithVoid();
    }

    // Sequential, so that dead letters keep the order of their originals.
    private Uni<Void> deadLetter(List<DeadLetter> rejected) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(rejected)
                .onItem().transformToUniAndConcatenate(letter -> deadLetters.send(letter.event(), letter.reason())
                        .onFailure().invoke(e -> Log.warnf("Dead-lettering %s failed, retrying: %s", letter.event().position(), e.toString()))
                        .onFailure().retry().withBackOff(settings.initialBackoff(), settings.maxBackoff()).indefinitely()
                        .invoke(() -> deadLettered.increment()))
                .collect().asList()
                .replaceWithVoid();
    }
}
