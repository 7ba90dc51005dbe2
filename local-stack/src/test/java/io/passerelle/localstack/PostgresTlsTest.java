package io.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started with {@link PostgresTls} refuses a client that does not encrypt, and one that verifies the
 * certificate against the run's authority and the host name against it gets an encrypted session; a client that
 * trusts another authority is refused by its own verification.
 */
class PostgresTlsTest {
    @TempDir
    Path workDirectory;

    @Test
    void onlyEncryptedConnectionsVerifiedAgainstTheRunsAuthorityAreServed() throws Exception {
        PostgresTls tls = PostgresTls.createIn(workDirectory.resolve("tls"));
        assertThat(Files.getPosixFilePermissions(tls.serverKey())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (PostgresServer server = PostgresServer.start(workDirectory.resolve("postgres"), PostgresServer.Durability.THROW_AWAY, tls)) {
            assertThat(server.requiresTls()).isTrue();
            String authority = tls.caCertificate().toAbsolutePath().toString();
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                String url = "jdbc:postgresql://" + host + ":" + server.port() + "/postgres?sslmode=verify-full&sslrootcert=" + authority;
                try (Connection verified = DriverManager.getConnection(url, "postgres", "");
                     ResultSet session = verified.createStatement().executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                    assertThat(session.next()).isTrue();
                    assertThat(session.getBoolean("ssl")).as("the session through " + host + " is encrypted").isTrue();
                }
            }

            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?sslmode=disable", "postgres", ""))
                    .as("a client that does not encrypt").isInstanceOf(SQLException.class)
                    .hasMessageContaining("no encryption");

            PostgresTls other = PostgresTls.createIn(workDirectory.resolve("other-authority"));
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                    + "/postgres?sslmode=verify-full&sslrootcert=" + other.caCertificate().toAbsolutePath(), "postgres", ""))
                    .as("a client trusting another authority").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theServicesAreConfiguredToVerifyTheServerAgainstTheAuthority() {
        PostgresTls tls = PostgresTls.createIn(workDirectory);
        String authority = tls.caCertificate().toAbsolutePath().toString();
        assertThat(tls.serviceConfiguration())
                .containsEntry("quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full")
                .containsEntry("quarkus.datasource.reactive.trust-certificate-pem.certs", authority)
                .containsEntry("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS")
                .containsEntry("quarkus.datasource.jdbc.additional-jdbc-properties.sslmode", "verify-full")
                .containsEntry("quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert", authority);
    }
}
