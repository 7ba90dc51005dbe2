package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Origin;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every number of the tie-strength model, with the defaults documented in the README and the
 * research they stand on (DOMAIN.md section 2). Changing {@code volumeHalfLife}, {@code volumeWeights}
 * or {@code gestureChannels} changes how stored statistics were folded: such a change needs a replay.
 * Peak strengths are evaluated with the parameters in force when each interaction was folded: a
 * replay also recomputes them after any other change.
 *
 * @param weights              how much each dimension counts in the strength (Granovetter's linear combination)
 * @param volumeHalfLife       half-life of an interaction's contribution to intensity
 * @param recencyHalfLife      silence after which recency is one half (Gilbert and Karahalios: days since last contact)
 * @param intensityScale       decayed volume at which intensity reaches 1 - 1/e
 * @param intimacyCountScale   interactions on one channel at which that channel's intimacy reaches 1 - 1/e of its weight
 * @param declaredClosenessShare share of intimacy given to the owner's declared closeness when present (Marsden and Campbell)
 * @param durationScale        demonstrated tie lifetime at which duration reaches 1 - 1/e
 * @param reciprocityScale     two-way exchanges plus services at which reciprocity reaches 1 - 1/e
 * @param structuralScale      mutual contacts at which structural reaches 1 - 1/e (Rajkumar et al.: about ten)
 * @param socialDistancePenalty what one attribute (sector, city, school) that differs from the owner's removes from 1
 * @param strongThreshold      strength at and above which a tie is STRONG
 * @param weakThreshold        strength a tie must have had when last active to become DORMANT rather than WEAK
 * @param dormantAfter         silence after which a tie that was at least weak is DORMANT (Levin, Walter and Murnighan: three years)
 * @param intimacyWeights      how intimate each channel is, in [0, 1]
 * @param volumeWeights        how much time an interaction on each channel stands for (before its duration is added)
 * @param originPriors         what the origin alone says about the tie, in [0, 1]
 * @param unknownOriginPrior   the prior when the origin is not known
 * @param recencyHalfLifeFactors how many times longer than {@code recencyHalfLife} a tie of each origin takes to lose
 *                             half of its recency (Roberts and Dunbar: family ties resist decay); 1 for an unknown origin
 * @param gestureChannels      the one-click or public gestures (a reaction, a public comment, an endorsement): they
 *                             count in every dimension, but do not reset recency like an exchange, do not wake a
 *                             dormant tie and are no reciprocated exchange
 * @param gestureRecencyFactor what a gesture is worth in recency next to a substantive exchange at the same instant, in [0, 1]
 * @param nascentFor           how long a contact without any exchange stays NASCENT after {@code connectedOn}; then,
 *                             known for that long, it is a DORMANT tie to reactivate
 * @param sharedPastOrigins    origins that imply a shared past: a contact of such an origin without any exchange is DORMANT, not NASCENT
 * @param sharedPastCloseness  declared closeness (0 to 5) from which a contact without any exchange is DORMANT, not NASCENT
 */
public record TieParameters(
        Weights weights,
        Duration volumeHalfLife,
        Duration recencyHalfLife,
        double intensityScale,
        double intimacyCountScale,
        double declaredClosenessShare,
        Duration durationScale,
        double reciprocityScale,
        double structuralScale,
        double socialDistancePenalty,
        double strongThreshold,
        double weakThreshold,
        Period dormantAfter,
        Map<Channel, Double> intimacyWeights,
        Map<Channel, Double> volumeWeights,
        Map<Origin, Double> originPriors,
        double unknownOriginPrior,
        Map<Origin, Double> recencyHalfLifeFactors,
        Set<Channel> gestureChannels,
        double gestureRecencyFactor,
        Period nascentFor,
        Set<Origin> sharedPastOrigins,
        int sharedPastCloseness) {

    /** The weight of each dimension; the strength divides by their sum, so it stays in [0, 1]. */
    public record Weights(
            double intensity,
            double intimacy,
            double duration,
            double recency,
            double reciprocity,
            double structural,
            double socialDistance,
            double originPrior) {

        public Weights {
            for (double weight : new double[] {intensity, intimacy, duration, recency, reciprocity, structural, socialDistance, originPrior}) {
                if (weight < 0 || Double.isNaN(weight)) {
                    throw new IllegalArgumentException("dimension weights must be non-negative");
                }
            }
            if (intensity + intimacy + duration + recency + reciprocity + structural + socialDistance + originPrior <= 0) {
                throw new IllegalArgumentException("at least one dimension weight must be positive");
            }
        }

        public double total() {
            return intensity + intimacy + duration + recency + reciprocity + structural + socialDistance + originPrior;
        }
    }

    public TieParameters {
        Objects.requireNonNull(weights, "weights");
        requirePositive(volumeHalfLife, "volumeHalfLife");
        requirePositive(recencyHalfLife, "recencyHalfLife");
        requirePositive(durationScale, "durationScale");
        requirePositive(intensityScale, "intensityScale");
        requirePositive(intimacyCountScale, "intimacyCountScale");
        requirePositive(reciprocityScale, "reciprocityScale");
        requirePositive(structuralScale, "structuralScale");
        requireUnit(declaredClosenessShare, "declaredClosenessShare");
        requireUnit(socialDistancePenalty, "socialDistancePenalty");
        requireUnit(strongThreshold, "strongThreshold");
        requireUnit(weakThreshold, "weakThreshold");
        requireUnit(unknownOriginPrior, "unknownOriginPrior");
        if (weakThreshold > strongThreshold) {
            throw new IllegalArgumentException("weakThreshold must not exceed strongThreshold");
        }
        Objects.requireNonNull(dormantAfter, "dormantAfter");
        intimacyWeights = complete(intimacyWeights, Channel.class, "intimacyWeights");
        volumeWeights = complete(volumeWeights, Channel.class, "volumeWeights");
        originPriors = complete(originPriors, Origin.class, "originPriors");
        recencyHalfLifeFactors = completePositive(recencyHalfLifeFactors, "recencyHalfLifeFactors");
        gestureChannels = immutableSet(gestureChannels, Channel.class, "gestureChannels");
        requireUnit(gestureRecencyFactor, "gestureRecencyFactor");
        Objects.requireNonNull(nascentFor, "nascentFor");
        if (nascentFor.isNegative()) {
            throw new IllegalArgumentException("nascentFor must not be negative");
        }
        sharedPastOrigins = immutableSet(sharedPastOrigins, Origin.class, "sharedPastOrigins");
        if (sharedPastCloseness < 0) {
            throw new IllegalArgumentException("sharedPastCloseness must not be negative (above 5, closeness never counts)");
        }
    }

    /** The documented defaults (README, "The tie model"). */
    public static TieParameters defaults() {
        return new TieParameters(
                new Weights(0.20, 0.20, 0.10, 0.15, 0.10, 0.10, 0.05, 0.10),
                Duration.ofDays(90),
                Duration.ofDays(180),
                3.0,
                3.0,
                0.6,
                Duration.ofDays(3 * 365),
                4.0,
                10.0,
                0.15,
                0.55,
                0.30,
                Period.ofYears(3),
                defaultIntimacyWeights(),
                defaultVolumeWeights(),
                defaultOriginPriors(),
                0.25,
                defaultRecencyHalfLifeFactors(),
                EnumSet.of(Channel.REACTION, Channel.PUBLIC_COMMENT, Channel.ENDORSEMENT),
                0.25,
                Period.ofYears(2),
                EnumSet.of(Origin.SCHOOL, Origin.FORMER_COLLEAGUE, Origin.FAMILY, Origin.FRIEND, Origin.NEIGHBOUR),
                3);
    }

    /**
     * {@code instant} plus {@link #dormantAfter()}, a period counted in UTC's calendar: the same instant as
     * through a {@code ZonedDateTime} in UTC, without the zone rules that every conversion to one builds.
     */
    public Instant plusDormantAfter(Instant instant) {
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC).plus(dormantAfter)
                .toInstant(ZoneOffset.UTC);
    }

    public TieParameters withWeights(Weights newWeights) {
        return new TieParameters(newWeights, volumeHalfLife, recencyHalfLife, intensityScale, intimacyCountScale,
                declaredClosenessShare, durationScale, reciprocityScale, structuralScale, socialDistancePenalty,
                strongThreshold, weakThreshold, dormantAfter, intimacyWeights, volumeWeights, originPriors, unknownOriginPrior, recencyHalfLifeFactors,
                gestureChannels, gestureRecencyFactor, nascentFor, sharedPastOrigins, sharedPastCloseness);
    }

    public TieParameters withThresholds(double strong, double weak, Period dormant) {
        return new TieParameters(weights, volumeHalfLife, recencyHalfLife, intensityScale, intimacyCountScale,
                declaredClosenessShare, durationScale, reciprocityScale, structuralScale, socialDistancePenalty,
                strong, weak, dormant, intimacyWeights, volumeWeights, originPriors, unknownOriginPrior, recencyHalfLifeFactors,
                gestureChannels, gestureRecencyFactor, nascentFor, sharedPastOrigins, sharedPastCloseness);
    }

    public TieParameters withHalfLives(Duration volume, Duration recency) {
        return new TieParameters(weights, volume, recency, intensityScale, intimacyCountScale,
                declaredClosenessShare, durationScale, reciprocityScale, structuralScale, socialDistancePenalty,
                strongThreshold, weakThreshold, dormantAfter, intimacyWeights, volumeWeights, originPriors, unknownOriginPrior, recencyHalfLifeFactors,
                gestureChannels, gestureRecencyFactor, nascentFor, sharedPastOrigins, sharedPastCloseness);
    }

    public TieParameters withRecencyHalfLifeFactors(Map<Origin, Double> factors) {
        return new TieParameters(weights, volumeHalfLife, recencyHalfLife, intensityScale, intimacyCountScale,
                declaredClosenessShare, durationScale, reciprocityScale, structuralScale, socialDistancePenalty,
                strongThreshold, weakThreshold, dormantAfter, intimacyWeights, volumeWeights, originPriors, unknownOriginPrior, factors,
                gestureChannels, gestureRecencyFactor, nascentFor, sharedPastOrigins, sharedPastCloseness);
    }

    /** Which channels are gestures, and what a gesture is worth in recency. Changing the channels needs a replay. */
    public TieParameters withGestures(Set<Channel> channels, double recencyFactor) {
        return new TieParameters(weights, volumeHalfLife, recencyHalfLife, intensityScale, intimacyCountScale,
                declaredClosenessShare, durationScale, reciprocityScale, structuralScale, socialDistancePenalty,
                strongThreshold, weakThreshold, dormantAfter, intimacyWeights, volumeWeights, originPriors, unknownOriginPrior,
                recencyHalfLifeFactors, channels, recencyFactor, nascentFor, sharedPastOrigins, sharedPastCloseness);
    }

    /** When a contact without any exchange is a DORMANT tie to reactivate rather than NASCENT. */
    public TieParameters withSharedPast(Period nascent, Set<Origin> origins, int closeness) {
        return new TieParameters(weights, volumeHalfLife, recencyHalfLife, intensityScale, intimacyCountScale,
                declaredClosenessShare, durationScale, reciprocityScale, structuralScale, socialDistancePenalty,
                strongThreshold, weakThreshold, dormantAfter, intimacyWeights, volumeWeights, originPriors, unknownOriginPrior,
                recencyHalfLifeFactors, gestureChannels, gestureRecencyFactor, nascent, origins, closeness);
    }

    /** Whether an interaction on this channel is a gesture rather than a substantive exchange. */
    public boolean isGesture(Channel channel) {
        return gestureChannels.contains(channel);
    }

    /** The recency half-life of a tie of this origin (null: unknown origin, the base half-life). */
    public Duration recencyHalfLife(Origin origin) {
        double factor = origin == null ? 1.0 : recencyHalfLifeFactors.get(origin);
        return Duration.ofMillis(Math.round(recencyHalfLife.toMillis() * factor));
    }

    public double intimacyWeight(Channel channel) {
        return intimacyWeights.get(channel);
    }

    public double volumeWeight(Channel channel) {
        return volumeWeights.get(channel);
    }

    public double originPrior(Origin origin) {
        return origin == null ? unknownOriginPrior : originPriors.get(origin);
    }

    // In-person time first, then live voice, then written private exchange, then public and one-click gestures
    // (DOMAIN.md section 2). Services rank with written exchanges: they show trust more than closeness.
    private static Map<Channel, Double> defaultIntimacyWeights() {
        Map<Channel, Double> weights = new EnumMap<>(Channel.class);
        weights.put(Channel.MEETING, 1.0);
        weights.put(Channel.CALL, 0.8);
        weights.put(Channel.VIDEO_CALL, 0.8);
        weights.put(Channel.EVENT, 0.5);
        weights.put(Channel.PRIVATE_MESSAGE, 0.5);
        weights.put(Channel.EMAIL, 0.4);
        weights.put(Channel.INTRODUCTION, 0.4);
        weights.put(Channel.RECOMMENDATION, 0.4);
        weights.put(Channel.ENDORSEMENT, 0.2);
        weights.put(Channel.PUBLIC_COMMENT, 0.2);
        weights.put(Channel.REACTION, 0.1);
        return weights;
    }

    // Granovetter's "amount of time": roughly the time an exchange on each channel takes.
    private static Map<Channel, Double> defaultVolumeWeights() {
        Map<Channel, Double> weights = new EnumMap<>(Channel.class);
        weights.put(Channel.MEETING, 1.0);
        weights.put(Channel.CALL, 0.7);
        weights.put(Channel.VIDEO_CALL, 0.7);
        weights.put(Channel.EVENT, 0.5);
        weights.put(Channel.PRIVATE_MESSAGE, 0.3);
        weights.put(Channel.EMAIL, 0.3);
        weights.put(Channel.INTRODUCTION, 0.3);
        weights.put(Channel.RECOMMENDATION, 0.3);
        weights.put(Channel.PUBLIC_COMMENT, 0.15);
        weights.put(Channel.ENDORSEMENT, 0.1);
        weights.put(Channel.REACTION, 0.05);
        return weights;
    }

    // Family and friends are close by origin and keep that closeness through silence (Roberts and Dunbar);
    // co-workers and neighbours share a setting, which overstates strength (Marsden and Campbell; seed C9).
    private static Map<Origin, Double> defaultOriginPriors() {
        Map<Origin, Double> priors = new EnumMap<>(Origin.class);
        priors.put(Origin.FAMILY, 0.9);
        priors.put(Origin.FRIEND, 0.8);
        priors.put(Origin.FORMER_COLLEAGUE, 0.5);
        priors.put(Origin.COLLEAGUE, 0.45);
        priors.put(Origin.SCHOOL, 0.45);
        priors.put(Origin.PARTNER, 0.4);
        priors.put(Origin.CLIENT, 0.35);
        priors.put(Origin.INTRODUCED, 0.3);
        priors.put(Origin.EVENT, 0.25);
        priors.put(Origin.OTHER, 0.25);
        priors.put(Origin.NEIGHBOUR, 0.2);
        priors.put(Origin.ONLINE, 0.15);
        return priors;
    }

    // Roberts and Dunbar (2015): family ties keep their closeness through silence, friendships much less so;
    // every other origin loses recency at the base rate. With the defaults, a family tie silent for 18 months
    // keeps half of its recency where a colleague's has fallen to an eighth.
    private static Map<Origin, Double> defaultRecencyHalfLifeFactors() {
        Map<Origin, Double> factors = new EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            factors.put(origin, 1.0);
        }
        factors.put(Origin.FAMILY, 3.0);
        factors.put(Origin.FRIEND, 1.5);
        return factors;
    }

    private static <K extends Enum<K>> Set<K> immutableSet(Set<K> values, Class<K> type, String name) {
        Objects.requireNonNull(values, name);
        Set<K> copy = EnumSet.noneOf(type);
        for (K value : values) {
            copy.add(Objects.requireNonNull(value, name + " contains null"));
        }
        return Collections.unmodifiableSet(copy);
    }

    private static Map<Origin, Double> completePositive(Map<Origin, Double> values, String name) {
        Objects.requireNonNull(values, name);
        Map<Origin, Double> copy = new EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            Double value = values.get(origin);
            if (value == null) {
                throw new IllegalArgumentException(name + " has no value for " + origin);
            }
            requirePositive(value, name + "." + origin);
            copy.put(origin, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static <K extends Enum<K>> Map<K, Double> complete(Map<K, Double> values, Class<K> type, String name) {
        Objects.requireNonNull(values, name);
        Map<K, Double> copy = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            Double value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException(name + " has no value for " + key);
            }
            requireUnit(value, name + "." + key);
            copy.put(key, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requireUnit(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]");
        }
    }
}
