package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Origin;
import io.passerelle.tie.OriginInference.Basis;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A tie's explanation in English: "No exchange since March 2022; the tie was strong then (strength 0.71), so it is dormant." */
final class EnglishExplanationWords implements ExplanationWords {
    static final EnglishExplanationWords INSTANCE = new EnglishExplanationWords();

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private EnglishExplanationWords() {
    }

    @Override
    public String nascent() {
        return "No interaction recorded yet, so the tie is nascent.";
    }

    @Override
    public String dormantWithoutExchange(String pastTieClause) {
        return "No exchange logged, but " + pastTieClause + ": a dormant tie to reactivate.";
    }

    @Override
    public String dormantWithGesturesOnly(String gestures, String pastTieClause) {
        return "No exchange logged beyond " + gestures + ", but " + pastTieClause + ": a dormant tie to reactivate.";
    }

    @Override
    public String dormantAfterTie(Instant silentSince, boolean wasStrong, double strengthThen) {
        return "No exchange since " + MONTH.format(silentSince) + "; the tie was " + (wasStrong ? "strong" : "weak")
                + " then (strength " + two(strengthThen) + "), so it is dormant.";
    }

    @Override
    public String dormantAfterFaintTie(Instant silentSince, double strengthThen, String pastTieClause) {
        return "No exchange since " + MONTH.format(silentSince) + " and the tie was faint then (strength " + two(strengthThen) + "), but "
                + pastTieClause + ": a dormant tie to reactivate.";
    }

    @Override
    public String gesturesSince(String gestures, Instant lastGesture) {
        return "Since then only " + gestures + " (the last on " + DAY.format(lastGesture)
                + "): not enough to wake the tie, but a reason to reactivate it.";
    }

    @Override
    public String strong(double strength, double threshold) {
        return "Strength " + two(strength) + " reaches the strong-tie threshold of " + two(threshold) + ".";
    }

    @Override
    public String weak(double strength, double threshold) {
        return "Strength " + two(strength) + " is below the strong-tie threshold of " + two(threshold) + ".";
    }

    @Override
    public String weakAfterFaintTie(Instant silentSince, double strengthThen) {
        return "No exchange since " + MONTH.format(silentSince) + ", and the tie was too faint then to count as dormant (strength "
                + two(strengthThen) + ").";
    }

    @Override
    public String sharedPastClause(Origin origin) {
        if (origin == null) {
            return "you have known each other for a while";
        }
        return switch (origin) {
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

    @Override
    public String sharedPlaceClause(Basis basis, String evidence) {
        return switch (basis) {
            case SAME_COMPANY -> "you both work at " + evidence;
            case PAST_COMPANY -> "you both worked at " + evidence;
            case SAME_SCHOOL -> "you were both at " + evidence;
            case SOCIAL_PLATFORM, DECLARED, NONE -> throw new IllegalArgumentException("not a shared place: " + basis);
        };
    }

    @Override
    public String declaredClosenessClause(int closeness) {
        return "you declared a closeness of " + closeness + " out of 5";
    }

    @Override
    public String connectedSinceClause(Instant connectedOn) {
        return "you have been connected since " + MONTH.format(connectedOn);
    }

    @Override
    public String gestures(List<Channel> channels) {
        List<String> names = channels.stream().map(EnglishExplanationWords::pluralName).toList();
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

    @Override
    public String channel(Channel channel, long count, Instant since, long interactions) {
        String phrase = channelPhrase(channel, count);
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1) + (since == null ? "" : " since " + MONTH.format(since))
                + " (" + interactions + " interaction" + plural(interactions) + " in all).";
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

    @Override
    public String lastContact(long daysAgo, Instant last) {
        if (daysAgo == 0) {
            return "Last contact today.";
        }
        if (daysAgo < 60) {
            return "Last contact " + daysAgo + " day" + plural(daysAgo) + " ago, on " + DAY.format(last) + ".";
        }
        return "No contact since " + MONTH.format(last) + ".";
    }

    @Override
    public String inferredOrigin(Basis basis, String evidence) {
        return switch (basis) {
            case SAME_COMPANY -> "Inferred as a colleague: you both work at " + evidence + ".";
            case PAST_COMPANY -> "Inferred as a former colleague: you both worked at " + evidence + ".";
            case SAME_SCHOOL -> "Inferred as a school mate: you were both at " + evidence + ".";
            case SOCIAL_PLATFORM -> "Inferred as met online: the contact came from " + evidence + ".";
            case DECLARED, NONE -> throw new IllegalArgumentException("not an inferred origin: " + basis);
        };
    }

    @Override
    public String contactNotArrived() {
        return "The contact's details have not arrived yet.";
    }

    @Override
    public String declaredCloseness(int closeness) {
        return "Declared closeness " + closeness + " out of 5.";
    }

    @Override
    public String origin(Origin origin) {
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

    @Override
    public String mutualContacts(int mutual) {
        return mutual + " mutual contact" + plural(mutual) + ".";
    }

    @Override
    public String connectedOn(Instant connectedOn) {
        return "Connected on " + DAY.format(connectedOn) + ".";
    }

    @Override
    public String strengthFromContactAlone(double strength) {
        return "Strength " + two(strength) + " comes from what is known of the contact alone.";
    }

    private static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static String two(double value) {
        return TwoDecimals.of(value, '.');
    }
}
