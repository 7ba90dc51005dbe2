package io.passerelle.graph.service;

import io.passerelle.contracts.model.Tie;
import io.passerelle.graph.config.ReplayConfig;
import io.passerelle.graph.messaging.ReplayTopicsReader;
import io.passerelle.graph.messaging.TieUpdatePublisher;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.graph.projection.ProjectionOutcome;
import io.passerelle.graph.projection.TieKey;
import io.passerelle.graph.replay.PublishCursor;
import io.passerelle.graph.replay.ReplayCounts;
import io.passerelle.graph.replay.ReplayJob;
import io.passerelle.graph.replay.ReplayState;
import io.passerelle.graph.replay.TopicOffset;
import io.passerelle.graph.repository.ProjectionStore;
import io.passerelle.graph.repository.RebuildStore;
import io.passerelle.graph.repository.RebuildStore.RebuiltTie;
import io.passerelle.graph.repository.ReplayJobStore;
import io.passerelle.tie.TieAssessment;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.passerelle.runtime.messaging.consumer.BatchConsumer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One instance's work on a claimed replay job, from the state its row stores to COMPLETED, blocking on
 * the replay worker's thread, on a database connection of its own (its transactions are written out,
 * with savepoints, and must never be left open on a connection someone else uses). Every transaction
 * locks the job's row first and stores the job's progress with the work it records, so that whatever
 * stops the run, the next one (on this instance or another) goes on from exactly what was committed.
 *
 * <ul>
 * <li>QUEUED: creates the rebuild's empty tables ({@link RebuildStore}), with their key constraints only,
 * and notes the topics' first and end offsets: RUNNING.</li>
 * <li>RUNNING: reads the topics up to those ends and applies them to the rebuild, batch by batch, in
 * {@code replay.lanes} lanes side by side (each its share of the partitions, on a connection of its own), each
 * batch and the offsets it reached in one transaction; then builds the tables' other indexes: SWITCHING.</li>
 * <li>SWITCHING: catches up with what arrived since, without holding anything back; then, in one
 * transaction holding the replay lock exclusively (live batches finish first, new ones wait, the
 * sweep skips its runs), reads up to the end offsets as of then, applies, and switches the rebuild in:
 * PUBLISHING. Whatever a live batch committed before the lock is in the topics before those ends, so
 * it is in the rebuild; whatever comes after is applied by the live consumer to the new tables, where
 * the rebuild's processed_events make it skip what the rebuild applied.</li>
 * <li>PUBLISHING: publishes every tie of the new projection in key order, then a tombstone for each
 * tie that was live before the switch and is not any more, page by page with a cursor; then the
 * rebuild's schema is dropped: COMPLETED.</li>
 * </ul>
 */
final class ReplayRun implements AutoCloseable {
    /** Records left to read under the replay lock, at most, before the switch is attempted (unless the topics outrun the catch-ups). */
    static final long SWITCH_LAG = 1_000;
    private static final int CATCH_UP_ROUNDS = 5;
    /** How long the switch may read under the replay lock (holding back the live consumer) before it gives up and tries again. */
    private static final Duration SWITCH_READ_LIMIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What a run works with. */
    record Services(ReplayJobStore jobs, RebuildStore rebuild, ProjectionStore projectionStore, BatchConsumer<IngestedEvent> rebuilder,
            TieUpdatePublisher publisher, TieStrengthModel model, ReplayConfig config,
            Supplier<ReplayTopicsReader> topics, Supplier<SqlConnection> connections) {
    }

    /** The job is not this instance's any more: another took it over. */
    static final class LostClaim extends RuntimeException {
        LostClaim(UUID replayId) {
            super("replay " + replayId + " is no longer claimed by this instance", null, false, false);
        }
    }

    /** The instance is stopping. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopping", null, false, false);
        }
    }

    /** Something that waiting cures (the topics ran ahead of the switch, a partition appeared): the run is tried again. */
    static final class NotYet extends RuntimeException {
        NotYet(String message) {
            super(message, null, false, false);
        }
    }

