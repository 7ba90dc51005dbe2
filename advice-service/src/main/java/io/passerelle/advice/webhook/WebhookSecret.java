package io.passerelle.advice.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A subscription's signing secret, {@code whsec_} followed by base64 of random bytes (Standard
 * Webhooks). The HMAC key is the base64-decoded part, not the text.
 */
public final class WebhookSecret {
    public static final String PREFIX = "whsec_";
    /** Bytes of a generated secret; a given secret needs at least {@link #MINIMUM_BYTES}. */
    public static final int GENERATED_BYTES = 32;
    public static final int MINIMUM_BYTES = 24;
    public static final int MAXIMUM_BYTES = 64;

    private WebhookSecret() {
    }

    public static String generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** What is wrong with a given secret, or empty when it can be used. */
    public static Optional<String> problemWith(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.of("must start with " + PREFIX + " followed by base64 of " + MINIMUM_BYTES + " to " + MAXIMUM_BYTES + " bytes");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.of("must be " + PREFIX + " followed by valid base64");
        }
        if (key.length < MINIMUM_BYTES || key.length > MAXIMUM_BYTES) {
            return Optional.of("must encode " + MINIMUM_BYTES + " to " + MAXIMUM_BYTES + " bytes after " + PREFIX + " (it encodes " + key.length + ")");
        }
        return Optional.empty();
    }

    /** The HMAC key of a valid secret. */
    public static byte[] key(String secret) {
        problemWith(secret).ifPresent(problem -> {
            throw new IllegalArgumentException("webhook secret " + problem);
        });
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
