package io.passerelle.ingestion.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/owners/{ownerId}/interactions}, one interaction per request, 64 connections, beside the
 * service's no-op endpoint ({@code GET /q/health/live}) with the same 64 connections, driven by autocannon
 * as the performance table drives them (tooling/autocannon/load.js, installed into target/autocannon from
 * its package-lock.json). The two loads alternate in short runs so that whatever else the machine does
 * weighs on both alike; each pair's ratio and their median are printed, with the load average. Asserts
 * only that every answer was a 202 (a 200 for the health check), never a time. Run with
 * {@code mvn -pl ingestion-service test -Dgroups=benchmark -DexcludedGroups=none -Dtest=SingleInteractionBenchmarkTest}
 * (add {@code -Dbenchmark.single.pairs=} or {@code -Dbenchmark.single.seconds=} to change the runs).
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@TestProfile(SingleInteractionBenchmarkTest.WithoutRateLimits.class)
class SingleInteractionBenchmarkTest {
    private static final int CONNECTIONS = 64;
    private static final int PAIRS = Integer.getInteger("benchmark.single.pairs", 6);
    private static final int SECONDS = Integer.getInteger("benchmark.single.seconds", 5);
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.single.warm-up-seconds", 10);
    /** As the performance table: 100 owners of 300 contacts. */
    private static final int OWNERS = 100;
    private static final int CONTACTS = 300;
    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final Path AUTOCANNON = Path.of("target/autocannon").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** As the performance table: it measures what the service does, not its rate limits (1,000 writes/s per owner). */
    public static class WithoutRateLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.ingestion.rate-limit.enabled", "false");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void singleInteractionsBesideTheHealthCheck() throws Exception {
        installAutocannon();
        String token = LocalTokenIssuer.local().platform();
        String owners = "single-" + UUID.randomUUID().toString().substring(0, 8);
        load("get", token, owners, WARM_UP_SECONDS);
        load("interaction", token, owners, WARM_UP_SECONDS);
        List<Double> ratios = new ArrayList<>();
        for (int pair = 1; pair <= PAIRS; pair++) {
            double health = load("get", token, owners, SECONDS);
            double single = load("interaction", token, owners, SECONDS);
            ratios.add(single / health);
            System.out.printf("BENCHMARK pair %d: single %.0f req/s, health %.0f req/s, ratio %.3f, load average %s%n",
                    pair, single, health, single / health, loadAverage());
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("BENCHMARK single interaction / health, %d connections, %d pairs of %d s: median ratio %.3f (min %.3f, max %.3f)%n",
                CONNECTIONS, PAIRS, SECONDS, median, sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** One autocannon run; asserts that every answer was the expected one and answers the requests per second. */
    private double load(String kind, String token, String owners, int seconds) throws Exception {
        Map<String, Object> settings = new TreeMap<>(Map.of("url", base.toString(), "kind", kind, "path", "/q/health/live",
                "connections", CONNECTIONS, "durationSeconds", seconds, "warmUpSeconds", 0, "token", token,
                "ownerPrefix", owners, "owners", OWNERS, "contacts", CONTACTS));
        settings.put("idPrefix", UUID.randomUUID().toString().substring(0, 8));
        Path log = Files.createTempFile("autocannon-single", ".log");
        try {
            Process process = new ProcessBuilder("node", AUTOCANNON.resolve("load.js").toString(), JSON.writeValueAsString(settings))
                    .redirectError(log.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("autocannon exit code; %s", Files.readString(log)).isZero();
            JsonNode result = JSON.readTree(output);
            long requests = result.get("requests").asLong();
            assertThat(result.get("correct").asLong()).as("%s: correct answers of %d (first wrong: %s, errors %s, timeouts %s)", kind,
                    requests, result.get("firstWrong"), result.get("errors"), result.get("timeouts")).isEqualTo(requests).isPositive();
            return result.get("requestsPerSecond").asDouble();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** autocannon as pinned in tooling/autocannon, into this module's target (as benchmark.sh does for end-to-end-tests). */
    private static void installAutocannon() throws Exception {
        Path tooling = PROJECT.resolve("tooling/autocannon");
        Files.createDirectories(AUTOCANNON);
        for (String file : List.of("package.json", "package-lock.json", "load.js")) {
            Files.copy(tooling.resolve(file), AUTOCANNON.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(AUTOCANNON.resolve("node_modules/autocannon"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(AUTOCANNON.toFile()).inheritIO().start();
        assertThat(npm.waitFor()).as("npm ci in %s", AUTOCANNON).isZero();
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
