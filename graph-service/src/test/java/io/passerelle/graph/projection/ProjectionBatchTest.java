package io.passerelle.graph.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.projection.ProjectionBatch.StoredOwner;
import io.passerelle.tie.TieAssessment;
import io.passerelle.tie.TieHistory;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.passerelle.tie.TieStrengthModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionBatchTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final Location PARIS = new Location("Paris", "75011", null, null, "FR", null, null);
    private static final Location LYON = new Location("Lyon", "69001", null, null, "FR", null, null);
    private final TieStrengthModel model = new TieStrengthModel(TieParameters.defaults());

    private static Contact contact(String name, Location location) {
        return new Contact(name, null, null, null, null, null, null, location, Origin.FORMER_COLLEAGUE, null, null, null, 3,
                null, null);
    }

    private static OwnerProfile profile(Location location) {
        return new OwnerProfile("Alex", "software", null, null, null, null, location, null, "fr", null);
    }

    private static IngestedEvent.InteractionRecorded interaction(String id, String owner, String contactId, Instant at) {
        return new IngestedEvent.InteractionRecorded(id, owner, new Interaction(id, contactId, at, Channel.CALL, Direction.MUTUAL, 30, null));
    }

    private StoredTie stored(String owner, String contactId, TieStatistics statistics, Contact contact, OwnerProfile profile) {
        TieAssessment assessment = model.assess(statistics, contact, profile, NOW);
        return new StoredTie(new TieKey(owner, contactId), statistics, contact, assessment.tieClass(), assessment.strength(),
                assessment.geographicScale(), assessment.origin().origin(),
                TieHistory.withoutRecordedPeak(statistics, contact, profile, model).peak());
    }

    @Test
    void anInteractionForAnUnknownContactCreatesTheTieNamedAfterTheContactId() {
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(), List.of())
                .applyAll(List.of(interaction("e1", "o1", "c1", NOW.minusSeconds(3600))))
                .outcome(NOW, 0.01);

        assertThat(outcome.owners()).containsExactly(new ProjectionOutcome.OwnerRow("o1", null));
        assertThat(outcome.contacts()).isEmpty();
        assertThat(outcome.changedTies()).singleElement().satisfies(change -> {
            assertThat(change.tie().displayName()).isEqualTo("c1");
            assertThat(change.tie().interactionCount()).isEqualTo(1);
            assertThat(change.previousTieClass()).isNull();
            assertThat(change.causeEventId()).isEqualTo("e1");
            assertThat(change.contact()).isNull();
        });
    }

    @Test
    void theContactArrivingLaterNamesTheTieAndKeepsItsInteractions() {
        TieStatistics statistics = TieStatistics.empty().plus(
                new Interaction("i1", "c1", NOW.minusSeconds(3600), Channel.CALL, Direction.MUTUAL, 30, null), model.parameters());
        StoredTie tie = stored("o1", "c1", statistics, null, null);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)), List.of(tie))
                .applyAll(List.of(new IngestedEvent.ContactUpserted("e2", "o1", "c1", contact("Camille", PARIS))))
                .outcome(NOW, 0.01);

        assertThat(outcome.contacts()).singleElement().satisfies(row -> assertThat(row.contact().displayName()).isEqualTo("Camille"));
        assertThat(outcome.changedTies()).singleElement().satisfies(change -> {
            assertThat(change.tie().displayName()).isEqualTo("Camille");
            assertThat(change.tie().interactionCount()).isEqualTo(1);
            assertThat(change.previousTieClass()).isEqualTo(tie.tieClass());
            assertThat(change.causeEventId()).isEqualTo("e2");
        });
    }

    @Test
    void theSameContactDataAgainChangesNothing() {
        Contact camille = contact("Camille", PARIS);
        StoredTie tie = stored("o1", "c1", TieStatistics.empty(), camille, null);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)), List.of(tie))
                .applyAll(List.of(new IngestedEvent.ContactUpserted("e3", "o1", "c1", contact("Camille", PARIS))))
                .outcome(NOW, 0.01);

        assertThat(outcome.contacts()).isEmpty();
        assertThat(outcome.changedTies()).isEmpty();
        assertThat(outcome.owners()).isEmpty();
    }

    @Test
    void anOwnerRowIsWrittenWhenTheOwnerIsNewOrItsProfileCameNotForItsContactsAndInteractions() {
        Contact camille = contact("Camille", PARIS);
        StoredTie tie = stored("known", "c1", TieStatistics.empty(), camille, null);

        ProjectionOutcome outcome = new ProjectionBatch(model,
                List.of(new StoredOwner("known", null), new StoredOwner("profiled", null)), List.of(tie))
                .applyAll(List.of(
                        interaction("e1", "known", "c1", NOW.minusSeconds(60)),
                        new IngestedEvent.ContactUpserted("e2", "known", "c2", contact("Dominique", LYON)),
                        interaction("e3", "new", "c1", NOW.minusSeconds(60)),
                        new IngestedEvent.ContactUpserted("e4", "new-by-contact", "c1", camille),
                        new IngestedEvent.ProfileUpdated("e5", "profiled", profile(LYON))))
                .outcome(NOW, 0.01);

        assertThat(outcome.owners()).containsExactly(new ProjectionOutcome.OwnerRow("new", null),
                new ProjectionOutcome.OwnerRow("new-by-contact", null), new ProjectionOutcome.OwnerRow("profiled", profile(LYON)));
        assertThat(outcome.changedTies()).extracting(ProjectionOutcome.TieChange::key).containsExactly(new TieKey("known", "c1"),
                new TieKey("known", "c2"), new TieKey("new", "c1"), new TieKey("new-by-contact", "c1"));
    }

    @Test
    void anOwnerErasedThenSeenAgainInTheSameBatchIsWrittenAgain() {
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", profile(PARIS))), List.of())
                .applyAll(List.of(new IngestedEvent.OwnerErased("e1", "o1"),
                        interaction("e2", "o1", "c1", NOW.minusSeconds(60))))
                .outcome(NOW, 0.01);

        assertThat(outcome.erasedOwners()).containsExactly("o1");
        // Deleted first, then written again without the erased profile.
        assertThat(outcome.owners()).containsExactly(new ProjectionOutcome.OwnerRow("o1", null));
    }

    @Test
    void aProfileChangeRepublishesOnlyTheTiesItMoves() {
        OwnerProfile inParis = profile(PARIS);
        StoredTie parisian = stored("o1", "paris", TieStatistics.empty(), contact("P", PARIS), inParis);
        StoredTie lyonnais = stored("o1", "lyon", TieStatistics.empty(), contact("L", LYON), inParis);
        Location parisOtherStreet = new Location("Paris", "75011", null, null, "FR", null, null);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", inParis)), List.of(parisian, lyonnais))
                .applyAll(List.of(new IngestedEvent.ProfileUpdated("e4", "o1", profile(LYON)),
                        new IngestedEvent.ProfileUpdated("e5", "o1", profile(parisOtherStreet))))
                .outcome(NOW, 0.01);

        assertThat(outcome.owners()).containsExactly(new ProjectionOutcome.OwnerRow("o1", profile(parisOtherStreet)));
        assertThat(outcome.changedTies()).isEmpty();

        ProjectionOutcome moved = new ProjectionBatch(model, List.of(new StoredOwner("o1", inParis)), List.of(parisian, lyonnais))
                .applyAll(List.of(new IngestedEvent.ProfileUpdated("e6", "o1", profile(LYON))))
                .outcome(NOW, 0.01);

        assertThat(moved.changedTies()).hasSize(2).allSatisfy(change -> assertThat(change.causeEventId()).isEqualTo("e6"));
        assertThat(moved.changedTies()).filteredOn(change -> change.key().contactId().equals("lyon"))
                .singleElement().satisfies(change -> assertThat(change.tie().geographicScale()).isEqualTo(GeographicScale.NEIGHBOURHOOD));
    }

    @Test
    void aProfileWhoseLanguageChangesRepublishesEveryTieExplainedInTheNewLanguage() {
        OwnerProfile french = profile(PARIS);
        OwnerProfile english = new OwnerProfile("Alex", "software", null, null, null, null, PARIS, null, "en", null);
        StoredTie parisian = stored("o1", "paris", TieStatistics.empty(), contact("P", PARIS), french);
        StoredTie lyonnais = stored("o1", "lyon", TieStatistics.empty(), contact("L", LYON), french);

        ProjectionOutcome toEnglish = new ProjectionBatch(model, List.of(new StoredOwner("o1", french)), List.of(parisian, lyonnais))
                .applyAll(List.of(new IngestedEvent.ProfileUpdated("e7", "o1", english)))
                .outcome(NOW, 0.01);

        assertThat(toEnglish.changedTies()).hasSize(2).allSatisfy(change -> {
            assertThat(change.causeEventId()).isEqualTo("e7");
            assertThat(change.tie().explanationLanguage()).isEqualTo("en");
            assertThat(change.tie().explanation().get(0)).isEqualTo("No exchange logged, but you worked together: a dormant tie to reactivate.");
            assertThat(change.previousTieClass()).isEqualTo(change.tie().tieClass());
        });
        // Back and forth within one batch: the language the ties were published in did not change.
        ProjectionOutcome backAndForth = new ProjectionBatch(model, List.of(new StoredOwner("o1", french)), List.of(parisian, lyonnais))
                .applyAll(List.of(new IngestedEvent.ProfileUpdated("e8", "o1", english), new IngestedEvent.ProfileUpdated("e9", "o1", french)))
                .outcome(NOW, 0.01);
        assertThat(backAndForth.changedTies()).isEmpty();
        // An owner known without a profile had its ties explained in French; a first profile in English explains them in English.
        StoredTie withoutProfile = stored("o2", "paris", TieStatistics.empty(), contact("P", PARIS), null);
        assertThat(new ProjectionBatch(model, List.of(new StoredOwner("o2", null)), List.of(withoutProfile))
                .applyAll(List.of(new IngestedEvent.ProfileUpdated("e10", "o2", english))).outcome(NOW, 0.01).changedTies())
                .singleElement().satisfies(change -> assertThat(change.tie().explanationLanguage()).isEqualTo("en"));
    }

    @Test
    void aContactErasureDeletesAndTombstonesTheTie() {
        StoredTie tie = stored("o1", "c1", TieStatistics.empty(), contact("Camille", PARIS), null);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)), List.of(tie))
                .applyAll(List.of(new IngestedEvent.ContactErased("e7", "o1", "c1")))
                .outcome(NOW, 0.01);

        assertThat(outcome.erasedTies()).containsExactly(new TieKey("o1", "c1"));
        assertThat(outcome.tombstones()).containsExactly(new TieKey("o1", "c1"));
        assertThat(outcome.changedTies()).isEmpty();
        assertThat(outcome.owners()).isEmpty();
    }

    @Test
    void aTieErasedThenRecreatedInTheSameBatchStartsAfreshWithoutTombstone() {
        TieStatistics statistics = TieStatistics.empty().plus(
                new Interaction("i1", "c1", NOW.minusSeconds(3600), Channel.CALL, Direction.MUTUAL, 30, null), model.parameters());
        StoredTie tie = stored("o1", "c1", statistics, contact("Camille", PARIS), null);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)), List.of(tie))
                .applyAll(List.of(new IngestedEvent.ContactErased("e8", "o1", "c1"),
                        new IngestedEvent.ContactUpserted("e9", "o1", "c1", contact("Camille again", PARIS))))
                .outcome(NOW, 0.01);

        assertThat(outcome.erasedTies()).containsExactly(new TieKey("o1", "c1"));
        assertThat(outcome.tombstones()).isEmpty();
        assertThat(outcome.changedTies()).singleElement().satisfies(change -> {
            assertThat(change.previousTieClass()).isNull();
            assertThat(change.tie().interactionCount()).isZero();
            // A former colleague without any exchange: a dormant tie to reactivate, whatever the erased tie had.
            assertThat(change.tie().tieClass()).isEqualTo(TieClass.DORMANT);
            assertThat(change.tie().peakStrength()).isZero();
        });
    }

    @Test
    void anOwnerErasureTombstonesEveryTieOfTheOwnerOnly() {
        StoredTie first = stored("o1", "c1", TieStatistics.empty(), contact("A", PARIS), null);
        StoredTie second = stored("o1", "c2", TieStatistics.empty(), contact("B", PARIS), null);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null), new StoredOwner("o2", null)),
                List.of(first, second))
                .applyAll(List.of(interaction("e10", "o2", "c1", NOW.minusSeconds(60)),
                        new IngestedEvent.OwnerErased("e11", "o1")))
                .outcome(NOW, 0.01);

        assertThat(outcome.erasedOwners()).containsExactly("o1");
        assertThat(outcome.tombstones()).containsExactlyInAnyOrder(new TieKey("o1", "c1"), new TieKey("o1", "c2"));
        assertThat(outcome.owners()).isEmpty();
        assertThat(outcome.changedTies()).extracting(ProjectionOutcome.TieChange::key).containsExactly(new TieKey("o2", "c1"));
    }

    @Test
    void theCauseOfAChangeIsTheLastEventThatTouchedTheTie() {
        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(), List.of())
                .applyAll(List.of(interaction("e12", "o1", "c1", NOW.minusSeconds(60)),
                        new IngestedEvent.ContactUpserted("e13", "o1", "c1", contact("Camille", PARIS)),
                        interaction("e14", "o1", "c2", NOW.minusSeconds(60))))
                .outcome(NOW, 0.01);

        assertThat(outcome.changedTies()).extracting(ProjectionOutcome.TieChange::causeEventId).containsExactly("e13", "e14");
    }

    @Test
    void loadPlanNamesEveryOwnerTieAndFullyLoadedOwner() {
        LoadPlan plan = LoadPlan.of(List.of(
                interaction("e1", "o1", "c1", NOW),
                new IngestedEvent.ContactUpserted("e2", "o2", "c2", contact("X", null)),
                new IngestedEvent.ProfileUpdated("e3", "o3", profile(PARIS)),
                new IngestedEvent.OwnerErased("e4", "o4"),
                new IngestedEvent.ContactErased("e5", "o5", "c5")));

        assertThat(plan.owners()).containsExactlyInAnyOrder("o1", "o2", "o3", "o4", "o5");
        assertThat(plan.ownersWithAllTies()).containsExactlyInAnyOrder("o3", "o4");
        assertThat(plan.ties()).containsExactlyInAnyOrder(new TieKey("o1", "c1"), new TieKey("o2", "c2"), new TieKey("o5", "c5"));
    }

    private static IngestedEvent.InteractionRecorded meeting(String id, String contactId, Instant at) {
        return new IngestedEvent.InteractionRecorded(id, "o1", new Interaction(id, contactId, at, Channel.MEETING, Direction.MUTUAL, 120, null));
    }

    private static Contact closeFriend() {
        return new Contact("Camille", null, null, null, "software", null, null, PARIS, Origin.FRIEND, null, null, null, 5,
                List.of("a", "b", "c", "d", "e", "f", "g", "h"), null);
    }

    /** What a later batch loads: the tie as this outcome wrote it. */
    private static StoredTie asWritten(ProjectionOutcome.TieChange change) {
        return new StoredTie(change.key(), change.statistics(), change.contact(), change.tie().tieClass(), change.tie().strength(),
                change.tie().geographicScale(), change.tie().origin(), new TiePeak(change.tie().peakStrength(), change.tie().peakStrengthAt()));
    }

    @Test
    void thePeakOfAStrongPeriodIsKeptAcrossBatchesAndAGestureYearsLater() {
        Instant lastMeeting = NOW.minus(Duration.ofDays(4 * 365));
        List<IngestedEvent> meetings = new ArrayList<>();
        meetings.add(new IngestedEvent.ContactUpserted("c", "o1", "c1", closeFriend()));
        for (int daysBefore : new int[] {90, 60, 30, 10, 0}) {
            meetings.add(meeting("m" + daysBefore, "c1", lastMeeting.minus(Duration.ofDays(daysBefore))));
        }
        ProjectionOutcome first = new ProjectionBatch(model, List.of(), List.of()).applyAll(meetings).outcome(NOW, 0.01);
        ProjectionOutcome.TieChange written = first.changedTies().get(0);
        TiePeak expected = TieHistory.of(meetings.stream().filter(e -> e instanceof IngestedEvent.InteractionRecorded)
                .map(e -> ((IngestedEvent.InteractionRecorded) e).interaction()).toList(), closeFriend(), null, model).peak();

        assertThat(written.tie().tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(written.tie().peakStrength()).isGreaterThanOrEqualTo(model.parameters().strongThreshold())
                .isCloseTo(expected.strength(), within(1e-12));
        assertThat(written.tie().peakStrengthAt()).isEqualTo(lastMeeting).isEqualTo(expected.at());

        ProjectionOutcome second = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)), List.of(asWritten(written)))
                .applyAll(List.of(new IngestedEvent.InteractionRecorded("r", "o1",
                        new Interaction("r", "c1", NOW.minus(Duration.ofDays(1)), Channel.REACTION, Direction.INBOUND, null, null))))
                .outcome(NOW, 0.01);

        assertThat(second.changedTies()).singleElement().satisfies(change -> {
            assertThat(change.tie().tieClass()).as("a reaction does not wake it").isEqualTo(TieClass.DORMANT);
            assertThat(change.tie().peakStrength()).isEqualTo(written.tie().peakStrength());
            assertThat(change.tie().peakStrengthAt()).isEqualTo(lastMeeting);
            assertThat(change.tie().lastInteractionAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
            assertThat(change.tie().lastReciprocatedAt()).isEqualTo(lastMeeting);
        });
    }

    @Test
    void aContactArrivingAfterItsInteractionsRaisesThePeakToWhatTheTieWasThen() {
        ProjectionOutcome before = new ProjectionBatch(model, List.of(), List.of())
                .applyAll(List.of(meeting("m1", "c1", NOW.minus(Duration.ofDays(20))), meeting("m2", "c1", NOW.minus(Duration.ofDays(5)))))
                .outcome(NOW, 0.01);
        ProjectionOutcome.TieChange anonymous = before.changedTies().get(0);

        ProjectionOutcome after = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)), List.of(asWritten(anonymous)))
                .applyAll(List.of(new IngestedEvent.ContactUpserted("c", "o1", "c1", closeFriend())))
                .outcome(NOW, 0.01);

        double withContact = model.strengthAtLastInteraction(anonymous.statistics(), closeFriend(), null);
        assertThat(after.changedTies()).singleElement().satisfies(change -> {
            assertThat(change.tie().peakStrength()).isGreaterThan(anonymous.tie().peakStrength()).isCloseTo(withContact, within(1e-12));
            assertThat(change.tie().peakStrengthAt()).isEqualTo(NOW.minus(Duration.ofDays(5)));
        });
    }

    @Test
    void aTieStoredWithoutAPeakStartsFromTheStrengthAsOfItsLastInteractionAndIsWrittenWithOne() {
        TieStatistics statistics = TieStatistics.empty().plus(
                new Interaction("i1", "c1", NOW.minus(Duration.ofDays(30)), Channel.CALL, Direction.MUTUAL, 30, null), model.parameters());
        TieAssessment assessment = model.assess(statistics, closeFriend(), null, NOW);
        StoredTie legacy = new StoredTie(new TieKey("o1", "c1"), statistics, closeFriend(), assessment.tieClass(), assessment.strength(),
                assessment.geographicScale(), Origin.FRIEND, null);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", null)), List.of(legacy))
                .applyAll(List.of(new IngestedEvent.ContactUpserted("c", "o1", "c1", closeFriend())))
                .outcome(NOW, 0.01);

        assertThat(outcome.contacts()).isEmpty();
        assertThat(outcome.changedTies()).as("written once to record its peak").singleElement().satisfies(change -> {
            assertThat(change.tie().peakStrength()).isCloseTo(model.strengthAtLastInteraction(statistics, closeFriend(), null), within(1e-12));
            assertThat(change.tie().peakStrengthAt()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        });
    }

    @Test
    void anInferredOriginIsPublishedOnTheTieAndTheContactStaysAsReceived() {
        Contact imported = new Contact("Dominique", null, "Danone", null, null, List.of("ACME"), null, PARIS, null, null, Source.LINKEDIN,
                null, null, null, null);
        OwnerProfile atAcme = new OwnerProfile("Alex", "software", null, "Acme", List.of(), List.of(), PARIS, null, "fr", null);
        OwnerProfile leftAcme = new OwnerProfile("Alex", "software", null, "Orange", List.of("acme"), List.of(), PARIS, null, "fr", null);

        ProjectionOutcome outcome = new ProjectionBatch(model, List.of(new StoredOwner("o1", atAcme)), List.of())
                .applyAll(List.of(new IngestedEvent.ContactUpserted("c", "o1", "c1", imported)))
                .outcome(NOW, 0.01);

        ProjectionOutcome.TieChange change = outcome.changedTies().get(0);
        assertThat(change.tie().origin()).as("the contact once worked at the owner's company").isEqualTo(Origin.FORMER_COLLEAGUE);
        assertThat(change.tie().tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(change.tie().explanation())
                .contains("Origine déduite : collègue par le passé, car vous avez travaillé dans la même entreprise, ACME.");
        assertThat(change.contact()).isEqualTo(imported);
        assertThat(outcome.contacts()).singleElement().satisfies(row -> assertThat(row.contact().origin()).isNull());

        // The owner leaves Acme: the contact is still a former colleague, seen from the owner's past companies now.
        ProjectionOutcome moved = new ProjectionBatch(model, List.of(new StoredOwner("o1", atAcme)), List.of(asWritten(change)))
                .applyAll(List.of(new IngestedEvent.ProfileUpdated("p", "o1", leftAcme)))
                .outcome(NOW, 0.01);
        assertThat(moved.changedTies()).isEmpty();

        // The contact moves to the owner's company: a colleague now, published although its strength barely moved.
        Contact joined = new Contact("Dominique", null, "Orange", null, null, List.of("ACME"), null, PARIS, null, null, Source.LINKEDIN,
                null, null, null, null);
        StoredTie stored = asWritten(change);
        ProjectionOutcome colleague = new ProjectionBatch(model, List.of(new StoredOwner("o1", leftAcme)), List.of(stored))
                .applyAll(List.of(new IngestedEvent.ContactUpserted("c2", "o1", "c1", joined)))
                .outcome(NOW, 0.01);
        assertThat(colleague.changedTies()).singleElement()
                .satisfies(c -> assertThat(c.tie().origin()).isEqualTo(Origin.COLLEAGUE));
    }
}
