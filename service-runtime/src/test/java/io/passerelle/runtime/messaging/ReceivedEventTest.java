package io.passerelle.runtime.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceivedEventTest {

    @ParameterizedTest(name = "ce_time {0} is {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            2026-12-02T12:00:00Z                | 2026-12-02T12:00:00Z
            2026-12-02T12:00:00.123456789Z      | 2026-12-02T12:00:00.123456789Z
            2026-12-02T13:00:00+01:00           | 2026-12-02T12:00:00Z
            2026-12-02T12:00:00.5-00:30         | 2026-12-02T12:30:00.500Z
            2026-12-02T12:00:00                 | none
            2026-13-02T12:00:00Z                | none
            yesterday                           | none
            none                                | none
            """)
    void theCloudEventsTimeIsReadInEitherFormOfRfc3339(String header, String expected) {
        RecordHeaders headers = new RecordHeaders();
        if (header != null) {
            headers.add(ReceivedEvent.CE_TIME, header.getBytes(UTF_8));
        }
        ReceivedEvent event = new ReceivedEvent("topic", 0, 0, "key", "id", "type", "source", "{}", headers, Instant.EPOCH);
        assertThat(event.time()).isEqualTo(Optional.ofNullable(expected).map(Instant::parse));
    }
}
