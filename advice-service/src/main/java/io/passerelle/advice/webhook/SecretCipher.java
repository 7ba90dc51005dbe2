package io.passerelle.advice.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook signing secrets for storage: AES-256-GCM under the current key, a fresh 96-bit nonce
 * each time, the subscription id as associated data (a sealed secret copied to another row does not
 * open). Each sealed value names its key by an id derived from the key itself, so that the key can be
 * replaced: values sealed under a retired key still open while that key is configured, and are
 * sealed again under the current one (see the README's "Secrets at rest").
 */
public final class SecretCipher {
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A sealed secret: the id of its key and base64 of nonce followed by ciphertext and tag. */
    public record Sealed(String keyId, String ciphertext) {
        @Override
        public String toString() {
            return "Sealed[keyId=" + keyId + "]";
        }
    }

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** {@code current} seals; {@code retired} keys only open what they sealed. Each key is 32 bytes. */
    public SecretCipher(byte[] current, List<byte[]> retired) {
        this.currentKeyId = add(current);
        retired.forEach(this::add);
    }

    /** From configuration: each key is base64 of 32 bytes. The messages never quote a key. */
    public static SecretCipher fromBase64(String current, List<String> retired) {
        return new SecretCipher(decodeKey(current, "advice.webhooks.secret-key"),
                retired.stream().map(key -> decodeKey(key, "advice.webhooks.retired-secret-keys")).toList());
    }

    private static byte[] decodeKey(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " must be base64 of " + KEY_BYTES + " random bytes (it is not valid base64)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(setting + " must be base64 of " + KEY_BYTES + " random bytes (it decodes to " + key.length + ")");
        }
        return key;
    }

    private String add(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a webhook secret key must be " + KEY_BYTES + " bytes");
        }
        String id = keyId(key);
        keys.put(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    /** "k" and the first 16 hex digits of SHA-256 over the key: names a key without revealing it. */
    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "k" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Seals {@code secret} under the current key, bound to {@code context} (the subscription id). */
    public Sealed seal(String context, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java platform", e);
        }
    }

    /**
     * Opens a sealed secret; IllegalStateException when its key is not configured, or when it does not open
     * (another key with the same id is impossible, so: altered, or sealed for another subscription).
     */
    public String open(String context, Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("the webhook secret is sealed under key " + sealed.keyId()
                    + ", which is neither advice.webhooks.secret-key nor one of advice.webhooks.retired-secret-keys");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalStateException("the webhook secret sealed under key " + sealed.keyId() + " does not open: altered, or not this subscription's");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the webhook secret sealed under key " + sealed.keyId() + " does not open: " + e.getClass().getSimpleName());
        }
    }

    /** Whether a value sealed under this key should be sealed again (its key is retired). */
    public boolean isRetired(String keyId) {
        return !currentKeyId.equals(keyId);
    }
}
