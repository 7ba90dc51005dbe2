package io.passerelle.tie;

import static io.passerelle.tie.TieFixtures.NOW;
import static io.passerelle.tie.TieFixtures.contact;
import static io.passerelle.tie.TieFixtures.daysAgo;
import static io.passerelle.tie.TieFixtures.interaction;
import static io.passerelle.tie.TieFixtures.mutualContacts;
import static io.passerelle.tie.TieFixtures.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The strongest a tie has been, and when: "formerly strong" read from the tie's history (DOMAIN.md section 5). */
class TieHistoryTest {
    private final TieParameters parameters = TieParameters.defaults();
    private final TieStrengthModel model = new TieStrengthModel(parameters);
    private final Contact friend = contact(Origin.FORMER_COLLEAGUE, 4, mutualContacts(8));

    private static List<Interaction> meetingsEndingAt(Instant last) {
        List<Interaction> meetings = new ArrayList<>();
        for (int daysBefore : new int[] {90, 60, 30, 10, 0}) {
            meetings.add(interaction(Channel.MEETING, Direction.MUTUAL, last.minus(Duration.ofDays(daysBefore)), 120));
        }
        return meetings;
    }

    @Test
    void aStrongTieThatFadesToWeakThenDormantByTimeAloneKeepsItsPeak() {
        Instant lastMeeting = daysAgo(30);
        TieHistory history = TieHistory.of(meetingsEndingAt(lastMeeting), friend, owner(), model);
        TieStatistics statistics = history.statistics();
        assertThat(model.classOf(statistics, friend, owner(), lastMeeting)).isEqualTo(TieClass.STRONG);

        Instant weakAt = model.nextClassChange(statistics, friend, owner(), lastMeeting);
        Instant dormantAt = model.nextClassChange(statistics, friend, owner(), weakAt);

        assertThat(model.classOf(statistics, friend, owner(), weakAt)).isEqualTo(TieClass.WEAK);
        assertThat(model.classOf(statistics, friend, owner(), dormantAt)).isEqualTo(TieClass.DORMANT);
        double strengthAtLastMeeting = model.strength(model.dimensions(statistics, friend, owner(), lastMeeting));
        assertThat(history.peak()).isEqualTo(new TiePeak(strengthAtLastMeeting, lastMeeting));
        for (Instant asOf : List.of(lastMeeting, weakAt, dormantAt, dormantAt.plus(Duration.ofDays(3650)))) {
            Tie tie = model.describe("c1", history, friend, owner(), asOf, asOf);
            assertThat(tie.peakStrength()).as("as of %s", asOf).isGreaterThanOrEqualTo(parameters.strongThreshold())
                    .isCloseTo(strengthAtLastMeeting, within(1e-12));
            assertThat(tie.peakStrengthAt()).isEqualTo(lastMeeting);
        }
        assertThat(model.describe("c1", history, friend, owner(), dormantAt, dormantAt).tieClass()).isEqualTo(TieClass.DORMANT);
    }

