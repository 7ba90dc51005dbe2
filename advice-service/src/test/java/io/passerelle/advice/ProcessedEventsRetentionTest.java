package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.Topics;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.runtime.messaging.consumer.ProcessedEventsRetention;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Applied event ids are remembered for the idempotency window, at least the consumed topics'
 * retention, and purged in batches after it, on the service's real database and broker.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ProcessedEventsRetentionTest {
    @Inject
    ProcessedEventsRetention retention;

    @Inject
    Scheduler scheduler;

    @Test
    void idsOlderThanTheWindowArePurgedInBatchesAndYoungerOnesKept() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // More old rows than one purge statement takes (purge-batch-size is 100 in tests).
        insertProcessed(run + "-old-", 250, "31 days");
        insertProcessed(run + "-young-", 20, "29 days");
        insertProcessed(run + "-new-", 5, "0 days");

        long purged = retention.purgeOlderThan(Duration.ofDays(30)).await().atMost(Duration.ofSeconds(60));

        assertThat(purged).isGreaterThanOrEqualTo(250);
        assertThat(count(run + "-old-%")).isZero();
        assertThat(count(run + "-young-%")).isEqualTo(20);
        assertThat(count(run + "-new-%")).isEqualTo(5);
        assertThat(scheduler.getScheduledJobs()).as("the purge runs by itself")
                .anySatisfy(job -> assertThat(job.getId()).isEqualTo("processed-events-purge"));
    }

    @Test
    void theWindowIsTheLongerOfTheConfiguredOneAndTheConsumedTopicsRetention() throws Exception {
        assertThat(retention.window().await().atMost(Duration.ofSeconds(60)))
                .as("the test broker keeps records 7 days, less than the configured 30").contains(Duration.ofDays(30));

        setRetention(Topics.OWNERS, String.valueOf(Duration.ofDays(90).toMillis()));
        try {
            assertThat(retention.window().await().atMost(Duration.ofSeconds(60))).contains(Duration.ofDays(90));
            setRetention(Topics.OWNERS, "-1");
            assertThat(retention.window().await().atMost(Duration.ofSeconds(60))).as("a topic kept for ever").isEmpty();
        } finally {
            setRetention(Topics.OWNERS, null);
        }
    }

    private static void insertProcessed(String prefix, int count, String age) throws Exception {
        try (Connection connection = jdbc(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO processed_events (event_id, topic, record_partition, record_offset, processed_at)
                SELECT ? || n, 'passerelle.ties.v1', 0, n, now() - ?::interval FROM generate_series(1, ?) AS n""")) {
            insert.setString(1, prefix);
            insert.setString(2, age);
            insert.setInt(3, count);
            insert.executeUpdate();
        }
    }

    private static long count(String pattern) throws Exception {
        try (Connection connection = jdbc(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM processed_events WHERE event_id LIKE ?")) {
            query.setString(1, pattern);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Sets the topic's {@code retention.ms}, or removes the override when {@code value} is null. */
    private static void setRetention(String topic, String value) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)))) {
            ConfigEntry entry = new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, value == null ? "" : value);
            AlterConfigOp op = new AlterConfigOp(entry, value == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(op)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }
}
