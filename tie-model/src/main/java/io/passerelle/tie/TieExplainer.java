package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two to four plain sentences saying what decided a tie's class, so that a coach can see why
 * (DOMAIN.md section 2): the class and its threshold, the most telling channel, how recent the last
 * contact is, and the strongest fact known about the contact.
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
            Instant asOf) {
    }

    private TieExplainer() {
    }

    static List<String> explain(Facts facts, TieParameters parameters) {
        List<String> sentences = new ArrayList<>(4);
        TieStatistics statistics = facts.statistics();
        switch (facts.tieClass()) {
            case NASCENT -> sentences.add("No interaction recorded yet, so the tie is nascent.");
            case DORMANT -> sentences.add("No contact since " + MONTH.format(statistics.lastInteractionAt())
                    + "; the tie was " + (facts.strengthWhenLastActive() >= parameters.strongThreshold() ? "strong" : "weak")
                    + " then (strength " + two(facts.strengthWhenLastActive()) + "), so it is dormant.");
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
        String contactFact = strongestContactFact(facts.contact());
        if (contactFact != null) {
            sentences.add(contactFact);
        }
        if (sentences.size() < 2) {
            sentences.add("Strength " + two(facts.strength()) + " comes from what is known of the contact alone.");
        }
        return List.copyOf(sentences.subList(0, Math.min(4, sentences.size())));
    }

    private static String weakReason(Facts facts, TieParameters parameters) {
        TieStatistics statistics = facts.statistics();
        if (facts.asOf().isAfter(statistics.lastInteractionAt().atZone(ZoneOffset.UTC).plus(parameters.dormantAfter()).toInstant())) {
            return "No contact since " + MONTH.format(statistics.lastInteractionAt())
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

    private static String strongestContactFact(Contact contact) {
        if (contact == null) {
            return "The contact's details have not arrived yet.";
        }
        if (contact.declaredCloseness() != null) {
            return "Declared closeness " + contact.declaredCloseness() + " out of 5.";
        }
        if (contact.origin() != null && contact.origin() != Origin.OTHER) {
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
