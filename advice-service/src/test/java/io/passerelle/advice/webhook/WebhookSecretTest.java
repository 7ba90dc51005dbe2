package io.passerelle.advice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    @Test
    void aGeneratedSecretIsThePrefixAndBase64OfThirtyTwoRandomBytes() {
        SecureRandom random = new SecureRandom();
        String secret = WebhookSecret.generate(random);

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSecret.problemWith(secret)).isEmpty();
        assertThat(WebhookSecret.generate(random)).isNotEqualTo(secret);
    }

    @Test
    void aGivenSecretMustBeThePrefixAndBase64OfAtLeastTwentyFourBytes() {
        String enough = Base64.getEncoder().encodeToString(new byte[24]);
        String tooShort = Base64.getEncoder().encodeToString(new byte[23]);

        assertThat(WebhookSecret.problemWith("whsec_" + enough)).isEmpty();
        assertThat(WebhookSecret.key("whsec_" + enough)).hasSize(24);
        assertThat(WebhookSecret.problemWith(enough)).get().asString().contains("must start with whsec_");
        assertThat(WebhookSecret.problemWith("whsec_" + tooShort)).get().asString().contains("it encodes 23");
        assertThat(WebhookSecret.problemWith("whsec_not base64!")).get().asString().contains("valid base64");
        assertThat(WebhookSecret.problemWith(null)).isPresent();
        assertThatThrownBy(() -> WebhookSecret.key("whsec_" + tooShort)).isInstanceOf(IllegalArgumentException.class);
    }
}
