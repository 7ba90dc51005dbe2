package io.passerelle.graph.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.graph.projection.ProjectionBatch.StoredOwner;
import io.passerelle.tie.TieAssessment;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.passerelle.tie.TieStrengthModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The erasure markers of the projection: what they hold back, what they let through, and what they store. */
class ErasureMarkersTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final Instant ERASED_AT = NOW.minusSeconds(600);
    private final TieStrengthModel model = new TieStrengthModel(TieParameters.defaults());

    private static Contact contact(String name, List<String> mutualContactIds) {
        return new Contact(name, null, null, null, null, null, null, null, Origin.FORMER_COLLEAGUE, null, null, null, null,
                mutualContactIds, null);
    }

    private static IngestedEvent.InteractionRecorded interaction(String id, String owner, String contactId, Instant recordedAt) {
        return new IngestedEvent.InteractionRecorded(id, owner,
                new Interaction(id, contactId, recordedAt.minusSeconds(60), Channel.CALL, Direction.MUTUAL, 30, null), recordedAt);
    }

    private StoredTie stored(String owner, String contactId, Contact contact) {
        TieStatistics statistics = TieStatistics.empty();
        TieAssessment assessment = model.assess(statistics, contact, null, NOW);
        return new StoredTie(new TieKey(owner, contactId), statistics, contact, assessment.tieClass(), assessment.strength(),
                assessment.geographicScale(), assessment.origin().origin(), TiePeak.NONE);
    }

    private static ErasureMarkers contactErasedAt(String owner, String contactId, Instant at) {
        ErasureMarkers markers = ErasureMarkers.none();
        markers.eraseContact(owner, contactId, at);
        return ErasureMarkers.of(markers.added());
    }

    @Test
    void anEventRecordedBeforeTheContactsErasureIsHeldBackAndALaterOneIsApplied() {
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)), List.of(),
                contactErasedAt("o1", "c1", ERASED_AT))
                .applyAll(List.of(
                        interaction("late", "o1", "c1", ERASED_AT.minusMillis(1)),
                        interaction("same-instant", "o1", "c1", ERASED_AT),
                        new IngestedEvent.ContactUpserted("other", "o1", "c2", contact("Other", null), ERASED_AT.minusSeconds(5))))
                .outcome(NOW, 0.01);

        assertThat(outcome.heldBackEventIds()).containsExactly("late", "same-instant");
        assertThat(outcome.changedTies()).extracting(change -> change.key().contactId()).containsExactly("c2");

        ProjectionOutcome readded = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)), List.of(),
                contactErasedAt("o1", "c1", ERASED_AT))
                .applyAll(List.of(new IngestedEvent.ContactUpserted("again", "o1", "c1", contact("Camille", null), ERASED_AT.plusMillis(1))))
                .outcome(NOW, 0.01);
        assertThat(readded.heldBackEventIds()).isEmpty();
        assertThat(readded.changedTies()).singleElement().satisfies(change -> assertThat(change.tie().displayName()).isEqualTo("Camille"));
    }

    @Test
    void anErasureInTheBatchHoldsBackTheEarlierRecordsThatFollowIt() {
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(), List.of())
                .applyAll(List.of(
                        new IngestedEvent.ContactUpserted("e1", "o1", "c1", contact("Camille", null), ERASED_AT.minusSeconds(10)),
                        new IngestedEvent.ContactErased("e2", "o1", "c1", ERASED_AT),
                        interaction("e3", "o1", "c1", ERASED_AT.minusSeconds(5))))
                .outcome(NOW, 0.01);

        assertThat(outcome.heldBackEventIds()).containsExactly("e3");
        assertThat(outcome.changedTies()).isEmpty();
        assertThat(outcome.tombstones()).containsExactly(new TieKey("o1", "c1"));
        assertThat(outcome.erasureMarkers()).singleElement().satisfies(marker -> {
            assertThat(marker.ownerHash()).isEqualTo(sha256("o1"));
            assertThat(marker.contactHash()).isEqualTo(sha256("o1/c1"));
            assertThat(marker.erasedAsOf()).isEqualTo(ERASED_AT);
        });
    }

    @Test
    void anOwnersErasureHoldsBackEveryEarlierEventOfTheOwnerAndNotOfOthers() {
        ErasureMarkers stored = ErasureMarkers.none();
        stored.eraseOwner("o1", ERASED_AT);
        OwnerProfile profile = new OwnerProfile("Alex", null, null, null, null, null, null, null, "fr", null);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(), List.of(), ErasureMarkers.of(stored.added()))
                .applyAll(List.of(
                        new IngestedEvent.ProfileUpdated("p-old", "o1", profile, ERASED_AT.minusSeconds(1)),
                        new IngestedEvent.ContactUpserted("c-old", "o1", "c1", contact("Camille", null), ERASED_AT),
                        interaction("i-old", "o1", "c2", ERASED_AT.minusSeconds(3)),
                        interaction("i-other-owner", "o2", "c1", ERASED_AT.minusSeconds(3)),
                        new IngestedEvent.ProfileUpdated("p-new", "o1", profile, ERASED_AT.plusSeconds(1))))
                .outcome(NOW, 0.01);

        assertThat(outcome.heldBackEventIds()).containsExactly("p-old", "c-old", "i-old");
        assertThat(outcome.owners()).extracting(ProjectionOutcome.OwnerRow::ownerId).containsExactlyInAnyOrder("o1", "o2");
        assertThat(outcome.changedTies()).extracting(change -> change.key()).containsExactly(new TieKey("o2", "c1"));
    }

    @Test
    void erasingAnOwnerLeavesAnOwnerMarkerAndTombstonesEveryLoadedTie() {
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)),
                List.of(stored("o1", "c1", contact("A", null)), stored("o1", "c2", contact("B", null))))
                .applyAll(List.of(new IngestedEvent.OwnerErased("e1", "o1", ERASED_AT)))
                .outcome(NOW, 0.01);

        assertThat(outcome.tombstones()).containsExactlyInAnyOrder(new TieKey("o1", "c1"), new TieKey("o1", "c2"));
        assertThat(outcome.erasureMarkers()).singleElement().satisfies(marker -> {
            assertThat(marker.coversWholeOwner()).isTrue();
            assertThat(marker.ownerHash()).isEqualTo(sha256("o1"));
        });
    }

    @Test
    void erasingAContactRemovesItFromTheOtherContactsMutualContactsAndRescoresTheirTies() {
        Contact lists = contact("Lea", List.of("c1", "c3"));
        Contact otherOwners = contact("Noe", List.of("c1"));
        StoredTie lea = stored("o1", "c2", lists);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)),
                List.of(stored("o1", "c1", contact("Camille", null)), lea, stored("o2", "c9", otherOwners)))
                .applyAll(List.of(new IngestedEvent.ContactErased("e1", "o1", "c1", ERASED_AT)))
                .outcome(NOW, 0.01);

        assertThat(outcome.tombstones()).containsExactly(new TieKey("o1", "c1"));
        assertThat(outcome.contacts()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo(new TieKey("o1", "c2"));
            assertThat(row.contact().mutualContactIds()).containsExactly("c3");
        });
        assertThat(outcome.changedTies()).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo(new TieKey("o1", "c2"));
            assertThat(change.tie().mutualContacts()).isEqualTo(1);
            assertThat(change.assessment().dimensions().structural()).isLessThan(model.assess(lea.statistics(), lists, null, NOW)
                    .dimensions().structural());
            assertThat(change.contact().mutualContactIds()).doesNotContain("c1");
            assertThat(change.causeEventId()).isEqualTo("e1");
        });
    }

    @Test
    void aContactRecordedBeforeAnErasureOfOneOfItsMutualContactsLosesItAndALaterOneKeepsIt() {
        ErasureMarkers markers = contactErasedAt("o1", "c1", ERASED_AT);
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(), List.of(), markers)
                .applyAll(List.of(
                        new IngestedEvent.ContactUpserted("before", "o1", "c2", contact("Lea", List.of("c1", "c3")), ERASED_AT.minusSeconds(1)),
                        new IngestedEvent.ContactUpserted("after", "o1", "c4", contact("Max", List.of("c1")), ERASED_AT.plusSeconds(1))))
                .outcome(NOW, 0.01);

        assertThat(outcome.contacts()).extracting(row -> row.key().contactId() + "=" + row.contact().mutualContactIds())
                .containsExactly("c2=[c3]", "c4=[c1]");
    }

    @Test
    void aMarkerKeepsTheLaterInstantAndAnErasureReplayedFromEarlierStillApplies() {
        ErasureMarkers markers = contactErasedAt("o1", "c1", ERASED_AT);
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)),
                List.of(stored("o1", "c1", contact("Camille", null))), markers)
                .applyAll(List.of(
                        new IngestedEvent.ContactErased("replayed", "o1", "c1", ERASED_AT.minusSeconds(3600)),
                        new IngestedEvent.ContactErased("again", "o1", "c1", ERASED_AT.minusSeconds(60))))
                .outcome(NOW, 0.01);

        assertThat(outcome.heldBackEventIds()).isEmpty();
        assertThat(outcome.tombstones()).containsExactly(new TieKey("o1", "c1"));
        assertThat(outcome.erasureMarkers()).singleElement()
                .satisfies(marker -> assertThat(marker.erasedAsOf()).isEqualTo(ERASED_AT));
    }

    @Test
    void eventsWithoutABrokerTimeAreNeverHeldBackAndErasuresWithoutOneLeaveNoMarker() {
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(), List.of(), contactErasedAt("o1", "c1", ERASED_AT))
                .applyAll(List.of(new IngestedEvent.ContactUpserted("e1", "o1", "c1", contact("Camille", null)),
                        new IngestedEvent.ContactErased("e2", "o1", "c7")))
                .outcome(NOW, 0.01);

        assertThat(outcome.heldBackEventIds()).isEmpty();
        assertThat(outcome.erasureMarkers()).isEmpty();
    }

    @Test
    void markersHoldHashesThatDifferPerOwnerAndNoIdInClear() {
        ErasureMarkers markers = ErasureMarkers.none();
        markers.eraseContact("owner-a", "jane@example.org", ERASED_AT);
        markers.eraseContact("owner-b", "jane@example.org", ERASED_AT);

        assertThat(markers.added()).hasSize(2).allSatisfy(marker -> {
            assertThat(marker.toString()).doesNotContain("jane", "owner-a", "owner-b");
            assertThat(marker.contactHash()).matches("[0-9a-f]{64}");
        });
        assertThat(markers.added().get(0).contactHash()).isNotEqualTo(markers.added().get(1).contactHash());
        assertThat(markers.erasedAsOf("owner-a", "jane@example.org")).isEqualTo(ERASED_AT);
        assertThat(markers.erasedAsOf("owner-a", "someone-else")).isNull();
        assertThat(markers.erasedAsOf("owner-a", null)).isNull();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
