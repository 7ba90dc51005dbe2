package io.passerelle.runtime.messaging.consumer;

import io.passerelle.runtime.messaging.DeadLetterPublisher;
import io.passerelle.runtime.logging.LogContext;
import io.passerelle.runtime.messaging.ReceivedEvent;
import org.jboss.logging.Logger;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one idempotent batch consumer of the services. For each polled batch it:
 * <ol>
 * <li>reads every record (CloudEvents headers, the service's {@link EventBatchHandler#decode});</li>
 * <li>applies the readable ones in one transaction that also records their ids in
 * {@code processed_events}, so that a redelivered event is skipped (at-least-once delivery,
 * exactly-once effect);</li>
 * <li>retries a transaction that failed for a transient reason (database or broker unreachable,
 * deadlock, serialization failure, pool exhausted) with capped exponential back-off, for as long
 * as it takes, never skipping a record, while readiness reports the stall;</li>
 * <li>when the database refuses the data itself, splits the batch in halves until the refused
 * record is alone, so that it alone goes to the dead-letter topic and every other record lands;</li>
 * <li>sends the unreadable and the refused records, in record order, to {@code <topic>.dlq} with the
 * reason, and completes, which acknowledges the batch (offsets are committed only then).</li>
 * </ol>
 * While a batch is retried the connector stops fetching (no demand) and pauses its partitions, but
 * keeps polling, so the instance stays in its consumer group however long the stall lasts.
 */
public final class BatchConsumer<E> {
    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    private final String name;
    private final EventBatchHandler<E> handler;
    private final Transactions transactions;
    private final DeadLetterPublisher deadLetters;
    private final ConsumerSettings settings;
    private final ConsumerMetrics metrics;
    private final ConsumerHealth health;
    private final Deduplication deduplication;

    BatchConsumer(String name, EventBatchHandler<E> handler, Transactions transactions, Deduplication deduplication,
            DeadLetterPublisher deadLetters, ConsumerSettings settings, ConsumerMetrics metrics, ConsumerHealth health) {
        this.name = name;
        this.handler = handler;
        this.transactions = transactions;
        this.deduplication = deduplication;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.metrics = metrics;
        this.health = health;
    }

    /** Runs some work in one transaction, committed if the work succeeds and rolled back otherwise. */
    @FunctionalInterface
    public interface Transactions {
        Uni<Applied> run(Function<SqlConnection, Uni<Applied>> work);
    }

    /** Records event ids in the transaction; answers the ids not recorded before ({@link ProcessedEvents#record}). */
    @FunctionalInterface
    interface Deduplication {
        Uni<Set<String>> record(SqlConnection transaction, List<ProcessedEvents.Position> positions);
    }

    /**
     * What one transaction did: events applied for the first time, and events skipped as already
     * applied, in all and per topic (for the consumer's metrics).
     */
    public record Applied(int applied, int duplicates, Map<String, Integer> appliedPerTopic, Map<String, Integer> duplicatesPerTopic) {
        static Applied of(List<String> appliedTopics, List<String> duplicateTopics) {
            return new Applied(appliedTopics.size(), duplicateTopics.size(), perTopic(appliedTopics), perTopic(duplicateTopics));
        }

        private static Map<String, Integer> perTopic(List<String> topics) {
            return topics.stream().collect(Collectors.groupingBy(topic -> topic, Collectors.summingInt(topic -> 1)));
        }
    }

    /** A record read from a batch, in batch order, with what the service made of it. */
    record Item<E>(int index, ReceivedEvent record, Decoded<E> decoded) {
    }

    /** A record that goes to the dead-letter topic, and why. */
    record DeadLetter(int index, ReceivedEvent record, String reason, boolean unreadable) {
    }

    public String name() {
        return name;
    }

    /** Consumes one polled batch; completes once every record is applied or dead-lettered. */
    public Uni<Void> consume(Iterable<ConsumerRecord<String, String>> records) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        List<ReceivedEvent> received = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            ReceivedEvent event = ReceivedEvent.of(record);
            event.time().ifPresent(time -> metrics.eventAge(event.topic(), Duration.between(time, now)));
            received.add(event);
        }
        return process(received, transactions, Mode.LIVE)
                .invoke(() -> metrics.batch(Duration.ofNanos(System.nanoTime() - started)))
                .replaceWithVoid();
    }

    /** How records are processed: live, or again by a replay. */
    public enum Mode {
        /** Transient failures retried for as long as it takes; unreadable and refused records dead-lettered. */
        LIVE(true, true),
        /**
         * A transient failure fails the processing (the replay's own connection may be what failed,
         * and the replay decides); nothing is dead-lettered again, since the records were when first
         * consumed.
         */
        REPLAY(false, false);

        final boolean retryTransient;
        final boolean deadLetter;

        Mode(boolean retryTransient, boolean deadLetter) {
            this.retryTransient = retryTransient;
            this.deadLetter = deadLetter;
        }
    }

    /** What processing a list of records did. */
    public record Outcome(int applied, int duplicates, int unreadable, int refused) {
    }

    /**
     * Applies records read by other means (a replay's own Kafka consumer) in transactions of the
     * given runner, with the same decoding, deduplication and isolation of refused events as
     * {@link #consume}.
     */
    public Uni<Outcome> process(List<ReceivedEvent> records, Transactions runner, Mode mode) {
        List<Item<E>> accepted = new ArrayList<>(records.size());
        List<DeadLetter> unreadable = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicatesInBatch = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            ReceivedEvent record = records.get(index);
            Decoded<E> decoded;
            try (LogContext ignored = LogContext.forRecord(record)) {
                decoded = decode(record);
            }
            if (!decoded.isAccepted()) {
                unreadable.add(new DeadLetter(index, record, decoded.rejection(), true));
            } else if (seen.add(decoded.eventId())) {
                accepted.add(new Item<>(index, record, decoded));
            } else {
                duplicatesInBatch.add(record.topic()); // the first occurrence in the batch is the one applied
            }
        }
        if (mode == Mode.LIVE) { // a replay's records were counted when first consumed
            duplicatesInBatch.forEach(topic -> metrics.duplicates(topic, 1));
        }
        int duplicates = duplicatesInBatch.size();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger alreadyApplied = new AtomicInteger(duplicates);
        return applyIsolating(accepted, runner, mode, outcome -> {
                    applied.addAndGet(outcome.applied());
                    alreadyApplied.addAndGet(outcome.duplicates());
                })
                .chain(refused -> {
                    Outcome outcome = new Outcome(applied.get(), alreadyApplied.get(), unreadable.size(), refused.size());
                    if (!mode.deadLetter) {
                        return Uni.createFrom().item(outcome);
                    }
                    List<DeadLetter> letters = new ArrayList<>(unreadable);
                    letters.addAll(refused);
                    letters.sort(Comparator.comparingInt(DeadLetter::index));
                    return deadLetter(letters).replaceWith(outcome);
                });
    }

    private Decoded<E> decode(ReceivedEvent record) {
        try {
            Decoded<E> decoded = handler.decode(record);
            return decoded == null ? Decoded.rejected("the record could not be read") : decoded;
        } catch (RuntimeException e) {
            return Decoded.rejected("the record could not be read: " + Failures.describe(e));
        }
    }

    /**
     * Applies the items; answers those the database refused. A refusal of a batch splits it in
     * halves, applied one after the other (so record order holds), until the refused record is alone.
     */
    private Uni<List<DeadLetter>> applyIsolating(List<Item<E>> items, Transactions runner, Mode mode, Consumer<Applied> tally) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return attempt(items, runner, mode)
                .invoke(tally)
                .replaceWith(List.<DeadLetter>of())
                .onFailure(Failures::refusesData).recoverWithUni(refusal -> {
                    if (items.size() == 1) {
                        Item<E> item = items.get(0);
                        return Uni.createFrom().item(List.of(new DeadLetter(item.index(), item.record(),
                                "the database refused the event: " + Failures.describe(refusal), false)));
                    }
                    LOG.warnf("%s: the database refused a batch of %d events; isolating the refused ones", name, items.size());
                    int half = items.size() / 2;
                    return applyIsolating(items.subList(0, half), runner, mode, tally)
                            .chain(first -> applyIsolating(items.subList(half, items.size()), runner, mode, tally).map(second -> {
                                List<DeadLetter> all = new ArrayList<>(first);
                                all.addAll(second);
                                return all;
                            }));
                });
    }

    private Uni<Applied> attempt(List<Item<E>> items, Transactions runner, Mode mode) {
        Uni<Applied> attempt = Uni.createFrom().deferred(() -> runner.run(transaction -> applyIn(transaction, items)));
        if (!mode.retryTransient) {
            return attempt;
        }
        return attempt
                .onFailure(failure -> !Failures.refusesData(failure)).invoke(failure -> transientFailure(items.size(), failure))
                .onFailure(failure -> !Failures.refusesData(failure)).retry()
                .withBackOff(settings.initialBackoff(), settings.maxBackoff()).indefinitely()
                .invoke(applied -> {
                    health.succeeded(name);
                    metrics.applied(applied);
                });
    }

    private void transientFailure(int size, Throwable failure) {
        String reason = Failures.describe(failure);
        health.failed(name, reason);
        metrics.retried();
        LOG.warnf("%s: applying a batch of %d events failed; retrying with back-off (up to %s): %s",
                name, size, settings.maxBackoff(), reason);
    }

    private Uni<Applied> applyIn(SqlConnection transaction, List<Item<E>> items) {
        List<E> events = items.stream().map(item -> item.decoded().event()).toList();
        List<ProcessedEvents.Position> positions = items.stream()
                .map(item -> new ProcessedEvents.Position(item.decoded().eventId(), item.record().topic(), item.record().partition(),
                        item.record().offset()))
                .toList();
        // The ids are recorded right behind the handler's locks, sent together (Pipelined): PostgreSQL takes the locks
        // first, as the statements arrive in that order, and the batch waits for one exchange instead of two.
        return Uni.combine().all().unis(handler.lock(transaction, events).replaceWith(Boolean.TRUE), deduplication.record(transaction, positions))
                .with((locked, fresh) -> fresh)
                .chain(fresh -> {
                    Map<Boolean, List<Item<E>>> byFreshness = items.stream()
                            .collect(Collectors.partitioningBy(item -> fresh.contains(item.decoded().eventId())));
                    List<E> news = byFreshness.get(true).stream().map(item -> item.decoded().event()).toList();
                    Applied applied = Applied.of(byFreshness.get(true).stream().map(item -> item.record().topic()).toList(),
                            byFreshness.get(false).stream().map(item -> item.record().topic()).toList());
                    return news.isEmpty() ? Uni.createFrom().item(applied) : handler.apply(transaction, news).replaceWith(applied);
                });
    }

    // One at a time, so that dead letters keep the order of their originals. A dead letter that the
    // broker does not take is retried like any transient failure: dropping it would lose the record.
    private Uni<Void> deadLetter(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(letters)
                .onItem().transformToUniAndConcatenate(letter -> Uni.createFrom().deferred(() -> deadLetters.send(letter.record(), letter.reason()))
                        .onFailure().invoke(failure -> {
                            health.failed(name, "the dead-letter topic does not take records: " + Failures.describe(failure));
                            metrics.retried();
                        })
                        .onFailure().retry().withBackOff(settings.initialBackoff(), settings.maxBackoff()).indefinitely()
                        .invoke(() -> {
                            health.succeeded(name);
                            metrics.deadLettered(letter.record().topic(), letter.unreadable());
                        }))
                .collect().last()
                .replaceWithVoid();
    }
}
