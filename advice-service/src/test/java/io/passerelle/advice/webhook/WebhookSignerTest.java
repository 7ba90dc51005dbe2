package io.passerelle.advice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's signatures, checked by the published Standard Webhooks library (com.standardwebhooks). */
class WebhookSignerTest {
    private static final String SECRET = WebhookSecret.generate(new SecureRandom());
    private static final String BODY = "{\"type\":\"recommendation.issued\",\"timestamp\":\"2026-03-04T10:00:00Z\",\"data\":{\"score\":0.8}}";

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }

    @Test
    void theLibraryVerifiesTheSignature() throws Exception {
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSigner.signature(WebhookSecret.key(SECRET), "msg_1", now, BODY);

        assertThat(signature).startsWith("v1,");
        new Webhook(SECRET).verify(BODY, headers("msg_1", now, signature));
        assertThat(signature).isEqualTo(new Webhook(SECRET).sign("msg_1", now, BODY));
    }

    @Test
    void aChangedBodyIdTimestampOrSecretFailsVerification() {
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSigner.signature(WebhookSecret.key(SECRET), "msg_1", now, BODY);
        Webhook verifier = new Webhook(SECRET);

        assertThatThrownBy(() -> verifier.verify(BODY.replace("0.8", "0.9"), headers("msg_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verifier.verify(BODY, headers("msg_2", now, signature))).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verifier.verify(BODY, headers("msg_1", now - 1, signature))).isInstanceOf(WebhookVerificationException.class);
        String other = WebhookSecret.generate(new SecureRandom());
        assertThatThrownBy(() -> new Webhook(other).verify(BODY, headers("msg_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theKeyIsTheDecodedSecretNotItsText() {
        // RFC 4231 test case 2 uses a text key; here its bytes are given base64-encoded after the prefix.
        String secret = WebhookSecret.PREFIX + java.util.Base64.getEncoder().encodeToString("Jefe-Jefe-Jefe-Jefe-Jefe".getBytes());
        String signature = WebhookSigner.signature(WebhookSecret.key(secret), "id", 1, "body");
        assertThat(WebhookSigner.signature("Jefe-Jefe-Jefe-Jefe-Jefe".getBytes(), "id", 1, "body")).isEqualTo(signature);
        assertThat(WebhookSigner.signature(secret.getBytes(), "id", 1, "body")).isNotEqualTo(signature);
    }

    @Test
    void duringARotationEitherSecretVerifiesTheTwoSignatureHeader() throws Exception {
        long now = Instant.now().getEpochSecond();
        String previous = WebhookSecret.generate(new SecureRandom());
        String header = WebhookSigner.signatures(List.of(WebhookSecret.key(SECRET), WebhookSecret.key(previous)), "msg_1", now, BODY);

        assertThat(header.split(" ")).containsExactly(WebhookSigner.signature(WebhookSecret.key(SECRET), "msg_1", now, BODY),
                WebhookSigner.signature(WebhookSecret.key(previous), "msg_1", now, BODY));
        // A receiver that has the new secret, and one that still has the previous one, both accept the message.
        new Webhook(SECRET).verify(BODY, headers("msg_1", now, header));
        new Webhook(previous).verify(BODY, headers("msg_1", now, header));
        String stranger = WebhookSecret.generate(new SecureRandom());
        assertThatThrownBy(() -> new Webhook(stranger).verify(BODY, headers("msg_1", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void oneSecretGivesOneSignatureAndNoneIsRefused() {
        long now = Instant.now().getEpochSecond();
        assertThat(WebhookSigner.signatures(List.of(WebhookSecret.key(SECRET)), "msg_1", now, BODY))
                .isEqualTo(WebhookSigner.signature(WebhookSecret.key(SECRET), "msg_1", now, BODY)).doesNotContain(" ");
        assertThatThrownBy(() -> WebhookSigner.signatures(List.of(), "msg_1", now, BODY)).isInstanceOf(IllegalArgumentException.class);
    }
}
