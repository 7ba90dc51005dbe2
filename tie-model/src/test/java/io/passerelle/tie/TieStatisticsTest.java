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
        }
    }

    @Test
    void survivesTheEventJsonRoundTrip() throws Exception {
        TieStatistics statistics = fold(List.of(
                interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(10)),
                interaction(Channel.REACTION, Direction.INBOUND, daysAgo(3))));

        TieStatistics read = EventJson.read(EventJson.write(statistics), TieStatistics.class);

        assertThat(read).isEqualTo(statistics);
        assertThat(EventJson.read(EventJson.write(TieStatistics.empty()), TieStatistics.class)).isEqualTo(TieStatistics.empty());
    }
}
