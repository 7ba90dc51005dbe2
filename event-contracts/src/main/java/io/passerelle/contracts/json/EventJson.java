package io.passerelle.contracts.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON mapping of every event payload: camelCase, ISO-8601 instants and dates, nulls omitted,
 * unknown fields ignored so that a newer producer never breaks an older consumer. A fractional number
 * is refused where a whole one is expected rather than silently truncated. Instants go through
 * {@link IsoInstantCodec}, which writes ISO_INSTANT's text and reads its strict UTC form without
 * {@code DateTimeFormatter}, leaving everything else to {@code JavaTimeModule}.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    private EventJson() {
    }

    /** Applies the contract's conventions to a mapper (also used for the services' REST mapper). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(IsoInstantCodec.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value's JSON in UTF-8, written straight to bytes: for a record value, without a String in between. */
    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a payload; throws {@link JsonProcessingException} with the offending path when it does not fit. */
    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    /**
     * The text this mapping writes for an instant, {@code Instant.toString()}'s (ISO-8601 in UTC, {@code Z},
     * the fraction in milliseconds, microseconds or nanoseconds, whichever is exact), written by arithmetic
     * for years 0000 to 9999 rather than through a {@code DateTimeFormatter}.
     */
    public static String isoText(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < IsoInstantCodec.FIRST_FAST_SECOND || epochSecond > IsoInstantCodec.LAST_FAST_SECOND) {
            return instant.toString();
        }
        char[] text = new char[IsoInstantCodec.LONGEST_TEXT];
        return new String(text, 0, IsoInstantCodec.format(epochSecond, instant.getNano(), text));
    }

    /**
     * The instant of a text in the form {@link #isoText} writes, read by arithmetic; null for any other
     * text, valid ISO-8601 or not, which the caller reads its own way.
     */
    public static Instant isoInstant(String text) {
        return text == null ? null : IsoInstantCodec.parse(text.toCharArray(), 0, text.length());
    }
}
