package io.passerelle.graph.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.tie.TieStatistics;
import java.io.UncheckedIOException;

/**
 * The stored form of a tie's statistics (the {@code statistics} column of {@code ties}): the
 * contract's JSON mapping, except that the instants are numbers, seconds since the epoch with nine
 * decimals of nanoseconds ({@code 1741064767.123456789}: Jackson's {@code WRITE_DATES_AS_TIMESTAMPS}
 * with {@code WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS}), rather than ISO-8601 strings. A listing page
 * reads seven instants for each of its ties, and Jackson reads such a number about three times faster
 * than it parses an ISO string through {@code DateTimeFormatter}; the value round-trips exactly,
 * nanoseconds included, so that statistics read back are {@code equals} to those written (the
 * projection compares them to decide what changed), and PostgreSQL's {@code jsonb} keeps the number's
 * every digit.
 *
 * <p>Reading accepts both forms: rows written before keep their ISO strings until their tie changes
 * or a replay rewrites them. Nothing reads the column but this service, always through {@link #read}
 * back into {@link TieStatistics}: the export answers them through the REST mapping, in ISO strings.
 */
public final class StatisticsJson {
    private static final ObjectWriter WRITER = EventJson.configure(JsonMapper.builder().build())
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .writerFor(TieStatistics.class);

    private StatisticsJson() {
    }

    /** The statistics as stored. */
    public static String write(TieStatistics statistics) {
        try {
            return WRITER.writeValueAsString(statistics);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statistics as stored, in either form; {@code null} for {@code null}. */
    public static TieStatistics read(String json) {
        return ProjectionStore.read(json, TieStatistics.class);
    }
}
