package io.passerelle.localstack;

import static io.passerelle.localstack.StackProbe.connect;
import static io.passerelle.localstack.StackProbe.execute;
import static io.passerelle.localstack.StackProbe.valuesOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.Topics;
import io.passerelle.localstack.security.LocalTokenIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The run command's {@code --data DIR}: a stack started twice on the same directory finds what the first one wrote. */
class LocalStackDataDirectoryTest {
    @TempDir
    Path scratch;

    @Test
    void aSecondStackOnTheSameDataDirectoryFindsTheRecordTheRowAndTheKeysOfTheFirst() throws Exception {
        Path data = scratch.resolve("passerelle-data");
        String tokenOfTheFirstRun;
        try (LocalStack first = LocalStack.startKeeping(data, Map.of())) {
            assertThat(Integer.parseInt(setting(first, "server_version_num")) / 10_000)
                    .as("the major version docker compose is held to").isEqualTo(PostgresServer.MAJOR_VERSION);
            assertThat(setting(first, "fsync")).as("a kept cluster must survive a crash of the machine").isEqualTo("on");
            assertThat(setting(first, "synchronous_commit")).isEqualTo("on");
            assertThatThrownBy(() -> LocalStack.startKeeping(data, Map.of()))
                    .as("two runs on one directory would corrupt it")
                    .hasMessageContaining("in use by another run");

            send(first, "kept-record");
            execute(first, "CREATE TABLE kept (name text)", "INSERT INTO kept VALUES ('kept-row')");
            tokenOfTheFirstRun = first.tokenIssuer().platform();
        }
        assertThat(data.resolve("postgres/data/PG_VERSION")).as("close() keeps a named directory").exists();

        try (LocalStack second = LocalStack.startKeeping(data, Map.of())) {
            assertThat(valuesOn(second, Topics.OWNERS, "data-directory-test")).containsExactly("kept-record");
            try (Connection connection = connect(second); ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept-row");
            }
            JwtClaims claims = verify(tokenOfTheFirstRun,
                    Path.of(second.serviceConfiguration().get("mp.jwt.verify.publickey.location")));
            assertThat(claims.getStringListClaimValue("groups")).containsExactly(LocalTokenIssuer.PLATFORM);
        }
    }

    /**
     * A run killed with SIGKILL runs no shutdown hook: its lock on the directory goes with it, its
     * Kafka broker ends by itself, but its postmaster keeps serving the cluster. The next run on the
     * directory stops that postmaster and finds what the killed run wrote.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // only against a hang: a child that never writes nor exits
    void aRunOnTheDirectoryAfterACrashStopsTheLeftoverPostmasterAndFindsTheData() throws Exception {
        Path data = scratch.resolve("crashed-data");
        Process crashed = new ProcessBuilder(KafkaBroker.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                CrashedRunOnDataDirectory.class.getName(), data.toString())
                .redirectErrorStream(true).redirectOutput(crashedRunLog().toFile()).start();
        long postmaster;
        try {
            postmaster = awaitPostmasterPid(crashed);
        } finally {
            crashed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("pg_ctl detached it from the killed JVM").contains(true);

        try (LocalStack next = LocalStack.startKeeping(data, Map.of())) {
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(valuesOn(next, Topics.OWNERS, "data-directory-test")).containsExactly("before-the-crash");
            try (Connection connection = connect(next); ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before-the-crash");
            }
        }
    }

    private Path crashedRunLog() {
        return scratch.resolve("crashed-run.log");
    }

    /**
     * Reads the child's log (a file, so that its output never blocks on a full pipe) until it says it
     * wrote; the child's exit ends the wait too, as a failure.
     */
    private long awaitPostmasterPid(Process crashed) {
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> writtenPid(crashed), Optional::isPresent).orElseThrow();
    }

    private Optional<Long> writtenPid(Process crashed) throws Exception {
        for (String line : Files.readAllLines(crashedRunLog())) {
            if (line.startsWith(CrashedRunOnDataDirectory.WRITTEN)) {
                return Optional.of(Long.parseLong(line.substring(CrashedRunOnDataDirectory.WRITTEN.length()).trim()));
            }
        }
        if (!crashed.isAlive()) {
            throw new AssertionError("The run to crash exited with " + crashed.exitValue() + ":\n" + Files.readString(crashedRunLog()));
        }
        return Optional.empty();
    }

    @Test
    void aThrowAwayStackRunsPostgresWithoutFsyncAndDeletesItsFiles() throws Exception {
        try (LocalStack stack = LocalStack.start(scratch, Map.of())) {
            assertThat(setting(stack, "fsync")).isEqualTo("off");
            assertThat(setting(stack, "synchronous_commit")).isEqualTo("off");
        }
        try (var left = Files.list(scratch)) {
            assertThat(left.filter(file -> file.getFileName().toString().startsWith("run-"))).isEmpty();
        }
    }

    private static String setting(LocalStack stack, String name) throws SQLException {
        try (Connection connection = connect(stack); ResultSet value = connection.createStatement().executeQuery("SHOW " + name)) {
            value.next();
            return value.getString(1);
        }
    }

    /** Verified as a service does: the signature against the public key file, the issuer, the expiry. */
    private static JwtClaims verify(String token, Path publicKeyFile) throws Exception {
        String base64 = Files.readString(publicKeyFile).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(LocalTokenIssuer.ISSUER)
                .setRequireExpirationTime().setSkipDefaultAudienceValidation().build().processToClaims(token);
    }

    private static void send(LocalStack stack, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.OWNERS, "owner-1", value)).get(30, TimeUnit.SECONDS);
        }
    }
}
