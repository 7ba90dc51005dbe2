package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tie-strength model (DOMAIN.md section 2): eight dimension scores in [0, 1] computed from a
 * tie's {@link TieStatistics}, the contact and the owner, combined linearly into a strength in
 * [0, 1] (Granovetter), and a class. Computed as of an instant, so that time passing weakens
 * silent ties without any event.
 *
 * <p>Every dimension is built so that two properties hold and are tested: a new interaction never
 * lowers the strength at the instant it is evaluated, and time alone never raises it. Intensity and
 * recency decay with time; the others do not move with time at all. That is why duration is the
 * tie's demonstrated lifetime (first known contact to last interaction) rather than "time since we
 * met", and reciprocity counts two-way exchanges rather than a share that one more one-way message
 * could lower.
 */
public final class TieStrengthModel {
    private final TieParameters parameters;

    public TieStrengthModel(TieParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public TieParameters parameters() {
        return parameters;
    }

    /** Dimensions, strength, class, scale and explanation of a tie as of {@code asOf}; contact and owner may be unknown (null). */
    public TieAssessment assess(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf) {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(asOf, "asOf");
        TieDimensions dimensions = dimensions(statistics, contact, owner, asOf);
        double strength = strength(dimensions);
        double strengthWhenLastActive = statistics.hasInteractions()
                ? strength(dimensions(statistics, contact, owner, statistics.lastInteractionAt()))
                : 0.0;
        TieClass tieClass = classify(statistics, strength, strengthWhenLastActive, asOf);
        var scale = GeographicScaleResolver.between(owner == null ? null : owner.location(), contact == null ? null : contact.location());
        List<String> explanation = TieExplainer.explain(
                new TieExplainer.Facts(statistics, contact, dimensions, strength, tieClass, strengthWhenLastActive, asOf), parameters);
        return new TieAssessment(asOf, strength, tieClass, dimensions, strengthWhenLastActive, scale, explanation);
    }

    /** The class alone as of {@code asOf}, without an explanation: what counting classes over a whole network needs. */
    public TieClass classOf(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf) {
        if (!statistics.hasInteractions()) {
            return TieClass.NASCENT;
        }
        double strength = strength(dimensions(statistics, contact, owner, asOf));
        double strengthWhenLastActive = strength(dimensions(statistics, contact, owner, statistics.lastInteractionAt()));
        return classify(statistics, strength, strengthWhenLastActive, asOf);
    }

    /** The public projection of a tie (API.md Tie) as of {@code asOf}. */
    public Tie describe(String contactId, TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf, Instant updatedAt) {
        return describe(contactId, statistics, contact, assess(statistics, contact, owner, asOf), updatedAt);
    }

    /** The public projection of a tie from an assessment already made. */
    public Tie describe(String contactId, TieStatistics statistics, Contact contact, TieAssessment assessment, Instant updatedAt) {
        return new Tie(
                contactId,
                contact == null ? contactId : contact.displayName(),
                assessment.strength(),
                assessment.tieClass(),
                assessment.dimensions(),
                assessment.geographicScale(),
                contact == null ? null : contact.origin(),
                statistics.interactionCount(),
                statistics.firstInteractionAt(),
                statistics.lastInteractionAt(),
                mutualContacts(contact),
                assessment.strengthWhenLastActive(),
                statistics.lastInteractionAt(),
                null,
                assessment.explanation(),
                updatedAt);
    }

    public TieDimensions dimensions(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf) {
        return new TieDimensions(
                intensity(statistics, asOf),
                intimacy(statistics, contact),
                duration(statistics, contact),
                recency(statistics, contact, asOf),
                reciprocity(statistics),
                structural(contact),
                socialDistance(contact, owner),
                originPrior(contact));
    }

    /** The weighted mean of the dimensions, in [0, 1]. */
    public double strength(TieDimensions d) {
        TieParameters.Weights w = parameters.weights();
        double sum = w.intensity() * d.intensity()
                + w.intimacy() * d.intimacy()
                + w.duration() * d.duration()
                + w.recency() * d.recency()
                + w.reciprocity() * d.reciprocity()
                + w.structural() * d.structural()
                + w.socialDistance() * d.socialDistance()
                + w.originPrior() * d.originPrior();
        return clamp(sum / w.total());
    }

    /**
     * NASCENT without interaction; DORMANT after {@code dormantAfter} of silence if the tie was at
     * least weak when last active (Levin et al.); else STRONG at or above the strong threshold;
     * else WEAK.
     */
    public TieClass classify(TieStatistics statistics, double strength, double strengthWhenLastActive, Instant asOf) {
        if (!statistics.hasInteractions()) {
            return TieClass.NASCENT;
        }
        if (silentLongEnoughToBeDormant(statistics, asOf) && strengthWhenLastActive >= parameters.weakThreshold()) {
            return TieClass.DORMANT;
        }
        return strength >= parameters.strongThreshold() ? TieClass.STRONG : TieClass.WEAK;
    }

    boolean silentLongEnoughToBeDormant(TieStatistics statistics, Instant asOf) {
        return asOf.isAfter(dormantFrom(statistics));
    }

    /** The last instant at which the silent tie is not yet dormant: the last interaction plus {@code dormantAfter}. */
    Instant dormantFrom(TieStatistics statistics) {
        return statistics.lastInteractionAt().atZone(ZoneOffset.UTC).plus(parameters.dormantAfter()).toInstant();
    }

    /**
     * The first instant after {@code asOf} at which the tie's class differs from its class as of
     * {@code asOf} if nothing new happens, or null when time alone never changes it (NASCENT, DORMANT,
     * and WEAK ties that were never weak enough to go dormant). Time only moves a tie downwards: STRONG
     * to WEAK when its decaying strength crosses the strong threshold, STRONG or WEAK to DORMANT at the
     * end of {@code dormantAfter} of silence. Strength never rises with time, so the crossing is found
     * by bisection, to the second.
     */
    public Instant nextClassChange(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf) {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(asOf, "asOf");
        if (!statistics.hasInteractions()) {
            return null;
        }
        double strengthWhenLastActive = strength(dimensions(statistics, contact, owner, statistics.lastInteractionAt()));
        double strength = strength(dimensions(statistics, contact, owner, asOf));
        TieClass current = classify(statistics, strength, strengthWhenLastActive, asOf);
        Instant dormantFrom = dormantFrom(statistics);
        // The first instant the dormancy rule holds: strictly after the end of the silence period.
        Instant dormantAt = dormantFrom.plusMillis(1);
        boolean canGoDormant = strengthWhenLastActive >= parameters.weakThreshold();
        return switch (current) {
            case NASCENT, DORMANT -> null;
            case WEAK -> canGoDormant && !asOf.isAfter(dormantFrom) ? dormantAt : null;
            case STRONG -> {
                Instant weakAt = firstInstantBelowStrong(statistics, contact, owner, asOf, dormantFrom);
                yield weakAt != null ? weakAt : canGoDormant ? dormantAt : null;
            }
        };
    }

    /** The first second in (from, until] at which strength falls below the strong threshold, or null if it does not. */
    private Instant firstInstantBelowStrong(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant from, Instant until) {
        if (!until.isAfter(from) || strength(dimensions(statistics, contact, owner, until)) >= parameters.strongThreshold()) {
            return null;
        }
        long low = from.getEpochSecond();
        long high = until.getEpochSecond() + (until.getNano() > 0 ? 1 : 0);
        // Invariant: strong as of low (or low is before from), below the threshold as of high.
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (strength(dimensions(statistics, contact, owner, Instant.ofEpochSecond(middle))) >= parameters.strongThreshold()) {
                low = middle;
            } else {
                high = middle;
            }
        }
        Instant crossing = Instant.ofEpochSecond(high);
        return crossing.isAfter(from) ? crossing : from.plusMillis(1);
    }

