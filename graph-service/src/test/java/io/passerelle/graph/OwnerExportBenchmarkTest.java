package io.passerelle.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The owner export of 30,000 contacts and ties: how long it takes and how much it writes (runs 1–2),
 * then how much live heap the service (this JVM) holds while it streams (run 3: a full collection
 * every 50 ms, so each sample is what is still referenced, not garbage awaiting collection), against
 * the size of the answer. A buffered export holds the whole answer, and more, at once; a streamed one
 * about one fetch of rows. Prints figures; asserts only that the export is whole.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class OwnerExportBenchmarkTest {
    private static final int CONTACTS = 30_000;

    @TestHTTPResource("/")
    URI base;

    @Test
    void exportOfThirtyThousandTies() throws Exception {
        String owner = "export-bench-" + UUID.randomUUID().toString().substring(0, 8);
        OwnerExportTest.seed(owner, CONTACTS - 1);
        given().get("/v1/owners/{owner}/export", owner).then().statusCode(200); // warm-up
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HttpClient client = HttpClient.newHttpClient();
        String token = "Bearer " + LocalTokenIssuer.local().platform();
        for (int run = 1; run <= 3; run++) {
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            boolean measuringMemory = run == 3;
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            if (measuringMemory) {
                sampler.scheduleAtFixedRate(() -> {
                    System.gc();
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }, 0, 50, TimeUnit.MILLISECONDS);
            }
            long started = System.nanoTime();
            long bytes = 0;
            // The JDK client reads as this loop does, so the client side holds 64 KiB at a time, not the answer.
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(base + "v1/owners/" + owner + "/export"))
                    .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = body.read(buffer)) > 0; ) {
                    bytes += read;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.shutdown();
            assertThat(sampler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            if (measuringMemory) {
                System.out.printf("owner export, %,d ties, run %d: %,d bytes; live heap while streaming at most %.1f MB above the %.1f MB "
                                + "baseline (%.3f of the answer's size)%n",
                        CONTACTS, run, bytes, (peak.get() - baseline) / 1e6, baseline / 1e6, (peak.get() - baseline) / (double) bytes);
            } else {
                System.out.printf("owner export, %,d ties, run %d: %,d bytes in %.2f s (%.1f MB/s)%n",
                        CONTACTS, run, bytes, seconds, bytes / seconds / 1e6);
            }
            assertThat(bytes).isGreaterThan(CONTACTS * 100L);
        }
    }
}
