package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.client.graph.model.ReplayJobAnswer;
import io.passerelle.client.graph.model.ReplayState;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Source;
import io.passerelle.localstack.PostgresServer;
import io.passerelle.localstack.StatementStatistics;
import io.passerelle.localstack.ServiceProcess;
import io.passerelle.localstack.security.LocalTokenIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One table of figures, each beside the limit of this machine measured in the same run, their ratio
 * and the target: ingestion-service's single and batch writes (autocannon), graph-service's
 * projection, the ties listing, freshness, resident memory, and a replay. Figures are printed, never
 * asserted against time; what is asserted is that every answer was correct. Not part of
 * {@code mvn verify}: run {@code ./benchmark.sh} at the root (end-to-end-tests' README lists the
 * sizes it takes as system properties).
 */
@Tag("benchmark")
class PerformanceTableBenchmarkIT {
    private static final int HTTP_SECONDS = Integer.getInteger("benchmark.table.http.seconds", 15);
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.table.warm-up.seconds", 15);
    private static final int SINGLE_CONNECTIONS = Integer.getInteger("benchmark.table.single.connections", 64);
    private static final int BATCH_CONNECTIONS = Integer.getInteger("benchmark.table.batch.connections", 8);
    private static final int BATCH_LINES = 100;
    private static final int PRODUCER_RECORDS = Integer.getInteger("benchmark.table.producer.records", 300_000);
    private static final int BACKLOG = Integer.getInteger("benchmark.table.backlog.events", 100_000);
    /** Row 3's limits of stored rows read the tie rows of this many drained events into memory before they time their upserts. */
    private static final int TIE_ROWS_EVENTS = Integer.getInteger("benchmark.table.tie-rows.events", 50_000);
    private static final int LISTING_CONTACTS = Integer.getInteger("benchmark.table.listing.contacts", 30_000);
    private static final int LISTING_REQUESTS = Integer.getInteger("benchmark.table.listing.requests-per-client", 250);
    private static final int LISTING_WARM_UP = 25;
    private static final int SETTLE_MINUTES = Integer.getInteger("benchmark.table.settle.minutes", 15);
    private static final int LISTING_CLIENTS = 4;
    private static final int FRESHNESS_RATE = Integer.getInteger("benchmark.table.freshness.rate", 1_000);
    private static final int FRESHNESS_SECONDS = Integer.getInteger("benchmark.table.freshness.seconds", 20);
    private static final int FRESHNESS_CONNECTIONS = Integer.getInteger("benchmark.table.freshness.connections", 64);
    private static final int REPLAY_EVENTS = Integer.getInteger("benchmark.replay.events", 1_000_000);
    private static final Path AUTOCANNON = Path.of(System.getProperty("benchmark.autocannon.directory",
            PasserelleSystem.PROJECT.resolve("end-to-end-tests/target/autocannon").toString()));
    private static final long MEMORY_LIMIT = 256L * 1024 * 1024;

    /** The owners and contacts every write of the table goes to: 100 owners of 300 contacts, so that ties are updated, not only created. */
    private static final String OWNER_PREFIX = "bench";
    private static final int OWNERS = 100;
    private static final int CONTACTS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("performance-table");

    private final List<String[]> table = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final Map<String, ResidentMemory> memory = new java.util.LinkedHashMap<>();
    /** The three services, for {@link CpuAccount}: rows 3 to 5 say where the machine's processor time went while they were timed. */
    private List<ServiceProcess> services = List.of();

