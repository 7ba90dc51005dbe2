package io.passerelle.contracts.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant} as ISO-8601 text in UTC, written and read by arithmetic rather than through
 * {@code DateTimeFormatter}, whose parsing builds a field map and resolves it for every value: listings
 * and consumers read many instants per payload. The text is exactly {@code DateTimeFormatter.ISO_INSTANT}'s
 * ({@code Instant.toString()}). Only the strict form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} of years
 * 0000 to 9999 is read here; anything else (offsets, numbers, blanks, leap seconds, {@code 24:00},
 * format overrides, timestamps) goes to jsr310's own serializer and deserializer, so that what is
 * accepted, what is refused and the error messages stay jsr310's. Registered after {@code JavaTimeModule}.
 *
 * <p>Timestamps in nanoseconds ({@code 1796212800.123456789}, as graph-service stores a tie's statistics)
 * take the same kind of shortcut: jsr310 writes each through a {@code StringBuilder}, its text parsed back
 * into a {@code BigDecimal}, and reads each through a {@code BigDecimal}. Instants after the epoch's first
 * second are written, and decimals of at most nine fraction digits read, by arithmetic, to the same text
 * and the same instant.
 */
final class IsoInstantCodec {
    private static final long SECONDS_PER_DAY = 86_400;
    static final long FIRST_FAST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    static final long LAST_FAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    static final int LONGEST_TEXT = "yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ".length();
    private static final int SHORTEST_TEXT = "yyyy-MM-ddTHH:mm:ssZ".length();
    /** Seconds of {@link Instant#MAX} (17 digits), a point and nine digits of nanoseconds. */
    private static final int LONGEST_DECIMAL = 17 + 1 + 9;
    private static final int NANO_DIGITS = 9;
    private static final int[] NANOS_PER_FRACTION_UNIT = {
        1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    // Days from 0000-03-01 to 1970-01-01; counting years from March puts the leap day at their end.
    private static final long DAYS_FROM_MARCH_0000_TO_EPOCH = 719_468;
    private static final int DAYS_PER_400_YEARS = 146_097;

    private IsoInstantCodec() {
    }

    static Module module() {
        return new SimpleModule("passerelle-iso-instant")
                .addSerializer(Instant.class, new Serializer())
                .addDeserializer(Instant.class, new Deserializer());
    }

    /**
     * jsr310's serializer, but for the ISO string of an instant of years 0000 to 9999; timestamps
     * ({@code WRITE_DATES_AS_TIMESTAMPS}) and the format of a {@code @JsonFormat} or config override are its own.
     */
    static final class Serializer extends InstantSerializer {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
            JsonFormat.Value format = findFormatOverrides(provider, property, Instant.class);
            // Leniency only concerns reading (a mapper's default leniency shows here too).
            boolean plain = format == null || format.withLenient(null).equals(JsonFormat.Value.empty());
            // jsr310 answers a copy of itself, without the fast path, for any override.
            return plain ? this : super.createContextual(provider, property);
        }

        @Override
        public void serialize(Instant instant, JsonGenerator generator, SerializerProvider provider) throws IOException {
            long epochSecond = instant.getEpochSecond();
            if (useTimestamp(provider)) {
                // jsr310 goes through a BigDecimal built from a StringBuilder's text; a TokenBuffer keeps that BigDecimal.
                if (epochSecond >= 1 && useNanoseconds(provider) && !(generator instanceof TokenBuffer)) {
                    char[] text = new char[LONGEST_DECIMAL];
                    generator.writeNumber(text, 0, formatDecimal(epochSecond, instant.getNano(), text));
                } else {
                    super.serialize(instant, generator, provider);
                }
                return;
            }
            if (epochSecond < FIRST_FAST_SECOND || epochSecond > LAST_FAST_SECOND) {
                super.serialize(instant, generator, provider);
                return;
            }
            char[] text = new char[LONGEST_TEXT];
            generator.writeString(text, 0, format(epochSecond, instant.getNano(), text));
        }
    }

    /** jsr310's {@link InstantDeserializer#INSTANT}, with the strict UTC form read first. */
    static final class Deserializer extends StdScalarDeserializer<Instant> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        private static final InstantDeserializer<Instant> JSR310 = InstantDeserializer.INSTANT;

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) throws JsonMappingException {
            // jsr310 answers itself unless a format override (annotation, config override, default leniency) applies.
            JsonDeserializer<?> contextual = JSR310.createContextual(context, property);
            return contextual == JSR310 ? this : contextual;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                if (instant != null) {
                    return instant;
                }
            } else if (parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                Instant instant = parseDecimal(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                if (instant != null) {
                    return instant;
                }
            }
            return JSR310.deserialize(parser, context);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer typeDeserializer)
                throws IOException {
            return JSR310.deserializeWithType(parser, context, typeDeserializer);
        }

        @Override
        public LogicalType logicalType() {
            return JSR310.logicalType();
        }
    }

    /** Writes the ISO_INSTANT text of an instant of years 0000 to 9999 into {@code text}; answers its length. */
    static int format(long epochSecond, int nano, char[] text) {
        long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        // H. Hinnant's civil_from_days, over 400-year eras counted from 0000-03-01.
        long marchDay = epochDay + DAYS_FROM_MARCH_0000_TO_EPOCH;
        long era = Math.floorDiv(marchDay, DAYS_PER_400_YEARS);
        int dayOfEra = (int) (marchDay - era * DAYS_PER_400_YEARS);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfMarchYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfMarchYear + 2) / 153;
        int day = dayOfMarchYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        int year = (int) (era * 400) + yearOfEra + (month <= 2 ? 1 : 0);

        writeDigits(text, 0, year, 4);
        text[4] = '-';
        writeDigits(text, 5, month, 2);
        text[7] = '-';
        writeDigits(text, 8, day, 2);
        text[10] = 'T';
        writeDigits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        writeDigits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        writeDigits(text, 17, secondOfDay % 60, 2);
        int length = 19;
        if (nano != 0) {
            // ISO_INSTANT's choice: milliseconds, microseconds or nanoseconds, whichever is exact.
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            text[length] = '.';
            writeDigits(text, length + 1, nano / NANOS_PER_FRACTION_UNIT[digits], digits);
            length += 1 + digits;
        }
        text[length] = 'Z';
        return length + 1;
    }

    /**
     * The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} ({@code T} and {@code Z} in either case, as
     * ISO_INSTANT reads them), or null for any other text, valid or not, which is left to jsr310.
     */
    static Instant parse(char[] text, int offset, int length) {
        if (length < SHORTEST_TEXT || length > LONGEST_TEXT || length == SHORTEST_TEXT + 1) {
            return null;
        }
        int year = readDigits(text, offset, 4);
        int month = readDigits(text, offset + 5, 2);
        int day = readDigits(text, offset + 8, 2);
        int hour = readDigits(text, offset + 11, 2);
        int minute = readDigits(text, offset + 14, 2);
        int second = readDigits(text, offset + 17, 2);
        int fractionDigits = length - SHORTEST_TEXT - 1;
        int fraction = fractionDigits > 0 ? readDigits(text, offset + 20, fractionDigits) : 0;
        char timeSeparator = text[offset + 10];
        char zone = text[offset + length - 1];
        if ((year | month | day | hour | minute | second | fraction) < 0
                || text[offset + 4] != '-' || text[offset + 7] != '-' || (timeSeparator != 'T' && timeSeparator != 't')
                || text[offset + 13] != ':' || text[offset + 16] != ':' || (zone != 'Z' && zone != 'z')
                || (fractionDigits > 0 && text[offset + 19] != '.')
                || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                // 24:00 and the leap second 23:59:60 are jsr310's to resolve
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
        return Instant.ofEpochSecond(epochSecond, fractionDigits > 0 ? fraction * NANOS_PER_FRACTION_UNIT[fractionDigits] : 0);
    }

    /** H. Hinnant's days_from_civil. */
    private static long epochDay(int year, int month, int day) {
        int marchYear = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(marchYear, 400);
        int yearOfEra = marchYear - era * 400;
        int dayOfMarchYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfMarchYear;
        return (long) era * DAYS_PER_400_YEARS + dayOfEra - DAYS_FROM_MARCH_0000_TO_EPOCH;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The number written by {@code count} ASCII digits, or -1 if any character is not one. */
    private static int readDigits(char[] text, int position, int count) {
        int value = 0;
        for (int i = position; i < position + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * Writes the decimal jsr310 writes for an instant as a timestamp in nanoseconds ({@code
     * WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS}), {@code seconds.nnnnnnnnn}, nine digits after the point even
     * when they are zeros, into {@code text}; answers its length. For {@code epochSecond >= 1} only: the
     * BigDecimal jsr310 writes for earlier instants has another form ({@code 0.0}, an exponent, a sign).
     */
    static int formatDecimal(long epochSecond, int nano, char[] text) {
        int secondDigits = 1;
        for (long rest = epochSecond / 10; rest > 0; rest /= 10) {
            secondDigits++;
        }
        long rest = epochSecond;
        for (int i = secondDigits - 1; i >= 0; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        text[secondDigits] = '.';
        writeDigits(text, secondDigits + 1, nano, NANO_DIGITS);
        return secondDigits + 1 + NANO_DIGITS;
    }

    /**
     * The instant of a JSON decimal {@code seconds.f{1,9}} (no sign, no exponent) of at most
     * {@link Instant#MAX}'s seconds, which jsr310 reads as seconds and a fraction of a second; null for any
     * other number, left to jsr310.
     */
    static Instant parseDecimal(char[] text, int offset, int length) {
        int point = -1;
        for (int i = offset; i < offset + length; i++) {
            if (text[i] == '.') {
                point = i;
                break;
            }
        }
        int secondDigits = point - offset;
        int fractionDigits = offset + length - point - 1;
        if (point < 0 || secondDigits < 1 || secondDigits > 17 || fractionDigits < 1 || fractionDigits > NANO_DIGITS) {
            return null;
        }
        long seconds = 0;
        for (int i = offset; i < point; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            seconds = seconds * 10 + digit;
        }
        int fraction = readDigits(text, point + 1, fractionDigits);
        if (fraction < 0 || seconds > Instant.MAX.getEpochSecond()) {
            return null;
        }
        return Instant.ofEpochSecond(seconds, (long) fraction * NANOS_PER_FRACTION_UNIT[fractionDigits]);
    }

    private static void writeDigits(char[] text, int position, int value, int count) {
        for (int i = position + count - 1; i >= position; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
