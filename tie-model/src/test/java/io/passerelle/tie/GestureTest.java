package io.passerelle.tie;

import static io.passerelle.tie.TieFixtures.NOW;
import static io.passerelle.tie.TieFixtures.contact;
import static io.passerelle.tie.TieFixtures.daysAgo;
import static io.passerelle.tie.TieFixtures.fold;
import static io.passerelle.tie.TieFixtures.interaction;
import static io.passerelle.tie.TieFixtures.mutualContacts;
import static io.passerelle.tie.TieFixtures.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.vocabulary.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Gestures (a reaction, a public comment, an endorsement) keep a tie a little recent, but do not wake a dormant one. */
class GestureTest {
    private final TieParameters parameters = TieParameters.defaults();
    private final TieStrengthModel model = new TieStrengthModel(parameters);
    /** A client, close enough when active to go dormant, with no sign of a shared past: only its history decides. */
    private final Contact client = contact(Origin.CLIENT, 2, mutualContacts(3));

    private static List<Interaction> meetingsEndingAt(Instant last) {
        List<Interaction> meetings = new ArrayList<>();
        for (int daysBefore : new int[] {60, 40, 20, 0}) {
            meetings.add(interaction(Channel.MEETING, Direction.MUTUAL, last.minus(Duration.ofDays(daysBefore)), 90));
        }
        return meetings;
    }

