package io.passerelle.advice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook secrets sealed at rest: AES-256-GCM, bound to the subscription, keys named by their id. */
class SecretCipherTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET = WebhookSecret.generate(RANDOM);

    private static byte[] key() {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    @Test
    void aSealedSecretOpensToItselfAndDoesNotShowIt() {
        SecretCipher cipher = new SecretCipher(key(), List.of());
        SecretCipher.Sealed sealed = cipher.seal("sub-1", SECRET);

        assertThat(sealed.keyId()).isEqualTo(cipher.currentKeyId()).matches("k[0-9a-f]{16}");
        assertThat(sealed.ciphertext()).doesNotContain(SECRET).doesNotContain(SECRET.substring("whsec_".length()));
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
        assertThat(cipher.open("sub-1", sealed)).isEqualTo(SECRET);
        // A fresh nonce each time: the same secret never seals to the same text.
        assertThat(cipher.seal("sub-1", SECRET).ciphertext()).isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void theWrongKeyAnotherSubscriptionOrAnAlteredValueDoNotOpen() {
        byte[] key = key();
        SecretCipher cipher = new SecretCipher(key, List.of());
        SecretCipher.Sealed sealed = cipher.seal("sub-1", SECRET);

        assertThatThrownBy(() -> new SecretCipher(key(), List.of()).open("sub-1", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(sealed.keyId()).hasMessageContaining("retired-secret-keys");
        assertThatThrownBy(() -> cipher.open("sub-2", sealed)).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        SecretCipher.Sealed altered = new SecretCipher.Sealed(sealed.keyId(), Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> cipher.open("sub-1", altered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open").hasMessageNotContaining(SECRET);
    }

    @Test
    void aRetiredKeyStillOpensWhatItSealedAndTheCurrentKeySealsAnew() {
        byte[] old = key();
        SecretCipher.Sealed sealedBefore = new SecretCipher(old, List.of()).seal("sub-1", SECRET);
        SecretCipher rotated = new SecretCipher(key(), List.of(old));

        assertThat(rotated.isRetired(sealedBefore.keyId())).isTrue();
        assertThat(rotated.open("sub-1", sealedBefore)).isEqualTo(SECRET);
        SecretCipher.Sealed resealed = rotated.seal("sub-1", SECRET);
        assertThat(resealed.keyId()).isEqualTo(rotated.currentKeyId()).isNotEqualTo(sealedBefore.keyId());
        assertThat(rotated.isRetired(resealed.keyId())).isFalse();
    }

    @Test
    void keysFromConfigurationMustBeBase64OfThirtyTwoBytesAndTheMessageNeverQuotesThem() {
        String valid = Base64.getEncoder().encodeToString(key());
        assertThat(SecretCipher.fromBase64(valid, List.of(valid)).currentKeyId()).isEqualTo(SecretCipher.keyId(Base64.getDecoder().decode(valid)));
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretCipher.fromBase64(short16, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("advice.webhooks.secret-key").hasMessageContaining("decodes to 16").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> SecretCipher.fromBase64(valid, List.of("%%%"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("advice.webhooks.retired-secret-keys").hasMessageNotContaining("%%%");
        assertThatThrownBy(() -> SecretCipher.fromBase64("", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIdDependsOnTheKeyOnly() {
        byte[] key = key();
        assertThat(SecretCipher.keyId(key)).isEqualTo(SecretCipher.keyId(key.clone())).isNotEqualTo(SecretCipher.keyId(key()));
    }
}
