package io.passerelle.runtime.messaging.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while a consumer retries a batch that the database or the broker did not take, with the
 * consumer, since when and why: such an instance is behind and should get no traffic that needs
 * fresh data. Not a liveness check: restarting would not help, the consumer goes on by itself.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadinessCheck implements HealthCheck {
    private final ConsumerHealth health;

    public ConsumersReadinessCheck(ConsumerHealth health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, ConsumerHealth.Stall> stalls = health.stalls();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("passerelle-consumers").status(stalls.isEmpty());
        stalls.forEach((consumer, stall) -> response.withData(consumer,
                "retrying since " + stall.since() + " (" + stall.attempts() + " failed attempts): " + stall.reason()));
        return response.build();
    }
}
