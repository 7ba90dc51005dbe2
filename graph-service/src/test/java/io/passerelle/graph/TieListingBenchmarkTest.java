package io.passerelle.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.repository.TiePageReader;
import io.passerelle.graph.service.TieCursor;
import io.passerelle.graph.service.TieQuery;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.passerelle.tie.TieStrengthModel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/owners/{ownerId}/ties?limit=50&class=WEAK} for an owner with 30,000 ties, four
 * clients at once, each walking the pages through cursors; beside it, in the same run and with the
 * same four clients, the service's no-op endpoint ({@code /q/health/live}), the floor of any answer.
 * Each client has its own {@link HttpClient}, hence its own connection, as separate users or
 * instances of a caller would: one client shared by the four would multiplex their requests over one
 * HTTP/2 connection, which the server serves on one event loop, and the benchmark would measure that
 * loop's queue rather than an answer. The pages are timed once the background refresh has diagnosed
 * the new network, a one-off computation that would otherwise share the event loops with them.
 * Prints percentiles and their ratio; asserts only the answers. Run with
 * {@code mvn -pl graph-service test -Dgroups=benchmark -DexcludedGroups=none -Dtest=TieListingBenchmarkTest}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TieListingBenchmarkTest {
    private static final int CLIENTS = 4;
    private static final int REQUESTS_PER_CLIENT = 250;
    private static final int WARM_UP_PER_CLIENT = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TieStrengthModel model;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPageOfFiftyTiesOfThirtyThousandWithFourClients() throws Exception {
        String owner = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        new BenchmarkNetwork(Instant.now(), model.parameters()).insert(owner);
        // What autovacuum would do soon after such a bulk write: the planner then knows the owner has 30,000 ties.
        try (java.sql.Connection connection = GraphDatabase.connect(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE ties");
        }
        // The background refresh diagnoses the new network once (a few hundred milliseconds of an event loop's time for
        // 30,000 ties): timed alongside, it would be counted against whichever pages shared that loop.
        await().alias("diagnosed in the background").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> GraphDatabase.diagnosticsAreCurrent(owner));
        String token = "Bearer " + LocalTokenIssuer.local().platform();

        long floorCpu = processCpuNanos();
        long[] floor = run(client -> {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "q/health/live")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
            return took;
        });
        floorCpu = processCpuNanos() - floorCpu;
        long pagesCpu = processCpuNanos();
        long[] pages = run(new PageWalker(token, owner)::next);
        pagesCpu = processCpuNanos() - pagesCpu;

        double floorP99 = percentile(floor, 0.99);
        double pageP99 = percentile(pages, 0.99);
        print("GET /q/health/live (no-op floor)", floor);
        print("GET .../ties?limit=50&class=WEAK, pages walked by cursor", pages);
        System.out.printf("BENCHMARK ratio of the page's p99 to the floor's: %.1f; of the medians: %.1f%n",
                pageP99 / floorP99, percentile(pages, 0.5) / percentile(floor, 0.5));
        // The processor time of the whole JVM (service and clients) per request: less sensitive than latencies to the other
        // work of a shared machine.
        System.out.printf("BENCHMARK processor time per request, service and clients together: floor %.2f ms, page %.2f ms%n",
                floorCpu / 1e6 / (CLIENTS * REQUESTS_PER_CLIENT), pagesCpu / 1e6 / (CLIENTS * REQUESTS_PER_CLIENT));
        Set<TieClass> weak = Set.of(TieClass.WEAK);
        printPlan("first page", TiePageReader.statement(owner, new TieQuery(weak, Set.of(), 0, 50, null), 51));
        printPlan("page after half of the ties",
                TiePageReader.statement(owner, new TieQuery(weak, Set.of(), 0, 50, new TieCursor(0, "contact-15000")), 51));
    }

    /** The plan PostgreSQL runs for a page, with its timings and buffers, as TiePageReader.page asks it (planned for its values). */
    private static void printPlan(String what, TiePageReader.Statement page) throws Exception {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < page.parameters().size(); i++) {
            Object value = page.parameters().getValue(i);
            values.append(i == 0 ? "" : ", ").append(value instanceof String[] array
                    ? "ARRAY[" + String.join(", ", Arrays.stream(array).map(TieListingBenchmarkTest::literal).toList()) + "]"
                    : value instanceof Number ? value.toString() : literal(String.valueOf(value)));
        }
        StringBuilder plan = new StringBuilder();
        try (java.sql.Connection connection = GraphDatabase.connect(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_custom_plan");
            statement.execute("PREPARE page AS " + page.sql());
            // The last of three: planned with the catalog caches warm, as on the service's pooled connections (the first
            // execution on a new connection reads the catalog, and its planning time says little).
            for (int execution = 0; execution < 3; execution++) {
                plan.setLength(0);
                try (java.sql.ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE page(" + values + ")")) {
                    while (rows.next()) {
                        plan.append("BENCHMARK   ").append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        System.out.printf("BENCHMARK plan of the %s:%n%s", what, plan);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** One client's walk through the owner's WEAK ties, back to the first page at the end. */
    private final class PageWalker {
        private final String token;
        private final String owner;
        private final ThreadLocal<String> cursor = new ThreadLocal<>();

        PageWalker(String token, String owner) {
            this.token = token;
            this.owner = owner;
        }

        /** One page; answers the time of the request alone, the reading of the answer left out. */
        long next(HttpClient client) throws Exception {
            String after = cursor.get();
            String uri = base + "v1/owners/" + owner + "/ties?limit=50&class=WEAK" + (after == null ? "" : "&cursor=" + after);
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            assertThat(page.get("items").size()).isPositive();
            cursor.set(page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText());
            return took;
        }
    }

    /** A call through a client's own connection that answers how long its request took. */
    @FunctionalInterface
    private interface Call {
        long call(HttpClient client) throws Exception;
    }

    /**
     * Each of the clients makes its calls one after the other, through its own HttpClient (its own
     * connection); the times after each client's warm-up, together.
     */
    private static long[] run(Call call) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<long[]>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(executor.submit(() -> {
                    HttpClient client = HttpClient.newHttpClient();
                    long[] times = new long[REQUESTS_PER_CLIENT];
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        times[i] = call.call(client);
                    }
                    return Arrays.copyOfRange(times, WARM_UP_PER_CLIENT, times.length);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> client : clients) {
                long[] times = client.get();
                long[] merged = Arrays.copyOf(all, all.length + times.length);
                System.arraycopy(times, 0, merged, all.length, times.length);
                all = merged;
            }
            Arrays.sort(all);
            return all;
        } finally {
            executor.shutdownNow();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static void print(String what, long[] sorted) {
        System.out.printf("BENCHMARK %s, %d ties, %d clients: median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests after warm-up)%n",
                what, BenchmarkNetwork.CONTACTS, CLIENTS, percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
