package io.passerelle.runtime.tracing;

import io.passerelle.runtime.messaging.ReceivedEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The {@code traceparent} of each event of the batches being consumed, by CloudEvents id, so that
 * what an event causes (a tie update, a pending recompute) carries the event's own trace: the
 * connector traces a batch as a whole, while its records belong to many traces. Also by owner (a
 * record's key is its {@code ownerId}, or {@code ownerId/contactId}): the last record of the batch
 * about an owner, for what is done per owner (advice-service's recompute). An entry lives while its
 * batch is processed; a batch's consumer wraps its work in {@link #during}.
 */
@ApplicationScoped
public class ConsumedTraces {
    private final Map<String, String> byEventId = new ConcurrentHashMap<>();
    private final Map<String, String> byOwner = new ConcurrentHashMap<>();

    /** Runs the work of a batch with its records' trace contexts known, and forgets them once it completes. */
    public <T> Uni<T> during(Iterable<ConsumerRecord<String, String>> records, Supplier<Uni<? extends T>> work) {
        List<Map.Entry<String, String>> events = new ArrayList<>();
        List<Map.Entry<String, String>> owners = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String eventId = ReceivedEvent.of(record).id();
            String owner = ownerOf(record.key());
            TraceContext.traceparent(record.headers()).ifPresent(traceparent -> {
                if (eventId != null) {
                    byEventId.put(eventId, traceparent);
                    events.add(Map.entry(eventId, traceparent));
                }
                if (owner != null) {
                    byOwner.put(owner, traceparent);
                    owners.add(Map.entry(owner, traceparent));
                }
            });
        }
        return Uni.createFrom().<T>deferred(work)
                // Removes only what this batch put: an entry another batch replaced meanwhile stays.
                .eventually(() -> {
                    events.forEach(entry -> byEventId.remove(entry.getKey(), entry.getValue()));
                    owners.forEach(entry -> byOwner.remove(entry.getKey(), entry.getValue()));
                });
    }

    /** The {@code traceparent} of an event of a batch being consumed, or null if it came without one. */
    public String traceparentOf(String eventId) {
        return eventId == null ? null : byEventId.get(eventId);
    }

    /** The {@code traceparent} of the last record about an owner in a batch being consumed, or null. */
    public String traceparentOfOwner(String ownerId) {
        return ownerId == null ? null : byOwner.get(ownerId);
    }

    /** The owner a record key names: records are keyed {@code ownerId}, or {@code ownerId/contactId} on the ties topic. */
    public static String ownerOf(String key) {
        if (key == null) {
            return null;
        }
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }
}