    private final UUID replayId;
    private final String claimant;
    private final Services services;
    private final SqlConnection connection;
    private final BooleanSupplier stopping;
    private ReplayTopicsReader reader;
    private volatile boolean progressed;
    private final LeaseRenewal renewal;

    ReplayRun(UUID replayId, String claimant, Services services, SqlConnection connection, BooleanSupplier stopping) {
        this.replayId = replayId;
        this.claimant = claimant;
        this.services = services;
        this.connection = connection;
        this.stopping = stopping;
        this.renewal = new LeaseRenewal(connection);
    }

    /** Whether a transaction of this run committed: the job moved on. */
    boolean progressed() {
        return progressed;
    }

    /** Works on the job until it is COMPLETED (or FAILED by someone else). */
    void run() {
        while (true) {
            checkStopping();
            ReplayJob job = inTransaction(claimed -> claimed);
            switch (job.state()) {
                case QUEUED -> start();
                case RUNNING -> rebuild(job);
                case SWITCHING -> switchOver(job);
                case PUBLISHING -> {
                    publish(job);
                    return;
                }
                case COMPLETED, FAILED -> {
                    return;
                }
            }
        }
    }

    /** FAILED with the reason; the rebuild's schema is dropped. The live projection is left as it is. */
    void fail(String error) {
        inTransaction(job -> {
            await(services.rebuild().drop(connection));
            await(services.jobs().fail(connection, replayId, error));
            return null;
        });
    }

    private void start() {
        reader = services.topics().get();
        List<TopicPartition> partitions = reader.partitions();
        reader.assign(partitions);
        Map<TopicPartition, Long> first = reader.beginningOffsets(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        SortedMap<String, TopicOffset> offsets = new TreeMap<>();
        partitions.forEach(partition -> offsets.put(key(partition), new TopicOffset(first.get(partition), ends.get(partition))));
        inTransaction(job -> {
            if (job.state() == ReplayState.QUEUED) {
                await(services.rebuild().create(connection));
                await(services.jobs().start(connection, replayId, offsets, lease()));
            }
            return null;
        });
        long records = offsets.values().stream().mapToLong(TopicOffset::lag).sum();
        Log.infof("Replay %s: rebuilding %d records of %d partitions into %s", replayId, records, partitions.size(), RebuildStore.SCHEMA);
        closeReader();
    }

    private void rebuild(ReplayJob job) {
        int lanes = services.config().lanes(); // at least 1: checked at start-up (ReplayConfig)
        SortedMap<String, TopicOffset> reached = rebuildInLanes(job, lanes);
        Log.infof("Replay %s: read up to the end offsets as of its start in %d lanes; building the rebuild's indexes", replayId, lanes);
        inTransaction(claimed -> {
            requireRebuild(connection);
            await(services.rebuild().buildIndexes(connection));
            await(services.rebuild().analyze(connection));
            await(services.jobs().progress(connection, replayId, ReplayState.SWITCHING, reached, ReplayCounts.NONE, lease()));
            return null;
        });
        Log.infof("Replay %s: rebuilt up to the end offsets as of its start; catching up before the switch", replayId);
        closeReader();
    }

    private void switchOver(ReplayJob job) {
        openAt(job);
        for (int round = 1; ; round++) {
            readToEnds(reader, this::catchUp, renewal, () -> false);
            Map<TopicPartition, Long> ends = reader.endOffsets(reader.positions().keySet());
            long lag = lag(ends);
            if (lag <= SWITCH_LAG || round >= CATCH_UP_ROUNDS) {
                break;
            }
            Log.debugf("Replay %s: %d records arrived meanwhile; catching up again", replayId, lag);
            reader.readUpTo(ends);
        }
        ReplayCounts underLock = inTransaction(claimed -> {
            requireRebuild(connection);
            await(services.rebuild().writeIntoRebuild(connection));
            await(connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(ProjectionStore.REPLAY_LOCK)));
            // No projection transaction runs now: whatever one committed is in the topics before these ends.
            Set<TopicPartition> partitions = reader.positions().keySet();
            if (!partitions.containsAll(reader.partitions())) {
                throw new NotYet("a partition of the ingestion topics appeared during the replay");
            }
            reader.readUpTo(reader.endOffsets(partitions));
            ReplayCounts counts = ReplayCounts.NONE;
            long deadline = System.nanoTime() + SWITCH_READ_LIMIT.toNanos();
            while (!reader.reachedEnds()) {
                if (System.nanoTime() > deadline) {
                    throw new NotYet("reading up to the end offsets under the replay lock took longer than " + SWITCH_READ_LIMIT);
                }
                List<ConsumerRecord<String, String>> records = reader.poll(POLL);
                if (!records.isEmpty()) {
                    counts = counts.plus(apply(records, connection));
                }
            }
            List<String> reshaped = await(services.rebuild().tablesOfAnotherShape(connection));
            if (!reshaped.isEmpty()) {
                throw new ReplayFailure("the tables " + reshaped + " of the live projection changed shape during the replay "
                        + "(a migration ran): the rebuild, made with their former shape, is not switched in; request a new replay");
            }
            await(services.rebuild().switchIn(connection, services.config().switchLockTimeout()));
            await(services.jobs().switched(connection, replayId, offsets(reader), counts, lease()));
            return counts;
        });
        Log.infof("Replay %s: switched in (%d records read under the replay lock); publishing every tie", replayId, underLock.recordsRead());
        closeReader();
    }

