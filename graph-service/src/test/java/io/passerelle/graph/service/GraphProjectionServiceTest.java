package io.passerelle.graph.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.runtime.messaging.consumer.EventBatchHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphProjectionServiceTest {
    private static final List<IngestedEvent> BATCH = List.of(new IngestedEvent.OwnerErased("e1", "owner-1"),
            new IngestedEvent.ContactErased("e2", "owner-2", "contact-1"));

    /** The projection's store and connection are absent: any statement would fail. */
    private final GraphProjectionService live = new GraphProjectionService(null, null, null, null, null);

    @Test
    void theRebuildLocksNoOwnerAndWaitsForNoFence() {
        EventBatchHandler<IngestedEvent> rebuild = live.withoutPublishing();

        assertThat(rebuild.lock(null, BATCH).await().indefinitely()).isNull();
    }

    @Test
    void theLiveProjectionLocksItsOwners() {
        // The other side of the test above: the live handler does go to the database for its locks.
        assertThatThrownBy(() -> live.lock(null, BATCH).await().indefinitely()).isInstanceOf(NullPointerException.class);
    }
}
