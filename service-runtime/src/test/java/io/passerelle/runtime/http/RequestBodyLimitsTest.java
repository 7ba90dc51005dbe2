package io.passerelle.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.runtime.problem.Problem;
import org.junit.jupiter.api.Test;

/** Which bodies count as JSON, and what the 413 says. */
class RequestBodyLimitsTest {

    @Test
    void jsonIsApplicationJsonOrAnyJsonSuffixWhateverTheParametersAndCase() {
        assertThat(RequestBodyLimits.isJson("application/json")).isTrue();
        assertThat(RequestBodyLimits.isJson("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(RequestBodyLimits.isJson("application/merge-patch+json")).isTrue();
        assertThat(RequestBodyLimits.isJson("application/x-ndjson")).isFalse();
        assertThat(RequestBodyLimits.isJson("text/csv")).isFalse();
        assertThat(RequestBodyLimits.isJson(null)).isFalse();
    }

    @Test
    void theAnswerNamesTheLimitAndTheSettingThatSetsIt() {
        Problem json = RequestBodyLimits.tooLarge(1_048_576, true);
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.detail()).contains("1048576 bytes", "passerelle.http.max-json-body-size");
        assertThat(json.errors()).containsExactly(new Problem.FieldError("body", "must not be larger than 1048576 bytes"));
        assertThat(RequestBodyLimits.tooLarge(10, false).detail()).contains("quarkus.http.limits.max-body-size");
    }
}
