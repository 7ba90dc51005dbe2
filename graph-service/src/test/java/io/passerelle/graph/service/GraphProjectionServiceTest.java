package io.passerelle.graph.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Source;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.graph.repository.ProjectionStore;
import io.passerelle.runtime.messaging.consumer.EventBatchHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which batches take which locks, in which order: the store records each lock statement as it would be sent (when
 * subscribed), and the transaction is absent.
 */
class GraphProjectionServiceTest {
    private static final IngestedEvent INTERACTION = new IngestedEvent.InteractionRecorded("e1", "owner-1",
            new Interaction("i1", "contact-1", Instant.parse("2026-01-05T10:00:00Z"), Channel.EMAIL, Direction.OUTBOUND, null, Source.EMAIL));
    private static final IngestedEvent CONTACT_ERASED = new IngestedEvent.ContactErased("e2", "owner-2", "contact-1");
    private static final IngestedEvent OWNER_ERASED = new IngestedEvent.OwnerErased("e3", "owner-3");

    /** The lock statements in the order they were sent. */
    private final List<String> sent = new ArrayList<>();
    private final ProjectionStore store = new ProjectionStore() {
        @Override
        public Uni<Void> holdReplayFence(SqlConnection connection) {
            return record("replay fence");
        }

        @Override
        public Uni<Void> lockOwners(SqlConnection connection, Collection<String> ownerIds) {
            return record("live owners " + ownerIds);
        }

        @Override
        public Uni<Void> lockRebuildOwners(SqlConnection connection, Collection<String> ownerIds) {
            return record("rebuild owners " + ownerIds);
        }
    };
    private final GraphProjectionService live = new GraphProjectionService(store, null, null, null, null);
    private final EventBatchHandler<IngestedEvent> rebuild = live.withoutPublishing();

    private Uni<Void> record(String statement) {
        return Uni.createFrom().item(() -> {
            sent.add(statement);
            return null;
        });
    }

    @Test
    void aRebuildBatchThatErasesNobodyLocksItsOwnersAmongTheLanesOnlyAndWaitsForNoFence() {
        rebuild.lock(null, List.of(INTERACTION)).await().indefinitely();

        assertThat(sent).containsExactly("rebuild owners [owner-1]");
    }

    @Test
    void aRebuildBatchThatErasesAlsoTakesTheLiveLocksOfTheOwnersItErasesAfterItsOwn() {
        rebuild.lock(null, List.of(INTERACTION, CONTACT_ERASED, OWNER_ERASED)).await().indefinitely();

        assertThat(sent).containsExactly("rebuild owners [owner-1, owner-2, owner-3]", "live owners [owner-2, owner-3]");
    }

    @Test
    void aLiveBatchWaitsForTheReplayFenceThenLocksItsOwnersAndNeverTheRebuildsLocks() {
        live.lock(null, List.of(INTERACTION, CONTACT_ERASED)).await().indefinitely();

        assertThat(sent).containsExactly("replay fence", "live owners [owner-1, owner-2]");
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
