package io.passerelle.advice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on a free loopback port, behaving by path: {@code /ok} answers 204,
 * {@code /flaky} answers 500 to the first two attempts of each webhook id then 200, {@code /gone}
 * 410, {@code /gone-once} 410 to the first attempt of each webhook id then 204, {@code /redirect} 302
 * to {@code /ok}, {@code /unavailable} 503 with {@code Retry-After: 3600}; any other path 204.
 * It keeps every request it received.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request as received, and the status it was answered with. */
    record Request(String path, Map<String, String> headers, String body, int answeredWith) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String path = exchange.getRequestURI().getPath();
        int attempt = attemptsById.computeIfAbsent(path + " " + headers.getOrDefault("webhook-id", ""), id -> new AtomicInteger())
                .incrementAndGet();
        int status = switch (path) {
            case "/flaky" -> attempt <= 2 ? 500 : 200;
            case "/gone" -> 410;
            case "/gone-once" -> attempt <= 1 ? 410 : 204;
            case "/redirect" -> 302;
            case "/unavailable" -> 503;
            default -> 204;
        };
        if (status == 302) {
            exchange.getResponseHeaders().add("Location", url("/ok"));
        }
        if (status == 503) {
            exchange.getResponseHeaders().add("Retry-After", "3600");
        }
        requests.add(new Request(path, headers, body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
