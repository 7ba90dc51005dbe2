package io.passerelle.graph.messaging;

import io.passerelle.graph.config.GraphConfig;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.graph.service.GraphProjectionService;
import io.passerelle.runtime.messaging.DeadLetterPublisher;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the owners, contacts and interactions topics in batches: records that cannot be read go
 * to their dead-letter topic with the reason, the others are applied in one transaction, and an
 * event whose data the database refuses is dead-lettered too. The batch is acknowledged once all
 * of that is done.
 */
@ApplicationScoped
public class IngestedEventConsumer {
    private final IngestedEventReader reader;
    private final DeadLetterPublisher deadLetters;
    private final GraphProjectionService projection;
    private final GraphConfig config;

    public IngestedEventConsumer(IngestedEventReader reader, DeadLetterPublisher deadLetters,
            GraphProjectionService projection, GraphConfig config) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.projection = projection;
        this.config = config;
    }

    private record Rejected(ReceivedEvent record, String reason) {
    }

    @Incoming("ingested-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<IngestedEvent> events = new ArrayList<>(records.count());
        Map<String, ReceivedEvent> receivedById = new HashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            ReceivedEvent received = ReceivedEvent.of(record);
            IngestedEventReader.Reading reading = reader.read(received, IngestedEventReader.recordedAt(record));
            if (reading.accepted()) {
                events.add(reading.event());
                receivedById.putIfAbsent(received.id(), received);
            } else {
                rejected.add(new Rejected(received, reading.rejection()));
            }
        }
        Log.debugf("Batch of %d records: %d to apply, %d to dead-letter", records.count(), events.size(), rejected.size());
        return deadLetter(rejected)
                .chain(() -> projection.apply(events))
                .chain(refusals -> deadLetter(refusals.stream()
                        .map(refusal -> new Rejected(receivedById.get(refusal.event().eventId()), refusal.reason()))
                        .toList()));
    }

    private Uni<Void> deadLetter(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // A dead letter that cannot be sent is retried like any transient failure: dropping it would lose the record.
        return Multi.createFrom().iterable(rejected)
                .onItem().transformToUniAndConcatenate(r -> deadLetters.send(r.record(), r.reason())
                        .onFailure().retry()
                        .withBackOff(config.retry().initialBackoff(), config.retry().maxBackoff())
                        .indefinitely())
                .collect().last()
                .replaceWithVoid();
    }
}
