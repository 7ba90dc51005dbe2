package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import io.passerelle.tie.OriginInference.EffectiveOrigin;
import io.passerelle.vocabulary.Language;
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
 * silent ties without any event. The contact's origin is its effective one ({@link OriginInference}):
 * its own, or the one its companies, schools or source imply.
 *
 * <p>Every dimension is built so that two properties hold and are tested: a new interaction never
 * lowers the strength at the instant it is evaluated, and time alone never raises it. Intensity and
 * recency decay with time; the others do not move with time at all. That is why duration is the
 * tie's demonstrated lifetime (first known contact to last interaction) rather than "time since we
 * met", and reciprocity counts two-way exchanges rather than a share that one more one-way message
 * could lower.
 *
 * <p>Gestures (a reaction, a public comment, an endorsement: {@link TieParameters#gestureChannels()})
 * count in every dimension but recency, where they are worth {@link TieParameters#gestureRecencyFactor()}
 * of an exchange, and dormancy, which is measured from the last substantive exchange: a like does not
 * wake a dormant tie (DOMAIN.md section 5).
 */
public final class TieStrengthModel {
    /** How far ahead {@link #nextClassChange} looks for a STRONG tie that cannot go dormant to fade to WEAK. */
    static final Duration HORIZON = Duration.ofDays(1000L * 365);
    /** Channel.values() copies the array at each call; the intimacy of every tie assessed walks it. */
    private static final Channel[] CHANNELS = Channel.values();

    /** What says that a tie without a substantive exchange for long (or ever) is one to reactivate. */
    enum PastTieSign {
        /** An origin that implies a shared past ({@link TieParameters#sharedPastOrigins()}). */
        SHARED_ORIGIN,
        /** A declared closeness of at least {@link TieParameters#sharedPastCloseness()}. */
        DECLARED_CLOSENESS,
        /** Connected for at least {@link TieParameters#nascentFor()}. */
        CONNECTED_LONG_AGO
    }

    private final TieParameters parameters;

    public TieStrengthModel(TieParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public TieParameters parameters() {
        return parameters;
    }

    /**
     * Dimensions, strength, class, scale, effective origin and explanation of a tie as of {@code asOf}, explained in
     * the owner's language ({@link #languageOf}); contact and owner may be unknown (null).
     */
    public TieAssessment assess(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf) {
        return assess(statistics, contact, owner, asOf, languageOf(owner));
    }

    /** The same, explained in {@code language}: what a reader asks for when it names a language. */
    public TieAssessment assess(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf, Language language) {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(asOf, "asOf");
        EffectiveOrigin origin = OriginInference.infer(contact, owner);
        TieDimensions dimensions = dimensions(statistics, contact, owner, origin.origin(), asOf);
        double strength = strength(dimensions);
        // The strengths as of other instants reuse the dimensions that do not move with time: the contact and
        // the owner are compared once per tie, not once per instant.
        double strengthWhenLastActive = statistics.hasSubstantiveInteraction()
                ? strength(asOf(dimensions, statistics, origin.origin(), statistics.lastSubstantiveAt()))
                : 0.0;
        double strengthAtLastInteraction = !statistics.hasInteractions() ? 0.0
                : statistics.lastInteractionAt().equals(statistics.lastSubstantiveAt()) ? strengthWhenLastActive
                : strength(asOf(dimensions, statistics, origin.origin(), statistics.lastInteractionAt()));
        TieClass tieClass = classify(statistics, contact, origin.origin(), strength, strengthWhenLastActive, asOf);
        var scale = GeographicScaleResolver.between(owner == null ? null : owner.location(), contact == null ? null : contact.location());
        List<String> explanation = TieExplainer.explain(new TieExplainer.Facts(statistics, contact, dimensions, strength, tieClass,
                strengthWhenLastActive, asOf, origin, pastTieSign(contact, origin.origin(), asOf)), parameters, language);
        return new TieAssessment(asOf, strength, tieClass, dimensions, strengthWhenLastActive, strengthAtLastInteraction, scale, origin,
                explanation, language);
    }

    /** The language an owner's ties are explained in: their profile's, {@link Language#DEFAULT} (French) when unknown. */
    public static Language languageOf(OwnerProfile owner) {
        return Language.orDefault(owner == null ? null : owner.language());
    }

    /** The class alone as of {@code asOf}, without an explanation: what counting classes over a whole network needs. */
    public TieClass classOf(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf) {
        Origin origin = OriginInference.originOf(contact, owner);
        double strengthWhenLastActive = strengthWhenLastActive(statistics, contact, owner, origin);
        double strength = statistics.hasInteractions() ? strengthAt(statistics, contact, owner, origin, asOf) : 0.0;
        return classify(statistics, contact, origin, strength, strengthWhenLastActive, asOf);
    }

    /**
     * The public projection of a tie (API.md Tie) as of {@code asOf}, explained in the owner's language, when its history is not known: the
     * peak is taken to be the strength as of the last interaction ({@link TieHistory#withoutRecordedPeak}).
     */
    public Tie describe(String contactId, TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf, Instant updatedAt) {
        return describe(contactId, statistics, contact, assess(statistics, contact, owner, asOf), TiePeak.NONE, updatedAt);
    }

    /** The public projection of a tie (API.md Tie) as of {@code asOf}, with the peak its history reached, explained in the owner's language. */
    public Tie describe(String contactId, TieHistory history, Contact contact, OwnerProfile owner, Instant asOf, Instant updatedAt) {
        return describe(contactId, history.statistics(), contact, assess(history.statistics(), contact, owner, asOf), history.peak(),
                updatedAt);
    }

    /**
     * The public projection of a tie from an assessment already made and the peak its history reached.
     * The peak published is never below the strength as of the last interaction (what the tie is known
     * to have reached then), so that it is never below the strength it has now.
     */
    public Tie describe(String contactId, TieStatistics statistics, Contact contact, TieAssessment assessment, TiePeak peak,
            Instant updatedAt) {
        TiePeak shown = statistics.hasInteractions()
                ? peak.max(assessment.strengthAtLastInteraction(), statistics.lastInteractionAt())
                : peak;
        return new Tie(
                contactId,
                contact == null ? contactId : contact.displayName(),
                assessment.strength(),
                assessment.tieClass(),
                assessment.dimensions(),
                assessment.geographicScale(),
                assessment.origin().origin(),
                statistics.interactionCount(),
                statistics.firstInteractionAt(),
                statistics.lastInteractionAt(),
                mutualContacts(contact),
                shown.strength(),
                shown.at(),
                statistics.lastReciprocatedAt(),
                assessment.explanation(),
                updatedAt,
                assessment.explanationLanguage().code());
    }

    /** The dimensions as of {@code asOf}, with the contact's effective origin. */
    public TieDimensions dimensions(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf) {
        return dimensions(statistics, contact, owner, OriginInference.originOf(contact, owner), asOf);
    }

    private TieDimensions dimensions(TieStatistics statistics, Contact contact, OwnerProfile owner, Origin origin, Instant asOf) {
        return new TieDimensions(
                intensity(statistics, asOf),
                intimacy(statistics, contact),
                duration(statistics, contact),
                recency(statistics, origin, asOf),
                reciprocity(statistics),
                structural(contact),
                socialDistance(contact, owner),
                originPrior(origin));
    }

    /**
     * {@code dimensions} (the tie's, as of any instant) as of {@code at}: only intensity and recency move
     * with time, the other six are taken as they are.
     */
    private TieDimensions asOf(TieDimensions dimensions, TieStatistics statistics, Origin origin, Instant at) {
        return new TieDimensions(
                intensity(statistics, at),
                dimensions.intimacy(),
                dimensions.duration(),
                recency(statistics, origin, at),
                dimensions.reciprocity(),
                dimensions.structural(),
                dimensions.socialDistance(),
                dimensions.originPrior());
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

    /** The strength as of the tie's last interaction (0 without any): what its peak is evaluated as of. */
    public double strengthAtLastInteraction(TieStatistics statistics, Contact contact, OwnerProfile owner) {
        if (!statistics.hasInteractions()) {
            return 0.0;
        }
        return strengthAt(statistics, contact, owner, OriginInference.originOf(contact, owner), statistics.lastInteractionAt());
    }

    private double strengthAt(TieStatistics statistics, Contact contact, OwnerProfile owner, Origin origin, Instant asOf) {
        return strength(dimensions(statistics, contact, owner, origin, asOf));
    }

    /** The strength as of the last substantive exchange (recency 1 then): whether the tie "was at least weak" when it went silent. */
    private double strengthWhenLastActive(TieStatistics statistics, Contact contact, OwnerProfile owner, Origin origin) {
        return statistics.hasSubstantiveInteraction()
                ? strengthAt(statistics, contact, owner, origin, statistics.lastSubstantiveAt())
                : 0.0;
    }

    /**
     * DORMANT when the tie had no substantive exchange for more than {@code dormantAfter} (or never had
     * one) and either it was at least weak then (Levin et al.) or something says it is a tie to
     * reactivate ({@link #pastTieSign}: a shared past, a declared closeness, a connection made long ago);
     * else NASCENT without any interaction; else STRONG at or above the strong threshold; else WEAK.
     * A gesture never makes a dormant tie anything else.
     */
    TieClass classify(TieStatistics statistics, Contact contact, Origin origin, double strength, double strengthWhenLastActive,
            Instant asOf) {
        if (silentLongEnoughToBeDormant(statistics, asOf)
                && (wasAtLeastWeak(statistics, strengthWhenLastActive) || pastTieSign(contact, origin, asOf) != null)) {
            return TieClass.DORMANT;
        }
        if (!statistics.hasInteractions()) {
            return TieClass.NASCENT;
        }
        return strength >= parameters.strongThreshold() ? TieClass.STRONG : TieClass.WEAK;
    }

    private boolean wasAtLeastWeak(TieStatistics statistics, double strengthWhenLastActive) {
        return statistics.hasSubstantiveInteraction() && strengthWhenLastActive >= parameters.weakThreshold();
    }

    /** No substantive exchange ever, or none for more than {@code dormantAfter}. */
    boolean silentLongEnoughToBeDormant(TieStatistics statistics, Instant asOf) {
        return !statistics.hasSubstantiveInteraction() || asOf.isAfter(dormantFrom(statistics));
    }

    /** The last instant at which the tie is not yet silent long enough: the last substantive exchange plus {@code dormantAfter}; null without one. */
    Instant dormantFrom(TieStatistics statistics) {
        Instant last = statistics.lastSubstantiveAt();
        return last == null ? null : parameters.plusDormantAfter(last);
    }

    /**
     * What says, as of {@code asOf}, that the contact is a tie to reactivate rather than a stranger: an
     * origin that implies a shared past, a declared closeness of at least {@code sharedPastCloseness},
     * or a connection made at least {@code nascentFor} ago; null when nothing does.
     */
    PastTieSign pastTieSign(Contact contact, Origin origin, Instant asOf) {
        if (timelessPastTieSign(contact, origin) != null) {
            return timelessPastTieSign(contact, origin);
        }
        Instant knownFrom = connectedLongEnoughFrom(contact);
        return knownFrom != null && !asOf.isBefore(knownFrom) ? PastTieSign.CONNECTED_LONG_AGO : null;
    }

    private PastTieSign timelessPastTieSign(Contact contact, Origin origin) {
        if (origin != null && parameters.sharedPastOrigins().contains(origin)) {
            return PastTieSign.SHARED_ORIGIN;
        }
        if (contact != null && contact.declaredCloseness() != null && contact.declaredCloseness() >= parameters.sharedPastCloseness()) {
            return PastTieSign.DECLARED_CLOSENESS;
        }
        return null;
    }

    /** The instant from which the contact has been connected for {@code nascentFor}: midnight UTC of {@code connectedOn} plus it; null without a date. */
    Instant connectedLongEnoughFrom(Contact contact) {
        if (contact == null || contact.connectedOn() == null) {
            return null;
        }
        return contact.connectedOn().atStartOfDay(ZoneOffset.UTC).plus(parameters.nascentFor()).toInstant();
    }

    /**
     * The first instant after {@code asOf} at which the tie's class differs from its class as of
     * {@code asOf} if nothing new happens, or null when time alone never changes it. Time only moves a
     * tie one way: STRONG to WEAK when its decaying strength crosses the strong threshold; STRONG, WEAK
     * or NASCENT to DORMANT when both the silence and the reason of the dormancy rule hold (the end of
     * {@code dormantAfter} after the last substantive exchange, and a tie at least weak then or a sign of
     * a shared past, which a connection date gives at {@code connectedOn + nascentFor}); DORMANT never
     * changes. Strength never rises with time, so the crossing is found by bisection, to the second;
     * for a STRONG tie that can never go dormant, within {@link #HORIZON}.
     */
    public Instant nextClassChange(TieStatistics statistics, Contact contact, OwnerProfile owner, Instant asOf) {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(asOf, "asOf");
        Origin origin = OriginInference.originOf(contact, owner);
        double strengthWhenLastActive = strengthWhenLastActive(statistics, contact, owner, origin);
        double strength = statistics.hasInteractions() ? strengthAt(statistics, contact, owner, origin, asOf) : 0.0;
        TieClass current = classify(statistics, contact, origin, strength, strengthWhenLastActive, asOf);
        if (current == TieClass.DORMANT) {
            return null;
        }
        Instant dormantAt = dormantAt(statistics, contact, origin, strengthWhenLastActive, asOf);
        if (current != TieClass.STRONG) {
            return dormantAt;
        }
        Instant weakAt = firstInstantBelowStrong(statistics, contact, owner, origin, asOf, dormantAt == null ? null : dormantAt.minusMillis(1));
        if (weakAt == null) {
            return dormantAt;
        }
        return dormantAt != null && weakAt.isAfter(dormantAt) ? dormantAt : weakAt;
    }

    /** The first instant after {@code asOf} at which the dormancy rule holds, for a tie not dormant as of {@code asOf}; null if never. */
    private Instant dormantAt(TieStatistics statistics, Contact contact, Origin origin, double strengthWhenLastActive, Instant asOf) {
        // null: holds already (and keeps holding: neither condition ever stops holding with time)
        Instant silentAt = statistics.hasSubstantiveInteraction() ? dormantFrom(statistics).plusMillis(1) : null;
        Instant reasonAt = null;
        if (!wasAtLeastWeak(statistics, strengthWhenLastActive) && timelessPastTieSign(contact, origin) == null) {
            reasonAt = connectedLongEnoughFrom(contact);
            if (reasonAt == null) {
                return null;
            }
        }
        Instant at = TieStatistics.later(silentAt, reasonAt);
        return at != null && at.isAfter(asOf) ? at : null;
    }

    /**
     * The first second in (from, until] at which strength falls below the strong threshold, or null if it
     * does not; with no {@code until}, within {@link #HORIZON}, doubling the span looked at until it
     * reaches an instant below the threshold.
     */
    private Instant firstInstantBelowStrong(TieStatistics statistics, Contact contact, OwnerProfile owner, Origin origin, Instant from,
            Instant until) {
        double threshold = parameters.strongThreshold();
        long low = from.getEpochSecond();
        long high;
        if (until != null) {
            if (!until.isAfter(from) || strengthAt(statistics, contact, owner, origin, until) >= threshold) {
                return null;
            }
            high = until.getEpochSecond() + (until.getNano() > 0 ? 1 : 0);
        } else {
            long cap = from.plus(HORIZON).getEpochSecond();
            long span = Duration.ofDays(1).getSeconds();
            high = low + span;
            while (strengthAt(statistics, contact, owner, origin, Instant.ofEpochSecond(high)) >= threshold) {
                if (high >= cap) {
                    return null;
                }
                span *= 2;
                high = Math.min(cap, low + span);
            }
        }
        // Invariant: strong as of low (or low is before from), below the threshold as of high.
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (strengthAt(statistics, contact, owner, origin, Instant.ofEpochSecond(middle)) >= threshold) {
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
        for (Channel channel : CHANNELS) {
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
        return recency(statistics, (Origin) null, asOf);
    }

    /** Recency of a tie with this contact's own origin (its owner unknown). */
    double recency(TieStatistics statistics, Contact contact, Instant asOf) {
        return recency(statistics, OriginInference.originOf(contact, null), asOf);
    }

    /**
     * {@code max(0.5^(time since the last substantive exchange / h), g * 0.5^(time since the last gesture / h))},
     * the half-life {@code h} lengthened by the origin's factor (family ties resist decay) and {@code g}
     * the gesture recency factor: a gesture keeps a tie a little recent, but not like a meeting. Zero
     * without interaction. The gesture term is taken from the last interaction of any kind: when that is
     * a substantive one, its term is {@code g} times the substantive one and never decides, which gives
     * the same value.
     */
    double recency(TieStatistics statistics, Origin origin, Instant asOf) {
        if (!statistics.hasInteractions()) {
            return 0.0;
        }
        Duration halfLife = parameters.recencyHalfLife(origin);
        double gesture = parameters.gestureRecencyFactor()
                * TieStatistics.halving(TieStatistics.nonNegative(statistics.lastInteractionAt(), asOf), halfLife);
        if (!statistics.hasSubstantiveInteraction()) {
            return gesture;
        }
        return Math.max(gesture, TieStatistics.halving(TieStatistics.nonNegative(statistics.lastSubstantiveAt(), asOf), halfLife));
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

    /** The prior of the contact's own origin (its owner unknown). */
    double originPrior(Contact contact) {
        return originPrior(OriginInference.originOf(contact, null));
    }

    double originPrior(Origin origin) {
        return parameters.originPrior(origin);
    }

    static int mutualContacts(Contact contact) {
        if (contact == null || contact.mutualContactIds() == null) {
            return 0;
        }
        return new HashSet<>(contact.mutualContactIds()).size();
    }

    private static double difference(String ownerValue, String contactValue) {
        String owner = GeographicScaleResolver.normalized(ownerValue);
        String contact = GeographicScaleResolver.normalized(contactValue);
        if (owner == null || contact == null) {
            return 0.5;
        }
        return owner.equals(contact) ? 0.0 : 1.0;
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