    private static List<Interaction> plus(List<Interaction> interactions, Interaction... more) {
        List<Interaction> all = new ArrayList<>(interactions);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void theDefaultGesturesAreReactionsPublicCommentsAndEndorsements() {
        assertThat(parameters.gestureChannels()).containsExactlyInAnyOrder(Channel.REACTION, Channel.PUBLIC_COMMENT, Channel.ENDORSEMENT);
        assertThat(parameters.gestureRecencyFactor()).isEqualTo(0.25);
    }

    @Test
    void recencyIsTheBetterOfTheLastExchangeAndAQuarterOfTheLastGesture() {
        Duration halfLife = parameters.recencyHalfLife();
        Instant fourHalfLivesAgo = NOW.minus(halfLife.multipliedBy(4));

        TieStatistics oldMeeting = fold(List.of(interaction(Channel.MEETING, Direction.MUTUAL, fourHalfLivesAgo)));
        TieStatistics reactionToday = fold(List.of(interaction(Channel.MEETING, Direction.MUTUAL, fourHalfLivesAgo),
                interaction(Channel.REACTION, Direction.INBOUND, NOW)));
        TieStatistics reactionAHalfLifeAgo = fold(List.of(interaction(Channel.MEETING, Direction.MUTUAL, fourHalfLivesAgo),
                interaction(Channel.REACTION, Direction.INBOUND, NOW.minus(halfLife))));
        TieStatistics meetingToday = fold(List.of(interaction(Channel.MEETING, Direction.MUTUAL, fourHalfLivesAgo),
                interaction(Channel.MEETING, Direction.MUTUAL, NOW)));
        TieStatistics onlyAComment = fold(List.of(interaction(Channel.PUBLIC_COMMENT, Direction.INBOUND, NOW.minus(halfLife))));

        assertThat(model.recency(oldMeeting, NOW)).isCloseTo(0.0625, within(1e-12));
        assertThat(model.recency(reactionToday, NOW)).isCloseTo(0.25, within(1e-12));
        assertThat(model.recency(reactionAHalfLifeAgo, NOW)).isCloseTo(0.125, within(1e-12));
        assertThat(model.recency(meetingToday, NOW)).isEqualTo(1.0);
        assertThat(model.recency(onlyAComment, NOW)).isCloseTo(0.125, within(1e-12));
        // An old exchange still decides when it is worth more than the gesture.
        TieStatistics recentCallOldReaction = fold(List.of(interaction(Channel.REACTION, Direction.INBOUND, NOW.minus(halfLife.multipliedBy(2))),
                interaction(Channel.CALL, Direction.MUTUAL, NOW.minus(halfLife))));
        assertThat(model.recency(recentCallOldReaction, NOW)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theGestureRecencyFactorIsAParameterInZeroToOne() {
        TieStrengthModel half = new TieStrengthModel(parameters.withGestures(parameters.gestureChannels(), 0.5));
        TieStatistics reactionToday = fold(List.of(interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(3 * 365)),
                interaction(Channel.REACTION, Direction.INBOUND, NOW)));

        assertThat(half.recency(reactionToday, NOW)).isCloseTo(0.5, within(1e-12));
        assertThatThrownBy(() -> parameters.withGestures(parameters.gestureChannels(), 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parameters.withGestures(parameters.gestureChannels(), -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReactionYesterdayDoesNotWakeATieSilentForFourYears() {
        Instant lastMeeting = daysAgo(4 * 365);
        TieStatistics silent = fold(meetingsEndingAt(lastMeeting));
        TieStatistics reacted = fold(plus(meetingsEndingAt(lastMeeting), interaction(Channel.REACTION, Direction.INBOUND, daysAgo(1))));
        TieStatistics met = fold(plus(meetingsEndingAt(lastMeeting), interaction(Channel.MEETING, Direction.MUTUAL, daysAgo(1))));

        TieAssessment assessment = model.assess(reacted, client, owner(), NOW, Language.EN);

        assertThat(model.assess(silent, client, owner(), NOW).tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(assessment.tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(assessment.strengthWhenLastActive()).isGreaterThanOrEqualTo(parameters.weakThreshold());
        assertThat(model.assess(met, client, owner(), NOW).tieClass()).isNotEqualTo(TieClass.DORMANT);
        assertThat(assessment.explanation()).hasSizeBetween(2, 4);
        assertThat(assessment.explanation().get(0)).startsWith("No exchange since " + TieFixtures.monthOf(lastMeeting) + "; the tie was");
        assertThat(assessment.explanation().get(1)).isEqualTo("Since then only reactions, public comments or endorsements (the last on "
                + TieFixtures.dayOf(daysAgo(1)) + "): not enough to wake the tie, but a reason to reactivate it.");
    }

    @Test
    void dormancyIsCountedFromTheLastExchangeWhateverGesturesCameSince() {
        Instant lastMeeting = daysAgo(2 * 365);
        TieStatistics statistics = fold(plus(meetingsEndingAt(lastMeeting),
                interaction(Channel.ENDORSEMENT, Direction.INBOUND, daysAgo(200)),
                interaction(Channel.PUBLIC_COMMENT, Direction.OUTBOUND, daysAgo(7))));
        assertThat(model.classOf(statistics, client, owner(), NOW)).isEqualTo(TieClass.WEAK);

        Instant dormantAt = model.nextClassChange(statistics, client, owner(), NOW);

        Instant threeYears = lastMeeting.atZone(ZoneOffset.UTC).plusYears(3).toInstant();
        assertThat(dormantAt).isEqualTo(threeYears.plusMillis(1));
        assertThat(model.classOf(statistics, client, owner(), threeYears)).isEqualTo(TieClass.WEAK);
        assertThat(model.classOf(statistics, client, owner(), dormantAt)).isEqualTo(TieClass.DORMANT);
        // A comment just before the three years does not postpone it either.
        TieStatistics commentedLate = statistics.plus(interaction(Channel.PUBLIC_COMMENT, Direction.INBOUND, threeYears.minusSeconds(60)),
                parameters);
        assertThat(model.nextClassChange(commentedLate, client, owner(), NOW)).isEqualTo(dormantAt);
        assertThat(model.classOf(commentedLate, client, owner(), dormantAt)).isEqualTo(TieClass.DORMANT);
    }

    @Test
    void aGestureCountsButNeverAsMuchAsAMeetingAtTheSameInstant() {
        TieStatistics base = fold(meetingsEndingAt(daysAgo(400)));
        TieStatistics withReaction = base.plus(interaction(Channel.REACTION, Direction.INBOUND, NOW), parameters);
        TieStatistics withMeeting = base.plus(interaction(Channel.MEETING, Direction.INBOUND, NOW), parameters);

        double before = model.strength(model.dimensions(base, client, owner(), NOW));
        double afterReaction = model.strength(model.dimensions(withReaction, client, owner(), NOW));
        double afterMeeting = model.strength(model.dimensions(withMeeting, client, owner(), NOW));

        assertThat(afterReaction).isGreaterThan(before).isLessThan(afterMeeting);
    }

    @Test
    void aChannelLeftOutOfTheGesturesCountsAsAnExchange() {
        TieStrengthModel endorsementsCount = new TieStrengthModel(
                parameters.withGestures(Set.of(Channel.REACTION, Channel.PUBLIC_COMMENT), parameters.gestureRecencyFactor()));
        List<Interaction> history = plus(meetingsEndingAt(daysAgo(4 * 365)), interaction(Channel.ENDORSEMENT, Direction.INBOUND, daysAgo(1)));

        assertThat(model.classOf(fold(history), client, owner(), NOW)).isEqualTo(TieClass.DORMANT);
        assertThat(endorsementsCount.classOf(fold(endorsementsCount.parameters(), history), client, owner(), NOW))
                .isNotEqualTo(TieClass.DORMANT);
    }
}
