package io.passerelle.advice.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionRulesTest {
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    private static List<String> fields(List<SubscriptionRules.Violation> violations) {
        return violations.stream().map(SubscriptionRules.Violation::field).toList();
    }

    @Test
    void aValidSubscription() {
        assertThat(SubscriptionRules.check("https://platform.example/hooks?x=1", List.of("recommendation.issued"), null)).isEmpty();
        assertThat(SubscriptionRules.check("http://127.0.0.1:8080/h", WebhookEventType.wireNames(), SECRET)).isEmpty();
    }

    @Test
    void theUrlMustBeAbsoluteHttpOrHttps() {
        for (String url : new String[] {null, "", "/hooks", "hooks.example.com", "ftp://example.com/x", "https://", "http:///path",
                "https://exa mple.com", "https://example.com/#frag", "https://example.com/" + "a".repeat(2100)}) {
            assertThat(fields(SubscriptionRules.check(url, List.of("tie.class-changed"), null))).as(url == null ? "null" : url)
                    .containsExactly("url");
        }
    }

    @Test
    void eventTypesMustBeKnownAndNamedByIndex() {
        assertThat(fields(SubscriptionRules.check("https://a.example", List.of(), null))).containsExactly("eventTypes");
        assertThat(fields(SubscriptionRules.check("https://a.example", null, null))).containsExactly("eventTypes");
        List<SubscriptionRules.Violation> violations = SubscriptionRules.check("https://a.example",
                List.of("recommendation.issued", "recommendation.created", "TIE.CLASS-CHANGED"), null);
        assertThat(fields(violations)).containsExactly("eventTypes[1]", "eventTypes[2]");
        assertThat(violations.get(0).message()).contains("recommendation.issued", "recommendation.withdrawn", "tie.class-changed", "import.completed");
    }

    @Test
    void aGivenSecretMustBeUsable() {
        assertThat(fields(SubscriptionRules.check("https://a.example", List.of("tie.class-changed"), "s3cret"))).containsExactly("secret");
        assertThat(fields(SubscriptionRules.check("ftp://a", List.of("nope"), "whsec_@@"))).containsExactly("url", "eventTypes[0]", "secret");
    }

    @Test
    void ownerIdsAreOptionalButWhenGivenNameWellFormedOwners() {
        List<String> types = List.of("recommendation.issued");
        assertThat(SubscriptionRules.check("https://platform.example/h", types, null, null)).isEmpty();
        assertThat(SubscriptionRules.check("https://platform.example/h", types, null, List.of("o-1", "owner.2_x"))).isEmpty();
        assertThat(fields(SubscriptionRules.check("https://platform.example/h", types, null, List.of()))).containsExactly("ownerIds");
        assertThat(fields(SubscriptionRules.check("https://platform.example/h", types, null, java.util.Arrays.asList("o-1", "o 2", null, ""))))
                .containsExactly("ownerIds[1]", "ownerIds[2]", "ownerIds[3]");
        assertThat(fields(SubscriptionRules.check("https://platform.example/h", types, null, List.of("x".repeat(65))))).containsExactly("ownerIds[0]");
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(0, SubscriptionRules.MAX_OWNER_IDS).mapToObj(i -> "o-" + i).toList();
        assertThat(fields(SubscriptionRules.check("https://platform.example/h", types, null, tooMany))).containsExactly("ownerIds");
    }
}
