package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import io.passerelle.tie.OriginInference.EffectiveOrigin;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two to four plain sentences saying what decided a tie's class, so that a coach can see why
 * (DOMAIN.md section 2): the class and its threshold (for a dormant tie, what makes it one to
 * reactivate, and the gestures that came since), the most telling channel, how recent the last
 * contact is, how the origin was inferred when it was, and the strongest fact known about the contact.
 */
final class TieExplainer {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

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

    static List<String> explain(Facts facts, TieParameters parameters) {
        List<String> sentences = new ArrayList<>(6);
        TieStatistics statistics = facts.statistics();
        switch (facts.tieClass()) {
            case NASCENT -> sentences.add("No interaction recorded yet, so the tie is nascent.");
            case DORMANT -> {
                sentences.add(dormantReason(facts, parameters));
                if (statistics.hasSubstantiveInteraction() && statistics.lastInteractionAt().isAfter(statistics.lastSubstantiveAt())) {
                    sentences.add("Since then only " + gestures(parameters) + " (the last on " + DAY.format(statistics.lastInteractionAt())
                            + "): not enough to wake the tie, but a reason to reactivate it.");
                }
            }
            case STRONG -> sentences.add("Strength " + two(facts.strength()) + " reaches the strong-tie threshold of "
                    + two(parameters.strongThreshold()) + ".");
            case WEAK -> sentences.add(weakReason(facts, parameters));
        }
        if (statistics.hasInteractions()) {
            sentences.add(mostTellingChannel(statistics, parameters));
            if (facts.tieClass() != TieClass.DORMANT) {
                sentences.add(lastContact(statistics.lastInteractionAt(), facts.asOf()));
            }
        }
        if (facts.origin().inferred()) {
            sentences.add(inferredOrigin(facts.origin()));
        }
        String contactFact = strongestContactFact(facts.contact(), facts.origin());
        if (contactFact != null) {
            sentences.add(contactFact);
        }
        if (sentences.size() < 2) {
            sentences.add("Strength " + two(facts.strength()) + " comes from what is known of the contact alone.");
        }
        return List.copyOf(sentences.subList(0, Math.min(4, sentences.size())));
    }

    /** Why a tie is dormant: silent since when, and either how strong it was then or what makes it one to reactivate. */
    private static String dormantReason(Facts facts, TieParameters parameters) {
        TieStatistics statistics = facts.statistics();
        if (!statistics.hasInteractions()) {
            return "No exchange logged, but " + pastTie(facts) + ": a dormant tie to reactivate.";
        }
        if (!statistics.hasSubstantiveInteraction()) {
            return "No exchange logged beyond " + gestures(parameters) + ", but " + pastTie(facts) + ": a dormant tie to reactivate.";
        }
        String since = "No exchange since " + MONTH.format(statistics.lastSubstantiveAt());
        if (facts.strengthWhenLastActive() >= parameters.weakThreshold()) {
            return since + "; the tie was " + (facts.strengthWhenLastActive() >= parameters.strongThreshold() ? "strong" : "weak")
                    + " then (strength " + two(facts.strengthWhenLastActive()) + "), so it is dormant.";
        }
        return since + " and the tie was faint then (strength " + two(facts.strengthWhenLastActive()) + "), but " + pastTie(facts)
                + ": a dormant tie to reactivate.";
    }

    /** What makes the contact a tie to reactivate, as a clause: "you were at school together". */
    private static String pastTie(Facts facts) {
        Contact contact = facts.contact();
        TieStrengthModel.PastTieSign sign = facts.pastTieSign() == null ? TieStrengthModel.PastTieSign.SHARED_ORIGIN : facts.pastTieSign();
        return switch (sign) {
            case SHARED_ORIGIN -> sharedPast(facts.origin());
            case DECLARED_CLOSENESS -> "you declared a closeness of " + contact.declaredCloseness() + " out of 5";
            case CONNECTED_LONG_AGO -> "you have been connected since "
                    + MONTH.format(contact.connectedOn().atStartOfDay(ZoneOffset.UTC).toInstant());
        };
    }

    private static String sharedPast(EffectiveOrigin origin) {
        if (origin.origin() == null) {
            return "you have known each other for a while";
        }
        if (origin.inferred() && origin.evidence() != null) {
            switch (origin.basis()) {
                case SAME_COMPANY:
                    return "you both work at " + origin.evidence();
                case PAST_COMPANY:
                    return "you both worked at " + origin.evidence();
                case SAME_SCHOOL:
                    return "you were both at " + origin.evidence();
                default:
                    break;
            }
        }
        return switch (origin.origin()) {
            case FAMILY -> "you are family";
            case FRIEND -> "you are friends";
            case NEIGHBOUR -> "you are neighbours";
            case SCHOOL -> "you were at school together";
            case FORMER_COLLEAGUE -> "you worked together";
            case COLLEAGUE -> "you work together";
            case CLIENT -> "you have done business together";
            case PARTNER -> "you are business partners";
            case EVENT -> "you met at an event";
            case ONLINE -> "you met online";
            case INTRODUCED -> "someone introduced you";
            case OTHER -> "you have known each other for a while";
        };
    }