    private void publish(ReplayJob job) {
        PublishCursor cursor = job.publishCursor() == null ? PublishCursor.start(PublishCursor.Phase.TIES) : job.publishCursor();
        if (cursor.phase() == PublishCursor.Phase.TIES) {
            publishTiesInLanes(cursor.lanes() == null ? planLanes(cursor) : cursor.lanes());
            cursor = inTransaction(claimed -> {
                List<PublishCursor.Lane> lanes = claimed.publishCursor().lanes();
                if (lanes == null || !lanes.stream().allMatch(PublishCursor.Lane::done)) {
                    throw new IllegalStateException("the publication's lanes ended before their ties were all published");
                }
                PublishCursor tombstones = PublishCursor.start(PublishCursor.Phase.TOMBSTONES);
                await(services.jobs().published(connection, replayId, tombstones, 0, 0, lease()));
                return tombstones;
            });
        }
        while (cursor != null) {
            checkStopping();
            PublishCursor at = cursor;
            cursor = inTransaction(claimed -> publishTombstones(at));
            if (cursor != null) {
                pause();
            }
        }
        Log.infof("Replay %s: completed", replayId);
    }

    /**
     * Splits the ties left after the cursor's key into {@code replay.lanes} ranges of about as many keys (fewer when there
     * are fewer than two pages a lane), stored with the cursor: a run that takes the job over goes on with the same ranges.
     */
    private List<PublishCursor.Lane> planLanes(PublishCursor cursor) {
        return inTransaction(claimed -> {
            List<String[]> boundaries = await(services.rebuild().laneBoundaries(connection, cursor.ownerId(), cursor.contactId(),
                    services.config().lanes(), 2 * services.config().publishPageSize()));
            PublishCursor planned = cursor.withLanes(PublishCursor.Lane.covering(cursor.ownerId(), cursor.contactId(), boundaries));
            await(services.jobs().published(connection, replayId, planned, 0, 0, lease()));
            return planned.lanes();
        });
    }

