package io.passerelle.tie;

import static io.passerelle.tie.TieFixtures.NOW;
import static io.passerelle.tie.TieFixtures.dateDaysAgo;
import static io.passerelle.tie.TieFixtures.daysAgo;
import static io.passerelle.tie.TieFixtures.fold;
import static io.passerelle.tie.TieFixtures.interaction;
import static io.passerelle.tie.TieFixtures.known;
import static io.passerelle.tie.TieFixtures.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.vocabulary.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A contact without any exchange is NASCENT only when it is a recent connection with no sign of a
 * shared past; otherwise it is a DORMANT tie to reactivate (DOMAIN.md section 5: a school mate of
 * twenty years with no logged exchange is not a stranger).
 */
class SharedPastTest {
    private static final Set<Origin> SHARED_PAST = EnumSet.of(Origin.SCHOOL, Origin.FORMER_COLLEAGUE, Origin.FAMILY, Origin.FRIEND,
            Origin.NEIGHBOUR);
    private final TieParameters parameters = TieParameters.defaults();
    private final TieStrengthModel model = new TieStrengthModel(parameters);
    private final LocalDate lastYear = dateDaysAgo(365);

    /** Explained in English, which the sentences below are checked in (TieExplainerTest checks both languages). */
    private TieAssessment withoutExchange(Contact contact) {
        return model.assess(TieStatistics.empty(), contact, owner(), NOW, Language.EN);
    }

    @Test
    void theDefaults() {
        assertThat(parameters.nascentFor()).isEqualTo(Period.ofYears(2));
        assertThat(parameters.sharedPastCloseness()).isEqualTo(3);
        assertThat(parameters.sharedPastOrigins()).isEqualTo(SHARED_PAST);
    }

    @Test
    void aRecentConnectionWithNoSignOfASharedPastIsNascent() {
        for (Origin origin : Origin.values()) {
            if (!SHARED_PAST.contains(origin)) {
                assertThat(withoutExchange(known(origin, 2, lastYear)).tieClass()).as("%s", origin).isEqualTo(TieClass.NASCENT);
            }
        }
        assertThat(withoutExchange(known(null, null, lastYear)).tieClass()).isEqualTo(TieClass.NASCENT);
        assertThat(withoutExchange(known(null, null, null)).tieClass()).isEqualTo(TieClass.NASCENT);
        assertThat(model.assess(TieStatistics.empty(), null, null, NOW).tieClass()).isEqualTo(TieClass.NASCENT);
    }

    @Test
    void anOriginThatImpliesASharedPastMakesADormantTie() {
        for (Origin origin : SHARED_PAST) {
            assertThat(withoutExchange(known(origin, null, lastYear)).tieClass()).as("%s", origin).isEqualTo(TieClass.DORMANT);
        }
        assertThat(withoutExchange(known(Origin.SCHOOL, null, null)).explanation().get(0))
                .isEqualTo("No exchange logged, but you were at school together: a dormant tie to reactivate.");
        assertThat(withoutExchange(known(Origin.FORMER_COLLEAGUE, null, null)).explanation().get(0))
                .isEqualTo("No exchange logged, but you worked together: a dormant tie to reactivate.");
    }

