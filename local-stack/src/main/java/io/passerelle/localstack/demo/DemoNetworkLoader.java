package io.passerelle.localstack.demo;

import io.passerelle.contracts.json.EventJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Sends a {@link DemoNetwork} to a running ingestion-service through its public HTTP API. */
public final class DemoNetworkLoader {
    private static final int IN_FLIGHT = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI ingestion;
    private final String bearerToken;

    /** {@code bearerToken}: a token of the platform, or of the demo network's owner. */
    public DemoNetworkLoader(URI ingestion, String bearerToken) {
        this.ingestion = ingestion;
        this.bearerToken = bearerToken;
    }

    /** Loads the profile, then every contact, then every interaction; fails on the first non-2xx answer. */
    public void load(DemoNetwork network) {
        String owner = "/v1/owners/" + encode(network.ownerId());
        send(List.of(put(owner + "/profile", network.owner())));
        List<HttpRequest> contacts = new ArrayList<>();
        for (Map.Entry<String, ?> contact : network.contacts().entrySet()) {
            contacts.add(put(owner + "/contacts/" + encode(contact.getKey()), contact.getValue()));
        }
        send(contacts);
        send(network.interactions().stream().map(i -> post(owner + "/interactions", i)).toList());
    }

    private void send(List<HttpRequest> requests) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (HttpRequest request : requests) {
            inFlight.acquireUninterruptibly();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> {
                        if (response.statusCode() / 100 != 2) {
                            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                                    + response.statusCode() + ": " + response.body());
                        }
                    })
                    .whenComplete((ok, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    }

    private HttpRequest put(String path, Object body) {
        return json(path).PUT(HttpRequest.BodyPublishers.ofString(EventJson.write(body))).build();
    }

    private HttpRequest post(String path, Object body) {
        return json(path).POST(HttpRequest.BodyPublishers.ofString(EventJson.write(body))).build();
    }

    private HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(ingestion.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