    /** Decayed interaction volume, saturating: {@code 1 - exp(-v / intensityScale)}. */
    double intensity(TieStatistics statistics, Instant asOf) {
        return saturating(statistics.decayedVolumeAt(asOf, parameters.volumeHalfLife()), parameters.intensityScale());
    }

    /**
     * The most intimate channel used, discounted when used rarely; blended with the owner's declared
     * closeness (0 to 5) when given, closeness being the best single indicator (Marsden and Campbell).
     */
    double intimacy(TieStatistics statistics, Contact contact) {
        double channels = channelIntimacy(statistics);
        Integer declared = contact == null ? null : contact.declaredCloseness();
        if (declared == null) {
            return channels;
        }
        double closeness = clamp(declared / 5.0);
        double share = parameters.declaredClosenessShare();
        return clamp(share * closeness + (1 - share) * channels);
    }

    double channelIntimacy(TieStatistics statistics) {
        double best = 0.0;
        for (Channel channel : Channel.values()) {
            best = Math.max(best, channelIntimacy(statistics, channel));
        }
        return best;
    }

    double channelIntimacy(TieStatistics statistics, Channel channel) {
        return parameters.intimacyWeight(channel) * saturating(statistics.count(channel), parameters.intimacyCountScale());
    }

    /** The tie's demonstrated lifetime, from first known contact (interaction or connection date) to the last interaction. */
    double duration(TieStatistics statistics, Contact contact) {
        if (!statistics.hasInteractions()) {
            return 0.0;
        }
        Instant start = statistics.firstInteractionAt();
        if (contact != null && contact.connectedOn() != null) {
            Instant connected = contact.connectedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
            if (connected.isBefore(start)) {
                start = connected;
            }
        }
        Duration lifetime = TieStatistics.nonNegative(start, statistics.lastInteractionAt());
        return saturating(lifetime.toMillis(), parameters.durationScale().toMillis());
    }

