package io.passerelle.localstack;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS for the embedded PostgreSQL, as a production server is reached (deploy's {@code postgres-tls} component): a
 * certificate authority of its own, made for the run, and a server certificate it signs for {@code localhost} and
 * {@code 127.0.0.1}. The server then accepts encrypted connections only ({@link PostgresServer}), and the services verify
 * its certificate against the authority and its name against the host they dial ({@link #serviceConfiguration()}):
 * a connection a service opens without the datasource's TLS settings is refused, as it would be in production.
 */
public final class PostgresTls {
    private static final Duration VALIDITY = Duration.ofDays(2);

    private final Path caCertificate;
    private final Path serverCertificate;
    private final Path serverKey;

    private PostgresTls(Path caCertificate, Path serverCertificate, Path serverKey) {
        this.caCertificate = caCertificate;
        this.serverCertificate = serverCertificate;
        this.serverKey = serverKey;
    }

    /** Makes the authority and the server's certificate and key, as PEM files in {@code directory} (created when missing). */
    public static PostgresTls createIn(Path directory) {
        try {
            Files.createDirectories(directory);
            KeyPair authorityKeys = rsaKeys();
            X500Name authority = new X500Name("CN=Passerelle local PostgreSQL CA");
            X509Certificate authorityCertificate = sign(new JcaX509v3CertificateBuilder(authority, serial(), notBefore(), notAfter(),
                    authority, authorityKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), authorityKeys);

            KeyPair serverKeys = rsaKeys();
            GeneralNames names = new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())});
            X509Certificate serverCertificate = sign(new JcaX509v3CertificateBuilder(authorityCertificate, serial(), notBefore(),
                    notAfter(), new X500Name("CN=localhost"), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, names)
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(authorityCertificate)), authorityKeys);

            PostgresTls tls = new PostgresTls(directory.resolve("ca.crt"), directory.resolve("server.crt"), directory.resolve("server.key"));
            Files.writeString(tls.caCertificate, pem(authorityCertificate), StandardCharsets.US_ASCII);
            Files.writeString(tls.serverCertificate, pem(serverCertificate), StandardCharsets.US_ASCII);
            // PostgreSQL refuses a key file that its group or others may read.
            Files.deleteIfExists(tls.serverKey);
            Files.createFile(tls.serverKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tls.serverKey, pem(serverKeys.getPrivate()), StandardCharsets.US_ASCII);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write PostgreSQL's TLS files in " + directory, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not make PostgreSQL's TLS certificates", e);
        }
    }

    /** The authority's certificate, which a client trusts to verify the server. */
    public Path caCertificate() {
        return caCertificate;
    }

    Path serverCertificate() {
        return serverCertificate;
    }

    Path serverKey() {
        return serverKey;
    }

    /**
     * A service's settings to reach the server over TLS, checked as deploy's {@code postgres-tls} component has them
     * checked: the reactive pool's (and every connection made with its options) and the Flyway migrations' JDBC
     * connection, each verifying the certificate against the authority and the host name against it.
     */
    public Map<String, String> serviceConfiguration() {
        String authority = caCertificate.toAbsolutePath().toString();
        return Map.of(
                "quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full",
                "quarkus.datasource.reactive.trust-certificate-pem", "true",
                "quarkus.datasource.reactive.trust-certificate-pem.certs", authority,
                "quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS",
                "quarkus.datasource.jdbc.additional-jdbc-properties.sslmode", "verify-full",
                "quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert", authority);
    }

    private static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    // Backdated an hour, so that a verifier whose clock is a little behind this one's still finds it valid.
    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(VALIDITY));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
