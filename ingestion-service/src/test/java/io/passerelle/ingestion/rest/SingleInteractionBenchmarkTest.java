package io.passerelle.ingestion.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
 * weighs on both alike; each pair's ratio and their median are printed, with the load average. Since a
 * busy machine still weighs more on the write (four processes take part: the service, the broker, the
 * producer's I/O thread and the client) than on the health check, each run also prints the CPU time per
 * request of the service's JVM and of the local stack's processes (broker, PostgreSQL), and the ratio
 * of those costs, which depends far less on what else the machine does. Asserts
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
    private static final int PAIRS = Integer.getInteger("benchmark.single.pairs", 8);
    private static final int SECONDS = Integer.getInteger("benchmark.single.seconds", 5);
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.single.warm-up-seconds", 30);
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
        List<Double> cpuRatios = new ArrayList<>();
        for (int pair = 1; pair <= PAIRS; pair++) {
            Run health = load("get", token, owners, SECONDS);
            Run single = load("interaction", token, owners, SECONDS);
            ratios.add(single.perSecond() / health.perSecond());
            cpuRatios.add(health.cpuMicrosPerRequest() / single.cpuMicrosPerRequest());
            System.out.printf("BENCHMARK pair %d: single %.0f req/s, health %.0f req/s, ratio %.3f; CPU per request (service JVM + local stack): "
                            + "single %.0f + %.0f us, health %.0f + %.0f us, ratio %.3f; load average %s%n",
                    pair, single.perSecond(), health.perSecond(), single.perSecond() / health.perSecond(),
                    single.serviceMicrosPerRequest(), single.stackMicrosPerRequest(), health.serviceMicrosPerRequest(),
                    health.stackMicrosPerRequest(), health.cpuMicrosPerRequest() / single.cpuMicrosPerRequest(), loadAverage());
        }
        System.out.printf("BENCHMARK single interaction / health, %d connections, %d pairs of %d s: median ratio %.3f (min %.3f, max %.3f); "
                        + "median ratio of CPU per request %.3f (min %.3f, max %.3f)%n",
                CONNECTIONS, PAIRS, SECONDS, median(ratios), min(ratios), max(ratios), median(cpuRatios), min(cpuRatios), max(cpuRatios));
    }

    /**
     * One run's requests per second, and the CPU time the service's JVM (this one: the service runs in
     * it) and the local stack's processes spent on each request (autocannon's own left out).
     */
    private record Run(double perSecond, double serviceMicrosPerRequest, double stackMicrosPerRequest) {
        double cpuMicrosPerRequest() {
            return serviceMicrosPerRequest + stackMicrosPerRequest;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2) : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** CPU time of this JVM so far, in nanoseconds. */
    private static long serviceCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time so far of the processes this JVM started that are not autocannon: the local stack's broker and PostgreSQL. */
    private static long stackCpuNanos() {
        return ProcessHandle.current().descendants()
                .filter(process -> !process.info().command().orElse("").endsWith("node"))
                .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** One autocannon run; asserts that every answer was the expected one and answers its figures. */
    private Run load(String kind, String token, String owners, int seconds) throws Exception {
        Map<String, Object> settings = new TreeMap<>(Map.of("url", base.toString(), "kind", kind, "path", "/q/health/live",
                "connections", CONNECTIONS, "durationSeconds", seconds, "warmUpSeconds", 0, "token", token,
                "ownerPrefix", owners, "owners", OWNERS, "contacts", CONTACTS));
        settings.put("idPrefix", UUID.randomUUID().toString().substring(0, 8));
        Path log = Files.createTempFile("autocannon-single", ".log");
        try {
            long serviceCpu = serviceCpuNanos();
            long stackCpu = stackCpuNanos();
            Process process = new ProcessBuilder("node", AUTOCANNON.resolve("load.js").toString(), JSON.writeValueAsString(settings))
                    .redirectError(log.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            serviceCpu = serviceCpuNanos() - serviceCpu;
            stackCpu = stackCpuNanos() - stackCpu;
            assertThat(exit).as("autocannon exit code; %s", Files.readString(log)).isZero();
            JsonNode result = JSON.readTree(output);
            long requests = result.get("requests").asLong();
            assertThat(result.get("correct").asLong()).as("%s: correct answers of %d (first wrong: %s, errors %s, timeouts %s)", kind,
                    requests, result.get("firstWrong"), result.get("errors"), result.get("timeouts")).isEqualTo(requests).isPositive();
            return new Run(result.get("requestsPerSecond").asDouble(), serviceCpu / 1e3 / requests, stackCpu / 1e3 / requests);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** autocannon as pinned in tooling/autocannon, into this module's target (as benchmark.sh does for end-to-end-tests). */
    private static void installAutocannon() throws Exception {
        Path tooling = PROJECT.resolve("tooling/autocannon");
        Files.createDirectories(AUTOCANNON);
        for (String file : List.of("package.json", "package-lock.json", "load.js")) {
            Files.copy(tooling.resolve(file), AUTOCANNON.resolve(file), StandardCopyOption.REPLACE_EXISTING);
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
