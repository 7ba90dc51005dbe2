package io.passerelle.localstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The token issuer of local runs and tests: an RSA key pair made once per JVM, whose public key the
 * services started by the local stack verify, and which signs bearer tokens for the three kinds of
 * caller. In production the platform's identity provider issues the tokens instead, and the
 * services are pointed at its public key or JWKS.
 */
public final class LocalTokenIssuer {
    /** The {@code iss} of every local token; the services check it ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "urn:passerelle:local-issuer";
    /** Role of the platform's backend: any owner's data. */
    public static final String PLATFORM = "platform";
    /** Role of a professional: only the data of the owner named by the token's subject. */
    public static final String OWNER = "owner";
    /** Role of the people who run Passerelle: webhook subscriptions, replay. */
    public static final String OPERATOR = "operator";

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static LocalTokenIssuer local;

    private final KeyPair keys;
    private Path publicKeyFile;

    private LocalTokenIssuer(KeyPair keys) {
        this.keys = keys;
    }

    /** The issuer of this JVM, made on first use. */
    public static synchronized LocalTokenIssuer local() {
        if (local == null) {
            local = new LocalTokenIssuer(newKeyPair());
        }
        return local;
    }

    /** An issuer with a key of its own that no service trusts: its tokens must be refused. */
    public static LocalTokenIssuer untrusted() {
        return new LocalTokenIssuer(newKeyPair());
    }

    /** The public key in PEM form, as {@code mp.jwt.verify.publickey.location} reads it. */
    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * The configuration under which a service accepts this issuer's tokens: the issuer, and the
     * public key, written once to a temporary file deleted when the JVM exits.
     */
    public synchronized Map<String, String> verificationConfiguration() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("passerelle-token-issuer-", ".pem");
                file.toFile().deleteOnExit();
                publicKeyFile = Files.writeString(file, publicKeyPem());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the token issuer's public key", e);
            }
        }
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile.toString(), "mp.jwt.verify.issuer", ISSUER);
    }

    /** A token of the platform's backend. */
    public String platform() {
        return token("platform-backend", List.of(PLATFORM), LIFETIME);
    }

    /** A token of the professional {@code ownerId}. */
    public String owner(String ownerId) {
        return token(ownerId, List.of(OWNER), LIFETIME);
    }

    /** A token of an operator. */
    public String operator() {
        return token("operator", List.of(OPERATOR), LIFETIME);
    }

    /** A token for {@code subject} with {@code roles}, valid for {@code lifetime} from now (negative: already expired). */
    public String token(String subject, List<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        Instant expiry = now.plus(lifetime);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", roles);
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(now.getEpochSecond(), expiry.getEpochSecond() - 60)));
        claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
        claims.setGeneratedJwtId();
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(keys.getPrivate());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a local token", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }
}
