package io.passerelle.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.runtime.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounded window of in-flight sends of an import, with a broker simulated by delayed completions. */
class PublishWindowTest {
    private final ScheduledExecutorService broker = Executors.newScheduledThreadPool(4);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopBroker() {
        broker.shutdownNow();
    }

    @Test
    void neverMoreThanTheCapacityIsInFlightAndAwaitAllReturnsOnceEveryEventIsAcknowledged() {
        PublishWindow window = new PublishWindow(this::acknowledgeLater, 8, Duration.ofSeconds(10), Duration.ofSeconds(5));

        for (int i = 0; i < 200; i++) {
            window.submit(event("e-" + i));
        }
        window.awaitAll();

        assertThat(acknowledged).hasSize(200);
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(8).isGreaterThan(1);
        assertThat(inFlight.get()).isZero();
    }

    @Test
    void aFailedSendStopsTheNextSubmissionsAndIsThrownByAwaitAll() {
        List<String> sent = new ArrayList<>();
        PublishWindow window = new PublishWindow((event, done) -> {
            sent.add(event.id());
            done.accept(event.id().equals("e-3") ? ProblemException.unavailable("broker down", Duration.ofSeconds(5), null) : null);
        }, 4, Duration.ofSeconds(10), Duration.ofSeconds(5));

        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                window.submit(event("e-" + i));
            }
        }).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(503));
        assertThat(sent).containsExactly("e-0", "e-1", "e-2", "e-3");
        assertThatThrownBy(window::awaitAll).isInstanceOf(ProblemException.class);
    }

    @Test
    void aSendThatNeverEndsBecomesA503InsteadOfAHang() {
        PublishWindow window = new PublishWindow((event, neverCalled) -> { }, 1, Duration.ofMillis(200), Duration.ofSeconds(5));

        window.submit(event("e-1"));

        assertThatThrownBy(() -> window.submit(event("e-2")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
    }

    private void acknowledgeLater(PendingEvent<?> event, Consumer<Throwable> done) {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        broker.schedule(() -> {
            inFlight.decrementAndGet();
            acknowledged.add(event.id());
            done.accept(null);
        }, 2, TimeUnit.MILLISECONDS);
    }

    private static PendingEvent<String> event(String id) {
        return new PendingEvent<>(Topics.CONTACTS, "owner-1", id, EventTypes.CONTACT_UPSERTED, "c-1", "data");
    }
}
