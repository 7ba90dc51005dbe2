package io.passerelle.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the stack's own tests write to and read from its database and broker, without any service. */
final class StackProbe {
    private StackProbe() {
    }

    /** A connection to the stack's {@code graph} database. */
    static Connection connect(LocalStack stack) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl("graph"), stack.postgresUser(), stack.postgresPassword());
    }

    /** Runs each statement on the {@code graph} database. */
    static void execute(LocalStack stack, String... statements) throws SQLException {
        try (Connection connection = connect(stack)) {
            for (String statement : statements) {
                connection.createStatement().execute(statement);
            }
        }
    }

    /** The values on {@code topic} from its start, read by a consumer of {@code group}; waits up to 30 s for the first. */
    static List<String> valuesOn(LocalStack stack, String topic, String group) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
