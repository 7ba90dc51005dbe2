package io.passerelle.graph.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.tie.TieStatistics;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatisticsJsonTest {
    private static final Instant LAST = Instant.parse("2025-03-04T05:06:07.123456789Z");

    private static TieStatistics statistics(Instant last) {
        return new TieStatistics(12, last.minusSeconds(86_400L * 400), last, Map.of(Channel.EMAIL, 5L, Channel.MEETING, 7L), 3, 4, 5, 1,
                3.25, last, last.minusSeconds(100), last.minusNanos(1), null, Instant.EPOCH.minusNanos(1), true);
    }

    @Test
    void instantsAreStoredAsNumbersThatReadBackExactly() throws Exception {
        TieStatistics written = statistics(LAST);

        String stored = StatisticsJson.write(written);

        assertThat(stored).contains("\"lastInteractionAt\":1741064767.123456789,");
        assertThat(stored).as("unknown instants are left out, as before").doesNotContain("lastSubstantiveOutboundAt");
        assertThat(StatisticsJson.read(stored)).isEqualTo(written);
        assertThat(StatisticsJson.read(stored).lastSubstantiveMutualAt()).as("before the epoch").isEqualTo(Instant.EPOCH.minusNanos(1));
    }

    @Test
    void wholeSecondsAndMillisecondsReadBackExactly() {
        for (Instant last : new Instant[] {Instant.ofEpochSecond(1_700_000_000L), Instant.ofEpochMilli(1_700_000_000_123L)}) {
            TieStatistics written = statistics(last);
            assertThat(StatisticsJson.read(StatisticsJson.write(written))).isEqualTo(written);
        }
    }

    @Test
    void statisticsStoredWithIsoStringsStillRead() {
        TieStatistics written = statistics(LAST);
        String storedBefore = EventJson.write(written);
        assertThat(storedBefore).contains("\"lastInteractionAt\":\"2025-03-04T05:06:07.123456789Z\"");

        assertThat(StatisticsJson.read(storedBefore)).isEqualTo(written);
    }

    @Test
    void theContractsMappingReadsTheStoredFormToo() throws Exception {
        // The export and the tests read the column with the contract's mapper: it must see the same statistics.
        TieStatistics written = statistics(LAST);
        assertThat(EventJson.read(StatisticsJson.write(written), TieStatistics.class)).isEqualTo(written);
    }

    @Test
    void noStatisticsIsNull() {
        assertThat(StatisticsJson.read(null)).isNull();
    }
}
