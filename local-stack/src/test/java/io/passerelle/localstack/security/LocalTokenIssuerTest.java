package io.passerelle.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class LocalTokenIssuerTest {
    private final LocalTokenIssuer issuer = LocalTokenIssuer.local();

    @Test
    void tokensVerifyWithTheConfiguredPublicKeyAndCarryTheirRoles() throws Exception {
        Map<String, String> configuration = issuer.verificationConfiguration();
        assertThat(configuration).containsEntry("mp.jwt.verify.issuer", LocalTokenIssuer.ISSUER);
        JwtConsumer verifier = verifierFor(Files.readString(Path.of(configuration.get("mp.jwt.verify.publickey.location"))));

        JwtClaims owner = verifier.processToClaims(issuer.owner("camille"));
        assertThat(owner.getSubject()).isEqualTo("camille");
        assertThat(owner.getStringListClaimValue("groups")).containsExactly(LocalTokenIssuer.OWNER);
        assertThat(verifier.processToClaims(issuer.platform()).getStringListClaimValue("groups")).containsExactly(LocalTokenIssuer.PLATFORM);
        assertThat(verifier.processToClaims(issuer.operator()).getStringListClaimValue("groups")).containsExactly(LocalTokenIssuer.OPERATOR);
    }

    @Test
    void expiredTokensAndTokensOfAnotherKeyAreRefused() throws Exception {
        JwtConsumer verifier = verifierFor(issuer.publicKeyPem());

        assertThatThrownBy(() -> verifier.processToClaims(issuer.token("late", List.of("platform"), Duration.ofMinutes(-5))))
                .isInstanceOf(InvalidJwtException.class);
        assertThatThrownBy(() -> verifier.processToClaims(LocalTokenIssuer.untrusted().platform()))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void theIssuerIsTheSameForTheWholeJvm() {
        assertThat(LocalTokenIssuer.local()).isSameAs(issuer);
        assertThat(LocalTokenIssuer.untrusted().publicKeyPem()).isNotEqualTo(issuer.publicKeyPem());
    }

    private static JwtConsumer verifierFor(String pem) throws Exception {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(LocalTokenIssuer.ISSUER)
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
    }
}
