package io.passerelle.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Source;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.StatementStatistics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A replay of many interaction events (default 1,000,000, {@code -Dbenchmark.replay.events}) over a
 * realistic spread (owners of a few hundred contacts, a few years of interactions): how long each
 * phase of the job takes, and the rebuild's rate. Prints figures; asserts only that every record was
 * read and the job completed; {@code -Dbenchmark.replay.rounds=N} replays N times in a row, the later rounds
 * showing the compiled steady state; {@code -Dpasserelle.postgres.statement-statistics=true} prints the live drain's most
 * costly statements, and those of each replay ({@link StatementStatistics}). Run with
 * {@code mvn -pl graph-service -am test -Dgroups=benchmark -DexcludedGroups=none -Dtest=ReplayBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ReplayBenchmarkTest {
    private static final int EVENTS = Integer.getInteger("benchmark.replay.events", 1_000_000);
    private static final int OWNERS = Integer.getInteger("benchmark.replay.owners", 2_000);
    private static final int CONTACTS_PER_OWNER = 250;
    private static final int ROUNDS = Integer.getInteger("benchmark.replay.rounds", 1);

    @Test
    void replayOfManyEvents() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(11);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Optional<StatementStatistics> statements = StatementStatistics.enabled()
                ? LocalStack.shared().embeddedPostgres().map(StatementStatistics::of) : Optional.empty();
        statements.ifPresent(StatementStatistics::reset);
        long produceStart = System.nanoTime();
        List<Future<?>> acks = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String owner = "replay-bench-" + run + "-" + random.nextInt(OWNERS);
            Interaction interaction = new Interaction("i-" + i, "contact-" + random.nextInt(CONTACTS_PER_OWNER),
                    now.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 365 * 3))),
                    Channel.values()[random.nextInt(Channel.values().length)], Direction.values()[random.nextInt(Direction.values().length)],
                    null, Source.EMAIL);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, owner,
                    EventJson.write(new InteractionRecorded(owner, interaction)));
            KafkaTestClient.header(record, "ce_id", Identifiers.stableId(owner, interaction.interactionId()));
            KafkaTestClient.header(record, "ce_specversion", "1.0");
            KafkaTestClient.header(record, "ce_type", EventTypes.INTERACTION_RECORDED);
            KafkaTestClient.header(record, "ce_source", "urn:passerelle:benchmark");
            KafkaTestClient.header(record, "content-type", "application/json");
            acks.add(KafkaTestClient.producer().send(record));
            if (acks.size() == 10_000) {
                for (Future<?> ack : acks) {
                    ack.get();
                }
                acks.clear();
            }
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        // The live consumer projects them too; the replay starts once it is done, so that it has the database to itself.
        CpuTimes drainCpuBefore = CpuTimes.now();
        long drainStart = System.nanoTime();
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> KafkaTestClient.lag("graph-service", Topics.INTERACTIONS) == 0);
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        CpuTimes drainCpuAfter = CpuTimes.now();

        System.out.printf("%nReplay benchmark: %,d interactions over %,d owners on %d cores%n", EVENTS, OWNERS,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  produced to Kafka           : %6.1f s%n", produceSeconds);
        System.out.printf("  drained by the live consumer: %6.1f s (%,.0f events/s)%n", drainSeconds, EVENTS / drainSeconds);
        System.out.printf("    CPU: this JVM %.1f s, PostgreSQL %.1f s (%.0f and %.0f µs per event)%n",
                (drainCpuAfter.jvmMillis() - drainCpuBefore.jvmMillis()) / 1e3, (drainCpuAfter.postgresMillis() - drainCpuBefore.postgresMillis()) / 1e3,
                (drainCpuAfter.jvmMillis() - drainCpuBefore.jvmMillis()) * 1e3 / EVENTS,
                (drainCpuAfter.postgresMillis() - drainCpuBefore.postgresMillis()) * 1e3 / EVENTS);
        // Counted from before the first record was sent: the drain starts with the first of them.
        printStatements(statements);
        // The first rounds also pay for compiling the code they run: with -Dbenchmark.replay.rounds=2 or more, the later rounds show the steady state.
        for (int round = 1; round <= ROUNDS; round++) {
            replayOnce(round, statements);
        }
    }

    private void replayOnce(int round, Optional<StatementStatistics> statements) throws Exception {
        statements.ifPresent(StatementStatistics::reset);
        CpuTimes cpuBefore = CpuTimes.now();
        long replayStart = System.nanoTime();
        String path = Replays.request();
        // The processor time as the job is first seen publishing (within a poll of the switch), to split it between the phases.
        AtomicReference<CpuTimes> cpuAtPublishing = new AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String state = Replays.state(path);
                    if (cpuAtPublishing.get() == null && List.of("PUBLISHING", "COMPLETED").contains(state)) {
                        cpuAtPublishing.set(CpuTimes.now());
                    }
                    return List.of("COMPLETED", "FAILED").contains(state);
                });
        double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
        CpuTimes cpuAfter = CpuTimes.now();
        JsonPath job = Replays.job(path);
        assertThat(job.getString("state")).as("error: %s", job.getString("error")).isEqualTo("COMPLETED");
        long records = job.getLong("recordsRead");
        assertThat(records).isGreaterThanOrEqualTo(EVENTS);
        Instant started = Instant.parse(job.getString("startedAt"));
        Instant switched = Instant.parse(job.getString("switchedAt"));
        Instant finished = Instant.parse(job.getString("finishedAt"));
        double rebuildSeconds = Duration.between(started, switched).toMillis() / 1e3;
        double publishSeconds = Duration.between(switched, finished).toMillis() / 1e3;
        System.out.printf("  replay round %d of %,d records%n", round, records);
        System.out.printf("    request to COMPLETED      : %6.1f s (%,.0f records/s)%n", replaySeconds, records / replaySeconds);
        System.out.printf("    rebuild (start to switch) : %6.1f s (%,.0f records/s)%n", rebuildSeconds, records / rebuildSeconds);
        System.out.printf("    publish (%,d ties)   : %6.1f s%n", job.getLong("tiesPublished"), publishSeconds);
        CpuTimes cpuSwitched = cpuAtPublishing.get();
        System.out.printf("    CPU: this JVM %.1f s, PostgreSQL %.1f s (machine load average %.1f)%n",
                (cpuAfter.jvmMillis() - cpuBefore.jvmMillis()) / 1e3, (cpuAfter.postgresMillis() - cpuBefore.postgresMillis()) / 1e3,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("      until seen publishing: this JVM %.1f s, PostgreSQL %.1f s; after: %.1f s, %.1f s%n%n",
                (cpuSwitched.jvmMillis() - cpuBefore.jvmMillis()) / 1e3, (cpuSwitched.postgresMillis() - cpuBefore.postgresMillis()) / 1e3,
                (cpuAfter.jvmMillis() - cpuSwitched.jvmMillis()) / 1e3, (cpuAfter.postgresMillis() - cpuSwitched.postgresMillis()) / 1e3);
        printStatements(statements);
    }

    private static void printStatements(Optional<StatementStatistics> statements) {
        statements.ifPresent(counted -> {
            System.out.printf("    PostgreSQL's statements: %.1f s of execution in all, the most costly:%n", counted.totalSeconds());
            counted.top(12).forEach(entry -> System.out.println("      " + entry.format(110)));
        });
    }

    /** CPU used so far by this JVM and by PostgreSQL's live processes (the postmaster and its children). */
    private record CpuTimes(long jvmMillis, long postgresMillis) {
        static CpuTimes now() throws Exception {
            long jvm = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
            long postgres = 0;
            try (java.sql.Connection connection = GraphDatabase.connect();
                    java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                rows.next();
                // A backend's parent is the postmaster.
                ProcessHandle postmaster = ProcessHandle.of(rows.getLong(1)).flatMap(ProcessHandle::parent).orElseThrow();
                // The postmaster's own time and that of its children that ended (cutime, cstime), then the live children's.
                postgres += ticks(postmaster.pid(), true);
                postgres += postmaster.descendants().mapToLong(child -> ticks(child.pid(), false)).sum();
            }
            return new CpuTimes(jvm, postgres * 10); // clock ticks of 10 ms (USER_HZ = 100 on Linux)
        }

        /** utime + stime (+ cutime + cstime) from /proc/PID/stat, in clock ticks; 0 for a process gone meanwhile. */
        private static long ticks(long pid, boolean withEndedChildren) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                return withEndedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
            } catch (java.io.IOException gone) {
                return 0;
            }
        }
    }
}