    @Test
    void printThePerformanceTable() throws Exception {
        String loadAtStart = loadAverage();
        GC_LOGS.clear();
        for (String service : List.of("ingestion-service", "graph-service", "advice-service")) {
            if (!triedOptions(service).isEmpty()) {
                notes.add(service + " ran with options added for a trial: " + triedOptions(service));
            }
        }
        ServiceProcess graph = system.service("graph-service", gcLog("graph-service"));
        ServiceProcess advice = system.service("advice-service", gcLog("advice-service"));
        // The table measures what the service does, not its rate limits (1,000 writes/s per owner by default).
        Map<String, String> ingestionSettings = new HashMap<>(gcLog("ingestion-service"));
        ingestionSettings.put("PASSERELLE_INGESTION_RATE_LIMIT_ENABLED", "false");
        ServiceProcess ingestion = system.service("ingestion-service", ingestionSettings);
        services = List.of(ingestion, graph, advice);
        for (ServiceProcess service : services) {
            memory.put(service.name(), new ResidentMemory(service.pid()));
        }
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> memory.values().forEach(resident -> {
            try {
                resident.sample();
            } catch (RuntimeException restarting) {
                // graph-service is stopped and started again for the replay row; the sampler follows its new process.
            }
        }), 0, 250, TimeUnit.MILLISECONDS);
        String token = LocalTokenIssuer.local().platform();
        // With -Dpasserelle.postgres.statement-statistics=true (benchmark.sh sets it), row 3 lists where PostgreSQL's time went.
        Optional<StatementStatistics> statements = StatementStatistics.enabled()
                ? system.stack().embeddedPostgres().map(StatementStatistics::of) : Optional.empty();
        try {
            sendOwnerProfiles();
            phase("rows 1-2, ingestion's loads with graph-service and advice-service consuming");

            // Rows 1 and 2 with graph-service and advice-service consuming, then "alone": both paused with SIGSTOP.
            // Each load that fails is listed under the table and the others go on.
            Load healthWith = measured(() -> autocannon(ingestion, "get", SINGLE_CONNECTIONS, token, "health-with"));
            Load singleWith = measured(() -> autocannon(ingestion, "interaction", SINGLE_CONNECTIONS, token, "single-with"));
            Load batchWith = measured(() -> autocannon(ingestion, "batch", BATCH_CONNECTIONS, token, "batch-with"));
            int recordSize = averageInteractionRecordSize();
            Double producerWith = measured(() -> producerPerformance("with", recordSize));

            pause(graph, advice);
            phase("rows 1-2, ingestion's loads alone");
            long backlog;
            Load healthAlone;
            Load singleAlone;
            Load batchAlone;
            Double producerAlone;
            long toppedUp;
            try {
                healthAlone = measured(() -> autocannon(ingestion, "get", SINGLE_CONNECTIONS, token, "health-alone"));
                singleAlone = measured(() -> autocannon(ingestion, "interaction", SINGLE_CONNECTIONS, token, "single-alone"));
                batchAlone = measured(() -> autocannon(ingestion, "batch", BATCH_CONNECTIONS, token, "batch-alone"));
                producerAlone = measured(() -> producerPerformance("alone", recordSize));
                long lag = graphLag();
                toppedUp = Math.max(0, BACKLOG - lag);
                sendInteractionsToKafka("backlog", toppedUp);
                backlog = graphLag();
            } finally {
                statements.ifPresent(StatementStatistics::reset);
                resume(graph);
            }
            // Row 3 in two parts of one drain: the first half of the backlog with graph-service alone, advice-service still
            // paused (the limits beside it are measured with the machine to themselves), then the rest with advice-service
            // applying the tie updates graph-service published meanwhile, as a platform would run them.
            phase("row 3, the drain");
            long drainStart = System.nanoTime();
            CpuAccount drainCpu = CpuAccount.start();
            long aloneLagAtMost = backlog - backlog / 2;
            long drainedAlone;
            double aloneSeconds;
            try {
                await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> graphLag() <= aloneLagAtMost);
                aloneSeconds = (System.nanoTime() - drainStart) / 1e9;
                drainedAlone = backlog - graphLag();
                notes.add("row 3: processor time (s) while graph-service drained alone, " + drainCpu.since(CpuAccount.named(services)));
            } finally {
                resume(advice);
            }
            long sharedStart = System.nanoTime();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> graphLag() == 0);
            double sharedSeconds = (System.nanoTime() - sharedStart) / 1e9;
            double drainSeconds = aloneSeconds + sharedSeconds;
            statements.ifPresent(counted -> attempt(() -> {
                notes.add(String.format(Locale.ROOT, "row 3: PostgreSQL's statements while graph-service drained (advice-service's "
                        + "included once resumed), %.1f s of execution in all; the most costly:", counted.totalSeconds()));
                counted.top(8).forEach(entry -> notes.add("row 3, statement: " + entry.format(90)));
            }));

            if (singleAlone != null && healthAlone != null) {
                row("POST /v1/owners/{id}/interactions, " + SINGLE_CONNECTIONS + " conn., alone (req/s)",
                        singleAlone.requestsPerSecond(), "GET /q/health/live", healthAlone.requestsPerSecond(), "≥ 0.5");
            }
            if (singleWith != null && healthWith != null) {
                row("  same, graph and advice consuming (req/s)", singleWith.requestsPerSecond(), "GET /q/health/live",
                        healthWith.requestsPerSecond(), null);
            }
            for (Map.Entry<String, Load> load : latencies("single alone", singleAlone, "health alone", healthAlone, "single with consumers",
                    singleWith, "health with consumers", healthWith, "batch alone", batchAlone, "batch with consumers", batchWith)) {
                notes.add(String.format(Locale.ROOT, "rows 1-2, %s: %,d requests, latency p50 %.0f ms, p99 %.0f ms", load.getKey(),
                        load.getValue().requests(), load.getValue().p50(), load.getValue().p99()));
            }
            if (batchAlone != null && producerAlone != null) {
                row("POST /v1/owners/{id}/batch, 100 lines, " + BATCH_CONNECTIONS + " conn., alone (events/s)",
                        batchAlone.requestsPerSecond() * BATCH_LINES, "Kafka ProducerPerformance", producerAlone, "≥ 0.5");
            }
            if (batchWith != null && producerWith != null) {
                row("  same, graph and advice consuming (events/s)", batchWith.requestsPerSecond() * BATCH_LINES,
                        "Kafka ProducerPerformance", producerWith, null);
            }
            notes.add(String.format(Locale.ROOT, "row 2: ProducerPerformance %,d records of %d bytes (the average interaction record: "
                    + "key, value and headers), acks=all, enable.idempotence=true, 6 partitions", PRODUCER_RECORDS, recordSize));

            List<String[]> drained = drainedEvents((int) backlog);
            ProjectionLimits limits = new ProjectionLimits(system);
            double keyRowsRate = limits.keyRowsMultiRow(drained);
            ProjectionLimits.StoredRows sample = limits.storedRows(drained.subList(0, Math.min(drained.size(), TIE_ROWS_EVENTS)));
            double storedRowsRate = limits.storedRowsMultiRow(sample);
            double perEventRate = limits.storedRowsPerEvent(sample);
            double aloneRate = drainedAlone / aloneSeconds;
            String alone = "graph-service projection alone, the first " + String.format(Locale.ROOT, "%,d", drainedAlone)
                    + " events of a backlog of " + String.format(Locale.ROOT, "%,d", backlog) + " (events/s)";
            String perEvent = "its tie rows as stored, one upsert an event, 100 events/tx, 2 clients";
            row(alone, aloneRate, perEvent, perEventRate, "≥ 0.5");
            row("  same, advice-service consuming: the other " + String.format(Locale.ROOT, "%,d", backlog - drainedAlone) + " (events/s)",
                    (backlog - drainedAlone) / sharedSeconds, perEvent, perEventRate, null);
            row("  graph-service alone beside a multi-row upsert of its tie rows as stored (events/s)", aloneRate,
                    "its tie rows as stored, one multi-row upsert a tx, 100 events/tx, 2 clients", storedRowsRate, null);
            row("  graph-service alone beside a multi-row upsert of 5-column rows (events/s)", aloneRate,
                    "5-column rows, one multi-row upsert a tx, 100 events/tx, 2 clients", keyRowsRate, null);
            notes.add(String.format(Locale.ROOT, "row 3, limits: the first is the issue's (pgbench: 100 events per transaction, insert of the "
                    + "event id and upsert of a tie row, 2 clients), with the rows graph-service stored for the ties of the first %,d drained "
                    + "events, every column, into a copy of the ties table with its indexes (%d, the listing's included) but not its "
                    + "triggers, each statement a round trip; the second writes the same rows with one statement per kind and transaction; "
                    + "the third, of all %,d drained events, a 5-column row per tie (key, count, last event id, time), whose updates can be "
                    + "heap-only; the first two stamp updated_at and scored_at on each update as the projection does; each records its event ids "
                    + "in a dedupe table",
                    sample.events().size(), limits.tieIndexes(), drained.size()));
            notes.add(String.format(Locale.ROOT, "row 3: backlog of %,d interactions left by rows 1-2 (%,d of them sent straight to Kafka to reach "
                    + "%,d), drained in %.1f s after graph-service's SIGCONT, the consumer's rejoin included: the first %,d in %.1f s with "
                    + "advice-service paused, then advice-service resumed and the other %,d in %.1f s", backlog, toppedUp, BACKLOG, drainSeconds,
                    drainedAlone, aloneSeconds, backlog - drainedAlone, sharedSeconds));
        } catch (Throwable failure) {
            failures.add(failure);
        }

        // Whatever failed above, neither consumer is left paused for the rows that follow.
        attempt(() -> resume(graph, advice));
        phase("advice-service catching up after the drain");
        attempt(this::awaitAdviceCaughtUp);
        phase("row 4, the listing (its 30,000 ties written, diagnosed, then read)");
        attempt(() -> measureListing(graph, token));
        phase("row 5, freshness");
        attempt(() -> measureFreshness(ingestion, token));
        phase("row 7, the replay (graph-service restarted)");
        attempt(() -> measureReplay(graph));
        phase("the 15 s after the load");

        try {
            // After the load: what each service keeps once its queues are empty and a few collections have run.
            await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(16)).until(() -> true);
            sampler.shutdownNow();
            memory.forEach((name, resident) -> attempt(() -> {
                long after = resident.sample();
                row(name + " VmRSS peak during / after (MiB)", String.format(Locale.ROOT, "%.0f / %.0f", ResidentMemory.mib(resident.peak()),
                        ResidentMemory.mib(after)), "—", "—", "≤ 256 MiB", resident.peak() <= MEMORY_LIMIT && after <= MEMORY_LIMIT);
                notes.add(String.format(Locale.ROOT, "memory, %s: peak of %.0f MiB during %s (peak per phase, MiB: %s)", name,
                        ResidentMemory.mib(resident.peak()), resident.peakPhase(), resident.peaksByPhase()));
            }));
        } finally {
            for (String service : List.of("ingestion-service", "graph-service", "advice-service")) {
                attempt(() -> notes.add(garbageCollections(service)));
            }
            // Whatever happened, the rows measured are printed and kept in the file.
            print(loadAtStart, loadAverage());
        }
        if (!failures.isEmpty()) {
            failures.stream().skip(1).forEach(failures.get(0)::addSuppressed);
            throw new AssertionError("a row could not be measured (the table above shows the rows that were)", failures.get(0));
        }
    }

    // ---- rows 1 and 2: autocannon, ProducerPerformance ----

    @FunctionalInterface
    private interface Measure<T> {
        T run() throws Exception;
    }

    /** The measure's value, or null once its failure is kept for the list under the table. */
    private <T> T measured(Measure<T> measure) {
        try {
            return measure.run();
        } catch (Throwable failure) {
            failures.add(failure);
            return null;
        }
    }

    /** The loads that were measured, by name (arguments: name, load, name, load, …). */
    private static List<Map.Entry<String, Load>> latencies(Object... namesAndLoads) {
        List<Map.Entry<String, Load>> measuredLoads = new ArrayList<>();
        for (int i = 0; i < namesAndLoads.length; i += 2) {
            if (namesAndLoads[i + 1] != null) {
                measuredLoads.add(Map.entry((String) namesAndLoads[i], (Load) namesAndLoads[i + 1]));
            }
        }
        return measuredLoads;
    }

    record Load(long requests, long correct, double requestsPerSecond, double p50, double p99) {
    }

    /** One autocannon load (tooling/autocannon/load.js) of {@code kind} against {@code service}; asserts that every answer was correct. */
    private Load autocannon(ServiceProcess service, String kind, int connections, String token, String idPrefix) throws Exception {
        Map<String, Object> settings = new TreeMap<>(Map.of("url", service.baseUri().toString(), "kind", kind, "path", "/q/health/live",
                "connections", connections, "durationSeconds", HTTP_SECONDS, "warmUpSeconds", WARM_UP_SECONDS, "token", token,
                "ownerPrefix", OWNER_PREFIX, "owners", OWNERS, "contacts", CONTACTS));
        settings.put("idPrefix", idPrefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        settings.put("linesPerBatch", BATCH_LINES);
        return autocannon(settings, idPrefix);
    }

    /** One autocannon load with {@code settings} (load.js's, listed at its top); asserts that every answer was correct. */
    private static Load autocannon(Map<String, Object> settings, String name) throws Exception {
        Path log = Files.createTempFile("autocannon-" + name, ".log");
        Process process = new ProcessBuilder("node", AUTOCANNON.resolve("load.js").toString(), JSON.writeValueAsString(settings))
                .redirectError(log.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("autocannon exit code; %s", Files.readString(log)).isZero();
        JsonNode result = JSON.readTree(output);
        long requests = result.get("requests").asLong();
        assertThat(result.get("correct").asLong()).as("%s: correct answers of %d (first wrong: %s, errors %s, timeouts %s)", name, requests,
                result.get("firstWrong"), result.get("errors"), result.get("timeouts")).isEqualTo(requests).isPositive();
        return new Load(requests, result.get("correct").asLong(), result.get("requestsPerSecond").asDouble(),
                result.get("latencyP50").asDouble(), result.get("latencyP99").asDouble());
    }

    /** The mean size of the last interaction records on the topic: key, value, and each header's key and value. */
    private int averageInteractionRecordSize() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTERACTIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            ends.forEach((partition, end) -> consumer.seek(partition, Math.max(0, end - 500)));
            long bytes = 0;
            int records = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records < 2_000 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
                    for (Header header : record.headers()) {
                        bytes += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
                    }
                    records++;
                }
            }
            assertThat(records).as("interaction records read to size them").isPositive();
            return (int) Math.round((double) bytes / records);
        }
    }

    /**
     * Kafka's own producer benchmark against the stack's broker, in a JVM of its own (as
     * kafka-producer-perf-test runs it), on a topic of its own with as many partitions as the
     * interactions topic; answers its records per second.
     */
    private double producerPerformance(String phase, int recordSize) throws Exception {
        String topic = "benchmark.producer-performance." + phase;
        system.kafka().createTopic(topic, 6);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("producer-performance-" + phase, ".log");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", Integer.toString(PRODUCER_RECORDS),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + system.stack().kafkaBootstrapServers(), "acks=all", "enable.idempotence=true")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("ProducerPerformance ended").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        Matcher total = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec").matcher(output);
        String last = null;
        while (total.find()) {
            last = total.group(0);
        }
        assertThat(last).as("ProducerPerformance's summary in %s", output).isNotNull();
        Matcher summary = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec").matcher(last);
        assertThat(summary.find()).isTrue();
        assertThat(Long.parseLong(summary.group(1))).as("records sent").isEqualTo(PRODUCER_RECORDS);
        return Double.parseDouble(summary.group(2));
    }

    // ---- row 3: projection against a plain batched upsert ----

    private long graphLag() throws Exception {
        return system.kafka().lag("graph-service", List.of(Topics.INTERACTIONS));
    }

    /** Owner, contact and event id of the newest {@code count} records of the interactions topic: those graph-service drained. */
    private static List<String[]> drainedEvents(int count) throws Exception {
        // Only the newest count are kept as they are read: the topic holds every interaction of rows 1 and 2 too.
        ArrayDeque<String[]> newest = new ArrayDeque<>(count);
        system.kafka().forEachRecord(Topics.INTERACTIONS, record -> {
            if (newest.size() == count) {
                newest.removeFirst();
            }
            newest.addLast(new String[] {record.key(), interactionContactId(record.value()), KafkaFixtures.header(record, "ce_id")});
        });
        return new ArrayList<>(newest);
    }

    private static String interactionContactId(String eventJson) {
        try {
            return JSON.readTree(eventJson).path("interaction").path("contactId").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An interaction record that is not JSON: " + eventJson, e);
        }
    }

    // ---- row 4: ties listing ----

    /**
     * The listing of a 30,000-tie owner beside graph-service's no-op endpoint, four clients each with
     * its own connection (one client shared by the four would multiplex them over one HTTP/2
     * connection, served by one event loop: the row would measure that loop's queue). Timed once the
     * background refresh has diagnosed the new network (a one-off computation on an event loop).
     */
    private void measureListing(ServiceProcess graph, String token) throws Exception {
        String owner = "bench-listing";
        ListingNetwork.writeDiagnosed(system, owner, LISTING_CONTACTS);
        String vacuumsBefore = autovacuums();
        Listing listing = listing(graph, owner, token);
        String cpuDuring = listing.cpu();
        String vacuumsAfter = autovacuums();
        double pageP99 = listing.pages().p99();
        double floorP99 = listing.floor().p99();
        row("GET /v1/owners/{id}/ties?limit=50&class=WEAK, " + String.format(Locale.ROOT, "%,d", LISTING_CONTACTS) + " ties, "
                        + LISTING_CLIENTS + " clients, p50 / p99 (ms)",
                String.format(Locale.ROOT, "%.1f / %.1f", listing.pages().p50(), pageP99), "graph GET /q/health/live p50 / p99",
                String.format(Locale.ROOT, "%.1f / %.1f", listing.floor().p50(), floorP99), String.format(Locale.ROOT, "%.1f", pageP99 / floorP99),
                "p99 ≤ 50 ms", pageP99 <= 50);
        notes.add(String.format(Locale.ROOT, "row 4: %,d pages (%,.0f/s) after %,d floor requests (%,.0f/s), timed by autocannon after %d warm-up "
                + "requests per connection, %d connections; the ratio is of the p99s; the owner's ties written by JDBC (ListingNetwork), then "
                + "diagnosed in the background before the timing", listing.pages().requests(), listing.pages().requestsPerSecond(),
                listing.floor().requests(), listing.floor().requestsPerSecond(), LISTING_WARM_UP, LISTING_CLIENTS));
        notes.add(String.format(Locale.ROOT, "row 4: processor time (s) while floor and pages were timed, %s; autovacuum at the start: %s; at the end: %s",
                cpuDuring, vacuumsBefore, vacuumsAfter));
    }

    /** What PostgreSQL's autovacuum workers are doing now, each after its database (read as the superuser: other users see no query text), or "none". */
    private static String autovacuums() throws SQLException {
        String url = system.stack().embeddedPostgres().map(PostgresServer::superuserJdbcUrl).orElse(null);
        if (url == null) {
            return "not known (an external PostgreSQL)";
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(string_agg(datname || ': ' || query, '; '), 'none') FROM pg_stat_activity"
                        + " WHERE backend_type = 'autovacuum worker'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The two loads and where the machine's processor time went while they ran (the walk that listed the pages left out). */
    private record Listing(Load pages, Load floor, String cpu) {
    }

    /**
     * The pages and the floor through autocannon, as rows 1 and 2. Four JDK HttpClients in this JVM,
     * each parsing every page, took 6.5 s of the 21.7 s of processor time of a run of 900 pages and 900
     * floor requests, with the machine saturated; with autocannon, this JVM's and the rest of the
     * account (autocannon's process, ended by then, and the kernel's network work) came to 1.9 s of
     * 13.9. The walk by cursor is made once first, untimed; each connection then requests the pages it
     * found in order, the first again after the last.
     */
    private Listing listing(ServiceProcess graph, String owner, String token) throws Exception {
        Path pathsFile = Files.createTempFile("listing-pages", ".txt");
        Files.write(pathsFile, ListingNetwork.walkWeakTies(graph, owner, token).pagePaths());
        Map<String, Object> settings = new TreeMap<>(Map.of("url", graph.baseUri().toString(), "connections", LISTING_CLIENTS, "token", token,
                "amount", LISTING_CLIENTS * (LISTING_REQUESTS - LISTING_WARM_UP), "warmUpAmount", LISTING_CLIENTS * LISTING_WARM_UP));
        Map<String, Object> floor = new TreeMap<>(settings);
        floor.putAll(Map.of("kind", "get", "path", "/q/health/live"));
        Map<String, Object> pages = new TreeMap<>(settings);
        pages.putAll(Map.of("kind", "pages", "pathsFile", pathsFile.toString()));
        CpuAccount cpu = CpuAccount.start();
        Load floorLoad = autocannon(floor, "listing-floor");
        Load pagesLoad = autocannon(pages, "listing-pages");
        return new Listing(pagesLoad, floorLoad, cpu.since(CpuAccount.named(services)));
    }

    private long adviceLag() throws Exception {
        return system.kafka().lag("advice-service", List.of(Topics.TIES, Topics.OWNERS));
    }

    /**
     * Rows 4 and 5 measure a stack at rest, not one still working through what rows 1 to 3 left:
     * advice-service drains the tie changes of the projection row for minutes after graph-service is
     * done. Waits until it has caught up, at most {@code benchmark.table.settle.minutes}; the note
     * says how long it took, or how much was left.
     */
    private void awaitAdviceCaughtUp() throws Exception {
        long lagAtStart = adviceLag();
        long start = System.nanoTime();
        try {
            await().atMost(Duration.ofMinutes(SETTLE_MINUTES)).pollInterval(Duration.ofSeconds(1)).until(() -> adviceLag() == 0);
            notes.add(String.format(Locale.ROOT, "rows 4-5: measured once advice-service had applied the %,d tie and profile records left "
                    + "by rows 1-3 (%.0f s)", lagAtStart, (System.nanoTime() - start) / 1e9));
        } catch (org.awaitility.core.ConditionTimeoutException stillBusy) {
            notes.add(String.format(Locale.ROOT, "rows 4-5: measured while advice-service still had %,d of the %,d tie and profile records "
                    + "left by rows 1-3 to apply (waited %d minutes)", adviceLag(), lagAtStart, SETTLE_MINUTES));
        }
    }

    private static double percentile(long[] sortedNanos, double p) {
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1))] / 1e6;
    }

    // ---- row 5: freshness ----

    /**
     * Interactions sent at a steady rate whatever the answers' pace (open loop: each request leaves at
     * its time, in flight with the others), each to a tie no other interaction of the run touches and
     * newer than any of that tie's; an interaction is visible when graph-service publishes its tie on
     * {@code passerelle.ties.v1} with that interaction as its last. graph-service publishes a tie
     * change before it commits the transaction that stores it, so this is the moment the change is
     * known outside graph-service, a commit's time before a read of the listing would show it.
     */
    private void measureFreshness(ServiceProcess ingestion, String token) throws Exception {
        int total = FRESHNESS_RATE * FRESHNESS_SECONDS;
        // Contacts no earlier row wrote: the first publication of each tie during the row is its interaction's.
        String contactPrefix = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Double> visibleAt = new ConcurrentHashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        AtomicReference<Throwable> listenerFailure = new AtomicReference<>();
        CompletableFuture<Void> seekedToEnd = new CompletableFuture<>();
        Thread listener = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = consumer()) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.TIES).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                seekedToEnd.complete(null);
                while (listening.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        double now = epochMillis();
                        if (record.value() != null && record.key().contains("/" + contactPrefix + "-")) {
                            visibleAt.putIfAbsent(record.key(), now);
                        }
                    }
                }
            } catch (Throwable failure) {
                listenerFailure.set(failure);
                seekedToEnd.completeExceptionally(failure);
            }
        }, "ties-listener");
        listener.start();
        seekedToEnd.get(60, TimeUnit.SECONDS);

        // The requests leave from Node (tooling/autocannon/open-loop.js), not from this JVM: a JDK HttpClient sending 1,000
        // requests a second took most of this JVM's processor time, fell seconds behind reading the answers (most ties were
        // published before their 202 was read) and sent a fifth to two thirds of the requests more than 5 ms late.
        Map<String, Object> settings = new TreeMap<>(Map.of("url", ingestion.baseUri().toString(), "token", token, "rate", FRESHNESS_RATE,
                "seconds", FRESHNESS_SECONDS, "owners", OWNERS, "ownerPrefix", OWNER_PREFIX, "contactPrefix", contactPrefix,
                "maxSockets", FRESHNESS_CONNECTIONS));
        Path log = Files.createTempFile("open-loop", ".log");
        String vacuumsBefore = autovacuums();
        CpuAccount cpu = CpuAccount.start();
        Process process = new ProcessBuilder("node", AUTOCANNON.resolve("open-loop.js").toString(), JSON.writeValueAsString(settings))
                .redirectError(log.toFile()).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor()).as("open-loop.js exit code; %s", Files.readString(log)).isZero();
        Map<String, double[]> sentAndAnswered = new HashMap<>();
        JsonNode summary = null;
        String firstRefusal = null;
        for (String line : lines) {
            JsonNode result = JSON.readTree(line);
            if (result.has("summary")) {
                summary = result.get("summary");
            } else if (result.get("status").asInt() == 202) {
                sentAndAnswered.put(result.get("key").asText(), new double[] {result.get("sentAt").asDouble(), result.get("answeredAt").asDouble()});
            } else if (firstRefusal == null) {
                firstRefusal = line;
            }
        }
        assertThat(summary).as("the sender's summary").isNotNull();
        assertThat(sentAndAnswered).as("interactions answered 202 (first refusal: %s)", firstRefusal).hasSize(total);
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> listenerFailure.get() != null || visibleAt.size() == total);
        } finally {
            listening.set(false);
            listener.join(10_000);
        }
        String cpuDuring = cpu.since(CpuAccount.named(services));
        String vacuumsAfter = autovacuums();
        assertThat(listenerFailure.get()).as("ties listener").isNull();
        long[] freshness = sentAndAnswered.entrySet().stream()
                .mapToLong(e -> Math.max(0, Math.round((visibleAt.get(e.getKey()) - e.getValue()[1]) * 1e6))).sorted().toArray();
        long[] fromSending = sentAndAnswered.entrySet().stream()
                .mapToLong(e -> Math.round((visibleAt.get(e.getKey()) - e.getValue()[0]) * 1e6)).sorted().toArray();
        long[] answers = sentAndAnswered.values().stream().mapToLong(times -> Math.round((times[1] - times[0]) * 1e6)).sorted().toArray();
        long beforeTheirAnswer = sentAndAnswered.entrySet().stream().filter(e -> visibleAt.get(e.getKey()) < e.getValue()[1]).count();
        double p99 = percentile(freshness, 0.99);
        row(String.format(Locale.ROOT, "freshness at %,d interactions/s, 202 to tie published, p50 / p99 (ms)", FRESHNESS_RATE),
                String.format(Locale.ROOT, "%.0f / %.0f", percentile(freshness, 0.5), p99), "—", "—", "p99 ≤ 250 ms", p99 <= 250);
        double sendingSeconds = summary.get("sendingSeconds").asDouble();
        notes.add(String.format(Locale.ROOT, "row 5: %,d interactions sent open loop by Node over up to %d keep-alive connections in %.1f s "
                        + "(%,.0f/s; %,d sent more than 5 ms late), each to a tie of its own; 202 p50 / p99 %.0f / %.0f ms after sending; "
                        + "visible = the tie's first publication on passerelle.ties.v1 (just before graph-service commits): p50 / p99 %.0f / %.0f ms "
                        + "after sending; %,d ties published before their 202 reached the client (counted as 0)",
                total, FRESHNESS_CONNECTIONS, sendingSeconds, total / sendingSeconds, summary.get("late").asLong(), percentile(answers, 0.5),
                percentile(answers, 0.99), percentile(fromSending, 0.5), percentile(fromSending, 0.99), beforeTheirAnswer));
        notes.add(String.format(Locale.ROOT, "row 5: processor time (s) from the first request to the last tie seen, %s; autovacuum at the "
                + "start: %s; at the end: %s", cpuDuring, vacuumsBefore, vacuumsAfter));
    }

    /** Now, in epoch milliseconds with microseconds: the clock open-loop.js stamps its requests with. */
    private static double epochMillis() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1e3 + now.getNano() / 1e6;
    }

    /** What the services are doing from now on: the note under each memory row says during which its peak came. */
    private void phase(String name) {
        memory.values().forEach(resident -> resident.phase(name));
    }

    // ---- row 7: replay ----

    /**
     * {@code benchmark.replay.events} interactions sent straight to Kafka (the interactions topic
     * emptied first, so that the replay reads these and the small owners and contacts topics) while
     * graph-service is stopped, then a replay requested and followed to COMPLETED.
     */
    private void measureReplay(ServiceProcess graph) throws Exception {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> graphLag() == 0);
        // Stopped (offsets committed) while the events are sent, and its group moved past them: the live
        // projection does not apply them, so that the replay is timed alone, not beside a live drain of the same events.
        graph.close();
        system.kafka().deleteAllRecords(Topics.INTERACTIONS);
        long produceStart = System.nanoTime();
        sendInteractionsToKafka("replay", REPLAY_EVENTS);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        system.kafka().moveGroupToEnd("graph-service", Topics.INTERACTIONS);
        graph.restart();
        memory.get(graph.name()).follow(graph.pid());

        long replayStart = System.nanoTime();
        UUID replayId = GraphReplays.request(graph);
        ReplayJobAnswer job = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> GraphReplays.job(graph, replayId), j -> List.of(ReplayState.COMPLETED, ReplayState.FAILED).contains(j.getState()));
        double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
        assertThat(job.getState()).as("replay (error: %s)", job.getError()).isEqualTo(ReplayState.COMPLETED);
        assertThat(job.getRecordsRead()).as("records read by the replay").isGreaterThanOrEqualTo(REPLAY_EVENTS);
        row(String.format(Locale.ROOT, "graph-service replay of %,d records, request to COMPLETED (s)", job.getRecordsRead()),
                String.format(Locale.ROOT, "%.1f", replaySeconds), "—", "—", "≤ 60 s", replaySeconds <= 60);
        notes.add(String.format(Locale.ROOT, "row 7: interactions topic emptied, %,d interactions sent to Kafka in %.1f s (%,.0f/s) while graph-service "
                        + "was stopped, its group moved past them, graph-service started again; the replay read %,d records (owners and contacts "
                        + "topics included), applied %,d events, published %,d ties (%,.0f records/s)",
                REPLAY_EVENTS, produceSeconds, REPLAY_EVENTS / produceSeconds, job.getRecordsRead(),
                job.getEventsApplied(), job.getTiesPublished(), job.getRecordsRead() / replaySeconds));
    }

    // ---- events sent straight to Kafka ----

    private static void sendOwnerProfiles() throws Exception {
        Location paris = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
        List<Future<?>> acks = new ArrayList<>();
        for (int owner = 0; owner < OWNERS; owner++) {
            String ownerId = OWNER_PREFIX + "-" + owner;
            acks.add(system.kafka().sendEvent(Topics.OWNERS, ownerId, Identifiers.randomId(), EventTypes.OWNER_PROFILE_UPDATED,
                    new OwnerProfileUpdated(ownerId, new OwnerProfile("Owner " + owner, "Coaching", null, null, List.of(), List.of(), paris,
                            List.of(), "en", false))));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
    }

    /** {@code count} interactions of the table's owners and contacts, sent as ingestion-service publishes them, waiting for every acknowledgement. */
    private static void sendInteractionsToKafka(String idPrefix, long count) throws Exception {
        Random random = new Random(17);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        // A failed send ends the loop: a producer that lost its broker would otherwise have each send wait max.block.ms.
        for (long i = 0; i < count && failure.get() == null; i++) {
            String owner = OWNER_PREFIX + "-" + random.nextInt(OWNERS);
            String interactionId = idPrefix + "-" + i;
            Interaction interaction = new Interaction(interactionId, "contact-" + random.nextInt(CONTACTS),
                    now.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 365))), Channel.EMAIL, Direction.OUTBOUND, null, Source.EMAIL);
            system.kafka().sendEvent(Topics.INTERACTIONS, owner, Identifiers.stableId(owner, interactionId), EventTypes.INTERACTION_RECORDED,
                    new InteractionRecorded(owner, interaction), (metadata, exception) -> {
                        if (exception == null) {
                            acknowledged.incrementAndGet();
                        } else {
                            failure.compareAndSet(null, exception);
                        }
                    });
        }
        system.kafka().flush();
        assertThat(failure.get()).as("sends to Kafka").isNull();
        assertThat(acknowledged.get()).isEqualTo(count);
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
    }

    // ---- garbage collection ----

    private static final CollectorLogs GC_LOGS = new CollectorLogs("performance-table");

    /** The collector's log of a service (graph-service is started again for the replay row: a file per process). */
    private static Map<String, String> gcLog(String service) {
        String tried = triedOptions(service);
        return tried.isEmpty() ? Map.of("JAVA_TOOL_OPTIONS", GC_LOGS.option(service))
                : Map.of("JAVA_TOOL_OPTIONS", GC_LOGS.option(service), "_JAVA_OPTIONS", tried);
    }

    /**
     * JVM options (system properties included) added to those a service ships with, for a trial:
     * {@code -Dbenchmark.table.jvm-options.graph-service="..."}. Through {@code _JAVA_OPTIONS}, which the JVM reads after its
     * command line, so that a trial of a shipped option wins; the table's notes name them.
     */
    private static String triedOptions(String service) {
        return System.getProperty("benchmark.table.jvm-options." + service, "").strip();
    }

    /** A collection as {@code -Xlog:gc} with {@code utctime} writes it: the instant it ended, its kind, its length. */
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\] .*Pause (Young|Full) .* ([\\d.]+)ms$");
    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /**
     * How often the service's collector stopped it during the run, and for how long in all. A
     * collection under way when the table paused the service (SIGSTOP) would count the whole pause as
     * its own: it is left out, and counted apart.
     */
    private static String garbageCollections(String service) throws IOException {
        long young = 0;
        long full = 0;
        long spanningAPause = 0;
        double youngMillis = 0;
        double fullMillis = 0;
        double longest = 0;
        for (Path file : GC_LOGS.of(service)) {
            for (String line : Files.readAllLines(file)) {
                Matcher pause = PAUSE.matcher(line);
                if (!pause.find()) {
                    continue;
                }
                double millis = Double.parseDouble(pause.group(3));
                Instant end = ZonedDateTime.parse(pause.group(1), GC_TIME).toInstant();
                if (spansAPause(service, end.minusNanos((long) (millis * 1e6)), end)) {
                    spanningAPause++;
                    continue;
                }
                longest = Math.max(longest, millis);
                if (pause.group(2).equals("Full")) {
                    full++;
                    fullMillis += millis;
                } else {
                    young++;
                    youngMillis += millis;
                }
            }
        }
        return String.format(Locale.ROOT, "garbage collection, %s: %,d full collections (%.1f s of pauses), %,d young (%.1f s), longest "
                + "pause %.0f ms%s (serial collector, deploy/jvm.options; logs in %s)", service, full, fullMillis / 1e3, young, youngMillis / 1e3,
                longest, spanningAPause == 0 ? "" : String.format(Locale.ROOT, "; %d under way when the service was paused, left out", spanningAPause),
                PasserelleSystem.PROJECT.relativize(GC_LOGS.directory()));
    }

    /** Whether [from, to] overlaps a time the table held the service paused. */
    private static boolean spansAPause(String service, Instant from, Instant to) {
        return PAUSED.getOrDefault(service, List.of()).stream().anyMatch(window -> from.isBefore(window.to()) && to.isAfter(window.from()));
    }

    // ---- SIGSTOP / SIGCONT ----

    /** A time a service was paused, from its SIGSTOP to its SIGCONT ({@link Instant#MAX} until then). */
    private record Paused(Instant from, Instant to) {
    }

    /** By service name, the times it was paused (the table's one thread pauses, resumes and counts). */
    private static final Map<String, List<Paused>> PAUSED = new HashMap<>();

    private static void pause(ServiceProcess... services) throws Exception {
        Instant now = Instant.now();
        for (ServiceProcess service : services) {
            PAUSED.computeIfAbsent(service.name(), name -> new ArrayList<>()).add(new Paused(now, Instant.MAX));
        }
        signal("-STOP", services);
    }

    /** Resumes those of the services that are paused; the others are left as they are. */
    private static void resume(ServiceProcess... services) throws Exception {
        ServiceProcess[] paused = Arrays.stream(services).filter(service -> {
            List<Paused> times = PAUSED.getOrDefault(service.name(), List.of());
            return !times.isEmpty() && times.get(times.size() - 1).to().equals(Instant.MAX);
        }).toArray(ServiceProcess[]::new);
        signal("-CONT", paused);
        Instant now = Instant.now();
        for (ServiceProcess service : paused) {
            List<Paused> times = PAUSED.get(service.name());
            times.set(times.size() - 1, new Paused(times.get(times.size() - 1).from(), now));
        }
    }

    private static void signal(String signal, ServiceProcess... services) throws IOException, InterruptedException {
        for (ServiceProcess service : services) {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(service.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill %s %s", signal, service.name()).isZero();
        }
    }

    // ---- the table ----

    @FunctionalInterface
    private interface Measurement {
        void run() throws Exception;
    }

    private void attempt(Measurement measurement) {
        try {
            measurement.run();
        } catch (Throwable failure) {
            failures.add(failure);
        }
    }

    /** A rate beside the machine's limit; {@code target} null for a row shown for comparison only (the target is the one "alone"). */
    private void row(String path, double passerelle, String limitName, double limit, String target) {
        String[] cells = {path, String.format(Locale.ROOT, "%,.0f", passerelle), String.format(Locale.ROOT, "%,.0f (%s)", limit, limitName),
                String.format(Locale.ROOT, "%.2f", passerelle / limit), target == null ? "—" : target,
                target == null ? "—" : passerelle / limit >= 0.5 ? "yes" : "NO"};
        table.add(cells);
    }

    private void row(String path, String passerelle, String limitName, String limit, String target, boolean met) {
        row(path, passerelle, limitName, limit, "—", target, met);
    }

    private void row(String path, String passerelle, String limitName, String limit, String ratio, String target, boolean met) {
        table.add(new String[] {path, passerelle, "—".equals(limitName) ? "—" : limit + " (" + limitName + ")", ratio, target, met ? "yes" : "NO"});
    }

    private void print(String loadAtStart, String loadAtEnd) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nPERFORMANCE TABLE — %s, %d cores, load average at start %s, at end %s%n%n", Instant.now()
                .truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), loadAtStart, loadAtEnd));
        out.append("| path | Passerelle | the machine's limit, same run | ratio | target | met? |\n");
        out.append("|---|---:|---:|---:|---|---|\n");
        for (String[] row : table) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        out.append('\n');
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        failures.forEach(failure -> out.append("- NOT MEASURED: ").append(failure).append('\n'));
        try {
            // Written before it is printed: the file stays when the console is lost.
            Path file = PasserelleSystem.PROJECT.resolve("end-to-end-tests/target/performance-table.md");
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            System.err.println("Could not write the table's file: " + e);
        }
        System.out.println(out);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