    private static String inferredOrigin(EffectiveOrigin origin) {
        return switch (origin.basis()) {
            case SAME_COMPANY -> "Inferred as a colleague: you both work at " + origin.evidence() + ".";
            case PAST_COMPANY -> "Inferred as a former colleague: you both worked at " + origin.evidence() + ".";
            case SAME_SCHOOL -> "Inferred as a school mate: you were both at " + origin.evidence() + ".";
            case SOCIAL_PLATFORM -> "Inferred as met online: the contact came from " + origin.evidence() + ".";
            case DECLARED, NONE -> throw new IllegalArgumentException("not an inferred origin: " + origin);
        };
    }

    /** The gesture channels as a phrase, the lightest first: "reactions, public comments or endorsements". */
    static String gestures(TieParameters parameters) {
        List<String> names = parameters.gestureChannels().stream()
                .sorted(java.util.Comparator.comparingDouble(parameters::intimacyWeight).thenComparing(Channel::ordinal))
                .map(TieExplainer::pluralName)
                .toList();
        if (names.isEmpty()) {
            return "gestures";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String pluralName(Channel channel) {
        return switch (channel) {
            case MEETING -> "meetings";
            case CALL -> "calls";
            case VIDEO_CALL -> "video calls";
            case PRIVATE_MESSAGE -> "private messages";
            case EMAIL -> "emails";
            case PUBLIC_COMMENT -> "public comments";
            case REACTION -> "reactions";
            case ENDORSEMENT -> "endorsements";
            case RECOMMENDATION -> "recommendations";
            case INTRODUCTION -> "introductions";
            case EVENT -> "events";
        };
    }

    private static String weakReason(Facts facts, TieParameters parameters) {
        TieStatistics statistics = facts.statistics();
        Instant silentSince = statistics.lastSubstantiveAt();
        if (silentSince != null
                && facts.asOf().isAfter(silentSince.atZone(ZoneOffset.UTC).plus(parameters.dormantAfter()).toInstant())) {
            return "No exchange since " + MONTH.format(silentSince)
                    + ", and the tie was too faint then to count as dormant (strength " + two(facts.strengthWhenLastActive()) + ").";
        }
        return "Strength " + two(facts.strength()) + " is below the strong-tie threshold of " + two(parameters.strongThreshold()) + ".";
    }

    private static String mostTellingChannel(TieStatistics statistics, TieParameters parameters) {
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
        long count = statistics.count(best);
        String since = statistics.interactionCount() > 1 ? " since " + MONTH.format(statistics.firstInteractionAt()) : "";
        return capitalized(channelPhrase(best, count)) + since + " (" + statistics.interactionCount() + " interaction"
                + plural(statistics.interactionCount()) + " in all).";
    }

    private static String channelPhrase(Channel channel, long n) {
        return switch (channel) {
            case MEETING -> "met in person " + times(n);
            case CALL -> "talked on the phone " + times(n);
            case VIDEO_CALL -> "talked by video " + times(n);
            case EVENT -> "met at " + n + " event" + plural(n);
            case PRIVATE_MESSAGE -> n + " private message" + plural(n) + " exchanged";
            case EMAIL -> n + " email" + plural(n) + " exchanged";
            case PUBLIC_COMMENT -> n + " public comment" + plural(n);
            case REACTION -> n + " reaction" + plural(n) + " to posts";
            case ENDORSEMENT -> n + " endorsement" + plural(n);
            case RECOMMENDATION -> n + " recommendation" + plural(n);
            case INTRODUCTION -> n + " introduction" + plural(n);
        };
    }

    private static String lastContact(Instant last, Instant asOf) {
        long days = TieStatistics.nonNegative(last, asOf).toDays();
        if (days == 0) {
            return "Last contact today.";
        }
        if (days < 60) {
            return "Last contact " + days + " day" + plural(days) + " ago, on " + DAY.format(last) + ".";
        }
        return "No contact since " + MONTH.format(last) + ".";
    }

    private static String strongestContactFact(Contact contact, EffectiveOrigin origin) {
        if (contact == null) {
            return "The contact's details have not arrived yet.";
        }
        if (contact.declaredCloseness() != null) {
            return "Declared closeness " + contact.declaredCloseness() + " out of 5.";
        }
        if (contact.origin() != null && contact.origin() != Origin.OTHER && !origin.inferred()) {
            return originSentence(contact.origin());
        }
        int mutual = TieStrengthModel.mutualContacts(contact);
        if (mutual > 0) {
            return mutual + " mutual contact" + plural(mutual) + ".";
        }
        if (contact.connectedOn() != null) {
            return "Connected on " + DAY.format(contact.connectedOn().atStartOfDay(ZoneOffset.UTC).toInstant()) + ".";
        }
        return null;
    }

    private static String originSentence(Origin origin) {
        return switch (origin) {
            case FAMILY -> "A family member.";
            case FRIEND -> "A friend.";
            case NEIGHBOUR -> "A neighbour, which says little about closeness.";
            case SCHOOL -> "Met at school.";
            case FORMER_COLLEAGUE -> "A former colleague.";
            case COLLEAGUE -> "A colleague.";
            case CLIENT -> "A client.";
            case PARTNER -> "A business partner.";
            case EVENT -> "Met at an event.";
            case ONLINE -> "Met online.";
            case INTRODUCED -> "Introduced by someone.";
            case OTHER -> "Known through other means.";
        };
    }

    private static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String capitalized(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
