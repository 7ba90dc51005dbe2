package io.passerelle.contracts.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract's instant codec against jsr310 alone (the mapping as it was before the codec): the same
 * text written, the same instant read, the same inputs refused with the same exception and message.
 */
class IsoInstantCodecTest {
    private static final ObjectMapper CODEC = EventJson.mapper();
    private static final ObjectMapper JSR310 = jsr310Mapping(JsonMapper.builder().build());
    private static final long FIRST_SECOND_OF_0000 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND_OF_9999 = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    private static final String[] OFFSETS = {"+01:00", "-05:30", "+00:00", "+0000", "+00", "-00:00"};

    record Stamped(Instant at) {
    }

    record Annotated(
            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant asString,
            @JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant asNumber,
            @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss.SSS", timezone = "UTC") Instant withPattern,
            @JsonFormat(lenient = OptBoolean.FALSE) Instant strict) {
    }

    /** EventJson's configuration before the codec. */
    private static ObjectMapper jsr310Mapping(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    @Test
    void theContractMappingUsesTheCodecForInstantsAtTheRootAndInProperties() throws Exception {
        JavaType instant = CODEC.constructType(Instant.class);
        DefaultDeserializationContext reading = ((DefaultDeserializationContext) CODEC.getDeserializationContext())
                .createDummyInstance(CODEC.getDeserializationConfig());
        assertThat(reading.findRootValueDeserializer(instant)).isInstanceOf(IsoInstantCodec.Deserializer.class);
        assertThat(reading.findContextualValueDeserializer(instant, null)).isInstanceOf(IsoInstantCodec.Deserializer.class);
        assertThat(CODEC.getSerializerProviderInstance().findValueSerializer(Instant.class, null))
                .isInstanceOf(IsoInstantCodec.Serializer.class);
        assertThat(CODEC.getSerializerProviderInstance().findTypedValueSerializer(Instant.class, true, null))
                .isInstanceOf(IsoInstantCodec.Serializer.class);
    }

    @Test
    void everyDayOfTheYears0000To9999IsWrittenAsIsoInstantAndReadBack() {
        char[] text = new char[40];
        long firstDay = LocalDate.of(0, 1, 1).toEpochDay();
        long lastDay = LocalDate.of(9999, 12, 31).toEpochDay();
        List<String> mismatches = new ArrayList<>();
        for (long day = firstDay; day <= lastDay && mismatches.size() < 10; day++) {
            // a different time of day each day, the first and last second of the range included
            long secondOfDay = day == firstDay ? 0 : day == lastDay ? 86_399 : Math.floorMod(day * 7_919, 86_400);
            Instant instant = Instant.ofEpochSecond(day * 86_400 + secondOfDay);
            String expected = instant.toString();
            String written = new String(text, 0, IsoInstantCodec.format(instant.getEpochSecond(), 0, text));
            Instant read = IsoInstantCodec.parse(expected.toCharArray(), 0, expected.length());
            if (!written.equals(expected) || !instant.equals(read)) {
                mismatches.add(expected + " written " + written + ", read " + read);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void randomInstantsAreWrittenAsIsoInstantWritesThem() throws Exception {
        Random random = new Random(20261202L);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = randomInstant(random);
            String expected = '"' + DateTimeFormatter.ISO_INSTANT.format(instant) + '"';
            assertThat(CODEC.writeValueAsString(instant)).isEqualTo(JSR310.writeValueAsString(instant)).isEqualTo(expected);
            assertThat(CODEC.writeValueAsBytes(new Stamped(instant))).isEqualTo(JSR310.writeValueAsBytes(new Stamped(instant)));
            assertThat(CODEC.valueToTree(instant).textValue()).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }

    @Test
    void randomInstantsAndTheirVariantsAreReadAsJsr310ReadsThem() {
        Random random = new Random(4_2026L);
        int accepted = 0;
        for (int i = 0; i < 6_000; i++) {
            Instant instant = randomInstant(random);
            String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
            if (!instant.isBefore(Instant.ofEpochSecond(FIRST_SECOND_OF_0000)) && !instant.isAfter(Instant.ofEpochSecond(LAST_SECOND_OF_9999, 999_999_999))) {
                assertThat(readOutcome(CODEC, '"' + iso + '"', false)).isEqualTo("value " + iso + " / value " + iso);
            }
            for (String text : variants(iso, random)) {
                String json = '"' + text + '"';
                String outcome = readOutcome(CODEC, json, false);
                assertThat(outcome).as(json).isEqualTo(readOutcome(JSR310, json, false));
                assertThat(readOutcome(CODEC, json, true)).as(json).isEqualTo(readOutcome(JSR310, json, true));
                accepted += outcome.startsWith("value ") ? 1 : 0;
            }
        }
        // most variants are valid: the comparison is not only one of error messages
        assertThat(accepted).isGreaterThan(24_000);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "2026-12-02T12:00:00Z"                | 2026-12-02T12:00:00Z
            "2026-12-02T12:00:00.1Z"              | 2026-12-02T12:00:00.100Z
            "2026-12-02T12:00:00.12Z"             | 2026-12-02T12:00:00.120Z
            "2026-12-02T12:00:00.1234Z"           | 2026-12-02T12:00:00.123400Z
            "2026-12-02T12:00:00.123456789Z"      | 2026-12-02T12:00:00.123456789Z
            "2026-12-02T12:00:00.000Z"            | 2026-12-02T12:00:00Z
            "2026-12-02t12:00:00z"                | 2026-12-02T12:00:00Z
            "2026-12-02T12:00:00\\u005A"          | 2026-12-02T12:00:00Z
            "0000-01-01T00:00:00Z"                | 0000-01-01T00:00:00Z
            "0000-02-29T00:00:00Z"                | 0000-02-29T00:00:00Z
            "9999-12-31T23:59:59.999999999Z"      | 9999-12-31T23:59:59.999999999Z
            "2000-02-29T00:00:00Z"                | 2000-02-29T00:00:00Z
            "2024-02-29T23:59:59Z"                | 2024-02-29T23:59:59Z
            "2026-12-02T12:00:00+01:00"           | 2026-12-02T11:00:00Z
            "2026-12-02T12:00:00-05:30"           | 2026-12-02T17:30:00Z
            "2026-12-02T12:00:00+00"              | 2026-12-02T12:00:00Z
            " 2026-12-02T12:00:00Z "              | 2026-12-02T12:00:00Z
            "2026-12-02T24:00:00Z"                | 2026-12-03T00:00:00Z
            "2026-12-31T23:59:60Z"                | 2026-12-31T23:59:59Z
            "2026-12-02T12:00:00.Z"               | 2026-12-02T12:00:00Z
            "+10000-01-01T00:00:00Z"              | +10000-01-01T00:00:00Z
            "-0001-12-31T00:00:00Z"               | -0001-12-31T00:00:00Z
            "1796212800"                          | 2026-12-02T12:00:00Z
            1796212800                            | 2026-12-02T12:00:00Z
            1796212800.5                          | 2026-12-02T12:00:00.500Z
            "2026-13-02T12:00:00Z"                | refused
            "2026-00-02T12:00:00Z"                | refused
            "2026-12-00T12:00:00Z"                | refused
            "2026-04-31T12:00:00Z"                | refused
            "2026-02-29T12:00:00Z"                | refused
            "1900-02-29T12:00:00Z"                | refused
            "2026-12-02T24:00:01Z"                | refused
            "2026-12-02T25:00:00Z"                | refused
            "2026-12-02T12:60:00Z"                | refused
            "2026-12-02T12:00:60Z"                | refused
            "2026-12-02T12:00Z"                   | refused
            "2026-12-02T12:00:00"                 | refused
            "2026-12-02T12:00:00Zx"               | refused
            "2026-12-02T12:00:00.1234567891Z"     | refused
            "2026-12-02T12:00:00,5Z"              | refused
            "2026-12-02 12:00:00Z"                | refused
            "2026-1-02T12:00:00Z"                 | refused
            "+2026-12-02T12:00:00Z"               | refused
            "٢٠٢٦-12-02T12:00:00Z"                | refused
            "2026-12-02"                          | refused
            "tomorrow"                            | refused
            ""                                    | null
            "   "                                 | null
            null                                  | null
            true                                  | refused
            ["2026-12-02T12:00:00Z"]              | refused
            {}                                    | refused
            """)
    void edgeCasesHaveJsr310sOutcome(String json, String expected) {
        for (boolean asProperty : new boolean[] {false, true}) {
            String outcome = readOutcome(CODEC, json, asProperty);
            assertThat(outcome).isEqualTo(readOutcome(JSR310, json, asProperty));
            if (expected.equals("refused")) {
                assertThat(outcome).startsWith("refused ");
            } else {
                assertThat(outcome).isEqualTo("value " + expected + " / value " + expected);
            }
        }
    }

    static Stream<Arguments> otherSettings() {
        return Stream.of(
                Arguments.of("timestamps in nanoseconds, as graph-service stores statistics", (UnaryOperator<ObjectMapper>) m -> m
                        .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)),
                Arguments.of("timestamps in milliseconds", (UnaryOperator<ObjectMapper>) m -> m
                        .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                        .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)),
                Arguments.of("not lenient by default", (UnaryOperator<ObjectMapper>) m -> m.setDefaultLeniency(false)),
                Arguments.of("a context time zone", (UnaryOperator<ObjectMapper>) m -> m
                        .setTimeZone(TimeZone.getTimeZone("Europe/Paris")).enable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)),
                Arguments.of("a pattern for every instant", (UnaryOperator<ObjectMapper>) m -> {
                    m.configOverride(Instant.class).setFormat(JsonFormat.Value.forPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
                            .withTimeZone(TimeZone.getTimeZone("UTC")));
                    return m;
                }),
                Arguments.of("every instant a number", (UnaryOperator<ObjectMapper>) m -> {
                    m.configOverride(Instant.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.NUMBER));
                    return m;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherSettings")
    void otherSettingsAndFormatOverridesBehaveAsWithJsr310Alone(String name, UnaryOperator<ObjectMapper> settings) throws Exception {
        ObjectMapper codec = settings.apply(EventJson.configure(JsonMapper.builder().build()));
        ObjectMapper jsr310 = settings.apply(jsr310Mapping(JsonMapper.builder().build()));
        Random random = new Random(name.hashCode());
        List<String> texts = new ArrayList<>(List.of("\"2026-12-02T12:00:00Z\"", "\"2026-12-02T12:00:00.123Z\"", "\"2026-12-02T12:00:00+01:00\"",
                "\"\"", "\" \"", "\"2026-13-02T12:00:00Z\"", "1796212800", "1796212800.123456789", "\"1796212800123\"", "null"));
        for (int i = 0; i < 1_000; i++) {
            Instant instant = i % 2 == 0 ? randomInstant(random) : Instant.ofEpochSecond(
                    random.nextLong(FIRST_SECOND_OF_0000, LAST_SECOND_OF_9999 + 1), random.nextInt(1_000_000_000));
            String written = writeOutcome(jsr310, new Stamped(instant));
            assertThat(writeOutcome(codec, new Stamped(instant))).isEqualTo(written);
            assertThat(writeOutcome(codec, instant)).isEqualTo(writeOutcome(jsr310, instant));
            Annotated annotated = new Annotated(instant, instant, instant, instant);
            assertThat(writeOutcome(codec, annotated)).isEqualTo(writeOutcome(jsr310, annotated));
            if (written.startsWith("{\"at\":")) {
                texts.add(written.substring("{\"at\":".length(), written.length() - 1));
            }
        }
        for (String json : texts) {
            for (boolean asProperty : new boolean[] {false, true}) {
                assertThat(readOutcome(codec, json, asProperty)).as(json).isEqualTo(readOutcome(jsr310, json, asProperty));
            }
            String annotated = "{\"asString\":" + json + ",\"asNumber\":" + json + ",\"withPattern\":" + json + ",\"strict\":" + json + "}";
            assertThat(outcome(() -> codec.readValue(annotated, Annotated.class)))
                    .isEqualTo(outcome(() -> jsr310.readValue(annotated, Annotated.class)));
        }
    }

    @Test
    void annotatedInstantsKeepJsr310sFormats() throws Exception {
        Instant instant = Instant.parse("2026-12-02T12:00:00.123456Z");
        String json = CODEC.writeValueAsString(new Annotated(instant, instant, instant, instant));
        assertThat(json).isEqualTo(JSR310.writeValueAsString(new Annotated(instant, instant, instant, instant)))
                .contains("\"withPattern\":\"2026-12-02 12:00:00.123\"").contains("\"asNumber\":1796212800.123456000");
    }

    @Test
    void timestampsInNanosecondsAreWrittenAndReadAsJsr310WritesAndReadsThem() throws Exception {
        UnaryOperator<ObjectMapper> nanoseconds = m -> m.enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS);
        ObjectMapper codec = nanoseconds.apply(EventJson.configure(JsonMapper.builder().build()));
        ObjectMapper jsr310 = nanoseconds.apply(jsr310Mapping(JsonMapper.builder().build()));
        Random random = new Random(2026_12_02L);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(0, 5), Instant.ofEpochSecond(0, 500_000_000),
                Instant.ofEpochSecond(1), Instant.ofEpochSecond(1, 1), Instant.ofEpochSecond(9, 999_999_999), Instant.ofEpochSecond(10),
                Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 1), Instant.MAX, Instant.MIN, Instant.parse("2026-12-02T12:00:00Z")));
        for (int i = 0; i < 20_000; i++) {
            instants.add(randomInstant(random));
        }
        int decimals = 0;
        for (Instant instant : instants) {
            String written = writeOutcome(jsr310, new Stamped(instant));
            assertThat(writeOutcome(codec, new Stamped(instant))).as(instant.toString()).isEqualTo(written);
            assertThat(writeOutcome(codec, instant)).as(instant.toString()).isEqualTo(writeOutcome(jsr310, instant));
            assertThat((JsonNode) codec.valueToTree(new Stamped(instant))).isEqualTo(jsr310.valueToTree(new Stamped(instant)));
            String json = codec.writeValueAsString(instant);
            for (boolean asProperty : new boolean[] {false, true}) {
                assertThat(readOutcome(codec, json, asProperty)).as(json).isEqualTo(readOutcome(jsr310, json, asProperty))
                        .isEqualTo("value " + instant + " / value " + instant);
            }
            decimals += json.matches("[1-9][0-9]*\\.[0-9]{9}") ? 1 : 0;
        }
        // the arithmetic form, compared, for most of them (the others are before 1970 or beyond year 9999)
        assertThat(decimals).isGreaterThan(12_000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1796212800.5", "1796212800.05", "1796212800.123456789", "1796212800.000000000", "1796212800.1234567891",
            "0.5", "0.000000001", "1.0", "31556889864403199.999999999", "31556889864403200.0", "99999999999999999.5",
            "123456789012345678.5", "-1.5", "-0.5", "1.5e9", "1.5E9", "17962128005E-1", "1796212800", "1796212800.", "\"1796212800.5\"",
            "0.0", "00.5"})
    void decimalTimestampsAreReadAsJsr310ReadsThem(String json) {
        ObjectMapper codecInMilliseconds = EventJson.configure(JsonMapper.builder().build())
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS);
        ObjectMapper jsr310InMilliseconds = jsr310Mapping(JsonMapper.builder().build())
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS);
        for (boolean asProperty : new boolean[] {false, true}) {
            assertThat(readOutcome(CODEC, json, asProperty)).isEqualTo(readOutcome(JSR310, json, asProperty));
            assertThat(readOutcome(codecInMilliseconds, json, asProperty)).isEqualTo(readOutcome(jsr310InMilliseconds, json, asProperty));
        }
    }

    @Test
    void theIsoTextOfAnInstantIsWrittenAndReadByArithmeticAndAnyOtherTextLeftToTheCaller() {
        Random random = new Random(12L);
        for (int i = 0; i < 5_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(FIRST_SECOND_OF_0000, LAST_SECOND_OF_9999 + 1), random.nextInt(1_000_000_000));
            assertThat(EventJson.isoInstant(instant.toString())).isEqualTo(instant);
        }
        for (int i = 0; i < 20_000; i++) {
            Instant instant = randomInstant(random);
            assertThat(EventJson.isoText(instant)).isEqualTo(instant.toString());
        }
        for (String other : List.of("2026-12-02T13:00:00+01:00", "2026-12-02T12:00:00", "+10000-01-01T00:00:00Z", "2026-02-30T12:00:00Z", "")) {
            assertThat(EventJson.isoInstant(other)).as(other).isNull();
        }
        assertThat(EventJson.isoInstant(null)).isNull();
    }

    @Test
    void theArithmeticFormsAreJsr310sDecimal() {
        char[] text = new char[27];
        assertThat(new String(text, 0, IsoInstantCodec.formatDecimal(1_796_212_800L, 5, text))).isEqualTo("1796212800.000000005");
        assertThat(new String(text, 0, IsoInstantCodec.formatDecimal(1L, 0, text))).isEqualTo("1.000000000");
        assertThat(new String(text, 0, IsoInstantCodec.formatDecimal(Instant.MAX.getEpochSecond(), 999_999_999, text)))
                .isEqualTo("31556889864403199.999999999");
        assertThat(IsoInstantCodec.parseDecimal("1796212800.5".toCharArray(), 0, 12)).isEqualTo(Instant.parse("2026-12-02T12:00:00.500Z"));
        assertThat(IsoInstantCodec.parseDecimal("x1796212800.123456789x".toCharArray(), 1, 20))
                .isEqualTo(Instant.parse("2026-12-02T12:00:00.123456789Z"));
        for (String left : List.of("1796212800", "1796212800.", ".5", "1796212800.1234567891", "-1.5", "1.5E9", "31556889864403200.0")) {
            assertThat(IsoInstantCodec.parseDecimal(left.toCharArray(), 0, left.length())).as(left).isNull();
        }
    }

    @Test
    void eventsAreWrittenAsBeforeAndRoundTrip() throws Exception {
        List<Object> events = List.of(
                new InteractionRecorded("owner-1", new Interaction("i-1", "c-1", Instant.parse("2026-03-04T10:00:00.250Z"),
                        Channel.MEETING, Direction.MUTUAL, 45, Source.CALENDAR)),
                new InteractionRecorded("owner-1", new Interaction("i-2", "c-2", Instant.parse("1999-12-31T23:59:59.123456789Z"),
                        Channel.MEETING, Direction.MUTUAL, null, Source.CALENDAR)),
                new ImportCompleted("import-1", "owner-1", "csv", 10, 1, 2, 4_096,
                        Instant.parse("2026-12-02T12:00:00.000001Z"), Instant.parse("2026-12-02T12:00:07Z")));
        for (Object event : events) {
            String json = EventJson.write(event);
            assertThat(json).isEqualTo(JSR310.writeValueAsString(event));
            assertThat(EventJson.writeBytes(event)).isEqualTo(JSR310.writeValueAsBytes(event));
            assertThat(EventJson.read(json, event.getClass())).isEqualTo(event).isEqualTo(JSR310.readValue(json, event.getClass()));
        }
        assertThat(EventJson.write(events.get(1))).contains("\"occurredAt\":\"1999-12-31T23:59:59.123456789Z\"");
    }

    private static Instant randomInstant(Random random) {
        long second = switch (random.nextInt(10)) {
            case 0 -> random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond() + 1);
            case 1 -> random.nextLong(FIRST_SECOND_OF_0000 - 400L * 366 * 86_400, LAST_SECOND_OF_9999 + 400L * 366 * 86_400);
            case 2 -> (random.nextBoolean() ? FIRST_SECOND_OF_0000 : LAST_SECOND_OF_9999) + random.nextInt(-100_000, 100_000);
            default -> random.nextLong(FIRST_SECOND_OF_0000, LAST_SECOND_OF_9999 + 1);
        };
        int nano = switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            case 3 -> random.nextInt(10) * 100_000_000;
            case 4 -> random.nextInt(1, 10) * (random.nextBoolean() ? 1 : 1_000);
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(second, nano);
    }

    /** The text itself, its fraction with 1 to 10 digits or none, other cases, and with an offset instead of Z. */
    private static List<String> variants(String iso, Random random) {
        int zone = iso.length() - 1;
        int dot = iso.indexOf('.');
        String whole = iso.substring(0, dot < 0 ? zone : dot);
        String fraction = dot < 0 ? "" : iso.substring(dot + 1, zone);
        int digits = random.nextInt(1, 11);
        StringBuilder randomDigits = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            randomDigits.append((char) ('0' + random.nextInt(10)));
        }
        return List.of(iso, iso.replace('T', 't').replace('Z', 'z'), whole + 'Z',
                whole + '.' + (fraction + "000000000").substring(0, random.nextInt(1, 10)) + 'Z',
                whole + '.' + randomDigits + 'Z',
                iso.substring(0, zone) + OFFSETS[random.nextInt(OFFSETS.length)],
                iso.substring(0, zone) + OFFSETS[random.nextInt(OFFSETS.length)]);
    }

    /** The instant read from the JSON value, at the root or as a record's property, from a String or from UTF-8 bytes. */
    private static String readOutcome(ObjectMapper mapper, String json, boolean asProperty) {
        String fromText = asProperty
                ? outcome(() -> mapper.readValue("{\"at\":" + json + "}", Stamped.class).at())
                : outcome(() -> mapper.readValue(json, Instant.class));
        String fromBytes = asProperty
                ? outcome(() -> mapper.readValue(("{\"at\":" + json + "}").getBytes(UTF_8), Stamped.class).at())
                : outcome(() -> mapper.readValue(json.getBytes(UTF_8), Instant.class));
        return fromText + " / " + fromBytes;
    }

    private static String writeOutcome(ObjectMapper mapper, Object value) {
        return outcome(() -> mapper.writeValueAsString(value) + " / " + new String(mapper.writeValueAsBytes(value), UTF_8));
    }

    interface Action {
        Object run() throws Exception;
    }

    private static String outcome(Action action) {
        try {
            return "value " + action.run();
        } catch (Exception e) {
            return "refused " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
