package io.passerelle.tie;

import static io.passerelle.tie.TieFixtures.NOW;
import static io.passerelle.tie.TieFixtures.contact;
import static io.passerelle.tie.TieFixtures.daysAgo;
import static io.passerelle.tie.TieFixtures.fold;
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
import io.passerelle.contracts.model.TieClass;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How ties change with time alone: origin-dependent decay and the instant of the next class change. */
class TieDecayTest {
    private final TieParameters parameters = TieParameters.defaults();
    private final TieStrengthModel model = new TieStrengthModel(parameters);

    private static Contact withOrigin(Origin origin) {
        // Same data but the origin, so that only the origin can make a difference.
        return contact(origin, 3, mutualContacts(4));
    }

    @Test
    void aFamilyTieDecaysSlowerThanAnOnlineOne() {
        TieStatistics statistics = fold(List.of(
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(40)),
                interaction(Channel.CALL, Direction.MUTUAL, daysAgo(10))));
        Contact family = withOrigin(Origin.FAMILY);
        Contact online = withOrigin(Origin.ONLINE);

        for (int days : new int[] {30, 180, 365, 900}) {
            Instant later = NOW.plus(Duration.ofDays(days));
            double familyLoss = model.strength(model.dimensions(statistics, family, owner(), NOW))
                    - model.strength(model.dimensions(statistics, family, owner(), later));
            double onlineLoss = model.strength(model.dimensions(statistics, online, owner(), NOW))
                    - model.strength(model.dimensions(statistics, online, owner(), later));

            assertThat(familyLoss).as("after %d days", days).isPositive().isLessThan(onlineLoss);
        }
    }

    @Test
    void recencyHalfLifeIsLengthenedByTheOriginsFactor() {
        TieStatistics statistics = fold(List.of(interaction(Channel.CALL, null, NOW)));
        Duration base = parameters.recencyHalfLife();

        assertThat(model.recency(statistics, withOrigin(Origin.ONLINE), NOW.plus(base))).isCloseTo(0.5, within(1e-9));
        assertThat(model.recency(statistics, withOrigin(Origin.FAMILY), NOW.plus(base.multipliedBy(3)))).isCloseTo(0.5, within(1e-9));
        assertThat(model.recency(statistics, withOrigin(Origin.FRIEND), NOW.plus(base.multipliedBy(3).dividedBy(2))))
                .isCloseTo(0.5, within(1e-9));
        assertThat(model.recency(statistics, (Contact) null, NOW.plus(base))).isCloseTo(0.5, within(1e-9));
        assertThat(parameters.recencyHalfLife(Origin.NEIGHBOUR)).isEqualTo(base);
    }

    @Test
    void recencyFactorsMustBePositiveAndCoverEveryOrigin() {
        Map<Origin, Double> zero = new EnumMap<>(parameters.recencyHalfLifeFactors());
        zero.put(Origin.FAMILY, 0.0);
        Map<Origin, Double> missing = new EnumMap<>(parameters.recencyHalfLifeFactors());
        missing.remove(Origin.ONLINE);

        assertThatThrownBy(() -> parameters.withRecencyHalfLifeFactors(zero)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parameters.withRecencyHalfLifeFactors(missing)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStrongTieFadesToWeakAtTheSecondItsStrengthCrossesTheThreshold() {
        TieStatistics statistics = fold(List.of(
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(30), 120),
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(20), 120),
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(2), 120)));
        Contact friend = contact(Origin.FORMER_COLLEAGUE, 4, mutualContacts(8));
        assertThat(model.classOf(statistics, friend, owner(), NOW)).isEqualTo(TieClass.STRONG);

        Instant weakAt = model.nextClassChange(statistics, friend, owner(), NOW);

        assertThat(weakAt).isAfter(NOW).isBefore(model.dormantFrom(statistics));
        assertThat(model.classOf(statistics, friend, owner(), weakAt)).isEqualTo(TieClass.WEAK);
        assertThat(model.classOf(statistics, friend, owner(), weakAt.minusSeconds(1))).isEqualTo(TieClass.STRONG);
        assertThat(model.strength(model.dimensions(statistics, friend, owner(), weakAt))).isLessThan(parameters.strongThreshold());
    }

    @Test
    void aWeakTieThatWasAtLeastWeakTurnsDormantJustAfterThreeYearsOfSilence() {
        TieStatistics statistics = fold(List.of(
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(400), 60),
                interaction(Channel.CALL, Direction.MUTUAL, daysAgo(300), 30)));
        Contact colleague = contact(Origin.FORMER_COLLEAGUE, 2, mutualContacts(3));
        assertThat(model.classOf(statistics, colleague, owner(), NOW)).isEqualTo(TieClass.WEAK);

        Instant dormantAt = model.nextClassChange(statistics, colleague, owner(), NOW);

        Instant threeYears = statistics.lastInteractionAt().atZone(ZoneOffset.UTC).plusYears(3).toInstant();
        assertThat(dormantAt).isEqualTo(threeYears.plusMillis(1));
        assertThat(model.classOf(statistics, colleague, owner(), threeYears)).isEqualTo(TieClass.WEAK);
        assertThat(model.classOf(statistics, colleague, owner(), dormantAt)).isEqualTo(TieClass.DORMANT);
        assertThat(model.nextClassChange(statistics, colleague, owner(), dormantAt)).isNull();
    }

    @Test
    void nascentTiesAndTiesTooFaintToGoDormantNeverChangeWithTime() {
        Contact online = contact(Origin.ONLINE, 0, List.of());
        TieStatistics oneReaction = fold(List.of(interaction(Channel.REACTION, Direction.INBOUND, daysAgo(10))));

        assertThat(model.nextClassChange(TieStatistics.empty(), online, owner(), NOW)).isNull();
        assertThat(model.nextClassChange(oneReaction, online, owner(), NOW)).isNull();
        assertThat(model.classOf(oneReaction, online, owner(), NOW.plus(Duration.ofDays(3650)))).isEqualTo(TieClass.WEAK);
    }

    @Test
    void theClassHoldsUntilTheAnnouncedInstantAndChangesThere() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<Interaction> history = new ArrayList<>();
            int size = 1 + random.nextInt(15);
            for (int i = 0; i < size; i++) {
                history.add(TieFixtures.randomInteraction(random, 4 * 365));
            }
            TieStatistics statistics = fold(history);
            Contact contact = TieFixtures.randomContact(random);
            TieClass now = model.classOf(statistics, contact, owner(), NOW);

            Instant next = model.nextClassChange(statistics, contact, owner(), NOW);

            Instant horizon = next == null ? NOW.plus(Duration.ofDays(20 * 365)) : next.minusSeconds(1);
            for (int step = 1; step <= 40; step++) {
                Instant between = NOW.plusMillis(Duration.between(NOW, horizon).toMillis() * step / 40);
                assertThat(model.classOf(statistics, contact, owner(), between)).as("round %d, step %d", round, step).isEqualTo(now);
            }
            if (next != null) {
                assertThat(next).isAfter(NOW);
                assertThat(model.classOf(statistics, contact, owner(), next)).as("round %d at the change", round).isNotEqualTo(now);
            }
        }
    }

    /**
     * graph-service lists ties in their stored order and re-scores a stored strength once it is six
     * hours old (plus one sweep run): over that time, no tie's strength moves by more than the
     * documented bound of 0.005, whatever its history (README of graph-service, "Tie reads").
     */
    @Test
    void sixHoursOfTimePassingMoveNoStrengthByMoreThanTheListingsStalenessBound() {
        Random random = new Random(20261201L);
        Duration staleness = Duration.ofHours(6).plusMinutes(1);
        double largest = 0;
        for (int round = 0; round < 5_000; round++) {
            List<Interaction> history = new ArrayList<>();
            int size = random.nextInt(20);
            for (int i = 0; i < size; i++) {
                history.add(TieFixtures.randomInteraction(random, 4 * 365));
            }
            TieStatistics statistics = fold(history);
            Contact contact = TieFixtures.randomContact(random);
            double before = model.strength(model.dimensions(statistics, contact, owner(), NOW));
            double after = model.strength(model.dimensions(statistics, contact, owner(), NOW.plus(staleness)));
            largest = Math.max(largest, Math.abs(before - after));
        }
        System.out.printf("largest strength change over %s: %.6f%n", staleness, largest);
        assertThat(largest).isLessThan(0.005);
    }
}