    @Test
    void thePeakOfAStrongPeriodOutlivesALaterGesture() {
        Instant lastMeeting = daysAgo(4 * 365);
        List<Interaction> interactions = new ArrayList<>(meetingsEndingAt(lastMeeting));
        interactions.add(interaction(Channel.REACTION, Direction.INBOUND, daysAgo(1)));

        TieHistory history = TieHistory.of(interactions, friend, owner(), model);
        Tie tie = model.describe("c1", history, friend, owner(), NOW, NOW);

        assertThat(tie.tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(tie.peakStrength()).isGreaterThanOrEqualTo(parameters.strongThreshold());
        assertThat(tie.peakStrengthAt()).isEqualTo(lastMeeting);
        assertThat(tie.peakStrength()).isGreaterThan(model.strengthAtLastInteraction(history.statistics(), friend, owner()));
        // Without its history, the same statistics only show the strength as of their last interaction.
        Tie withoutHistory = model.describe("c1", history.statistics(), friend, owner(), NOW, NOW);
        assertThat(withoutHistory.peakStrengthAt()).isEqualTo(daysAgo(1));
        assertThat(withoutHistory.peakStrength()).isLessThan(parameters.strongThreshold());
    }

    @Test
    void inChronologicalOrderThePeakIsTheHighestStrengthAsOfEachInteraction() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<Interaction> interactions = randomHistory(random, 1 + random.nextInt(12));
            interactions.sort(Comparator.comparing(Interaction::occurredAt));
            Contact contact = TieFixtures.randomContact(random);

            TiePeak peak = TieHistory.of(interactions, contact, owner(), model).peak();

            double highest = -1;
            Instant when = null;
            TieStatistics statistics = TieStatistics.empty();
            for (Interaction interaction : interactions) {
                statistics = statistics.plus(interaction, parameters);
                double strength = model.strength(model.dimensions(statistics, contact, owner(), interaction.occurredAt()));
                if (strength > highest) {
                    highest = strength;
                    when = interaction.occurredAt();
                }
            }
            assertThat(peak.strength()).as("round %d", round).isCloseTo(highest, within(1e-12));
            assertThat(peak.at()).as("round %d", round).isEqualTo(when);
        }
    }

    @Test
    void inAnyOrderThePeakIsNeverAboveTheChronologicalOneNorBelowTheStrengthNow() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            List<Interaction> interactions = randomHistory(random, 1 + random.nextInt(12));
            Contact contact = TieFixtures.randomContact(random);
            List<Interaction> chronological = new ArrayList<>(interactions);
            chronological.sort(Comparator.comparing(Interaction::occurredAt));
            Collections.shuffle(interactions, random);

            TieHistory shuffled = TieHistory.of(interactions, contact, owner(), model);
            TiePeak inOrder = TieHistory.of(chronological, contact, owner(), model).peak();

            assertThat(shuffled.peak().strength()).as("round %d", round).isLessThanOrEqualTo(inOrder.strength() + 1e-12);
            for (int days : new int[] {0, 30, 400, 2000}) {
                Instant asOf = NOW.plus(Duration.ofDays(days));
                Tie tie = model.describe("c1", shuffled, contact, owner(), asOf, asOf);
                assertThat(tie.peakStrength()).as("round %d, day %d", round, days).isGreaterThanOrEqualTo(tie.strength());
            }
        }
    }

    @Test
    void aPeakNeverGoesDown() {
        Random random = new Random(9);
        for (int round = 0; round < 100; round++) {
            Contact contact = TieFixtures.randomContact(random);
            TieHistory history = TieHistory.empty();
            for (Interaction interaction : randomHistory(random, 15)) {
                TieHistory next = history.after(interaction, contact, owner(), model);
                assertThat(next.peak().strength()).isGreaterThanOrEqualTo(history.peak().strength());
                history = next;
            }
        }
    }

    @Test
    void aContactThatArrivesAfterItsInteractionsIsCountedAtTheNextReassessment() {
        List<Interaction> meetings = meetingsEndingAt(daysAgo(10));
        TieHistory beforeTheContact = TieHistory.of(meetings, null, owner(), model);

        TieHistory reassessed = beforeTheContact.reassessed(friend, owner(), model);

        double withContact = model.strengthAtLastInteraction(beforeTheContact.statistics(), friend, owner());
        assertThat(beforeTheContact.peak().strength()).isLessThan(withContact);
        assertThat(reassessed.peak()).isEqualTo(new TiePeak(withContact, daysAgo(10)));
        assertThat(reassessed.statistics()).isEqualTo(beforeTheContact.statistics());
    }

    @Test
    void withoutARecordedPeakThePeakIsTheStrengthAsOfTheLastInteraction() {
        TieStatistics statistics = TieHistory.of(meetingsEndingAt(daysAgo(100)), friend, owner(), model).statistics();

        TieHistory history = TieHistory.withoutRecordedPeak(statistics, friend, owner(), model);

        assertThat(history.peak()).isEqualTo(new TiePeak(model.strengthAtLastInteraction(statistics, friend, owner()), daysAgo(100)));
        assertThat(TieHistory.withoutRecordedPeak(TieStatistics.empty(), friend, owner(), model).peak()).isEqualTo(TiePeak.NONE);
        Tie nascent = model.describe("c1", TieHistory.empty(), contact(Origin.CLIENT, null, null), owner(), NOW, NOW);
        assertThat(nascent.peakStrength()).isZero();
        assertThat(nascent.peakStrengthAt()).isNull();
    }

    @Test
    void aPeakKeepsTheFirstInstantItWasReachedAndStaysInZeroToOne() {
        TiePeak peak = TiePeak.NONE.max(0.4, daysAgo(10));

        assertThat(peak.max(0.4, daysAgo(5))).isEqualTo(new TiePeak(0.4, daysAgo(10)));
        assertThat(peak.max(0.3, daysAgo(5))).isEqualTo(peak);
        assertThat(peak.max(0.5, daysAgo(5))).isEqualTo(new TiePeak(0.5, daysAgo(5)));
        assertThat(TiePeak.NONE.max(0.0, daysAgo(1))).isEqualTo(new TiePeak(0.0, daysAgo(1)));
        assertThatThrownBy(() -> new TiePeak(1.5, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TiePeak(0.5, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTieCarriesItsLastReciprocatedExchange() {
        TieHistory history = TieHistory.of(List.of(
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(30)),
                interaction(Channel.EMAIL, Direction.INBOUND, daysAgo(20)),
                interaction(Channel.REACTION, Direction.MUTUAL, daysAgo(2))), friend, owner(), model);

        Tie tie = model.describe("c1", history, friend, owner(), NOW, NOW);

        assertThat(tie.lastReciprocatedAt()).isEqualTo(daysAgo(30));
        assertThat(tie.lastInteractionAt()).isEqualTo(daysAgo(2));
    }

    private static List<Interaction> randomHistory(Random random, int size) {
        List<Interaction> history = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            history.add(TieFixtures.randomInteraction(random, 5 * 365));
        }
        return history;
    }
}
