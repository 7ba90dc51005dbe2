package io.passerelle.ingestion.config;

import static io.passerelle.runtime.config.SettingsValidation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ingestion-service's settings: the defaults and application.properties as shipped pass, values that cannot work stop the start-up with the property named. */
class SettingsConstraintsTest {

    /** The defaults and application.properties as shipped (the rates and bursts, the export's URLs are set there). */
    @Test
    void shippedSettingsAreValid() {
        assertThat(problems(IngestionConfig.class, Map.of())).isEmpty();
        assertThat(problems(ImportConfig.class, Map.of())).isEmpty();
        assertThat(problems(ExportConfig.class, Map.of())).isEmpty();
        assertThat(problems(RateLimitConfig.class, Map.of())).isEmpty();
    }

    @Test
    void theProblemNamesTheProperty() {
        assertThat(problemsWith("passerelle.ingestion.imports.jobs.workers", "0"))
                .containsExactly("passerelle.ingestion.imports.jobs.workers must be greater than or equal to 1");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problems(RateLimitConfig.class, Map.of(
                "passerelle.ingestion.rate-limit.writes.per-caller.rate", "0",
                "passerelle.ingestion.rate-limit.imports.per-owner.burst", "0",
                "passerelle.ingestion.rate-limit.max-keys", "0"))).hasSize(3)
                .anyMatch(problem -> problem.startsWith("passerelle.ingestion.rate-limit.writes.per-caller.rate "))
                .anyMatch(problem -> problem.startsWith("passerelle.ingestion.rate-limit.imports.per-owner.burst "))
                .anyMatch(problem -> problem.startsWith("passerelle.ingestion.rate-limit.max-keys "));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "passerelle.ingestion.publish-timeout, 0s",
            "passerelle.ingestion.retry-after, 0s",
            "passerelle.ingestion.retry-after, -5s",
            "passerelle.ingestion.imports.in-flight, 0",
            "passerelle.ingestion.imports.max-reported-rejections, -1",
            "passerelle.ingestion.imports.max-reported-warnings, -1",
            "passerelle.ingestion.imports.jobs.lease, 0s",
            "passerelle.ingestion.imports.jobs.poll-interval, 0s",
            "passerelle.ingestion.imports.jobs.workers, 0",
            "passerelle.ingestion.imports.jobs.workers, -1",
            "passerelle.ingestion.imports.jobs.checkpoint-records, 0",
            "passerelle.ingestion.imports.jobs.retry-after, 0s",
            "passerelle.ingestion.imports.jobs.retention, -1h",
            "passerelle.ingestion.rate-limit.idle-expiry, -1s",
            "passerelle.ingestion.rate-limit.max-keys, 0",
            "passerelle.ingestion.rate-limit.writes.per-caller.rate, 0",
            "passerelle.ingestion.rate-limit.writes.per-caller.burst, 0",
            "passerelle.ingestion.rate-limit.writes.per-owner.rate, -1",
            "passerelle.ingestion.rate-limit.writes.per-owner.burst, 0",
            "passerelle.ingestion.rate-limit.imports.per-caller.rate, 0",
            "passerelle.ingestion.rate-limit.imports.per-caller.burst, 0",
            "passerelle.ingestion.rate-limit.imports.per-owner.rate, 0",
            "passerelle.ingestion.rate-limit.imports.per-owner.burst, -1",
            "passerelle.export.connect-timeout, 0s",
            "passerelle.export.read-timeout, 0s",
    })
    void outOfRange(String property, String value) {
        assertThat(problemsWith(property, value)).singleElement().asString().startsWith(property + " ");
    }

    @ParameterizedTest(name = "{0}={1} is accepted")
    @CsvSource({
            "passerelle.ingestion.publish-timeout, 1ms",
            "passerelle.ingestion.retry-after, 1ms",
            "passerelle.ingestion.imports.in-flight, 1",
            // 0: the answer lists none, and still counts them all.
            "passerelle.ingestion.imports.max-reported-rejections, 0",
            "passerelle.ingestion.imports.max-reported-warnings, 0",
            "passerelle.ingestion.imports.jobs.lease, 1ms",
            "passerelle.ingestion.imports.jobs.poll-interval, 1ms",
            "passerelle.ingestion.imports.jobs.workers, 1",
            "passerelle.ingestion.imports.jobs.checkpoint-records, 1",
            "passerelle.ingestion.imports.jobs.retry-after, 1ms",
            // 0s: a finished job is deleted at the next clean-up.
            "passerelle.ingestion.imports.jobs.retention, 0s",
            // 0s: a limiter is dropped as soon as its window has passed.
            "passerelle.ingestion.rate-limit.idle-expiry, 0s",
            "passerelle.ingestion.rate-limit.max-keys, 1",
            "passerelle.ingestion.rate-limit.writes.per-caller.rate, 0.001",
            "passerelle.ingestion.rate-limit.writes.per-caller.burst, 1",
            "passerelle.ingestion.rate-limit.writes.per-owner.rate, 0.001",
            "passerelle.ingestion.rate-limit.writes.per-owner.burst, 1",
            "passerelle.ingestion.rate-limit.imports.per-caller.rate, 0.001",
            "passerelle.ingestion.rate-limit.imports.per-caller.burst, 1",
            "passerelle.ingestion.rate-limit.imports.per-owner.rate, 0.001",
            "passerelle.ingestion.rate-limit.imports.per-owner.burst, 1",
            "passerelle.export.connect-timeout, 1ms",
            "passerelle.export.read-timeout, 1ms",
    })
    void withinRange(String property, String value) {
        assertThat(problemsWith(property, value)).isEmpty();
    }

    @ParameterizedTest(name = "staging-chunk-size={0} is refused")
    @ValueSource(strings = {"0", "2G", "3G"})
    void aStagingChunkIsOneByteArray(String size) {
        assertThat(problemsWith("passerelle.ingestion.imports.staging-chunk-size", size)).containsExactly(
                "passerelle.ingestion.imports stagingChunkSizeUsable is false: staging-chunk-size must be from 1 byte to 2147483647 bytes");
    }

    @ParameterizedTest(name = "staging-chunk-size={0} is accepted")
    @ValueSource(strings = {"1", "1K", "2047M"})
    void aStagingChunkOfOneByteToAnArraysLengthIsAccepted(String size) {
        assertThat(problemsWith("passerelle.ingestion.imports.staging-chunk-size", size)).isEmpty();
    }

    /** The problems of the mapping that holds {@code property}, given this value. */
    private static List<String> problemsWith(String property, String value) {
        Class<?> mapping;
        if (property.startsWith("passerelle.export.")) {
            mapping = ExportConfig.class;
        } else if (property.startsWith("passerelle.ingestion.imports.")) {
            mapping = ImportConfig.class;
        } else if (property.startsWith("passerelle.ingestion.rate-limit.")) {
            mapping = RateLimitConfig.class;
        } else {
            mapping = IngestionConfig.class;
        }
        return problems(mapping, Map.of(property, value));
    }
}
