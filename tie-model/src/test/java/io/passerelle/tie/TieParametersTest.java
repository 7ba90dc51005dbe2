package io.passerelle.tie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TieParametersTest {

    @Test
    void theDormancyPeriodIsAddedInUtcsCalendar() {
        Random random = new Random(2026L);
        TieParameters defaults = TieParameters.defaults();
        List<Period> periods = List.of(defaults.dormantAfter(), Period.ofYears(3), Period.ofMonths(1), Period.of(1, 2, 3), Period.ofDays(45));
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("2024-02-29T12:00:00Z"), Instant.parse("2025-01-31T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.EPOCH));
        for (int i = 0; i < 5_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L), random.nextInt(1_000_000_000)));
        }
        for (Period period : periods) {
            TieParameters parameters = defaults.withThresholds(defaults.strongThreshold(), defaults.weakThreshold(), period);
            for (Instant instant : instants) {
                assertThat(parameters.plusDormantAfter(instant)).as(instant + " + " + period)
                        .isEqualTo(instant.atZone(ZoneOffset.UTC).plus(period).toInstant());
            }
        }
        assertThat(TieParameters.defaults().withThresholds(defaults.strongThreshold(), defaults.weakThreshold(), Period.ofYears(1))
                .plusDormantAfter(Instant.parse("2024-02-29T12:00:00Z"))).isEqualTo(Instant.parse("2025-02-28T12:00:00Z"));
    }
}
