package io.passerelle.tie;

import static io.passerelle.tie.TieFixtures.NOW;
import static io.passerelle.tie.TieFixtures.daysAgo;
import static io.passerelle.tie.TieFixtures.fold;
import static io.passerelle.tie.TieFixtures.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TieStatisticsTest {
    private final TieParameters parameters = TieParameters.defaults();

    @Test
    void countsInteractionsPerChannelDirectionAndService() {
        TieStatistics statistics = fold(List.of(
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(10)),
                interaction(Channel.EMAIL, Direction.INBOUND, daysAgo(20)),
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(5)),
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(4)),
                interaction(Channel.ENDORSEMENT, null, daysAgo(30))));

        assertThat(statistics.interactionCount()).isEqualTo(5);
        assertThat(statistics.count(Channel.EMAIL)).isEqualTo(3);
        assertThat(statistics.count(Channel.CALL)).isZero();
        assertThat(statistics.inboundCount()).isEqualTo(1);
        assertThat(statistics.outboundCount()).isEqualTo(2);
        assertThat(statistics.mutualCount()).isEqualTo(1);
        assertThat(statistics.servicesCount()).isEqualTo(1);
        assertThat(statistics.reciprocalExchanges()).isEqualTo(2);
        assertThat(statistics.firstInteractionAt()).isEqualTo(daysAgo(30));
        assertThat(statistics.lastInteractionAt()).isEqualTo(daysAgo(4));
    }

    @Test
    void decayedVolumeHalvesPerHalfLifeWhicheverComesFirst() {
        Duration halfLife = parameters.volumeHalfLife();
        Interaction older = interaction(Channel.MEETING, Direction.MUTUAL, NOW.minus(halfLife));
        Interaction newer = interaction(Channel.MEETING, Direction.MUTUAL, NOW);
        double w = parameters.volumeWeight(Channel.MEETING);

        TieStatistics olderFirst = fold(List.of(older, newer));
        TieStatistics newerFirst = fold(List.of(newer, older));

        assertThat(olderFirst.decayedVolumeAt(NOW, halfLife)).isCloseTo(w * 0.5 + w, within(1e-12));
        assertThat(newerFirst.decayedVolumeAt(NOW, halfLife)).isCloseTo(w * 0.5 + w, within(1e-12));
        assertThat(newerFirst.decayedVolumeAt(NOW.plus(halfLife), halfLife)).isCloseTo((w * 0.5 + w) / 2, within(1e-12));
        assertThat(olderFirst.volumeReferenceAt()).isEqualTo(NOW).isEqualTo(newerFirst.volumeReferenceAt());
    }

    @Test
    void anInteractionsLengthAddsUpToOneToItsVolume() {
        double shortCall = TieStatistics.volumeOf(interaction(Channel.CALL, null, NOW, 0), parameters);
        double hourCall = TieStatistics.volumeOf(interaction(Channel.CALL, null, NOW, 60), parameters);
        double dayCall = TieStatistics.volumeOf(interaction(Channel.CALL, null, NOW, 1000), parameters);

        assertThat(shortCall).isEqualTo(parameters.volumeWeight(Channel.CALL));
        assertThat(hourCall).isCloseTo(shortCall + 0.25, within(1e-12));
        assertThat(dayCall).isCloseTo(shortCall + 1.0, within(1e-12));
    }

    @Test
    void anyArrivalOrderGivesTheSameStatistics() {
        Random random = new Random(42);
        List<Interaction> interactions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            interactions.add(TieFixtures.randomInteraction(random, 2000));
        }
        TieStatistics reference = fold(interactions);
        for (int round = 0; round < 20; round++) {
            List<Interaction> shuffled = new ArrayList<>(interactions);
            Collections.shuffle(shuffled, random);
            TieStatistics other = fold(shuffled);
            assertThat(other.interactionCount()).isEqualTo(reference.interactionCount());
            assertThat(other.channelCounts()).isEqualTo(reference.channelCounts());
            assertThat(other.firstInteractionAt()).isEqualTo(reference.firstInteractionAt());
            assertThat(other.lastInteractionAt()).isEqualTo(reference.lastInteractionAt());
            assertThat(other.reciprocalExchanges()).isEqualTo(reference.reciprocalExchanges());
            assertThat(other.servicesCount()).isEqualTo(reference.servicesCount());
            assertThat(other.volumeReferenceAt()).isEqualTo(reference.volumeReferenceAt());
            assertThat(other.decayedVolume()).isCloseTo(reference.decayedVolume(), within(1e-9 * reference.decayedVolume()));
            assertThat(other.lastSubstantiveAt()).isEqualTo(reference.lastSubstantiveAt());
            assertThat(other.lastSubstantiveInboundAt()).isEqualTo(reference.lastSubstantiveInboundAt());
            assertThat(other.lastSubstantiveOutboundAt()).isEqualTo(reference.lastSubstantiveOutboundAt());
            assertThat(other.lastSubstantiveMutualAt()).isEqualTo(reference.lastSubstantiveMutualAt());
            assertThat(other.lastReciprocatedAt()).isEqualTo(reference.lastReciprocatedAt());
        }
    }

    @Test
    void recordsTheLatestSubstantiveInteractionPerDirectionAndLeavesGesturesOut() {
        TieStatistics statistics = fold(List.of(
                interaction(Channel.EMAIL, Direction.INBOUND, daysAgo(40)),
                interaction(Channel.CALL, Direction.OUTBOUND, daysAgo(30)),
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(20)),
                interaction(Channel.PRIVATE_MESSAGE, null, daysAgo(15)),
                interaction(Channel.REACTION, Direction.MUTUAL, daysAgo(3)),
                interaction(Channel.PUBLIC_COMMENT, Direction.INBOUND, daysAgo(2)),
                interaction(Channel.ENDORSEMENT, Direction.OUTBOUND, daysAgo(1))));

        assertThat(statistics.lastInteractionAt()).isEqualTo(daysAgo(1));
        assertThat(statistics.lastSubstantiveAt()).isEqualTo(daysAgo(15));
        assertThat(statistics.lastSubstantiveInboundAt()).isEqualTo(daysAgo(40));
        assertThat(statistics.lastSubstantiveOutboundAt()).isEqualTo(daysAgo(30));
        assertThat(statistics.lastSubstantiveMutualAt()).isEqualTo(daysAgo(20));
        assertThat(statistics.substantiveTracked()).isTrue();
    }

    @Test
    void theLastReciprocatedExchangeIsTheLatestMutualOrTheEarlierOfTheLatestInboundAndOutbound() {
        assertThat(fold(List.of(interaction(Channel.EMAIL, Direction.INBOUND, daysAgo(5)))).lastReciprocatedAt()).isNull();
        assertThat(fold(List.of(
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(9)),
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(5)))).lastReciprocatedAt()).isNull();
        // Answered: reciprocated once both had spoken, at the earlier of the two latest.
        assertThat(fold(List.of(
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(9)),
                interaction(Channel.EMAIL, Direction.INBOUND, daysAgo(7)),
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(2)))).lastReciprocatedAt()).isEqualTo(daysAgo(7));
        // A mutual exchange later than that wins; an earlier one does not.
        assertThat(fold(List.of(
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(9)),
                interaction(Channel.EMAIL, Direction.INBOUND, daysAgo(7)),
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(4)))).lastReciprocatedAt()).isEqualTo(daysAgo(4));
        assertThat(fold(List.of(
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(12)),
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(9)),
                interaction(Channel.EMAIL, Direction.INBOUND, daysAgo(7)))).lastReciprocatedAt()).isEqualTo(daysAgo(9));
        // Gestures both ways, or a mutual gesture, are no exchange.
        assertThat(fold(List.of(
                interaction(Channel.REACTION, Direction.MUTUAL, daysAgo(3)),
                interaction(Channel.PUBLIC_COMMENT, Direction.INBOUND, daysAgo(2)),
                interaction(Channel.ENDORSEMENT, Direction.OUTBOUND, daysAgo(1)))).lastReciprocatedAt()).isNull();
        assertThat(TieStatistics.empty().lastReciprocatedAt()).isNull();
    }

    @Test
    void whichChannelsAreGesturesIsAParameter() {
        TieParameters reactionsOnly = parameters.withGestures(java.util.Set.of(Channel.REACTION), parameters.gestureRecencyFactor());
        List<Interaction> comments = List.of(
                interaction(Channel.PUBLIC_COMMENT, Direction.INBOUND, daysAgo(3)),
                interaction(Channel.PUBLIC_COMMENT, Direction.OUTBOUND, daysAgo(2)));

        assertThat(fold(comments).lastReciprocatedAt()).isNull();
        assertThat(fold(reactionsOnly, comments).lastReciprocatedAt()).isEqualTo(daysAgo(3));
        assertThat(fold(reactionsOnly, comments).lastSubstantiveAt()).isEqualTo(daysAgo(2));
    }

    @Test
    void statisticsStoredBeforeGesturesWereToldApartStillLoad() throws Exception {
        // As stored before: no substantive instants, no flag.
        String stored = """
                {"interactionCount":2,"firstInteractionAt":"2025-01-10T10:00:00Z","lastInteractionAt":"2025-06-10T10:00:00Z",
                 "channelCounts":{"MEETING":1,"REACTION":1},"inboundCount":1,"outboundCount":0,"mutualCount":1,"servicesCount":0,
                 "decayedVolume":0.8,"volumeReferenceAt":"2025-06-10T10:00:00Z"}""";

        TieStatistics legacy = EventJson.read(stored, TieStatistics.class);

        assertThat(legacy.substantiveTracked()).isFalse();
        assertThat(legacy.lastSubstantiveAt()).as("the last interaction, taken as substantive").isEqualTo(Instant.parse("2025-06-10T10:00:00Z"));
        assertThat(legacy.lastReciprocatedAt()).as("unknown").isNull();
        assertThat(legacy.interactionCount()).isEqualTo(2);
        assertThat(EventJson.read(EventJson.write(legacy), TieStatistics.class)).isEqualTo(legacy);

        // Folding on: the assumption is kept, later exchanges are tracked.
        TieStatistics withReaction = legacy.plus(interaction(Channel.REACTION, Direction.INBOUND, Instant.parse("2025-09-01T10:00:00Z")),
                parameters);
        assertThat(withReaction.substantiveTracked()).isTrue();
        assertThat(withReaction.lastSubstantiveAt()).isEqualTo(Instant.parse("2025-06-10T10:00:00Z"));
        assertThat(withReaction.lastInteractionAt()).isEqualTo(Instant.parse("2025-09-01T10:00:00Z"));
        TieStatistics withCall = withReaction.plus(interaction(Channel.CALL, Direction.MUTUAL, Instant.parse("2025-10-01T10:00:00Z")),
                parameters);
        assertThat(withCall.lastSubstantiveAt()).isEqualTo(Instant.parse("2025-10-01T10:00:00Z"));
        assertThat(withCall.lastReciprocatedAt()).isEqualTo(Instant.parse("2025-10-01T10:00:00Z"));
        assertThat(EventJson.read("{\"interactionCount\":0}", TieStatistics.class)).isEqualTo(TieStatistics.empty());
    }

    @Test
    void survivesTheEventJsonRoundTrip() throws Exception {
        TieStatistics statistics = fold(List.of(
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(10)),
                interaction(Channel.REACTION, Direction.INBOUND, daysAgo(3)),
                interaction(Channel.EMAIL, Direction.OUTBOUND, daysAgo(2))));
        assertThat(statistics.lastReciprocatedAt()).isNotNull();

        TieStatistics read = EventJson.read(EventJson.write(statistics), TieStatistics.class);

        assertThat(read).isEqualTo(statistics);
        assertThat(EventJson.read(EventJson.write(TieStatistics.empty()), TieStatistics.class)).isEqualTo(TieStatistics.empty());
    }
}
