package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.Topics;
import io.passerelle.localstack.ServiceProcess;
import io.passerelle.localstack.security.LocalTokenIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Resident memory of the three packaged services, started with the JVM options they ship with
 * ({@code deploy/jvm.options}), while graph-service and advice-service drain a long backlog and
 * ingestion-service takes NDJSON batches, then once the load is over. Figures are printed against
 * the 256 MiB each service should stay under, never asserted. After the drain, the largest owner: graph-service's database
 * gets an owner of 30,000 contacts (the performance table's listing owner, {@link ListingNetwork}), which graph-service
 * diagnoses in the background, then four clients walk all of its WEAK ties by cursor, and its diagnostics and export are
 * read ({@code -Dbenchmark.memory.largest-owner.contacts}, 0 to leave it out). The peak of each phase is printed. Not part
 * of {@code mvn verify}: {@code mvn -pl end-to-end-tests verify -Pbenchmark -Dit.test=MemoryFootprintBenchmarkIT}
 * ({@code -Dbenchmark.memory.events=500000} by default; {@code -Dbenchmark.memory.nmt=true} adds the JVM's native
 * memory tracking and prints its summary per service, and graph-service's growth over the largest owner's phase; {@code -Dbenchmark.memory.jvm-options="..."} adds JVM options
 * to the three services, {@code -Dbenchmark.memory.jvm-options.graph-service="..."} to one, to try them before they go into
 * {@code deploy/jvm.options} or a service's configuration). Each service's collections are
 * logged in {@code target/end-to-end/gc/memory-benchmark}, emptied at the start of a run.
 */
@Tag("benchmark")
class MemoryFootprintBenchmarkIT {
    private static final int EVENTS = Integer.getInteger("benchmark.memory.events", 500_000);
    private static final int BATCHES = Integer.getInteger("benchmark.memory.batches", 200);
    /** Starts the services with native memory tracking and prints the JVM's own account of its memory at the end. */
    private static final boolean NATIVE_MEMORY_TRACKING = Boolean.getBoolean("benchmark.memory.nmt");
    /**
     * JVM options added to those the services ship with, for a trial. Through {@code _JAVA_OPTIONS}, which the JVM reads after its
     * command line: options in {@code JAVA_TOOL_OPTIONS} are read before it, so a trial of a shipped option ({@code -Xmx96m}) would
     * be overridden by the shipped value without a word.
     */
    private static final String TRIED_OPTIONS = System.getProperty("benchmark.memory.jvm-options", "").strip();
    private static final CollectorLogs GC_LOGS = new CollectorLogs("memory-benchmark");
    private static final int LARGEST_OWNER_CONTACTS = Integer.getInteger("benchmark.memory.largest-owner.contacts", 30_000);
    private static final int LARGEST_OWNER_CLIENTS = 4;
    private static final int OWNERS = 100;
    private static final int CONTACTS_PER_OWNER = 300;
    private static final long LIMIT_BYTES = 256L * 1024 * 1024;
    private static final List<String> INGESTION_TOPICS = List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS);

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("memory-benchmark");

    @Test
    void residentMemoryDuringAndAfterALongDrain() throws Exception {
        GC_LOGS.clear();
        ServiceProcess graph = system.service("graph-service", diagnostics("graph-service"));
        ServiceProcess advice = system.service("advice-service", diagnostics("advice-service"));
        ServiceProcess ingestion = system.service("ingestion-service", diagnostics("ingestion-service"));
        Map<String, ResidentMemory> samples = new LinkedHashMap<>();
        for (ServiceProcess service : List.of(ingestion, graph, advice)) {
            samples.put(service.name(), new ResidentMemory(service.pid()));
        }
        Map<String, Long> atStart = snapshot(samples);
        phase(samples, "the drain");

        HttpClient http = HttpClient.newHttpClient();
        String token = LocalTokenIssuer.local().platform();
        for (int owner = 0; owner < OWNERS; owner++) {
            // Every owner gets an objective, so that advice-service ranks on each of their tie updates.
            String ownerId = SyntheticStream.ownerId("memory", owner);
            assertThat(ServiceApis.answer(() -> system.adviceApi(advice).objectives().putObjectiveWithHttpInfo(SyntheticStream.OBJECTIVE_ID,
                    ownerId, SyntheticStream.objective())).getStatusCode()).isEqualTo(200);
        }

        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> samples.values().forEach(ResidentMemory::sample), 0, 250, TimeUnit.MILLISECONDS);
        long drainStart = System.nanoTime();
        try {
            SyntheticStream.send(system.kafka(), SyntheticStream.generate("memory", OWNERS, CONTACTS_PER_OWNER, EVENTS, 11));
            int accepted = postBatches(http, token, ingestion);
            await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> system.kafka().lag("graph-service", INGESTION_TOPICS) == 0);
            await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> system.kafka().lag("advice-service", List.of(Topics.TIES, Topics.OWNERS)) == 0);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

            String largestOwner = "";
            String graphGrowth = "";
            if (LARGEST_OWNER_CONTACTS > 0) {
                phase(samples, "the largest owner");
                if (NATIVE_MEMORY_TRACKING) {
                    jcmd(graph.pid(), "VM.native_memory", "baseline");
                }
                largestOwner = readLargestOwner(graph, token);
                if (NATIVE_MEMORY_TRACKING) {
                    graphGrowth = jcmd(graph.pid(), "VM.native_memory", "summary.diff");
                }
            }
            phase(samples, "after the load");

            // After the load: what the services keep once their queues are empty and a few GC cycles have run.
            await().pollDelay(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(31)).until(() -> true);
            Map<String, Long> after = snapshot(samples);

            System.out.printf("%nResident memory (VmRSS) with %s, %,d events drained in %.0f s, %,d batch interactions accepted%n",
                    String.join(" ", ServiceProcess.jvmOptions(PasserelleSystem.PROJECT)), EVENTS, drainSeconds, accepted);
            for (String service : samples.keySet()) {
                String tried = triedOptions(service);
                if (!tried.isEmpty()) {
                    System.out.printf("  tried on %s: %s%n", service, tried);
                }
            }
            if (!largestOwner.isEmpty()) {
                System.out.println("  then " + largestOwner);
            }
            System.out.printf("  %-18s %10s %12s %10s %8s%n", "service", "at start", "peak (load)", "after", "limit");
            samples.forEach((name, memory) -> System.out.printf("  %-18s %8.0f MiB %10.0f MiB %8.0f MiB %5d MiB%s%n", name,
                    mib(atStart.get(name)), mib(memory.peak()), mib(after.get(name)), LIMIT_BYTES >> 20,
                    memory.peak() > LIMIT_BYTES || after.get(name) > LIMIT_BYTES ? "  over" : ""));
            samples.forEach((name, memory) -> System.out.printf("  %s, peak per phase (MiB): %s; after the load: %s%n", name,
                    memory.peaksByPhase(), memory.composition()));
            System.out.println();
            if (NATIVE_MEMORY_TRACKING) {
                if (!graphGrowth.isEmpty()) {
                    System.out.println("Native memory of graph-service, growth over the largest owner's phase:\n" + graphGrowth);
                }
                for (ServiceProcess service : List.of(ingestion, graph, advice)) {
                    System.out.println("Native memory of " + service.name() + ":\n" + jcmd(service.pid(), "VM.native_memory", "summary"));
                }
            }
        } finally {
            sampler.shutdownNow();
        }
    }

    /**
     * The largest owner, read as a platform would: written straight into graph-service's database, diagnosed by graph-service in the
     * background, then {@value #LARGEST_OWNER_CLIENTS} clients (a connection each) walk all of its WEAK ties by cursor, and its
     * diagnostics and its export are read. Fails when a walk misses a tie. Answers what was done, for the printout.
     */
    private static String readLargestOwner(ServiceProcess graph, String token) throws Exception {
        String owner = "memory-largest";
        long start = System.nanoTime();
        ListingNetwork.writeDiagnosed(system, owner, LARGEST_OWNER_CONTACTS);
        double diagnosedSeconds = (System.nanoTime() - start) / 1e9;
        ExecutorService clients = Executors.newFixedThreadPool(LARGEST_OWNER_CLIENTS);
        int pages = 0;
        try {
            List<Future<ListingNetwork.Walk>> walks = new ArrayList<>();
            for (int client = 0; client < LARGEST_OWNER_CLIENTS; client++) {
                walks.add(clients.submit(() -> ListingNetwork.walkWeakTies(graph, owner, token)));
            }
            for (Future<ListingNetwork.Walk> walk : walks) {
                ListingNetwork.Walk walked = walk.get(10, TimeUnit.MINUTES);
                // ListingNetwork stores every tie WEAK: a walk that does not see them all lost some on the way.
                assertThat(walked.ties()).as("WEAK ties walked").isEqualTo(LARGEST_OWNER_CONTACTS);
                pages += walked.pagePaths().size();
            }
        } finally {
            clients.shutdownNow();
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> diagnostics = http.send(get(graph, "v1/owners/" + owner + "/diagnostics", token), HttpResponse.BodyHandlers.ofString());
        assertThat(diagnostics.statusCode()).as(diagnostics.body()).isEqualTo(200);
        HttpResponse<InputStream> export = http.send(get(graph, "v1/owners/" + owner + "/export", token), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        long exported;
        try (InputStream body = export.body()) {
            exported = body.transferTo(OutputStream.nullOutputStream());
        }
        return String.format(Locale.ROOT, "the largest owner: %,d ties written into graph-service's database and diagnosed in the background "
                        + "(%.0f s), %,d pages of 50 WEAK ties read by %d clients, its diagnostics, its export (%,d bytes)",
                LARGEST_OWNER_CONTACTS, diagnosedSeconds, pages, LARGEST_OWNER_CLIENTS, exported);
    }

    private static HttpRequest get(ServiceProcess service, String path, String token) {
        return HttpRequest.newBuilder(service.baseUri().resolve(path)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static void phase(Map<String, ResidentMemory> samples, String name) {
        samples.values().forEach(memory -> memory.phase(name));
    }

    /**
     * NDJSON batches of 100 interactions for the owners of the stream, each answered 200 with no line rejected. Sent
     * raw: the generated client (native library) writes a binary body as JSON, the file's path, not its lines.
     */
    private static int postBatches(HttpClient http, String token, ServiceProcess ingestion) throws Exception {
        int accepted = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                body.append("{\"kind\":\"interaction\",\"interactionId\":\"batch-").append(batch).append('-').append(i).append("\",\"contactId\":\"")
                        .append(SyntheticStream.contactId(i % CONTACTS_PER_OWNER))
                        .append("\",\"occurredAt\":\"2026-01-15T10:00:00Z\",\"channel\":\"EMAIL\",\"direction\":\"OUTBOUND\"}\n");
            }
            String owner = SyntheticStream.ownerId("memory", batch % OWNERS);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(ingestion.baseUri().resolve(
                    "v1/owners/" + owner + "/batch"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).as("every line accepted").contains("\"rejected\":[]");
            accepted += 100;
        }
        return accepted;
    }

    /**
     * What each service gets besides the shipped options: its collection log and native memory tracking when asked (neither is
     * shipped, so {@code JAVA_TOOL_OPTIONS} does), and the options tried, which must override the shipped ones.
     */
    private static Map<String, String> diagnostics(String service) {
        String added = GC_LOGS.option(service) + (NATIVE_MEMORY_TRACKING ? " -XX:NativeMemoryTracking=summary" : "");
        String tried = triedOptions(service);
        return tried.isEmpty() ? Map.of("JAVA_TOOL_OPTIONS", added.strip())
                : Map.of("JAVA_TOOL_OPTIONS", added.strip(), "_JAVA_OPTIONS", tried);
    }

    /** The options tried on every service, then those tried on this one. */
    private static String triedOptions(String service) {
        return (TRIED_OPTIONS + " " + System.getProperty("benchmark.memory.jvm-options." + service, "")).strip();
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static Map<String, Long> snapshot(Map<String, ResidentMemory> samples) {
        Map<String, Long> now = new LinkedHashMap<>();
        samples.forEach((name, memory) -> now.put(name, memory.sample()));
        return now;
    }

    private static double mib(long bytes) {
        return ResidentMemory.mib(bytes);
    }
}
