package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import io.passerelle.tie.OriginInference.EffectiveOrigin;
import io.passerelle.vocabulary.Language;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two to four plain sentences saying what decided a tie's class, so that a coach can see why
 * (DOMAIN.md section 2): the class and its threshold (for a dormant tie, what makes it one to
 * reactivate, and the gestures that came since), the most telling channel, how recent the last
 * contact is, how the origin was inferred when it was, and the strongest fact known about the contact.
 *
 * <p>Which sentences are said is decided here, once; how each is worded, in French or in English, is
 * {@link ExplanationWords}'s.
 */
final class TieExplainer {

    /** What the explanation is drawn from. */
    record Facts(
            TieStatistics statistics,
            Contact contact,
            TieDimensions dimensions,
            double strength,
            TieClass tieClass,
            double strengthWhenLastActive,
            Instant asOf,
            EffectiveOrigin origin,
            TieStrengthModel.PastTieSign pastTieSign) {
    }

    private TieExplainer() {
    }

    /** The explanation in {@code language} ({@link Language#DEFAULT} when null). */
    static List<String> explain(Facts facts, TieParameters parameters, Language language) {
        ExplanationWords words = ExplanationWords.of(language);
        List<String> sentences = new ArrayList<>(6);
        TieStatistics statistics = facts.statistics();
        switch (facts.tieClass()) {
            case NASCENT -> sentences.add(words.nascent());
            case DORMANT -> {
                sentences.add(dormantReason(facts, parameters, words));
                if (statistics.hasSubstantiveInteraction() && statistics.lastInteractionAt().isAfter(statistics.lastSubstantiveAt())) {
                    sentences.add(words.gesturesSince(gestures(parameters, words), statistics.lastInteractionAt()));
                }
            }
            case STRONG -> sentences.add(words.strong(facts.strength(), parameters.strongThreshold()));
            case WEAK -> sentences.add(weakReason(facts, parameters, words));
        }
        if (statistics.hasInteractions()) {
            sentences.add(mostTellingChannel(statistics, parameters, words));
            if (facts.tieClass() != TieClass.DORMANT) {
                sentences.add(words.lastContact(TieStatistics.nonNegative(statistics.lastInteractionAt(), facts.asOf()).toDays(),
                        statistics.lastInteractionAt()));
            }
        }
        if (facts.origin().inferred()) {
            sentences.add(words.inferredOrigin(facts.origin().basis(), facts.origin().evidence()));
        }
        String contactFact = strongestContactFact(facts.contact(), facts.origin(), words);
        if (contactFact != null) {
            sentences.add(contactFact);
        }
        if (sentences.size() < 2) {
            sentences.add(words.strengthFromContactAlone(facts.strength()));
        }
        return List.copyOf(sentences.subList(0, Math.min(4, sentences.size())));
    }

    /** Why a tie is dormant: silent since when, and either how strong it was then or what makes it one to reactivate. */
    private static String dormantReason(Facts facts, TieParameters parameters, ExplanationWords words) {
        TieStatistics statistics = facts.statistics();
        if (!statistics.hasInteractions()) {
            return words.dormantWithoutExchange(pastTie(facts, words));
        }
        if (!statistics.hasSubstantiveInteraction()) {
            return words.dormantWithGesturesOnly(gestures(parameters, words), pastTie(facts, words));
        }
        if (facts.strengthWhenLastActive() >= parameters.weakThreshold()) {
            return words.dormantAfterTie(statistics.lastSubstantiveAt(), facts.strengthWhenLastActive() >= parameters.strongThreshold(),
                    facts.strengthWhenLastActive());
        }
        return words.dormantAfterFaintTie(statistics.lastSubstantiveAt(), facts.strengthWhenLastActive(), pastTie(facts, words));
    }

    /** What makes the contact a tie to reactivate, as a clause: "you were at school together". */
    private static String pastTie(Facts facts, ExplanationWords words) {
        Contact contact = facts.contact();
        TieStrengthModel.PastTieSign sign = facts.pastTieSign() == null ? TieStrengthModel.PastTieSign.SHARED_ORIGIN : facts.pastTieSign();
        return switch (sign) {
            case SHARED_ORIGIN -> sharedPast(facts.origin(), words);
            case DECLARED_CLOSENESS -> words.declaredClosenessClause(contact.declaredCloseness());
            case CONNECTED_LONG_AGO -> words.connectedSinceClause(contact.connectedOn().atStartOfDay(ZoneOffset.UTC).toInstant());
        };
    }

    private static String sharedPast(EffectiveOrigin origin, ExplanationWords words) {
        if (origin.origin() == null) {
            return words.sharedPastClause(null);
        }
        if (origin.inferred() && origin.evidence() != null) {
            switch (origin.basis()) {
                case SAME_COMPANY, PAST_COMPANY, SAME_SCHOOL:
                    return words.sharedPlaceClause(origin.basis(), origin.evidence());
                default:
                    break;
            }
        }
        return words.sharedPastClause(origin.origin());
    }

    /** The gesture channels as a phrase, the lightest first: "reactions, public comments or endorsements". */
    static String gestures(TieParameters parameters, ExplanationWords words) {
        return words.gestures(parameters.gestureChannels().stream()
                .sorted(Comparator.comparingDouble(parameters::intimacyWeight).thenComparing(Channel::ordinal))
                .toList());
    }

    private static String weakReason(Facts facts, TieParameters parameters, ExplanationWords words) {
        TieStatistics statistics = facts.statistics();
        Instant silentSince = statistics.lastSubstantiveAt();
        if (silentSince != null
                && facts.asOf().isAfter(parameters.plusDormantAfter(silentSince))) {
            return words.weakAfterFaintTie(silentSince, facts.strengthWhenLastActive());
        }
        return words.weak(facts.strength(), parameters.strongThreshold());
    }

    private static String mostTellingChannel(TieStatistics statistics, TieParameters parameters, ExplanationWords words) {
        Channel best = null;
        double bestScore = -1;
        for (Channel channel : Channel.values()) {
            long count = statistics.count(channel);
            if (count == 0) {
                continue;
            }
            double score = parameters.intimacyWeight(channel) * TieStrengthModel.saturating(count, parameters.intimacyCountScale());
            if (score > bestScore) {
                bestScore = score;
                best = channel;
            }
        }
        Instant since = statistics.interactionCount() > 1 ? statistics.firstInteractionAt() : null;
        return words.channel(best, statistics.count(best), since, statistics.interactionCount());
    }

    private static String strongestContactFact(Contact contact, EffectiveOrigin origin, ExplanationWords words) {
        if (contact == null) {
            return words.contactNotArrived();
        }
        if (contact.declaredCloseness() != null) {
            return words.declaredCloseness(contact.declaredCloseness());
        }
        if (contact.origin() != null && contact.origin() != Origin.OTHER && !origin.inferred()) {
            return words.origin(contact.origin());
        }
        int mutual = TieStrengthModel.mutualContacts(contact);
        if (mutual > 0) {
            return words.mutualContacts(mutual);
        }
        if (contact.connectedOn() != null) {
            return words.connectedOn(contact.connectedOn().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return null;
    }
}
