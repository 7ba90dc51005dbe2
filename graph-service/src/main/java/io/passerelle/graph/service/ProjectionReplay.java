package io.passerelle.graph.service;

import io.passerelle.contracts.Topics;
import io.passerelle.graph.messaging.IngestedEventConsumer;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.graph.repository.ProjectionStore;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.passerelle.runtime.messaging.consumer.BatchConsumer;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rebuilds the projection from the ingestion topics: an operator's tool after a change of the
 * model's folding parameters, or to check the projection. It takes the replay lock exclusively (so
 * it waits for the batches being applied and holds back the live consumer, the sweep and other
 * replays, on every instance), empties the projection's tables and {@code processed_events}, then
 * reads the three topics from their beginning up to their end as of the start, with its own
 * consumer outside the consumer group, and applies the records exactly as the live consumer does.
 * Once it releases the lock, the live consumer goes on: the events the replay applied are already
 * in {@code processed_events} and are skipped, later ones are applied.
 *
 * <p>Records that cannot be read were dead-lettered when first consumed and are skipped here; tie
 * updates are published again for every tie, so that the compacted ties topic matches the rebuild.
 */
@ApplicationScoped
public class ProjectionReplay {
    static final List<String> TOPICS = List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS);

    private final Pool pool;
    private final BatchConsumer<IngestedEvent> consumer;
    private final String bootstrapServers;
    private final AtomicBoolean running = new AtomicBoolean();

    public ProjectionReplay(Pool pool, IngestedEventConsumer live,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.pool = pool;
        this.consumer = live.consumer();
        this.bootstrapServers = bootstrapServers;
    }

    /** What a replay did. */
    public record ReplayReport(Instant startedAt, Instant completedAt, long records, long applied, long unreadable,
            long refused, long ties) {
    }

    /** Runs a replay on a worker thread; a 409 problem if one is already running on this instance. */
    public Uni<ReplayReport> replay() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().failure(new ProblemException(Problem.of(409, "replay-running", "A replay is running",
                    "A replay of the projection is already running on this instance; wait for it to finish.")));
        }
        return Uni.createFrom().item(this::replayBlocking)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .eventually(() -> running.set(false));
    }

    private ReplayReport replayBlocking() {
        Instant startedAt = Instant.now();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Log.info("Replay: waiting for the replay lock");
            connection.preparedQuery("SELECT pg_advisory_lock($1)").execute(Tuple.of(ProjectionStore.REPLAY_LOCK))
                    .await().indefinitely();
            try {
                connection.query("TRUNCATE processed_events, ties, contacts, owners").execute().await().indefinitely();
                ReplayReport report = readAndApply(connection, startedAt);
                Log.infof("Replay done: %s", report);
                return report;
            } finally {
                connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(ProjectionStore.REPLAY_LOCK))
                        .await().indefinitely();
            }
        } finally {
            connection.close().await().indefinitely();
        }
    }

    private ReplayReport readAndApply(SqlConnection connection, Instant startedAt) {
        long records = 0;
        long applied = 0;
        long unreadable = 0;
        long refused = 0;
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                kafka.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p))) {
                ConsumerRecords<String, String> batch = kafka.poll(Duration.ofMillis(500));
                List<ReceivedEvent> events = new ArrayList<>(batch.count());
                for (ConsumerRecord<String, String> record : batch) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // arrived after the replay started: the live consumer applies it
                    }
                    events.add(ReceivedEvent.of(record));
                }
                if (!events.isEmpty()) {
                    BatchConsumer.Outcome outcome = consumer.process(events, onReplayConnection(connection), BatchConsumer.Mode.REPLAY)
                            .await().indefinitely();
                    records += events.size();
                    applied += outcome.applied();
                    unreadable += outcome.unreadable();
                    refused += outcome.refused();
                }
            }
        }
        long ties = connection.query("SELECT count(*) AS n FROM ties").execute().await().indefinitely()
                .iterator().next().getLong("n");
        return new ReplayReport(startedAt, Instant.now(), records, applied, unreadable, refused, ties);
    }

    /** Transactions on the replay's connection, which holds the replay lock. */
    private static BatchConsumer.Transactions onReplayConnection(SqlConnection connection) {
        return work -> connection.begin()
                .chain(transaction -> work.apply(connection)
                        .call(transaction::commit)
                        .onFailure().call(failure -> transaction.rollback().onFailure().recoverWithNull()));
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "graph-service-replay");
        return properties;
    }
}
