package io.passerelle.tie;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Origin;
import io.passerelle.tie.OriginInference.Basis;
import io.passerelle.vocabulary.Language;
import java.time.Instant;
import java.util.List;

/**
 * How each sentence of a tie's explanation is worded in one language ({@link TieExplainer} decides
 * which are said). A method ending in {@code Clause} gives a lower-case clause that other sentences
 * embed after "but" / "mais"; every other method gives a whole sentence. Instants are written as
 * months or days in UTC, strengths with two decimals.
 */
interface ExplanationWords {

    /** The words of a language; {@link Language#DEFAULT} when null. */
    static ExplanationWords of(Language language) {
        return (language == null ? Language.DEFAULT : language) == Language.EN ? EnglishExplanationWords.INSTANCE
                : FrenchExplanationWords.INSTANCE;
    }

    // The class.

    String nascent();

    String dormantWithoutExchange(String pastTieClause);

    String dormantWithGesturesOnly(String gestures, String pastTieClause);

    /** Dormant after a tie that was at least weak when last active. */
    String dormantAfterTie(Instant silentSince, boolean wasStrong, double strengthThen);

    /** Dormant after a tie too faint then, which a sign of a shared past makes one to reactivate. */
    String dormantAfterFaintTie(Instant silentSince, double strengthThen, String pastTieClause);

    String gesturesSince(String gestures, Instant lastGesture);

    String strong(double strength, double threshold);

    String weak(double strength, double threshold);

    /** Weak rather than dormant: silent long, but too faint then. */
    String weakAfterFaintTie(Instant silentSince, double strengthThen);

    // What makes a tie one to reactivate.

    /** A shared origin; {@code origin} null when unknown. */
    String sharedPastClause(Origin origin);

    /** A shared company, past company or school, named. */
    String sharedPlaceClause(Basis basis, String evidence);

    String declaredClosenessClause(int closeness);

    String connectedSinceClause(Instant connectedOn);

    /** The gesture channels, already in order, as one phrase. */
    String gestures(List<Channel> channels);

    // The exchanges.

    /** The most telling channel; {@code since} null when the tie has a single interaction. */
    String channel(Channel channel, long count, Instant since, long interactions);

    String lastContact(long daysAgo, Instant last);

    // The contact.

    /** How the origin was inferred ({@link Basis#SAME_COMPANY}, {@link Basis#PAST_COMPANY}, {@link Basis#SAME_SCHOOL}, {@link Basis#SOCIAL_PLATFORM}). */
    String inferredOrigin(Basis basis, String evidence);

    String contactNotArrived();

    String declaredCloseness(int closeness);

    String origin(Origin origin);

    String mutualContacts(int mutual);

    String connectedOn(Instant connectedOn);

    String strengthFromContactAlone(double strength);
}
