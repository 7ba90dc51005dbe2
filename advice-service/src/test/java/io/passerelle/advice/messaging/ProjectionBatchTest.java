package io.passerelle.advice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.messaging.ProjectionChange.OwnerErasure;
import io.passerelle.advice.messaging.ProjectionChange.ProfileUpdate;
import io.passerelle.advice.messaging.ProjectionChange.TieKey;
import io.passerelle.advice.messaging.ProjectionChange.TieRemoval;
import io.passerelle.advice.messaging.ProjectionChange.TieSnapshot;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.model.OwnerProfile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionBatchTest {
    private static final Instant T1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T00:00:00Z");

    private static TieSnapshot snapshot(String owner, String contact, Instant at) {
        return new TieSnapshot(new TieUpdated(owner, InboundEventDecoderTest.tie(contact, at), null, null));
    }

    private static TieRemoval removal(String owner, String contact) {
        return new TieRemoval(new TieKey(owner, contact));
    }

    @Test
    void newestSnapshotOfATieWinsWhateverTheRecordOrder() {
        ProjectionBatch batch = ProjectionBatch.of(List.of(snapshot("o", "c", T2), snapshot("o", "c", T1)));

        assertThat(batch.tieSnapshots()).singleElement().satisfies(u -> assertThat(u.tie().updatedAt()).isEqualTo(T2));
    }

    @Test
    void snapshotThenRemovalLeavesOnlyTheRemoval() {
        ProjectionBatch batch = ProjectionBatch.of(List.of(snapshot("o", "c", T1), removal("o", "c")));

        assertThat(batch.tieSnapshots()).isEmpty();
        assertThat(batch.removedTies()).containsExactly(new TieKey("o", "c"));
    }

    @Test
    void removalThenSnapshotDeletesFirstThenWritesTheSnapshot() {
        ProjectionBatch batch = ProjectionBatch.of(List.of(removal("o", "c"), snapshot("o", "c", T1)));

        assertThat(batch.removedTies()).containsExactly(new TieKey("o", "c"));
        assertThat(batch.tieSnapshots()).hasSize(1);
    }

    @Test
    void erasureDropsWhatCameBeforeItForThatOwnerOnly() {
        OwnerProfile profile = new OwnerProfile(null, null, null, null, null, null, null, null, "fr", null);
        ProjectionBatch batch = ProjectionBatch.of(List.of(
                snapshot("o", "c", T1), removal("o", "d"), new ProfileUpdate("o", profile), snapshot("other", "c", T1),
                new OwnerErasure("o"),
                snapshot("o", "e", T2)));

        assertThat(batch.erasedOwners()).containsExactly("o");
        assertThat(batch.removedTies()).isEmpty();
        assertThat(batch.profiles()).isEmpty();
        assertThat(batch.tieSnapshots()).extracting(u -> u.ownerId() + "/" + u.tie().contactId()).containsExactly("other/c", "o/e");
    }

    @Test
    void lastProfileOfAnOwnerWins() {
        OwnerProfile first = new OwnerProfile(null, null, null, null, null, null, null, null, "fr", false);
        OwnerProfile last = new OwnerProfile(null, null, null, null, null, null, null, null, "en", true);
        ProjectionBatch batch = ProjectionBatch.of(List.of(new ProfileUpdate("o", first), new ProfileUpdate("o", last)));

        assertThat(batch.profiles()).containsExactly(java.util.Map.entry("o", last));
        assertThat(ProjectionBatch.of(List.of()).isEmpty()).isTrue();
    }

    @Test
    void ownersWhoseTiesOrProfileChangeAreDueForARecomputeOnceEach() {
        ProjectionBatch batch = ProjectionBatch.of(List.of(snapshot("o-2", "c", T1), snapshot("o-2", "d", T1), removal("o-1", "c"),
                new ProfileUpdate("o-3", null), snapshot("o-gone", "c", T1), new OwnerErasure("o-gone")));

        assertThat(batch.changedOwners()).containsExactly("o-1", "o-2", "o-3");
    }
}
