package io.passerelle.graph.config;

import static io.passerelle.runtime.config.SettingsValidation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** graph-service's settings: the defaults and application.properties as shipped pass, values that cannot work stop the start-up with the property named. */
class SettingsConstraintsTest {

    @Test
    void shippedSettingsAreValid() {
        assertThat(problems(ReplayConfig.class, Map.of())).isEmpty();
        assertThat(problems(GraphConfig.class, Map.of())).isEmpty();
        assertThat(problems(DiagnosticsConfig.class, Map.of())).isEmpty();
    }

    @Test
    void replayCountsAndDurationsOutOfRange() {
        List<String> problems = problems(ReplayConfig.class, Map.of(
                "passerelle.graph.replay.lanes", "0",
                "passerelle.graph.replay.batch-size", "0",
                "passerelle.graph.replay.publish-page-size", "-1",
                "passerelle.graph.replay.lease", "0s",
                "passerelle.graph.replay.poll-interval", "0s",
                "passerelle.graph.replay.batch-pause", "-1s",
                "passerelle.graph.replay.switch-lock-timeout", "0s",
                "passerelle.graph.replay.retry.initial-backoff", "0s",
                "passerelle.graph.replay.retry.max-backoff", "0s"));
        assertThat(problems).contains("passerelle.graph.replay.lanes must be greater than or equal to 1");
        assertNamed(problems, "lanes", "batch-size", "publish-page-size", "lease", "poll-interval", "batch-pause",
                "switch-lock-timeout", "retry.initial-backoff", "retry.max-backoff");
    }

    @Test
    void oneLaneAndNoPauseAreValid() {
        assertThat(problems(ReplayConfig.class, Map.of("passerelle.graph.replay.lanes", "1",
                "passerelle.graph.replay.batch-size", "1", "passerelle.graph.replay.batch-pause", "0s"))).isEmpty();
    }

    @Test
    void sweepAndEpsilonOutOfRange() {
        List<String> problems = problems(GraphConfig.class, Map.of(
                "passerelle.graph.strength-epsilon", "1.5",
                "passerelle.graph.sweep.initial-delay", "-1s",
                "passerelle.graph.sweep.every", "0s",
                "passerelle.graph.sweep.page-size", "0",
                "passerelle.graph.sweep.max-pages", "0",
                "passerelle.graph.sweep.rescore-after", "0s"));
        assertThat(problems).hasSize(6)
                .anyMatch(problem -> problem.startsWith("passerelle.graph.strength-epsilon "))
                .anyMatch(problem -> problem.startsWith("passerelle.graph.sweep.initial-delay "))
                .anyMatch(problem -> problem.startsWith("passerelle.graph.sweep.every "))
                .anyMatch(problem -> problem.startsWith("passerelle.graph.sweep.page-size "))
                .anyMatch(problem -> problem.startsWith("passerelle.graph.sweep.max-pages "))
                .anyMatch(problem -> problem.startsWith("passerelle.graph.sweep.rescore-after "));
        assertThat(problems(GraphConfig.class, Map.of("passerelle.graph.strength-epsilon", "-0.01")))
                .singleElement().asString().startsWith("passerelle.graph.strength-epsilon ");
        assertThat(problems(GraphConfig.class, Map.of("passerelle.graph.strength-epsilon", "0",
                "passerelle.graph.sweep.initial-delay", "0s"))).isEmpty();
    }

    @Test
    void diagnosticsOutOfRange() {
        List<String> problems = problems(DiagnosticsConfig.class, Map.of(
                "passerelle.graph.diagnostics.brokerage.minimum-mutual-data-share", "1.1",
                "passerelle.graph.diagnostics.refresh.every", "0s",
                "passerelle.graph.diagnostics.refresh.quiet", "-1s",
                "passerelle.graph.diagnostics.refresh.max-age", "0s",
                "passerelle.graph.diagnostics.refresh.lease", "0s",
                "passerelle.graph.diagnostics.refresh.batch-size", "0",
                "passerelle.graph.diagnostics.history.keep-every-point-for", "-1d",
                "passerelle.graph.diagnostics.history.keep-daily-points-for", "-1d",
                "passerelle.graph.diagnostics.history.thinning.every", "0s",
                "passerelle.graph.diagnostics.history.thinning.batch-size", "0"));
        assertThat(problems).hasSize(10);
        for (String property : List.of("brokerage.minimum-mutual-data-share", "refresh.every", "refresh.quiet", "refresh.max-age",
                "refresh.lease", "refresh.batch-size", "history.keep-every-point-for", "history.keep-daily-points-for",
                "history.thinning.every", "history.thinning.batch-size")) {
            assertThat(problems).anyMatch(problem -> problem.startsWith("passerelle.graph.diagnostics." + property + " "));
        }
        assertThat(problems(DiagnosticsConfig.class, Map.of("passerelle.graph.diagnostics.history.thinning.max-batches", "0")))
                .singleElement().asString().startsWith("passerelle.graph.diagnostics.history.thinning.max-batches ");
        assertThat(problems(DiagnosticsConfig.class, Map.of("passerelle.graph.diagnostics.refresh.quiet", "0s",
                "passerelle.graph.diagnostics.brokerage.minimum-mutual-data-share", "0"))).isEmpty();
    }

    @Test
    void theReplaysFirstWaitIsAtMostItsLongest() {
        assertThat(problems(ReplayConfig.class, Map.of("passerelle.graph.replay.retry.initial-backoff", "31s")))
                .containsExactly("passerelle.graph.replay.retry initialBackoffAtMostMaxBackoff is false: initial-backoff must be at most max-backoff");
        assertThat(problems(ReplayConfig.class, Map.of("passerelle.graph.replay.retry.initial-backoff", "30s"))).isEmpty();
    }

    @Test
    void dailyPointsAreKeptAtLeastAsLongAsEveryPoint() {
        assertThat(problems(DiagnosticsConfig.class, Map.of("passerelle.graph.diagnostics.history.keep-every-point-for", "100d")))
                .containsExactly("passerelle.graph.diagnostics.history dailyPointsKeptAtLeastAsLong is false: "
                        + "keep-daily-points-for must be at least keep-every-point-for");
        assertThat(problems(DiagnosticsConfig.class, Map.of("passerelle.graph.diagnostics.history.keep-every-point-for", "90d"))).isEmpty();
        assertThat(problems(DiagnosticsConfig.class, Map.of("passerelle.graph.diagnostics.history.keep-every-point-for", "0s",
                "passerelle.graph.diagnostics.history.keep-daily-points-for", "0s"))).isEmpty();
    }

    private static void assertNamed(List<String> problems, String... replaySettings) {
        assertThat(problems).hasSize(replaySettings.length);
        for (String setting : replaySettings) {
            assertThat(problems).anyMatch(problem -> problem.startsWith("passerelle.graph.replay." + setting + " "));
        }
    }
}
