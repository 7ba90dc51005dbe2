package io.passerelle.graph.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Source;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.runtime.messaging.consumer.EventBatchHandler;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which batches take locks. The service has no store and the transaction is absent: a batch that
 * takes no lock completes without them, and one that goes to the database for its locks fails.
 */
class GraphProjectionServiceTest {
    private static final IngestedEvent INTERACTION = new IngestedEvent.InteractionRecorded("e1", "owner-1",
            new Interaction("i1", "contact-1", Instant.parse("2026-01-05T10:00:00Z"), Channel.EMAIL, Direction.OUTBOUND, null, Source.EMAIL));
    private static final IngestedEvent CONTACT_ERASED = new IngestedEvent.ContactErased("e2", "owner-2", "contact-1");
    private static final IngestedEvent OWNER_ERASED = new IngestedEvent.OwnerErased("e3", "owner-3");

    private final GraphProjectionService live = new GraphProjectionService(null, null, null, null, null);
    private final EventBatchHandler<IngestedEvent> rebuild = live.withoutPublishing();

    @Test
    void aRebuildBatchThatErasesNobodyLocksNoOwnerAndWaitsForNoFence() {
        assertThat(rebuild.lock(null, List.of(INTERACTION)).await().indefinitely()).isNull();
    }

    @Test
    void aRebuildBatchThatErasesLocksTheOwnersItErases() {
        assertThatThrownBy(() -> rebuild.lock(null, List.of(INTERACTION, CONTACT_ERASED)).await().indefinitely())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> rebuild.lock(null, List.of(OWNER_ERASED)).await().indefinitely())
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aLiveBatchLocksItsOwners() {
        assertThatThrownBy(() -> live.lock(null, List.of(INTERACTION)).await().indefinitely()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void erasuresAreTheEventsThatErase() {
        assertThat(INTERACTION.erases()).isFalse();
        assertThat(new IngestedEvent.ContactUpserted("e4", "owner-1", "contact-1", null).erases()).isFalse();
        assertThat(new IngestedEvent.ProfileUpdated("e5", "owner-1", null).erases()).isFalse();
        assertThat(CONTACT_ERASED.erases()).isTrue();
        assertThat(OWNER_ERASED.erases()).isTrue();
    }
}
