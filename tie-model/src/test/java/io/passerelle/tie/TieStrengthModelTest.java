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
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import io.passerelle.vocabulary.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TieStrengthModelTest {
    private final TieParameters parameters = TieParameters.defaults();
    private final TieStrengthModel model = new TieStrengthModel(parameters);

    @Nested
    class Dimensions {
        @Test
        void intensityGrowsWithVolumeSaturatesAndDecays() {
            TieStatistics one = fold(List.of(interaction(Channel.MEETING, Direction.MUTUAL, NOW)));
            TieStatistics many = fold(List.of(
                    interaction(Channel.MEETING, Direction.MUTUAL, NOW),
                    interaction(Channel.MEETING, Direction.MUTUAL, NOW),
                    interaction(Channel.MEETING, Direction.MUTUAL, NOW),
                    interaction(Channel.MEETING, Direction.MUTUAL, NOW)));

            assertThat(model.intensity(TieStatistics.empty(), NOW)).isZero();
            assertThat(model.intensity(one, NOW)).isCloseTo(1 - Math.exp(-1.0 / 3.0), within(1e-12));
            assertThat(model.intensity(many, NOW)).isGreaterThan(model.intensity(one, NOW)).isLessThan(1.0);
            double later = model.intensity(many, NOW.plus(parameters.volumeHalfLife()));
            assertThat(later).isCloseTo(1 - Math.exp(-2.0 / 3.0), within(1e-12));
        }

        @Test
        void intimacyRanksChannelsMeetingFirstReactionLast() {
            List<Channel> ranking = List.of(Channel.MEETING, Channel.CALL, Channel.PRIVATE_MESSAGE, Channel.EMAIL,
                    Channel.PUBLIC_COMMENT, Channel.REACTION);
            List<Double> scores = ranking.stream()
                    .map(channel -> model.intimacy(fold(List.of(interaction(channel, Direction.MUTUAL, NOW))), null))
                    .toList();

            for (int i = 1; i < scores.size(); i++) {
                assertThat(scores.get(i)).as(ranking.get(i) + " below " + ranking.get(i - 1)).isLessThan(scores.get(i - 1));
            }
            assertThat(model.intimacy(fold(List.of(interaction(Channel.VIDEO_CALL, null, NOW))), null))
                    .isEqualTo(model.intimacy(fold(List.of(interaction(Channel.CALL, null, NOW))), null));
        }

        @Test
        void intimacyBlendsDeclaredClosenessWhenGiven() {
            TieStatistics oneEmail = fold(List.of(interaction(Channel.EMAIL, Direction.OUTBOUND, NOW)));
            double channels = model.channelIntimacy(oneEmail);

            assertThat(model.intimacy(oneEmail, contact(Origin.FRIEND, null, null))).isEqualTo(channels);
            assertThat(model.intimacy(oneEmail, contact(Origin.FRIEND, 5, null))).isCloseTo(0.6 + 0.4 * channels, within(1e-12));
            assertThat(model.intimacy(oneEmail, contact(Origin.FRIEND, 0, null))).isCloseTo(0.4 * channels, within(1e-12));
            assertThat(model.intimacy(TieStatistics.empty(), contact(Origin.FRIEND, 5, null))).isCloseTo(0.6, within(1e-12));
        }

        @Test
        void durationIsTheDemonstratedLifetimeFromFirstContactToLastInteraction() {
            TieStatistics threeYears = fold(List.of(
                    interaction(Channel.EMAIL, null, daysAgo(3 * 365 + 10)),
                    interaction(Channel.EMAIL, null, daysAgo(10))));
            TieStatistics single = fold(List.of(interaction(Channel.EMAIL, null, daysAgo(10))));

            assertThat(model.duration(TieStatistics.empty(), null)).isZero();
            assertThat(model.duration(single, null)).isZero();
            assertThat(model.duration(threeYears, null)).isCloseTo(1 - Math.exp(-1), within(1e-9));
            Contact connectedLongBefore = TieFixtures.connectedOn(LocalDate.ofInstant(daysAgo(3 * 365 + 10), ZoneOffset.UTC));
            assertThat(model.duration(single, connectedLongBefore)).isCloseTo(1 - Math.exp(-1), within(1e-3));
            Contact connectedAfter = TieFixtures.connectedOn(LocalDate.ofInstant(daysAgo(1), ZoneOffset.UTC));
            assertThat(model.duration(threeYears, connectedAfter)).isEqualTo(model.duration(threeYears, null));
        }

        @Test
        void recencyHalvesPerHalfLifeOfSilence() {
            TieStatistics statistics = fold(List.of(interaction(Channel.CALL, null, NOW)));

            assertThat(model.recency(TieStatistics.empty(), NOW)).isZero();
            assertThat(model.recency(statistics, NOW)).isEqualTo(1.0);
            assertThat(model.recency(statistics, NOW.plus(parameters.recencyHalfLife()))).isCloseTo(0.5, within(1e-12));
            assertThat(model.recency(statistics, NOW.plus(parameters.recencyHalfLife().multipliedBy(2)))).isCloseTo(0.25, within(1e-12));
        }

        @Test
        void reciprocityCountsTwoWayExchangesAndServices() {
            TieStatistics oneWay = fold(List.of(
                    interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(3)),
                    interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(2))));
            TieStatistics answered = fold(List.of(
                    interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(3)),
                    interaction(Channel.EMAIL, Direction.INBOUND, daysAgo(2))));
            TieStatistics withIntroduction = fold(List.of(
                    interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(3)),
                    interaction(Channel.EMAIL, Direction.INBOUND, daysAgo(2)),
                    interaction(Channel.INTRODUCTION, Direction.INBOUND, daysAgo(1))));

            assertThat(model.reciprocity(oneWay)).isZero();
            assertThat(model.reciprocity(answered)).isCloseTo(1 - Math.exp(-1.0 / 4.0), within(1e-12));
            assertThat(model.reciprocity(withIntroduction)).isGreaterThan(model.reciprocity(answered));
        }

        @Test
        void structuralSaturatesWithMutualContacts() {
            assertThat(model.structural(null)).isZero();
            assertThat(model.structural(contact(Origin.OTHER, null, null))).isZero();
            assertThat(model.structural(contact(Origin.OTHER, null, mutualContacts(10)))).isCloseTo(1 - Math.exp(-1), within(1e-12));
            assertThat(model.structural(contact(Origin.OTHER, null, List.of("a", "a", "b"))))
                    .isCloseTo(1 - Math.exp(-0.2), within(1e-12));
        }

        @Test
        void socialDistanceIsOneForALookAlikeAndLowerForEachDifference() {
            OwnerProfile owner = owner("Software", "Saint-Étienne", List.of("INSA Lyon"));

            assertThat(model.socialDistance(TieFixtures.lookingLike("software", "saint etienne", List.of("insa lyon", "MIT")), owner)).isEqualTo(1.0);
            assertThat(model.socialDistance(TieFixtures.lookingLike("finance", "saint etienne", List.of("INSA Lyon")), owner)).isCloseTo(0.85, within(1e-12));
            assertThat(model.socialDistance(TieFixtures.lookingLike("finance", "Lyon", List.of("HEC")), owner)).isCloseTo(0.55, within(1e-12));
            assertThat(model.socialDistance(TieFixtures.lookingLike(null, null, null), owner)).isCloseTo(0.775, within(1e-12));
            assertThat(model.socialDistance(null, null)).isCloseTo(0.775, within(1e-12));
        }

        @Test
        void originPriorPutsFamilyAndFriendsHighNeighboursAndOnlineLow() {
            double family = model.originPrior(contact(Origin.FAMILY, null, null));
            double friend = model.originPrior(contact(Origin.FRIEND, null, null));
            double colleague = model.originPrior(contact(Origin.FORMER_COLLEAGUE, null, null));
            double neighbour = model.originPrior(contact(Origin.NEIGHBOUR, null, null));
            double online = model.originPrior(contact(Origin.ONLINE, null, null));

            assertThat(family).isGreaterThan(friend);
            assertThat(friend).isGreaterThan(colleague);
            assertThat(colleague).isGreaterThan(neighbour);
            assertThat(neighbour).isLessThanOrEqualTo(0.25);
            assertThat(online).isLessThanOrEqualTo(0.25);
            assertThat(model.originPrior((Origin) null)).isEqualTo(parameters.unknownOriginPrior());
        }

        @Test
        void strengthIsTheWeightedMeanOfTheDimensions() {
            TieDimensions dimensions = new TieDimensions(1, 0, 0, 0, 0, 0, 0, 0);
            assertThat(model.strength(dimensions)).isCloseTo(0.20, within(1e-12));
            assertThat(model.strength(new TieDimensions(1, 1, 1, 1, 1, 1, 1, 1))).isCloseTo(1.0, within(1e-12));
            assertThat(model.strength(new TieDimensions(0, 0, 0, 0, 0, 0, 0, 0))).isZero();
        }
    }

    @Nested
    class Classes {
        private final TieStatistics active = fold(List.of(
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(20)),
                interaction(Channel.CALL, Direction.MUTUAL, daysAgo(10))));
        private final Contact friend = contact(Origin.FRIEND, 4, mutualContacts(5));

        @Test
        void aTieWithoutInteractionAndNoSignOfASharedPastIsNascentWhateverItsStrength() {
            TieAssessment assessment = model.assess(TieStatistics.empty(), contact(Origin.CLIENT, 2, mutualContacts(30)), owner(), NOW);

            assertThat(assessment.tieClass()).isEqualTo(TieClass.NASCENT);
            assertThat(assessment.strength()).isGreaterThan(0);
        }

        @Test
        void strongExactlyAtTheThresholdWeakJustBelow() {
            double strength = model.assess(active, friend, owner(), NOW).strength();

            TieStrengthModel atThreshold = new TieStrengthModel(parameters.withThresholds(strength, 0.1, Period.ofYears(3)));
            TieStrengthModel aboveIt = new TieStrengthModel(parameters.withThresholds(Math.nextUp(strength), 0.1, Period.ofYears(3)));

            assertThat(atThreshold.assess(active, friend, owner(), NOW).tieClass()).isEqualTo(TieClass.STRONG);
            assertThat(aboveIt.assess(active, friend, owner(), NOW).tieClass()).isEqualTo(TieClass.WEAK);
        }

        @Test
        void dormantAfterThreeYearsOfSilenceWhenTheTieWasAtLeastWeak() {
            Instant last = active.lastInteractionAt();
            Instant threeYearsLater = last.atZone(ZoneOffset.UTC).plusYears(3).toInstant();

            TieAssessment justBefore = model.assess(active, friend, owner(), threeYearsLater.minusSeconds(1));
            TieAssessment atThreeYears = model.assess(active, friend, owner(), threeYearsLater);
            TieAssessment justAfter = model.assess(active, friend, owner(), threeYearsLater.plusSeconds(1));

            assertThat(justAfter.strengthWhenLastActive()).isGreaterThanOrEqualTo(parameters.weakThreshold());
            assertThat(justBefore.tieClass()).isNotEqualTo(TieClass.DORMANT);
            assertThat(atThreeYears.tieClass()).isNotEqualTo(TieClass.DORMANT);
            assertThat(justAfter.tieClass()).isEqualTo(TieClass.DORMANT);
        }

        @Test
        void aLongSilentTieThatWasNeverWeakStaysWeakRatherThanDormant() {
            TieStatistics faint = fold(List.of(interaction(Channel.REACTION, Direction.INBOUND, daysAgo(4 * 365))));
            Contact stranger = contact(Origin.ONLINE, null, null);

            TieAssessment assessment = model.assess(faint, stranger, owner(), NOW);

            assertThat(assessment.strengthWhenLastActive()).isLessThan(parameters.weakThreshold());
            assertThat(assessment.tieClass()).isEqualTo(TieClass.WEAK);
        }

        @Test
        void theDormantBoundaryOnStrengthWhenLastActiveIsInclusive() {
            TieStatistics old = fold(List.of(interaction(Channel.CALL, Direction.MUTUAL, daysAgo(4 * 365))));
            // A client: nothing but its strength then decides whether it is dormant.
            Contact client = contact(Origin.CLIENT, 2, mutualContacts(5));
            double whenLastActive = model.assess(old, client, owner(), NOW).strengthWhenLastActive();

            TieStrengthModel inclusive = new TieStrengthModel(parameters.withThresholds(0.9, whenLastActive, Period.ofYears(3)));
            TieStrengthModel stricter = new TieStrengthModel(parameters.withThresholds(0.9, Math.nextUp(whenLastActive), Period.ofYears(3)));

            assertThat(inclusive.assess(old, client, owner(), NOW).tieClass()).isEqualTo(TieClass.DORMANT);
            assertThat(stricter.assess(old, client, owner(), NOW).tieClass()).isEqualTo(TieClass.WEAK);
        }

        @Test
        void aCloseFriendSeenOftenIsStrongAndAnOnlineAcquaintanceIsWeak() {
            TieStatistics often = fold(List.of(
                    interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(80), 90),
                    interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(50), 90),
                    interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(30), 90),
                    interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(5), 90),
                    interaction(Channel.CALL, Direction.INBOUND, daysAgo(2000))));
            TieStatistics twoMessages = fold(List.of(
                    interaction(Channel.PRIVATE_MESSAGE, Direction.INBOUND, daysAgo(61)),
                    interaction(Channel.PRIVATE_MESSAGE, Direction.OUTBOUND, daysAgo(60))));

            assertThat(model.assess(often, contact(Origin.FRIEND, 4, mutualContacts(12)), owner(), NOW).tieClass())
                    .isEqualTo(TieClass.STRONG);
            assertThat(model.assess(twoMessages, contact(Origin.ONLINE, null, mutualContacts(2)), owner(), NOW).tieClass())
                    .isEqualTo(TieClass.WEAK);
        }
    }

    @Nested
    class Properties {
        private final Random random = new Random(20260304);

        @Test
        void aNewInteractionNeverLowersStrengthAtThatInstant() {
            for (int round = 0; round < 500; round++) {
                List<Interaction> history = randomHistory(random.nextInt(12));
                Contact contact = TieFixtures.randomContact(random);
                Interaction added = TieFixtures.randomInteraction(random, 5 * 365);
                TieStatistics before = fold(history);
                TieStatistics after = before.plus(added, parameters);
                Instant asOf = NOW.plus(Duration.ofDays(random.nextInt(3)));

                double strengthBefore = model.strength(model.dimensions(before, contact, owner(), asOf));
                double strengthAfter = model.strength(model.dimensions(after, contact, owner(), asOf));

                assertThat(strengthAfter).as("round %d", round).isGreaterThanOrEqualTo(strengthBefore - 1e-12);
            }
        }

        @Test
        void strengthNeverRisesWithTimeAlone() {
            for (int round = 0; round < 300; round++) {
                TieStatistics statistics = fold(randomHistory(random.nextInt(12)));
                Contact contact = TieFixtures.randomContact(random);
                double previous = Double.MAX_VALUE;
                for (int days = 0; days <= 3000; days += 30) {
                    double strength = model.strength(model.dimensions(statistics, contact, owner(), NOW.plus(Duration.ofDays(days))));
                    assertThat(strength).as("round %d, day %d", round, days).isLessThanOrEqualTo(previous + 1e-12);
                    previous = strength;
                }
            }
        }

        @Test
        void replayOrderDoesNotChangeTheAssessment() {
            for (int round = 0; round < 100; round++) {
                List<Interaction> history = randomHistory(1 + random.nextInt(20));
                Contact contact = TieFixtures.randomContact(random);
                TieAssessment reference = model.assess(fold(history), contact, owner(), NOW);
                List<Interaction> shuffled = new ArrayList<>(history);
                Collections.shuffle(shuffled, random);

                TieAssessment replayed = model.assess(fold(shuffled), contact, owner(), NOW);

                assertThat(replayed.strength()).isCloseTo(reference.strength(), within(1e-9));
                assertThat(replayed.tieClass()).isEqualTo(reference.tieClass());
            }
        }

        @Test
        void everyValueStaysWithinZeroAndOne() {
            for (int round = 0; round < 500; round++) {
                TieStatistics statistics = fold(randomHistory(random.nextInt(200)));
                Contact contact = TieFixtures.randomContact(random);
                OwnerProfile owner = random.nextBoolean() ? owner() : null;
                TieAssessment assessment = model.assess(statistics, contact, owner, NOW.plus(Duration.ofDays(random.nextInt(5000))));
                TieDimensions d = assessment.dimensions();

                assertThat(List.of(assessment.strength(), assessment.strengthWhenLastActive(), d.intensity(), d.intimacy(),
                        d.duration(), d.recency(), d.reciprocity(), d.structural(), d.socialDistance(), d.originPrior()))
                        .allSatisfy(value -> assertThat(value).isBetween(0.0, 1.0));
            }
        }

        private List<Interaction> randomHistory(int size) {
            List<Interaction> history = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                history.add(TieFixtures.randomInteraction(random, 6 * 365));
            }
            return history;
        }
    }

    @Nested
    class Explanations {
        @Test
        void nameWhatDecidedAStrongTie() {
            TieStatistics meetings = fold(List.of(
                    interaction(Channel.MEETING, Direction.MUTUAL, Instant.parse("2025-12-10T10:00:00Z")),
                    interaction(Channel.MEETING, Direction.MUTUAL, Instant.parse("2026-01-10T10:00:00Z")),
                    interaction(Channel.MEETING, Direction.MUTUAL, Instant.parse("2026-02-10T10:00:00Z")),
                    interaction(Channel.MEETING, Direction.MUTUAL, Instant.parse("2026-02-22T10:00:00Z")),
                    interaction(Channel.EMAIL, Direction.OUTBOUND, Instant.parse("2026-02-20T10:00:00Z"))));

            TieAssessment assessment = model.assess(meetings, contact(Origin.FRIEND, 5, mutualContacts(8)), owner(), NOW, Language.EN);

            assertThat(assessment.tieClass()).isEqualTo(TieClass.STRONG);
            assertThat(assessment.explanation()).hasSizeBetween(2, 4);
            assertThat(assessment.explanation().get(0)).contains("strong-tie threshold");
            assertThat(assessment.explanation()).contains(
                    "Met in person 4 times since December 2025 (5 interactions in all).",
                    "Last contact 10 days ago, on 22 February 2026.",
                    "Declared closeness 5 out of 5.");
        }

        @Test
        void dateTheSilenceOfADormantTie() {
            TieStatistics old = fold(List.of(
                    interaction(Channel.MEETING, Direction.MUTUAL, Instant.parse("2022-02-10T10:00:00Z")),
                    interaction(Channel.CALL, Direction.MUTUAL, Instant.parse("2022-03-15T10:00:00Z"))));

            TieAssessment assessment = model.assess(old, contact(Origin.FORMER_COLLEAGUE, 4, mutualContacts(6)), owner(), NOW, Language.EN);

            assertThat(assessment.tieClass()).isEqualTo(TieClass.DORMANT);
            assertThat(assessment.explanation()).hasSizeBetween(2, 4);
            assertThat(assessment.explanation().get(0)).startsWith("No exchange since March 2022;");
        }

        @Test
        void sayThatANascentTieHasNoInteractionYet() {
            TieAssessment assessment = model.assess(TieStatistics.empty(), null, null, NOW, Language.EN);

            assertThat(assessment.explanation()).hasSizeBetween(2, 4);
            assertThat(assessment.explanation().get(0)).contains("No interaction recorded yet");
        }
    }

    @Test
    void describesATieForTheApiWithTheContactIdAsNameUntilTheContactArrives() {
        TieStatistics statistics = fold(List.of(interaction(Channel.CALL, Direction.MUTUAL, daysAgo(3))));

        Tie unknown = model.describe("c-42", statistics, null, owner(), NOW, NOW);
        Tie known = model.describe("c-42", statistics, contact(Origin.CLIENT, null, mutualContacts(3)), owner(), NOW, NOW);

        assertThat(unknown.displayName()).isEqualTo("c-42");
        assertThat(unknown.origin()).isNull();
        assertThat(unknown.interactionCount()).isEqualTo(1);
        assertThat(known.displayName()).isEqualTo("Camille Martin");
        assertThat(known.origin()).isEqualTo(Origin.CLIENT);
        assertThat(known.mutualContacts()).isEqualTo(3);
        assertThat(known.lastInteractionAt()).isEqualTo(daysAgo(3));
    }

    @Test
    void rejectsParametersOutsideTheirRange() {
        assertThatThrownBy(() -> new TieParameters.Weights(-0.1, 0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TieParameters.Weights(0, 0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parameters.withThresholds(0.3, 0.5, Period.ofYears(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parameters.withHalfLives(Duration.ZERO, Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAssessmentsStrengthsAtPastInstantsAreThoseOfTheDimensionsAsOfThem() {
        // assess reuses the dimensions that do not move with time; the strengths must be those computed afresh, to the bit.
        Random random = new Random(20261202L);
        Channel[] channels = Channel.values();
        Direction[] directions = Direction.values();
        Origin[] origins = Origin.values();
        for (int history = 0; history < 2_000; history++) {
            List<Interaction> interactions = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                interactions.add(interaction(channels[random.nextInt(channels.length)], directions[random.nextInt(directions.length)],
                        daysAgo(random.nextInt(3_000)), random.nextBoolean() ? null : random.nextInt(120)));
            }
            TieStatistics statistics = fold(interactions);
            Contact contact = random.nextInt(5) == 0 ? null
                    : contact(origins[random.nextInt(origins.length)], random.nextInt(6), mutualContacts(random.nextInt(30)));
            OwnerProfile owner = random.nextInt(5) == 0 ? null : owner();

            TieAssessment assessment = model.assess(statistics, contact, owner, NOW);

            assertThat(assessment.strength()).isEqualTo(model.strength(model.dimensions(statistics, contact, owner, NOW)));
            assertThat(assessment.strengthAtLastInteraction()).isEqualTo(model.strengthAtLastInteraction(statistics, contact, owner));
            assertThat(assessment.strengthWhenLastActive()).isEqualTo(statistics.hasSubstantiveInteraction()
                    ? model.strength(model.dimensions(statistics, contact, owner, statistics.lastSubstantiveAt()))
                    : 0.0);
        }
    }
}
