package io.passerelle.graph.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiagnosticsHistoryParametersTest {

    @Test
    void noBoundIsTheWholeHistory() {
        assertThat(DiagnosticsHistoryParameters.parse(null, " ")).isEqualTo(new DiagnosticsHistoryParameters.Range(null, null));
    }

    @Test
    void instantsWithAnOffsetAreTakenAsTheyAre() {
        DiagnosticsHistoryParameters.Range range = DiagnosticsHistoryParameters.parse("2026-03-04T10:00:00Z", "2026-03-04T12:30:00.5+01:00");

        assertThat(range.from()).isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-03-04T11:30:00.5Z"));
    }

    @Test
    void datesAreWholeUtcDays() {
        DiagnosticsHistoryParameters.Range range = DiagnosticsHistoryParameters.parse("2026-03-01", "2026-03-04");

        assertThat(range.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(range.to()).as("the last microsecond of the day").isEqualTo(Instant.parse("2026-03-04T23:59:59.999999Z"));
        DiagnosticsHistoryParameters.Range oneDay = DiagnosticsHistoryParameters.parse("2026-03-04", "2026-03-04");
        assertThat(oneDay.from()).isBefore(oneDay.to());
    }

    @Test
    void boundsFinerThanTheDatabaseKeepTheirMeaning() {
        DiagnosticsHistoryParameters.Range range = DiagnosticsHistoryParameters.parse("2026-03-04T10:00:00.0000001Z", "2026-03-04T10:00:00.0000019Z");

        assertThat(range.from()).as("the first microsecond at or after it").isEqualTo(Instant.parse("2026-03-04T10:00:00.000001Z"));
        assertThat(range.to()).as("the last microsecond at or before it").isEqualTo(Instant.parse("2026-03-04T10:00:00.000001Z"));
    }

    @Test
    void everyBadBoundIsNamed() {
        Problem problem = problem("yesterday", "2026-03-04T10:00:00");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("from", "to");
        assertThat(problem.errors().get(0).message()).contains("ISO-8601", "'yesterday'");
        assertThat(problem.detail()).contains("from", "to");
    }

    @Test
    void impossibleDatesAndFarYearsAreRefused() {
        assertThat(problem("2026-02-30", null).errors()).extracting(Problem.FieldError::field).containsExactly("from");
        assertThat(problem(null, "+10000-01-01").errors()).extracting(Problem.FieldError::field).containsExactly("to");
        assertThat(problem("0000-12-31T23:00:00Z", null).errors()).extracting(Problem.FieldError::field).containsExactly("from");
        assertThat(problem(null, "2026-13-01T00:00:00Z").errors()).extracting(Problem.FieldError::field).containsExactly("to");
    }

    @Test
    void fromAfterToIsRefused() {
        Problem problem = problem("2026-03-05", "2026-03-04T23:00:00Z");

        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("from");
        assertThat(problem.errors().get(0).message()).contains("must not be after to");
        assertThat(DiagnosticsHistoryParameters.parse("2026-03-04T10:00:00Z", "2026-03-04T10:00:00Z").from())
                .as("the same instant is a range of one").isNotNull();
    }

    private static Problem problem(String from, String to) {
        return catchThrowableOfType(() -> DiagnosticsHistoryParameters.parse(from, to), ProblemException.class).problem();
    }
}