    /** Publishes the lanes not done yet, side by side, each from its own position, page by page. */
    private void publishTiesInLanes(List<PublishCursor.Lane> lanes) {
        List<Integer> left = new ArrayList<>();
        for (int lane = 0; lane < lanes.size(); lane++) {
            if (!lanes.get(lane).done()) {
                left.add(lane);
            }
        }
        runInLanes(left.size(), (index, on) -> new PublishingLane(left.get(index), lanes.get(left.get(index)), on));
    }

    /** One lane of the publication: a range of ties, published page by page on a connection no other lane uses. */
    private final class PublishingLane implements LaneWork {
        private final int lane;
        private final LaneConnection on;
        private PublishCursor.Lane position;

        PublishingLane(int lane, PublishCursor.Lane position, LaneConnection on) {
            this.lane = lane;
            this.position = position;
            this.on = on;
        }

        @Override
        public void run(AtomicReference<RuntimeException> failure) {
            try {
                while (!position.done() && failure.get() == null) {
                    checkStopping();
                    publishPage();
                    if (!position.done()) {
                        pause();
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        /** The next page of the lane published and its position recorded in one transaction, the job's row locked last. */
        private void publishPage() {
            int pageSize = services.config().publishPageSize();
            AtomicReference<PublishCursor.Lane> next = new AtomicReference<>(position);
            on.commitIfClaimed(transaction -> {
                List<RebuiltTie> ties = await(services.rebuild().tiesAfter(transaction, position.afterOwnerId(), position.afterContactId(),
                        position.untilOwnerId(), position.untilContactId(), pageSize));
                if (!ties.isEmpty()) {
                    await(services.publisher().publish(new ProjectionOutcome(List.of(), List.of(), List.of(), List.of(), described(ties),
                            List.of())));
                    TieKey last = ties.get(ties.size() - 1).key();
                    next.set(position.after(last.ownerId(), last.contactId()));
                }
                // A short page is the range's last: a tie created after it was read is published by the live batch that created it.
                if (ties.size() < pageSize) {
                    next.set(next.get().finished());
                }
                return await(services.jobs().lanePublished(transaction, replayId, claimant, lane, next.get(), ties.size(), lease()));
            });
            position = next.get();
        }

        @Override
        public void close() {
            on.close();
        }
    }

    /** A page of the new projection's ties as published: assessed and described as of now. */
    private List<ProjectionOutcome.TieChange> described(List<RebuiltTie> ties) {
        Instant now = Instant.now();
        List<ProjectionOutcome.TieChange> changes = new ArrayList<>(ties.size());
        for (RebuiltTie tie : ties) {
            TieKey key = tie.key();
            TieAssessment assessment = services.model().assess(tie.statistics(), tie.contact(), tie.owner(), now);
            Tie described = services.model().describe(key.contactId(), tie.statistics(), tie.contact(), assessment,
                    tie.peak() == null ? TiePeak.NONE : tie.peak(), tie.updatedAt());
            // Ids of their own per job: consumers that skip ids they have seen still take a state the model may now compute differently.
            changes.add(new ProjectionOutcome.TieChange(key, tie.statistics(), tie.contact(), assessment, described,
                    tie.classBeforeSwitch(), tie.lastEventId() + "/replay/" + replayId, null));
        }
        return changes;
    }

    /** Tombstones for the keys live before the switch that are not live now; null once done (the job is then COMPLETED). */
    private PublishCursor publishTombstones(PublishCursor at) {
        List<TieKey> retired = await(services.rebuild().retiredAfter(connection, at.ownerId(), at.contactId(),
                services.config().publishPageSize()));
        if (retired.isEmpty()) {
            await(services.rebuild().drop(connection));
            await(services.jobs().complete(connection, replayId));
            return null;
        }
        // A live batch holds its owners' locks from its reads to its commit: one recreating a tie has published it before this looks.
        Set<String> owners = new LinkedHashSet<>();
        retired.forEach(key -> owners.add(key.ownerId()));
        await(services.projectionStore().lockOwners(connection, owners));
        List<TieKey> gone = await(services.rebuild().notLive(connection, retired));
        if (!gone.isEmpty()) {
            await(services.publisher().publish(new ProjectionOutcome(List.of(), List.of(), List.of(), List.of(), List.of(), gone)));
        }
        TieKey last = retired.get(retired.size() - 1);
        PublishCursor next = new PublishCursor(PublishCursor.Phase.TOMBSTONES, last.ownerId(), last.contactId());
        await(services.jobs().published(connection, replayId, next, 0, gone.size(), lease()));
        return next;
    }

    /**
     * Reads up to the reader's ends, each batch handed to {@code commit}, which applies it with the offsets it reached in one
     * transaction; once there, {@code commit} gets no records, to record the ends as they stand (positions may have moved
     * past control records without a batch). Stops, recording nothing more, as soon as {@code abandoned}.
     */
    private void readToEnds(ReplayTopicsReader from, Consumer<List<ConsumerRecord<String, String>>> commit, LeaseRenewal lease,
            BooleanSupplier abandoned) {
        while (!from.reachedEnds()) {
            if (abandoned.getAsBoolean()) {
                return;
            }
            checkStopping();
            List<ConsumerRecord<String, String>> records = from.poll(POLL);
            if (records.isEmpty()) {
                lease.renewIfDue();
                continue;
            }
            commit.accept(records);
            pause();
        }
        commit.accept(List.of());
    }

    /** A batch of the catch-up before the switch, with the offsets it reached, in a transaction holding the job's row. */
    private void catchUp(List<ConsumerRecord<String, String>> records) {
        inTransaction(job -> {
            ReplayCounts counts = applyToRebuild(records, connection);
            await(services.jobs().progress(connection, replayId, ReplayState.SWITCHING, offsets(reader), counts, lease()));
            return null;
        });
    }

    /** The records applied to the rebuild's tables in the transaction open on {@code transaction}; nothing for no records. */
    private ReplayCounts applyToRebuild(List<ConsumerRecord<String, String>> records, SqlConnection transaction) {
        if (records.isEmpty()) {
            return ReplayCounts.NONE;
        }
        // Without the rebuild's tables the search path would leave the batch to public's: never.
        requireRebuild(transaction);
        await(services.rebuild().writeIntoRebuild(transaction));
        return apply(records, transaction);
    }

    /**
     * Reads up to the job's ends in {@code laneCount} lanes side by side, each with a reader, a connection and a thread of its
     * own and the partitions whose number is its own modulo the lanes; answers the offsets reached. Each lane's batch
     * commits with its partitions' offsets ({@link ReplayJobStore#laneProgress}), so that a run stopped at any moment goes
     * on from what every lane committed.
     */
    private SortedMap<String, TopicOffset> rebuildInLanes(ReplayJob job, int laneCount) {
        Positions all;
        try (ReplayTopicsReader planner = services.topics().get()) {
            all = positionsOf(job, planner);
        }
        List<Positions> shares = new ArrayList<>();
        for (int lane = 0; lane < laneCount; lane++) {
            Positions own = all.lane(lane, laneCount);
            if (!own.positions().isEmpty()) {
                shares.add(own);
            }
        }
        List<RebuildingLane> lanes = runInLanes(shares.size(), (index, on) -> new RebuildingLane(shares.get(index), on));
        SortedMap<String, TopicOffset> reached = new TreeMap<>();
        lanes.forEach(lane -> reached.putAll(lane.reached));
        return reached;
    }

    /** What one lane does, on a thread of its own: its work until done, stopping at once when another lane failed. */
    private interface LaneWork extends AutoCloseable {
        /** Works until done; a failure is recorded in {@code failure} (the first one wins), not thrown. */
        void run(AtomicReference<RuntimeException> failure);

        @Override
        void close();
    }

    /** A lane's connection, with the lease renewal of its own: the run's own for the first lane, one of its own for the others. */
    private final class LaneConnection {
        private final SqlConnection connection;
        private final boolean owned;
        private final LeaseRenewal renewal;

        LaneConnection(SqlConnection connection, boolean owned) {
            this.connection = connection;
            this.owned = owned;
            this.renewal = new LeaseRenewal(connection);
        }

        LeaseRenewal renewal() {
            return renewal;
        }

        /**
         * BEGIN, the work, then COMMIT, rolled back on any failure. The work's last statement records what it did in the job's
         * row only while the job is the run's, and answers whether it did: when not, nothing is committed ({@link LostClaim}).
         */
        void commitIfClaimed(Function<SqlConnection, Boolean> work) {
            execute(connection, "BEGIN");
            boolean committed = false;
            try {
                if (!work.apply(connection)) {
                    throw new LostClaim(replayId);
                }
                execute(connection, "COMMIT");
                committed = true;
                progressed = true;
                renewal.renewed();
            } finally {
                if (!committed) {
                    rollbackQuietly(connection);
                }
            }
        }

        /** Closes a connection of the lane's own; the run's stays open for the run. */
        void close() {
            if (owned) {
                try {
                    connection.close().await().atMost(Duration.ofSeconds(5));
                } catch (RuntimeException ignored) {
                    // closing a connection that failed
                }
            }
        }
    }

    /**
     * Runs {@code count} lanes, each made by {@code create} with its connection, side by side on threads of their own, and
     * answers them once all ended (closed). The first lane works on the run's own connection: left idle meanwhile, it would
     * be closed as stalled. The first failure of a lane stops the others and is thrown as it is.
     */
    private <L extends LaneWork> List<L> runInLanes(int count, BiFunction<Integer, LaneConnection, L> create) {
        List<L> lanes = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, count), runnable -> {
            Thread thread = new Thread(runnable, "replay-lane-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int lane = 0; lane < count; lane++) {
                LaneConnection on = lane == 0 ? new LaneConnection(connection, false) : new LaneConnection(services.connections().get(), true);
                try {
                    lanes.add(create.apply(lane, on));
                } catch (RuntimeException e) {
                    on.close();
                    throw e;
                }
            }
            List<Future<?>> running = new ArrayList<>();
            lanes.forEach(lane -> running.add(threads.submit(() -> lane.run(failure))));
            for (Future<?> lane : running) {
                try {
                    lane.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, new Stopped());
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, new IllegalStateException("a lane of the replay failed", e.getCause()));
                }
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return lanes;
        } finally {
            // Lanes still running (this thread was interrupted) see the failure at their next batch or page; a rebuilding
            // lane's reader is only closed once it ended, a Kafka consumer being for one thread at a time.
            failure.compareAndSet(null, new Stopped());
            threads.shutdown();
            awaitEnd(threads);
            lanes.forEach(LaneWork::close);
        }
    }

    /** Waits for the lanes' threads to end, at most a lease, interrupted or not (the interruption is kept for the caller). */
    private void awaitEnd(ExecutorService threads) {
        long deadline = System.nanoTime() + lease().toNanos();
        boolean interrupted = false;
        while (!threads.isTerminated() && System.nanoTime() < deadline) {
            try {
                threads.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One lane of the rebuild: its partitions, read by a reader of its own and applied on the lane's connection. */
    private final class RebuildingLane implements LaneWork {
        private final ReplayTopicsReader reader;
        private final LaneConnection on;
        /** The offsets the lane reached once it read up to its ends. */
        private SortedMap<String, TopicOffset> reached = new TreeMap<>();

        RebuildingLane(Positions own, LaneConnection on) {
            this.on = on;
            reader = services.topics().get();
            try {
                reader.assign(own.positions().keySet());
                reader.seek(own.positions(), own.ends());
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        }

        @Override
        public void run(AtomicReference<RuntimeException> failure) {
            try {
                readToEnds(reader, this::commit, on.renewal(), () -> failure.get() != null);
                reached = offsets(reader);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        /** The records applied and the lane's offsets recorded in one transaction, the job's row locked last and only for its update. */
        private void commit(List<ConsumerRecord<String, String>> records) {
            on.commitIfClaimed(transaction -> {
                ReplayCounts counts = applyToRebuild(records, transaction);
                return await(services.jobs().laneProgress(transaction, replayId, claimant, offsets(reader), counts, lease()));
            });
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (RuntimeException ignored) {
                // a lane that did not end within a lease still holds its reader: closing it is best effort
            }
            on.close();
        }
    }

    /**
     * Applies the records to the rebuild within the current transaction with the live consumer's own
     * code (service-runtime's {@link BatchConsumer}, publishing nothing): records that cannot be read
     * are counted (they were dead-lettered when first consumed); when the database refuses the data,
     * the batch is split, each part under a savepoint, until the refused events are alone and left out.
     */
    private ReplayCounts apply(List<ConsumerRecord<String, String>> records, SqlConnection transaction) {
        List<ReceivedEvent> received = records.stream().map(ReceivedEvent::of).toList();
        BatchConsumer.Outcome outcome = await(services.rebuilder().process(received, work -> underSavepoint(transaction, work),
                BatchConsumer.Mode.REPLAY));
        if (outcome.refused() > 0) {
            Log.warnf("Replay %s: the database refused %d events (their live application was dead-lettered likewise)",
                    replayId, outcome.refused());
        }
        return new ReplayCounts(records.size(), outcome.applied() + outcome.duplicates(), outcome.unreadable(), outcome.refused());
    }

    /** One attempt of the consumer inside the job's open transaction: a savepoint, released, or rolled back to on failure. */
    private static Uni<BatchConsumer.Applied> underSavepoint(SqlConnection transaction,
            Function<SqlConnection, Uni<BatchConsumer.Applied>> work) {
        return transaction.query("SAVEPOINT replay_batch").execute()
                .chain(() -> work.apply(transaction))
                .call(() -> transaction.query("RELEASE SAVEPOINT replay_batch").execute())
                .onFailure().call(() -> transaction.query("ROLLBACK TO SAVEPOINT replay_batch").execute());
    }

    /**
     * Starts reading at the positions the job stored; partitions that appeared since start at their
     * beginning. When retention deleted records of a partition that the replay had not read yet, the
     * rebuild cannot be whole: the job fails.
     */
    private void openAt(ReplayJob job) {
        reader = services.topics().get();
        Positions start = positionsOf(job, reader);
        reader.seek(start.positions(), start.ends());
    }

    /** Where a job's reading stands and where it ends, per partition, each to read from {@code positions} up to {@code ends}. */
    private record Positions(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        /** The partitions whose number is {@code lane} modulo {@code lanes}: partition n of every topic, where one owner's records are. */
        Positions lane(int lane, int lanes) {
            Map<TopicPartition, Long> from = new HashMap<>();
            Map<TopicPartition, Long> to = new HashMap<>();
            positions.forEach((partition, position) -> {
                if (partition.partition() % lanes == lane) {
                    from.put(partition, position);
                    to.put(partition, ends.get(partition));
                }
            });
            return new Positions(from, to);
        }
    }

    /** The job's positions and ends, with the partitions that appeared since it started, read by {@code reader}, which is assigned them all. */
    private Positions positionsOf(ReplayJob job, ReplayTopicsReader reader) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        job.topicOffsets().forEach((key, offset) -> {
            TopicPartition partition = partition(key);
            positions.put(partition, offset.reached());
            ends.put(partition, offset.end());
        });
        List<TopicPartition> appeared = reader.partitions().stream().filter(partition -> !positions.containsKey(partition)).toList();
        Set<TopicPartition> partitions = new HashSet<>(positions.keySet());
        partitions.addAll(appeared);
        reader.assign(partitions);
        if (!appeared.isEmpty()) {
            Map<TopicPartition, Long> first = reader.beginningOffsets(appeared);
            Map<TopicPartition, Long> last = reader.endOffsets(appeared);
            appeared.forEach(partition -> {
                positions.put(partition, first.get(partition));
                ends.put(partition, last.get(partition));
            });
        }
        Map<TopicPartition, Long> first = reader.beginningOffsets(positions.keySet());
        positions.forEach((partition, position) -> {
            if (first.get(partition) > position) {
                throw new ReplayFailure("the records of " + partition + " from offset " + position + " to " + first.get(partition)
                        + " were deleted (retention) before the replay read them; request a new replay");
            }
        });
        return new Positions(positions, ends);
    }

    /** The job's row locked, then the work, then the commit; rolled back on any failure. */
    private <T> T inTransaction(Function<ReplayJob, T> work) {
        sql("BEGIN");
        boolean committed = false;
        try {
            ReplayJob job = await(services.jobs().lockClaimed(connection, replayId, claimant)).orElseThrow(() -> new LostClaim(replayId));
            T result = work.apply(job);
            sql("COMMIT");
            committed = true;
            progressed = true;
            renewal.renewed();
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly(connection);
            }
        }
    }

    private void requireRebuild(SqlConnection on) {
        if (!await(services.rebuild().exists(on))) {
            throw new ReplayFailure("the rebuild's tables in " + RebuildStore.SCHEMA + " are missing");
        }
    }

    /** When a connection of the run last renewed the job's lease (each of its committed transactions renews it too). */
    private final class LeaseRenewal {
        private final SqlConnection on;
        private long renewedAt = System.nanoTime();

        LeaseRenewal(SqlConnection on) {
            this.on = on;
        }

        void renewed() {
            renewedAt = System.nanoTime();
        }

        /** Renews the lease outside any transaction once a third of it went by without one; a lost claim ends the run. */
        void renewIfDue() {
            if (System.nanoTime() - renewedAt > lease().toNanos() / 3) {
                if (!await(services.jobs().renew(on, replayId, claimant, lease()))) {
                    throw new LostClaim(replayId);
                }
                renewed();
            }
        }
    }

    private void pause() {
        Duration pause = services.config().batchPause();
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
    }

    private void checkStopping() {
        if (stopping.getAsBoolean()) {
            throw new Stopped();
        }
    }

    private static SortedMap<String, TopicOffset> offsets(ReplayTopicsReader reader) {
        Map<TopicPartition, Long> ends = reader.ends();
        SortedMap<String, TopicOffset> offsets = new TreeMap<>();
        reader.positions().forEach((partition, position) ->
                offsets.put(key(partition), new TopicOffset(position, ends.getOrDefault(partition, position))));
        return offsets;
    }

    private long lag(Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> positions = reader.positions();
        return ends.entrySet().stream().mapToLong(end -> Math.max(0, end.getValue() - positions.getOrDefault(end.getKey(), 0L))).sum();
    }

    private Duration lease() {
        return services.config().lease();
    }

    private void sql(String statement) {
        execute(connection, statement);
    }

    private static void execute(SqlConnection on, String statement) {
        await(on.query(statement).execute());
    }

    private static void rollbackQuietly(SqlConnection transaction) {
        try {
            execute(transaction, "ROLLBACK");
        } catch (RuntimeException ignored) {
            // the connection is gone: the transaction went with it
        }
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().indefinitely();
    }

    static String key(TopicPartition partition) {
        return ReplayJob.partitionKey(partition.topic(), partition.partition());
    }

    static TopicPartition partition(String key) {
        int dash = key.lastIndexOf('-');
        return new TopicPartition(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)));
    }

    private void closeReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    public void close() {
        closeReader();
        try {
            connection.close().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // closing a connection that failed
        }
    }
}
