package io.passerelle.advice.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} of Standard Webhooks 1.0: {@code v1,} + base64 HMAC-SHA256 of
 * {@code id.timestamp.body}; with several keys (during a secret rotation), one signature per key,
 * space-delimited, as the specification allows: a receiver accepts the message when any one matches.
 */
public final class WebhookSigner {
    private WebhookSigner() {
    }

    /** The header value for every key, in the order given (the newest secret first). */
    public static String signatures(List<byte[]> keys, String webhookId, long timestampSeconds, String body) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed to sign a webhook");
        }
        return keys.stream().map(key -> signature(key, webhookId, timestampSeconds, body)).collect(Collectors.joining(" "));
    }

    public static String signature(byte[] key, String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java platform.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
