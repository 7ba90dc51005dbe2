package io.passerelle.localstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.passerelle.contracts.Topics;

/**
 * Main class of the JVM that {@link LocalStackDataDirectoryTest} kills with SIGKILL: a run on a data
 * directory that writes a record and a row, says so on its standard output, then waits to be killed.
 *
 * <p>Arguments: {@code <data directory>}.
 */
final class CrashedRunOnDataDirectory {
    static final String WRITTEN = "written, postmaster ";

    private CrashedRunOnDataDirectory() {
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = LocalStack.startKeeping(Path.of(args[0]), Map.of());
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.OWNERS, "owner-1", "before-the-crash")).get(30, TimeUnit.SECONDS);
        }
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("graph"), stack.postgresUser(), stack.postgresPassword())) {
            connection.createStatement().execute("CREATE TABLE kept (name text)");
            connection.createStatement().execute("INSERT INTO kept VALUES ('before-the-crash')");
        }
        System.out.println(WRITTEN + stack.embeddedPostgres().orElseThrow().postmasterPid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