    @Test
    void aDeclaredClosenessOfThreeOrMoreMakesADormantTie() {
        assertThat(withoutExchange(known(Origin.EVENT, 2, lastYear)).tieClass()).isEqualTo(TieClass.NASCENT);
        assertThat(withoutExchange(known(Origin.EVENT, 3, lastYear)).tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(withoutExchange(known(null, 5, null)).tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(withoutExchange(known(Origin.EVENT, 3, lastYear)).explanation().get(0))
                .isEqualTo("No exchange logged, but you declared a closeness of 3 out of 5: a dormant tie to reactivate.");
    }

    @Test
    void aConnectionMadeMoreThanTwoYearsAgoMakesADormantTie() {
        LocalDate connected = LocalDate.of(2023, 3, 1);
        TieAssessment assessment = withoutExchange(known(Origin.ONLINE, null, connected));

        assertThat(assessment.tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(assessment.explanation().get(0))
                .isEqualTo("No exchange logged, but you have been connected since March 2023: a dormant tie to reactivate.");
        assertThat(model.nextClassChange(TieStatistics.empty(), known(Origin.ONLINE, null, connected), owner(), NOW)).isNull();
    }

    @Test
    void aNascentTieTurnsDormantTwoYearsAfterItsConnectionWithNoEvent() {
        Contact recent = known(Origin.ONLINE, 1, lastYear);
        assertThat(model.classOf(TieStatistics.empty(), recent, owner(), NOW)).isEqualTo(TieClass.NASCENT);

        Instant change = model.nextClassChange(TieStatistics.empty(), recent, owner(), NOW);

        Instant twoYears = lastYear.plusYears(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(change).isEqualTo(twoYears);
        assertThat(model.classOf(TieStatistics.empty(), recent, owner(), twoYears.minusMillis(1))).isEqualTo(TieClass.NASCENT);
        assertThat(model.classOf(TieStatistics.empty(), recent, owner(), twoYears)).isEqualTo(TieClass.DORMANT);
        assertThat(model.assess(TieStatistics.empty(), recent, owner(), twoYears, Language.EN).explanation().get(0))
                .startsWith("No exchange logged, but you have been connected since ");
        assertThat(model.nextClassChange(TieStatistics.empty(), recent, owner(), twoYears)).isNull();
        assertThat(model.nextClassChange(TieStatistics.empty(), known(Origin.ONLINE, 1, null), owner(), NOW))
                .as("without a connection date, time alone changes nothing").isNull();
    }

    @Test
    void aReactionDoesNotWakeASchoolMate() {
        TieStatistics reaction = fold(List.of(interaction(Channel.REACTION, Direction.INBOUND, daysAgo(1))));
        Contact schoolMate = known(Origin.SCHOOL, null, null);

        TieAssessment assessment = model.assess(reaction, schoolMate, owner(), NOW, Language.EN);

        assertThat(assessment.tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(assessment.explanation().get(0)).isEqualTo("No exchange logged beyond reactions, public comments or endorsements, "
                + "but you were at school together: a dormant tie to reactivate.");
        assertThat(model.nextClassChange(reaction, schoolMate, owner(), NOW)).isNull();
        // An exchange wakes it.
        TieStatistics call = reaction.plus(interaction(Channel.CALL, Direction.MUTUAL, NOW), parameters);
        assertThat(model.classOf(call, schoolMate, owner(), NOW)).isIn(TieClass.WEAK, TieClass.STRONG);
    }

    @Test
    void aRecentConnectionThatOnlyReactedIsWeakUntilItHasBeenConnectedForTwoYears() {
        TieStatistics reaction = fold(List.of(interaction(Channel.REACTION, Direction.INBOUND, daysAgo(1))));
        Contact recent = known(Origin.ONLINE, null, lastYear);
        assertThat(model.classOf(reaction, recent, owner(), NOW)).isEqualTo(TieClass.WEAK);

        Instant change = model.nextClassChange(reaction, recent, owner(), NOW);

        assertThat(change).isEqualTo(lastYear.plusYears(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(model.classOf(reaction, recent, owner(), change)).isEqualTo(TieClass.DORMANT);
    }

    @Test
    void aSchoolMateWhoseOnlyExchangeWasFaintIsDormantThreeYearsLater() {
        Instant email = daysAgo(100);
        TieStatistics oneEmail = fold(List.of(interaction(Channel.EMAIL, Direction.OUTBOUND, email)));
        Contact schoolMate = known(Origin.SCHOOL, null, null);
        assertThat(model.classOf(oneEmail, schoolMate, owner(), NOW)).isEqualTo(TieClass.WEAK);

        Instant change = model.nextClassChange(oneEmail, schoolMate, owner(), NOW);
        TieAssessment then = model.assess(oneEmail, schoolMate, owner(), change, Language.EN);

        assertThat(change).isEqualTo(email.atZone(ZoneOffset.UTC).plusYears(3).toInstant().plusMillis(1));
        assertThat(then.strengthWhenLastActive()).isLessThan(parameters.weakThreshold());
        assertThat(then.tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(then.explanation().get(0)).startsWith("No exchange since " + TieFixtures.monthOf(email) + " and the tie was faint then")
                .endsWith("but you were at school together: a dormant tie to reactivate.");
        // Without a sign of a shared past, the same faint tie stays WEAK for good.
        assertThat(model.nextClassChange(oneEmail, known(Origin.EVENT, null, null), owner(), NOW)).isNull();
    }

    @Test
    void theRulesAreParameters() {
        TieStrengthModel strict = new TieStrengthModel(parameters.withSharedPast(Period.ofYears(5), EnumSet.of(Origin.FAMILY), 5));

        assertThat(strict.classOf(TieStatistics.empty(), known(Origin.SCHOOL, 4, LocalDate.of(2023, 1, 1)), owner(), NOW))
                .isEqualTo(TieClass.NASCENT);
        assertThat(strict.classOf(TieStatistics.empty(), known(Origin.FAMILY, null, null), owner(), NOW)).isEqualTo(TieClass.DORMANT);
        assertThat(strict.classOf(TieStatistics.empty(), known(null, 5, null), owner(), NOW)).isEqualTo(TieClass.DORMANT);
        assertThat(strict.nextClassChange(TieStatistics.empty(), known(Origin.SCHOOL, 4, LocalDate.of(2023, 1, 1)), owner(), NOW))
                .isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
        assertThatThrownBy(() -> parameters.withSharedPast(Period.ofYears(-1), SHARED_PAST, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parameters.withSharedPast(Period.ofYears(2), SHARED_PAST, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClassHoldsUntilTheAnnouncedInstantForRecentConnectionsAndGestures() {
        Random random = new Random(11);
        Channel[] channels = {Channel.REACTION, Channel.PUBLIC_COMMENT, Channel.ENDORSEMENT, Channel.EMAIL, Channel.MEETING};
        for (int round = 0; round < 400; round++) {
            List<Interaction> history = new ArrayList<>();
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                history.add(interaction(channels[random.nextInt(channels.length)], Direction.values()[random.nextInt(3)],
                        NOW.minus(Duration.ofMinutes(random.nextInt(4 * 365 * 24 * 60)))));
            }
            TieStatistics statistics = fold(history);
            Origin origin = random.nextInt(3) == 0 ? null : Origin.values()[random.nextInt(Origin.values().length)];
            Contact contact = known(origin, random.nextBoolean() ? null : random.nextInt(6),
                    random.nextInt(4) == 0 ? null : dateDaysAgo(random.nextInt(3 * 365)));
            TieClass now = model.classOf(statistics, contact, owner(), NOW);

            Instant next = model.nextClassChange(statistics, contact, owner(), NOW);

            Instant horizon = next == null ? NOW.plus(Duration.ofDays(20 * 365)) : next.minusSeconds(1);
            for (int step = 1; step <= 40; step++) {
                Instant between = NOW.plusMillis(Duration.between(NOW, horizon).toMillis() * step / 40);
                assertThat(model.classOf(statistics, contact, owner(), between)).as("round %d, step %d", round, step).isEqualTo(now);
            }
            if (next != null) {
                assertThat(next).isAfter(NOW);
                assertThat(model.classOf(statistics, contact, owner(), next)).as("round %d at the change", round).isNotEqualTo(now);
            }
        }
    }
}
