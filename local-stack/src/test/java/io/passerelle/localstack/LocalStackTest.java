package io.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack is real: a record goes through the broker, the databases accept the services' user. */
class LocalStackTest {
    @TempDir
    static Path workDirectory;
    static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(workDirectory, Map.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void brokerStoresAndServesRecordsOnTheContractTopics() throws Exception {
        String servers = stack.kafkaBootstrapServers();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTERACTIONS, "owner-1", "{\"hello\":1}")).get(10, TimeUnit.SECONDS);
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INTERACTIONS));
            ConsumerRecord<String, String> received = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received = record;
                }
            }
            assertThat(received).isNotNull();
            assertThat(received.key()).isEqualTo("owner-1");
            assertThat(received.value()).isEqualTo("{\"hello\":1}");
        }
    }

    @Test
    void everyContractTopicAndItsDeadLetterTopicExistAndTiesAreCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(names).contains(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS, Topics.TIES, Topics.RECOMMENDATIONS,
                    Topics.deadLetterOf(Topics.INTERACTIONS), Topics.deadLetterOf(Topics.TIES));
            ConfigResource ties = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TIES);
            Config config = admin.describeConfigs(List.of(ties)).all().get(10, TimeUnit.SECONDS).get(ties);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void eachServiceDatabaseAcceptsTheServiceUser() throws Exception {
        for (String database : LocalStack.DATABASES) {
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), stack.postgresUser(), stack.postgresPassword());
                 ResultSet result = connection.createStatement().executeQuery("SELECT current_database(), current_user")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(database);
                assertThat(result.getString(2)).isEqualTo(LocalStack.DATABASE_USER);
            }
        }
    }

    @Test
    void servicesGetTheSameKeysAsConfigurationAndAsEnvironment() {
        assertThat(stack.serviceConfiguration()).containsKeys("kafka.bootstrap.servers", "postgres.host", "postgres.port");
        assertThat(stack.serviceEnvironment()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers())
                .containsKeys("POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD");
        // Dashes become underscores too, or advice-service would not find its webhook settings in a process's environment.
        assertThat(stack.serviceEnvironment()).containsEntry("ADVICE_WEBHOOKS_SECRET_KEY", LocalStack.LOCAL_WEBHOOK_SECRET_KEY)
                .containsEntry("ADVICE_WEBHOOKS_ALLOWED_DESTINATION_RANGES", "127.0.0.0/8,::1");
    }
}
