package io.passerelle.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nanoseconds per instant read and written by the contract mapping and by jsr310 alone, measured in the
 * same run after warm-up, beside the floor of the same JSON read and written as plain strings. A
 * benchmark, not a test: it prints the figures and asserts nothing about time. Excluded from the normal
 * build; run with
 * {@code mvn -pl event-contracts test -Dgroups=benchmark -DexcludedGroups=none -Dtest=IsoInstantCodecBenchmarkTest}.
 */
@Tag("benchmark")
class IsoInstantCodecBenchmarkTest {
    private static final int INSTANTS = 10_000;
    private static final int WARM_UP_ROUNDS = 150;
    private static final int MEASURED_ROUNDS = 150;
    private static volatile int sink;

    interface Round {
        int run() throws Exception;
    }

    @Test
    void readAndWriteTenThousandInstants() throws Exception {
        Instant[] instants = recentInstants(new Random(2026));
        String[] texts = Arrays.stream(instants).map(Instant::toString).toArray(String[]::new);
        ObjectMapper codec = EventJson.mapper();
        ObjectMapper jsr310 = JsonMapper.builder().build().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        byte[] json = jsr310.writeValueAsBytes(instants);
        ObjectReader codecReader = codec.readerFor(Instant[].class);
        ObjectReader jsr310Reader = jsr310.readerFor(Instant[].class);
        ObjectReader stringReader = jsr310.readerFor(String[].class);
        ObjectWriter codecWriter = codec.writerFor(Instant[].class);
        ObjectWriter jsr310Writer = jsr310.writerFor(Instant[].class);
        ObjectWriter stringWriter = jsr310.writerFor(String[].class);
        assertThat((Instant[]) codecReader.readValue(json)).isEqualTo(instants);
        assertThat(codecWriter.writeValueAsBytes(instants)).isEqualTo(json);

        String[] names = {"read, jsr310", "read, codec", "read as String (floor)", "write, jsr310", "write, codec", "write from String (floor)"};
        Round[] rounds = {
            () -> ((Instant[]) jsr310Reader.readValue(json)).length,
            () -> ((Instant[]) codecReader.readValue(json)).length,
            () -> ((String[]) stringReader.readValue(json)).length,
            () -> jsr310Writer.writeValueAsBytes(instants).length,
            () -> codecWriter.writeValueAsBytes(instants).length,
            () -> stringWriter.writeValueAsBytes(texts).length};
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            for (Round round : rounds) {
                sink += round.run();
            }
        }
        long[][] nanos = new long[rounds.length][MEASURED_ROUNDS];
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            // interleaved, so that a neighbour's load on the shared machine touches every variant alike
            for (int r = 0; r < rounds.length; r++) {
                long start = System.nanoTime();
                sink += rounds[r].run();
                nanos[r][i] = System.nanoTime() - start;
            }
        }
        System.out.printf("%,d instants (JSON array of %,d bytes, UTF-8), %d rounds after %d warm-up rounds; ns per instant:%n",
                INSTANTS, json.length, MEASURED_ROUNDS, WARM_UP_ROUNDS);
        System.out.printf("  %-26s %8s %8s%n", "", "median", "best");
        for (int r = 0; r < rounds.length; r++) {
            Arrays.sort(nanos[r]);
            System.out.printf("  %-26s %8.1f %8.1f%n", names[r],
                    (double) nanos[r][MEASURED_ROUNDS / 2] / INSTANTS, (double) nanos[r][0] / INSTANTS);
        }
    }

    /** Instants of the last years, a quarter each in whole seconds, milliseconds, microseconds and nanoseconds. */
    private static Instant[] recentInstants(Random random) {
        long from = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2027-01-01T00:00:00Z").getEpochSecond();
        Instant[] instants = new Instant[INSTANTS];
        for (int i = 0; i < INSTANTS; i++) {
            int nano = random.nextInt(1_000_000_000);
            int precision = switch (i % 4) {
                case 0 -> 1_000_000_000;
                case 1 -> 1_000_000;
                case 2 -> 1_000;
                default -> 1;
            };
            instants[i] = Instant.ofEpochSecond(random.nextLong(from, to), nano - nano % precision);
        }
        return instants;
    }
}
