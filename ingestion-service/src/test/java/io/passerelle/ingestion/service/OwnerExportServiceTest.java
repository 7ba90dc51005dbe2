package io.passerelle.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.ingestion.config.ExportConfig;
import io.passerelle.ingestion.config.IngestionConfig;
import io.passerelle.runtime.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The export's streaming of two services' answers, against stand-ins for graph-service and
 * advice-service served by the JDK's own HTTP server (the end-to-end tests run it against the real
 * ones): what is passed on, when it is a 404 or a 503, and how a service that stops halfway ends it.
 */
class OwnerExportServiceTest {
    /** Generous: the stand-ins answer at once, and this machine may be busy. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Where the test waits for the timeout itself: any bound works, since the stand-in never answers before the test ends. */
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(3);
    private final List<HttpServer> servers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopServers() {
        release.countDown();
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void bothSectionsArePassedOnAsTheServicesWroteThemInChunks() throws Exception {
        StringBuilder ties = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            ties.append(i == 0 ? "" : ",").append("{\"contactId\":\"c").append(i).append("\"}");
        }
        String graph = "{\"ownerId\":\"o-1\",\"ties\":" + ties + "]}";
        String advice = "{\"ownerId\":\"o-1\",\"objectives\":[]}";
        OwnerExportService export = service(serving(200, graph), serving(200, advice));

        JsonNode written = EventJson.mapper().readTree(write(export, "o-1"));

        assertThat(written.get("ownerId").asText()).isEqualTo("o-1");
        assertThat(written.get("exportedAt").asText()).isNotBlank();
        assertThat(written.get("graph")).isEqualTo(EventJson.mapper().readTree(graph));
        assertThat(written.get("advice")).isEqualTo(EventJson.mapper().readTree(advice));
    }

    @Test
    void aServiceThatDoesNotKnowTheOwnerContributesNull() throws Exception {
        OwnerExportService export = service(serving(404, "{}"), serving(200, "{\"ownerId\":\"o-1\"}"));

        JsonNode written = EventJson.mapper().readTree(write(export, "o-1"));

        assertThat(written.get("graph").isNull()).isTrue();
        assertThat(written.get("advice").get("ownerId").asText()).isEqualTo("o-1");
    }

    @Test
    void neitherServiceKnowingTheOwnerIsA404BeforeAnythingIsWritten() throws Exception {
        OwnerExportService export = service(serving(404, "{}"), serving(404, "{}"));

        assertThatThrownBy(() -> export.export("o-1", null))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.problem().status()).isEqualTo(404));
    }

    @Test
    void aServiceThatFailsOrIsAbsentIsA503BeforeAnythingIsWritten() throws Exception {
        URI absent = URI.create("http://127.0.0.1:1");
        for (OwnerExportService export : List.of(
                service(serving(200, "{}"), serving(500, "{}")),
                service(absent, serving(200, "{}")),
                service(serving(200, "{}"), neverAnswering(), SHORT_READ_TIMEOUT))) {
            assertThatThrownBy(() -> export.export("o-1", null))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.problem().status()).isEqualTo(503));
        }
    }

    @Test
    void aServiceThatStopsHalfwayBreaksTheExportOffUnterminated() throws Exception {
        OwnerExportService export = service(stallingAfter("{\"ownerId\":\"o-1\",\"ties\":[{\"contactId\":\"c1\"},"),
                serving(200, "{}"), SHORT_READ_TIMEOUT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> export.export("o-1", null).write(out)).isInstanceOf(IOException.class)
                .hasMessageContaining("nothing arrived");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"c1\"").doesNotEndWith("}");
    }

    @Test
    void theCallersAuthorizationIsForwardedToBothServices() throws Exception {
        List<String> seen = new ArrayList<>();
        URI graph = server(exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + exchange.getRequestURI().getPath());
            answer(exchange, 200, "{}");
        });
        OwnerExportService export = service(graph, serving(404, "{}"));

        write(export, "o-1", "Bearer t0k3n");

        assertThat(seen).containsExactly("Bearer t0k3n /v1/owners/o-1/export");
    }

    private static String write(OwnerExportService export, String ownerId) throws IOException {
        return write(export, ownerId, null);
    }

    private static String write(OwnerExportService export, String ownerId, String authorization) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(ownerId, authorization).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static OwnerExportService service(URI graph, URI advice) {
        return service(graph, advice, READ_TIMEOUT);
    }

    private static OwnerExportService service(URI graph, URI advice, Duration readTimeout) {
        ExportConfig export = new Export(graph, advice, Duration.ofSeconds(2), readTimeout);
        IngestionConfig ingestion = new Ingestion(Duration.ofSeconds(6), Duration.ofSeconds(5));
        return new OwnerExportService(export, ingestion, EventJson.mapper());
    }

    private URI serving(int status, String body) throws IOException {
        return server(exchange -> answer(exchange, status, body));
    }

    /** Sends the headers and the beginning of a body, then nothing more until the test ends. */
    private URI stallingAfter(String beginning) throws IOException {
        return server(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(beginning.getBytes(StandardCharsets.UTF_8));
            body.flush();
            awaitRelease();
            exchange.close();
        });
    }

    /** Accepts the request and never answers until the test ends. */
    private URI neverAnswering() throws IOException {
        return server(exchange -> {
            awaitRelease();
            exchange.close();
        });
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI server(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // 0: chunked, as the services answer
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    // Records rather than anonymous classes: the mappings' constraints give their methods Hibernate Validator's
    // interceptor binding, which ArC refuses on an anonymous class (a static nested class is ignored).
    private record Export(URI graphUrl, URI adviceUrl, Duration connectTimeout, Duration readTimeout) implements ExportConfig {
    }

    private record Ingestion(Duration publishTimeout, Duration retryAfter) implements IngestionConfig {
    }
}