    /** Recency of a tie whose origin is unknown. */
    double recency(TieStatistics statistics, Instant asOf) {
        return recency(statistics, null, asOf);
    }

    /**
     * {@code 0.5^(time since last interaction / half-life)}, the half-life lengthened by the origin's factor
     * (family ties resist decay); zero without interaction.
     */
    double recency(TieStatistics statistics, Contact contact, Instant asOf) {
        if (!statistics.hasInteractions()) {
            return 0.0;
        }
        Duration halfLife = parameters.recencyHalfLife(contact == null ? null : contact.origin());
        return TieStatistics.halving(TieStatistics.nonNegative(statistics.lastInteractionAt(), asOf), halfLife);
    }

    /** Two-way exchanges plus services rendered, saturating. */
    double reciprocity(TieStatistics statistics) {
        return saturating(statistics.reciprocalExchanges() + statistics.servicesCount(), parameters.reciprocityScale());
    }

    /** Mutual contacts, saturating. */
    double structural(Contact contact) {
        return saturating(mutualContacts(contact), parameters.structuralScale());
    }

    /**
     * 1 for a contact like the owner; each of sector, city and schooling that differs removes the
     * penalty, and each that cannot be compared removes half of it (Gilbert and Karahalios:
     * educational difference lowers strength).
     */
    double socialDistance(Contact contact, OwnerProfile owner) {
        double differences = 0.0;
        differences += difference(
                owner == null ? null : owner.sector(),
                contact == null ? null : contact.sector());
        differences += difference(
                owner == null || owner.location() == null ? null : owner.location().city(),
                contact == null || contact.location() == null ? null : contact.location().city());
        differences += schoolDifference(owner == null ? null : owner.schools(), contact == null ? null : contact.schools());
        return clamp(1.0 - parameters.socialDistancePenalty() * differences);
    }

    double originPrior(Contact contact) {
        return parameters.originPrior(contact == null ? null : contact.origin());
    }

    static int mutualContacts(Contact contact) {
        if (contact == null || contact.mutualContactIds() == null) {
            return 0;
        }
        return new HashSet<>(contact.mutualContactIds()).size();
    }

    private static double difference(String ownerValue, String contactValue) {
        if (GeographicScaleResolver.normalized(ownerValue) == null || GeographicScaleResolver.normalized(contactValue) == null) {
            return 0.5;
        }
        return GeographicScaleResolver.same(ownerValue, contactValue) ? 0.0 : 1.0;
    }

    private static double schoolDifference(List<String> ownerSchools, List<String> contactSchools) {
        Set<String> owner = normalizedSet(ownerSchools);
        Set<String> contact = normalizedSet(contactSchools);
        if (owner.isEmpty() || contact.isEmpty()) {
            return 0.5;
        }
        owner.retainAll(contact);
        return owner.isEmpty() ? 1.0 : 0.0;
    }

    private static Set<String> normalizedSet(List<String> values) {
        Set<String> set = new HashSet<>();
        if (values != null) {
            for (String value : values) {
                String normalized = GeographicScaleResolver.normalized(value);
                if (normalized != null) {
                    set.add(normalized);
                }
            }
        }
        return set;
    }

    /** {@code 1 - exp(-value / scale)}: 0 at 0, 0.63 at the scale, approaching 1. */
    static double saturating(double value, double scale) {
        if (!(value > 0)) {
            return 0.0;
        }
        return clamp(1.0 - Math.exp(-value / scale));
    }

    static double clamp(double value) {
        if (Double.isNaN(value) || value < 0) {
            return 0.0;
        }
        return Math.min(1.0, value);
    }
}
