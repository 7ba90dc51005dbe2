package io.passerelle.runtime.database;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the database, answered within {@link DatabaseSettings#healthTimeout()} whatever the
 * server does: a probe must get an answer, DOWN included, while the database hangs. (Quarkus's own
 * datasource checks are turned off: its JDBC check waits for a connection to a hung server without
 * bound, and the service uses JDBC only for migrations at start.) A query still waiting from an
 * earlier probe is not doubled: the answer is DOWN with how long it has waited, so that a long stall
 * does not take one connection of the pool per probe.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {
    static final String NAME = "passerelle-database";

    private final Pool pool;
    private final DatabaseSettings settings;
    private final AtomicReference<Probe> inFlight = new AtomicReference<>();

    private record Probe(Instant sentAt, Uni<Void> answer) {
    }

    public DatabaseReadinessCheck(Pool pool, DatabaseSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Probe asked = inFlight.get();
        while (asked == null) {
            Uni<Void> answer = pool.query("SELECT 1").execute().replaceWithVoid().memoize().indefinitely();
            Probe sent = new Probe(Instant.now(), answer);
            if (inFlight.compareAndSet(null, sent)) {
                answer.subscribe().with(ok -> inFlight.compareAndSet(sent, null), failed -> inFlight.compareAndSet(sent, null));
                asked = sent;
            } else {
                asked = inFlight.get();
            }
        }
        Probe probe = asked;
        return probe.answer()
                .ifNoItem().after(settings.healthTimeout()).fail()
                .replaceWith(HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", failure instanceof TimeoutException
                                ? "PostgreSQL has not answered for " + Duration.between(probe.sentAt(), Instant.now()).toSeconds() + " s"
                                : "PostgreSQL refused the check: " + failure.getMessage())
                        .build());
    }
}
