package io.passerelle.localstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
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

    /** File names of a key pair kept in a directory ({@link #keptIn(Path)}). */
    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

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

    /**
     * The issuer whose key pair is kept in {@code directory} ({@code private-key.pem}, PKCS#8, and
     * {@code public-key.pem}): read from there when present, made and written there otherwise. Tokens
     * it signed stay valid across runs that keep the directory; its
     * {@link #verificationConfiguration()} names {@code public-key.pem} in that directory.
     */
    public static LocalTokenIssuer keptIn(Path directory) {
        Path privateKeyFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicKeyFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            LocalTokenIssuer issuer;
            if (Files.exists(privateKeyFile)) {
                issuer = new LocalTokenIssuer(readKeyPair(privateKeyFile));
            } else {
                issuer = new LocalTokenIssuer(newKeyPair());
                Files.createDirectories(directory);
                writeAtomically(privateKeyFile, issuer.privateKeyPem(), PosixFilePermissions.fromString("rw-------"));
            }
            // Always rewritten from the private key: a public key that went missing or stale is mended.
            writeAtomically(publicKeyFile, issuer.publicKeyPem(), PosixFilePermissions.fromString("rw-r--r--"));
            issuer.publicKeyFile = publicKeyFile;
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the token issuer's keys in " + directory, e);
        }
    }

    /** An issuer with a key of its own that no service trusts: its tokens must be refused. */
    public static LocalTokenIssuer untrusted() {
        return new LocalTokenIssuer(newKeyPair());
    }

    /** The public key in PEM form, as {@code mp.jwt.verify.publickey.location} reads it. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    private String privateKeyPem() {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The key pair of a PKCS#8 PEM file: an RSA private key in that form also carries its public exponent. */
    private static KeyPair readKeyPair(Path privateKeyFile) throws IOException {
        String pem = Files.readString(privateKeyFile, StandardCharsets.US_ASCII);
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(privateKeyFile + " is not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    /** Written beside and renamed into place, so that a crash never leaves half a key. */
    private static void writeAtomically(Path file, String content, java.util.Set<PosixFilePermission> permissions) throws IOException {
        Path staging = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(staging, content, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(staging, permissions);
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /**
     * The configuration under which a service accepts this issuer's tokens: the issuer, and the
     * public key, written once to a temporary file deleted when the JVM exits (or, for an issuer
     * {@link #keptIn(Path) kept in a directory}, the public key file there).
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
