package io.passerelle.ingestion.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingestion-service tells an operator (Prometheus names and meanings in the README, "Metrics"):
 * events the broker accepted by kind, requests refused by reason, 503s, and how long the broker
 * takes to acknowledge a record.
 */
@ApplicationScoped
public class IngestionMetrics {
    private static final String TYPE_PREFIX = "passerelle.";

    private final MeterRegistry registry;
    private final Counter unavailable;
    private final Map<String, Timer> publish;
    /** By event type: one registry look-up per kind rather than per event (a batch counts each of its lines). */
    private final Map<String, Counter> acceptedByType = new ConcurrentHashMap<>();

    public IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.unavailable = Counter.builder("passerelle.ingestion.unavailable")
                .description("Requests answered 503: the broker did not confirm in time, or a service the export needs did not answer")
                .register(registry);
        // Registered up front: each outcome is exposed at zero from the start, and publishing never pays for a first registration.
        this.publish = Map.of("acknowledged", publishTimer("acknowledged"), "unavailable", publishTimer("unavailable"),
                "failed", publishTimer("failed"));
    }

    private Timer publishTimer(String outcome) {
        return Timer.builder("passerelle.ingestion.publish").tag("outcome", outcome)
                .description("Time from handing a record to the producer to the broker's acknowledgement (or the failure)")
                .register(registry);
    }

    /** An event the broker acknowledged; its kind is its CloudEvents type without the {@code passerelle.} prefix. */
    public void accepted(String eventType) {
        acceptedByType.computeIfAbsent(eventType, type -> {
            String kind = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
            return Counter.builder("passerelle.ingestion.accepted").tag("kind", kind)
                    .description("Events the broker acknowledged (a 202, or one line of an import or a batch)").register(registry);
        }).increment();
    }

    /** A request answered 4xx; {@code reason} is the problem type's last segment (or the status when there is no problem body). */
    public void rejected(String reason) {
        Counter.builder("passerelle.ingestion.rejected").tag("reason", reason)
                .description("Requests answered 4xx, by problem type").register(registry).increment();
    }

    public void unavailable() {
        unavailable.increment();
    }

    /** Starts timing one publication; stop it with {@link #published}. */
    public Timer.Sample startPublish() {
        return Timer.start(registry);
    }

    /** Stops timing a publication: {@code acknowledged}, {@code unavailable} (a 503) or {@code failed}. */
    public void published(Timer.Sample sample, String outcome) {
        sample.stop(publish.get(outcome));
    }
}
