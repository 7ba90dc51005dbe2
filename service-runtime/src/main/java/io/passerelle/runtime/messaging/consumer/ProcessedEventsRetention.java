package io.passerelle.runtime.messaging.consumer;

import io.passerelle.runtime.messaging.KafkaClientSettings;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Purges from {@code processed_events} the ids older than the idempotency window
 * ({@link IdempotencyWindow}: the configured window or the consumed topics' retention, whichever is
 * longer), in small batches, so that the table stays bounded. A retry or redelivery of an event
 * older than the window is applied again.
 */
@ApplicationScoped
public class ProcessedEventsRetention {
    private final Pool pool;
    private final BatchConsumers consumers;
    private final ConsumerSettings settings;
    private final Map<String, Object> kafka;

    /** @param kafka the service's {@code kafka.*} settings (bootstrap servers, security), as Quarkus gathers them */
    public ProcessedEventsRetention(Pool pool, BatchConsumers consumers, ConsumerSettings settings,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.pool = pool;
        this.consumers = consumers;
        this.settings = settings;
        this.kafka = kafka;
    }

    @Scheduled(identity = "processed-events-purge", every = "${passerelle.consumer.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledPurge() {
        return window()
                .chain(window -> window.map(this::purgeOlderThan).orElseGet(() -> Uni.createFrom().item(0L)))
                .invoke(purged -> {
                    if (purged > 0) {
                        Log.infof("Purged %d event ids older than the idempotency window", purged);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("Purging processed event ids failed; the next run tries again: %s", Failures.describe(e)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The window in force: the configured one or the consumed topics' retention, read from the broker. */
    public Uni<Optional<Duration>> window() {
        Set<String> topics = consumedTopics();
        if (topics.isEmpty()) {
            return Uni.createFrom().item(Optional.of(settings.idempotency().window()));
        }
        return Uni.createFrom().item(() -> IdempotencyWindow.of(settings.idempotency().window(), retentions(topics)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Deletes, batch after batch, the ids applied more than {@code window} ago; the number deleted. */
    public Uni<Long> purgeOlderThan(Duration window) {
        return purgeBefore(Instant.now().minus(window), 0L);
    }

    private Uni<Long> purgeBefore(Instant cutoff, long purgedSoFar) {
        int batchSize = settings.idempotency().purgeBatchSize();
        return ProcessedEvents.purge(pool, cutoff, batchSize)
                .chain(deleted -> deleted < batchSize
                        ? Uni.createFrom().item(purgedSoFar + deleted)
                        : purgeBefore(cutoff, purgedSoFar + deleted));
    }

    private Set<String> consumedTopics() {
        Config config = ConfigProvider.getConfig();
        Set<String> topics = new LinkedHashSet<>();
        for (String channel : consumers.channels()) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            config.getOptionalValue(prefix + "topics", String.class)
                    .or(() -> config.getOptionalValue(prefix + "topic", String.class))
                    .ifPresent(names -> Arrays.stream(names.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(topics::add));
        }
        return topics;
    }

    private List<Long> retentions(Set<String> topics) {
        Map<String, Object> adminConfig = KafkaClientSettings.forClient(kafka, AdminClientConfig.configNames());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "passerelle-idempotency-window");
        List<ConfigResource> resources = topics.stream().map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        try (Admin admin = Admin.create(adminConfig)) {
            Map<ConfigResource, org.apache.kafka.clients.admin.Config> configs = admin.describeConfigs(resources).all().get(60, TimeUnit.SECONDS);
            List<Long> retentions = new ArrayList<>();
            for (org.apache.kafka.clients.admin.Config topicConfig : configs.values()) {
                ConfigEntry retention = topicConfig.get(TopicConfig.RETENTION_MS_CONFIG);
                retentions.add(retention == null || retention.value() == null ? -1L : Long.parseLong(retention.value()));
            }
            return retentions;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not read the retention of " + topics + ": " + Failures.describe(e), e);
        }
    }
}
