package io.passerelle.advice.config;

import static io.passerelle.runtime.config.SettingsValidation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** advice-service's settings: the defaults and application.properties as shipped pass, values that cannot work stop the start-up with the property named. */
class SettingsConstraintsTest {

    /** The one setting without a default: base64 of the 32 bytes of an AES-256 key (SecretCipher). */
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void shippedSettingsAreValid() {
        assertThat(problems(AdviceConfig.class, Map.of("advice.webhooks.secret-key", SECRET_KEY))).isEmpty();
    }

    @Test
    void theProblemNamesTheProperty() {
        assertThat(problemsWith("recompute.batch-size", "0"))
                .containsExactly("advice.recompute.batch-size must be greater than or equal to 1");
        assertThat(problemsWith("cool-down.not-relevant", "-1d")).singleElement().asString()
                .startsWith("advice.cool-down.not-relevant ");
    }

    @Test
    void theDefaultLimitIsAtMostTheMaximum() {
        assertThat(problemsWith(Map.of("recommendations.default-limit", "60", "recommendations.max-limit", "50"))).containsExactly(
                "advice.recommendations defaultLimitWithinMaxLimit is false: default-limit must be at most max-limit");
        assertThat(problemsWith(Map.of("recommendations.default-limit", "50", "recommendations.max-limit", "50"))).isEmpty();
        assertThat(problemsWith(Map.of("recommendations.default-limit", "1", "recommendations.max-limit", "1"))).isEmpty();
        assertThat(problemsWith(Map.of("recommendations.default-limit", "1", "recommendations.max-limit", "0")))
                .containsExactlyInAnyOrder("advice.recommendations.max-limit must be greater than or equal to 1",
                        "advice.recommendations defaultLimitWithinMaxLimit is false: default-limit must be at most max-limit");
    }

    @Test
    void aWebhookClaimOutlastsItsAttempt() {
        assertThat(problemsWith(Map.of("webhooks.timeout", "60s", "webhooks.lease", "60s"))).containsExactly(
                "advice.webhooks leaseLongerThanTimeout is false: lease must be longer than timeout");
        assertThat(problemsWith(Map.of("webhooks.timeout", "10s", "webhooks.lease", "11s"))).isEmpty();
        assertThat(problemsWith(Map.of("webhooks.timeout", "1ms", "webhooks.lease", "2ms"))).isEmpty();
        assertThat(problemsWith(Map.of("webhooks.timeout", "1ms", "webhooks.lease", "0s"))).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("advice.webhooks.lease "))
                .contains("advice.webhooks leaseLongerThanTimeout is false: lease must be longer than timeout");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"recommendations.default-limit", "ranking.diversity-pool-factor",
            "recompute.batch-size", "recompute.kept-per-objective", "outbox.batch-size", "webhooks.batch-size"})
    void countsAreAtLeastOne(String setting) {
        assertRefused(setting, "0");
        assertRefused(setting, "-1");
        assertAccepted(setting, "1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ranking.relevance-weight", "ranking.sweet-spot-weight", "ranking.bridging-weight",
            "ranking.sector-weight", "ranking.role-weight", "ranking.company-weight", "ranking.past-company-factor",
            "ranking.location-weight", "ranking.scale-weight", "ranking.topic-weight", "ranking.need-weight", "ranking.mutual-peak",
            "ranking.profile-weight", "ranking.territory-factor", "ranking.bridging-mutuals-weight", "ranking.bridging-sector-weight",
            "ranking.bridging-place-weight", "ranking.digital-weak-tie-bonus", "ranking.reputation-bridging-factor",
            "ranking.diversity-penalty", "ranking.diversity-company-weight", "ranking.diversity-sector-weight",
            "ranking.diversity-city-weight"})
    void weightsAndFactorsMayBeZeroButNotNegative(String setting) {
        assertRefused(setting, "-0.01");
        assertAccepted(setting, "0");
        assertAccepted(setting, "3");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ranking.mutual-floor", "ranking.unknown-mutuals", "ranking.intensity-share", "ranking.dormant-value",
            "ranking.dormant-formerly-strong-value", "ranking.nascent-value", "ranking.strong-value", "ranking.formerly-strong-peak",
            "webhooks.retry.jitter"})
    void sharesAndValuesAreFromZeroToOne(String setting) {
        assertRefused(setting, "-0.01");
        assertRefused(setting, "1.01");
        assertAccepted(setting, "0");
        assertAccepted(setting, "1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ranking.mutual-width", "ranking.bridging-half-mutuals"})
    void widthAndHalfArePositive(String setting) {
        assertRefused(setting, "0");
        assertRefused(setting, "-1");
        assertAccepted(setting, "0.001");
        assertAccepted(setting, "100");
    }

    @Test
    void commonShareIsAboveZeroAndAtMostOne() {
        assertRefused("ranking.bridging-common-share", "0");
        assertRefused("ranking.bridging-common-share", "1.01");
        assertAccepted("ranking.bridging-common-share", "0.001");
        assertAccepted("ranking.bridging-common-share", "1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"metrics.backlog-refresh", "ranking.reciprocity-window", "recompute.poll-interval", "recompute.retry-delay",
            "outbox.poll-interval", "webhooks.poll-interval", "webhooks.timeout"})
    void intervalsTimeoutsAndLeasesArePositive(String setting) {
        assertRefused(setting, "0s");
        assertRefused(setting, "-1s");
        assertAccepted(setting, "1ms");
    }

    /** 0s: no rest, no wait, nothing kept, no overlap, a Retry-After never followed beyond the schedule. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ranking.conversation-rest", "cool-down.dismissed", "cool-down.not-relevant", "cool-down.contacted",
            "cool-down.replied", "cool-down.met", "cool-down.helped", "recompute.debounce", "recompute.max-wait", "webhooks.retention",
            "webhooks.secret-rotation-overlap", "webhooks.retry.max-retry-after"})
    void restsWaitsAndRetentionsMayBeZeroButNotNegative(String setting) {
        assertRefused(setting, "-1s");
        assertAccepted(setting, "0s");
    }

    @Test
    void retryWaitsMayBeZeroButNotNegative() {
        assertThat(problemsWith("webhooks.retry.schedule", "5s,-1s,5m")).singleElement().asString()
                .startsWith("advice.webhooks.retry.schedule[1] ");
        assertAccepted("webhooks.retry.schedule", "0s,0s,1s");
    }

    private static void assertRefused(String setting, String value) {
        assertThat(problemsWith(setting, value)).as("advice.%s=%s", setting, value)
                .singleElement().asString().startsWith("advice." + setting + " ");
    }

    private static void assertAccepted(String setting, String value) {
        assertThat(problemsWith(setting, value)).as("advice.%s=%s", setting, value).isEmpty();
    }

    private static List<String> problemsWith(String setting, String value) {
        return problemsWith(Map.of(setting, value));
    }

    private static List<String> problemsWith(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(Map.of("advice.webhooks.secret-key", SECRET_KEY));
        settings.forEach((setting, value) -> values.put("advice." + setting, value));
        return problems(AdviceConfig.class, values);
    }
}
