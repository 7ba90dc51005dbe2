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
 * @param lastSubstantiveAt  latest interaction that is not a gesture ({@link TieParameters#gestureChannels()}), null when none
 * @param lastSubstantiveInboundAt  latest substantive interaction the contact initiated, null when none (or unknown)
 * @param lastSubstantiveOutboundAt latest substantive interaction the owner initiated, null when none (or unknown)
 * @param lastSubstantiveMutualAt   latest substantive interaction both took part in, null when none (or unknown)
 * @param substantiveTracked whether the statistics were folded telling gestures apart. Statistics stored before
 *                           they were (JSON without these fields) read {@code false}: their last substantive
 *                           interaction is taken to be their last interaction and their reciprocation is
 *                           unknown (null) until a replay folds them again; the next interaction folded into
 *                           them keeps that assumption and tracks from there on
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
        Instant volumeReferenceAt,
        Instant lastSubstantiveAt,
        Instant lastSubstantiveInboundAt,
        Instant lastSubstantiveOutboundAt,
        Instant lastSubstantiveMutualAt,
        boolean substantiveTracked) {

    private static final TieStatistics EMPTY = new TieStatistics(0, null, null, Map.of(), 0, 0, 0, 0, 0.0, null,
            null, null, null, null, true);

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
        if (interactionCount == 0) {
            substantiveTracked = true;
        } else if (!substantiveTracked) {
            // Stored before gestures were told apart: every interaction is taken as substantive, reciprocation unknown.
            lastSubstantiveAt = lastInteractionAt;
        }
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

    /** Whether any interaction was substantive (not a gesture). */
    public boolean hasSubstantiveInteraction() {
        return lastSubstantiveAt != null;
    }

    /**
     * The latest two-way substantive exchange (API.md {@code Tie.lastReciprocatedAt}):
     * {@code max(latest mutual, min(latest inbound, latest outbound))} over substantive interactions, that
     * is the latest mutual exchange or the latest instant since which both sides have reached out,
     * whichever is later; null when there is neither.
     */
    public Instant lastReciprocatedAt() {
        Instant oneEach = lastSubstantiveInboundAt == null || lastSubstantiveOutboundAt == null
                ? null
                : earlier(lastSubstantiveInboundAt, lastSubstantiveOutboundAt);
        return later(lastSubstantiveMutualAt, oneEach);
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
        boolean substantive = !parameters.isGesture(interaction.channel());
        return new TieStatistics(
                interactionCount + 1,
                earlier(firstInteractionAt, at),
                later(lastInteractionAt, at),
                counts,
                inboundCount + (direction == Direction.INBOUND ? 1 : 0),
                outboundCount + (direction == Direction.OUTBOUND ? 1 : 0),
                mutualCount + (direction == Direction.MUTUAL ? 1 : 0),
                servicesCount + (interaction.channel().isService() ? 1 : 0),
                volume,
                reference,
                substantive ? later(lastSubstantiveAt, at) : lastSubstantiveAt,
                substantive && direction == Direction.INBOUND ? later(lastSubstantiveInboundAt, at) : lastSubstantiveInboundAt,
                substantive && direction == Direction.OUTBOUND ? later(lastSubstantiveOutboundAt, at) : lastSubstantiveOutboundAt,
                substantive && direction == Direction.MUTUAL ? later(lastSubstantiveMutualAt, at) : lastSubstantiveMutualAt,
                true);
    }

    /** The later of two instants, either of which may be null (unknown). */
    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    /** The earlier of two instants, either of which may be null (unknown). */
    static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
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
