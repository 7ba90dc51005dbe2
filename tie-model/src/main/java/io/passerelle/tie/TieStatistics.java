package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sufficient statistics of one tie's interactions: enough to compute every interaction-driven
 * dimension as of any instant at or after the last interaction, and folded so that the order in
 * which interactions arrive does not change the result (events on different topics are not
 * ordered relative to each other).
 *
 * <p>The decayed volume is stored relative to {@code volumeReferenceAt}, the latest interaction:
 * a newer interaction rescales the sum by {@code 0.5^((t_new - t_ref)/halfLife)} and moves the
 * reference; an older one adds {@code w * 0.5^((t_ref - t)/halfLife)}. Both give
 * {@code sum of w_i * 0.5^((t_ref - t_i)/halfLife)} whatever the order, up to floating error.
 *
 * @param interactionCount   interactions folded in
 * @param firstInteractionAt earliest interaction, null when none
 * @param lastInteractionAt  latest interaction, null when none
 * @param channelCounts      interactions per channel (absent channel: zero)
 * @param inboundCount       interactions the contact initiated
 * @param outboundCount      interactions the owner initiated
 * @param mutualCount        interactions both took part in equally (a meeting, a conversation)
 * @param servicesCount      endorsements, recommendations and introductions (Granovetter's reciprocal services)
 * @param decayedVolume      time-weighted volume as of {@code volumeReferenceAt}
 * @param volumeReferenceAt  the instant the decayed volume is expressed at, null when none
 */
public record TieStatistics(
        long interactionCount,
        Instant firstInteractionAt,
        Instant lastInteractionAt,
        Map<Channel, Long> channelCounts,
        long inboundCount,
        long outboundCount,
        long mutualCount,
        long servicesCount,
        double decayedVolume,
        Instant volumeReferenceAt) {

    private static final TieStatistics EMPTY = new TieStatistics(0, null, null, Map.of(), 0, 0, 0, 0, 0.0, null);

    public TieStatistics {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        if (channelCounts != null) {
            channelCounts.forEach((channel, count) -> {
                if (channel != null && count != null && count > 0) {
                    counts.put(channel, count);
                }
            });
        }
        channelCounts = Collections.unmodifiableMap(counts);
    }

    public static TieStatistics empty() {
        return EMPTY;
    }

    public boolean hasInteractions() {
        return interactionCount > 0;
    }

    public long count(Channel channel) {
        return channelCounts.getOrDefault(channel, 0L);
    }

    /** Two-way exchanges: every mutual interaction, plus each inbound matched by an outbound. */
    public long reciprocalExchanges() {
        return mutualCount + Math.min(inboundCount, outboundCount);
    }

    /** The weight an interaction adds to the volume: its channel's typical time, plus up to one for its length. */
    public static double volumeOf(Interaction interaction, TieParameters parameters) {
        double lengthBonus = interaction.durationMinutes() == null
                ? 0.0
                : Math.min(Math.max(interaction.durationMinutes(), 0), 240) / 240.0;
        return parameters.volumeWeight(interaction.channel()) + lengthBonus;
    }

    /** These statistics with one more interaction folded in. */
    public TieStatistics plus(Interaction interaction, TieParameters parameters) {
        Objects.requireNonNull(interaction.occurredAt(), "occurredAt");
        Objects.requireNonNull(interaction.channel(), "channel");
        Instant at = interaction.occurredAt();
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        counts.putAll(channelCounts);
        counts.merge(interaction.channel(), 1L, Long::sum);

        double weight = volumeOf(interaction, parameters);
        double volume;
        Instant reference;
        if (volumeReferenceAt == null) {
            volume = weight;
            reference = at;
        } else if (at.isAfter(volumeReferenceAt)) {
            volume = decayedVolume * halving(Duration.between(volumeReferenceAt, at), parameters.volumeHalfLife()) + weight;
            reference = at;
        } else {
            volume = decayedVolume + weight * halving(Duration.between(at, volumeReferenceAt), parameters.volumeHalfLife());
            reference = volumeReferenceAt;
        }
        Direction direction = interaction.direction();
        return new TieStatistics(
                interactionCount + 1,
                firstInteractionAt == null || at.isBefore(firstInteractionAt) ? at : firstInteractionAt,
                lastInteractionAt == null || at.isAfter(lastInteractionAt) ? at : lastInteractionAt,
                counts,
                inboundCount + (direction == Direction.INBOUND ? 1 : 0),
                outboundCount + (direction == Direction.OUTBOUND ? 1 : 0),
                mutualCount + (direction == Direction.MUTUAL ? 1 : 0),
                servicesCount + (interaction.channel().isService() ? 1 : 0),
                volume,
                reference);
    }

    /**
     * The decayed volume as of {@code asOf}. An instant before the reference is read as the
     * reference itself: statistics do not remember which interactions came after a past instant.
     */
    public double decayedVolumeAt(Instant asOf, Duration halfLife) {
        if (volumeReferenceAt == null) {
            return 0.0;
        }
        return decayedVolume * halving(nonNegative(volumeReferenceAt, asOf), halfLife);
    }

    /** {@code 0.5^(elapsed/halfLife)}. */
    static double halving(Duration elapsed, Duration halfLife) {
        return Math.pow(0.5, (double) elapsed.toMillis() / (double) halfLife.toMillis());
    }

    static Duration nonNegative(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
