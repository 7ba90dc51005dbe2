package io.passerelle.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.json.EventJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** A record whose value is written as bytes is the record written as a String, byte for byte, under the same headers. */
class CloudEventRecordsTest {
    private static final URI SOURCE = URI.create("urn:passerelle:test");
    private static final Map<String, Object> DATA = Map.of("ownerId", "o1", "name", "Zoé Lefèvre — « tie »", "strength", 0.42);

    @Test
    void theBytesValueIsTheUtf8OfTheStringValueUnderTheSameHeaders() {
        ProducerRecord<String, String> text = CloudEventRecords.of("passerelle.test.v1", "o1/c1", "id-1", "passerelle.tie.updated", SOURCE,
                "o1/c1", DATA, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        ProducerRecord<String, byte[]> bytes = CloudEventRecords.ofBytes("passerelle.test.v1", "o1/c1", "id-1", "passerelle.tie.updated",
                SOURCE, "o1/c1", DATA, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(bytes.value()).isEqualTo(text.value().getBytes(StandardCharsets.UTF_8));
        assertThat(new String(bytes.value(), StandardCharsets.UTF_8)).isEqualTo(EventJson.write(DATA));
        assertThat(bytes.topic()).isEqualTo(text.topic());
        assertThat(bytes.key()).isEqualTo(text.key());
        assertThat(names(bytes)).isEqualTo(names(text)).contains("ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "traceparent");
        for (Header header : text.headers()) {
            if (!header.key().equals("ce_time")) { // the instant each record was built
                assertThat(bytes.headers().lastHeader(header.key()).value()).as(header.key()).isEqualTo(header.value());
            }
        }
    }

    @Test
    void theTimeOfARecordIsTheInstantItWasBuiltInInstantsOwnText() {
        Instant before = Instant.now();
        ProducerRecord<String, String> record = CloudEventRecords.of("passerelle.test.v1", "o1/c1", "id-1", "passerelle.tie.updated", SOURCE,
                "o1/c1", DATA, null);
        Instant after = Instant.now();
        String time = new String(record.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8);
        Instant built = Instant.parse(time);
        assertThat(built).isBetween(before, after);
        assertThat(time).isEqualTo(built.toString()).endsWith("Z");
    }

    private static List<String> names(ProducerRecord<?, ?> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
    }
}
