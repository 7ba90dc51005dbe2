package io.passerelle.localstack;

import static io.passerelle.localstack.StackProbe.execute;
import static io.passerelle.localstack.StackProbe.valuesOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault tests stop and restart the broker and the database: what was acknowledged survives, and a run cleans up after itself. */
class LocalStackRestartTest {
    @TempDir
    Path parent;

    @Test
    void acknowledgedRecordsAndCommittedRowsSurviveARestartOnTheSameAddresses() throws Exception {
        try (LocalStack stack = LocalStack.start(parent, Map.of())) {
            KafkaBroker kafka = stack.embeddedKafka().orElseThrow();
            PostgresServer postgres = stack.embeddedPostgres().orElseThrow();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.OWNERS, "owner-1", "before")).get(10, TimeUnit.SECONDS);
            }
            execute(stack, "CREATE TABLE survivors (name text)", "INSERT INTO survivors VALUES ('before')");

            kafka.stop();
            postgres.stop();
            assertThatThrownBy(() -> execute(stack, "SELECT 1")).isInstanceOf(SQLException.class);
            kafka.restart();
            postgres.restart();
            assertThat(kafka.bootstrapServers()).isEqualTo(stack.kafkaBootstrapServers());
            assertThat(valuesOn(stack, Topics.OWNERS, "restart-test")).contains("before");
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("graph"), stack.postgresUser(), stack.postgresPassword());
                 ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM survivors")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before");
            }
        }
        assertThat(Files.list(parent).filter(p -> p.getFileName().toString().startsWith("run-"))).as("a closed stack deletes its files").isEmpty();
    }

    @Test
    void aRunThatDiedLeavesADirectoryTheNextRunDeletes() throws Exception {
        Path abandoned = Files.createDirectories(parent.resolve("run-crashed"));
        Files.writeString(abandoned.resolve(".in-use"), "");
        Files.writeString(abandoned.resolve("kafka.log"), "left behind");
        Path alive;
        try (WorkDirectory next = WorkDirectory.create(parent); WorkDirectory concurrent = WorkDirectory.create(parent)) {
            assertThat(abandoned).as("no process holds its lock any more").doesNotExist();
            assertThat(next.path()).as("a directory in use is left alone").exists();
            alive = concurrent.path();
            assertThat(alive).exists();
        }
        assertThat(alive).doesNotExist();
    }
}
