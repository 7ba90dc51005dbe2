package io.passerelle.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.localstack.demo.DemoNetwork;
import io.passerelle.localstack.demo.DemoNetworkLoader;
import io.passerelle.localstack.security.LocalTokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * The run command: starts the local stack and the three packaged services, loads the demo network
 * through the public API, sets a job-search objective, prints where to look and a sample of advice,
 * then keeps everything running until interrupted (Ctrl-C stops it all cleanly).
 *
 * <p>Arguments: {@code [projectDirectory] [--exit-after-demo] [--data DIR]}. Without {@code --data}
 * the run is throw-away (see {@link LocalStack#start}); with it, Kafka's logs, PostgreSQL's cluster and
 * the token issuer's keys are kept in DIR ({@link LocalStack#startKeeping}), and the demo network is
 * loaded only into a DIR that does not hold it yet.
 */
public final class LocalRun {
    static final int INGESTION_PORT = 8081;
    static final int GRAPH_PORT = 8082;
    static final int ADVICE_PORT = 8083;
    // The management interfaces (metrics), as in the containers and Kubernetes.
    static final int INGESTION_MANAGEMENT_PORT = 9081;
    static final int GRAPH_MANAGEMENT_PORT = 9082;
    static final int ADVICE_MANAGEMENT_PORT = 9083;
    private static final String OBJECTIVE_ID = "find-a-role-in-digital";
    /** Written into a kept data directory once the demo network was accepted by ingestion-service. */
    static final String DEMO_LOADED_MARKER = "demo-loaded";

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalTokenIssuer tokens;

    public static void main(String[] args) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new LocalRun().run(arguments.project(), arguments.exitAfterDemo(), arguments.dataDirectory());
    }

    /** The command line: {@code [projectDirectory] [--exit-after-demo] [--data DIR | --data=DIR]}. */
    record Arguments(Path project, boolean exitAfterDemo, Optional<Path> dataDirectory) {
        static Arguments parse(String... args) {
            Path project = Path.of(".");
            boolean exitAfterDemo = false;
            Path data = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--exit-after-demo")) {
                    exitAfterDemo = true;
                } else if (arg.equals("--data")) {
                    if (i + 1 == args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException("--data needs a directory: --data DIR");
                    }
                    data = Path.of(args[++i]);
                } else if (arg.startsWith("--data=")) {
                    data = Path.of(arg.substring("--data=".length()));
                } else if (arg.startsWith("--")) {
                    throw new IllegalArgumentException("Unknown option " + arg + "; options: --exit-after-demo, --data DIR");
                } else if (i == 0) {
                    project = Path.of(arg);
                } else {
                    throw new IllegalArgumentException("Unexpected argument " + arg);
                }
            }
            return new Arguments(project.toAbsolutePath().normalize(), exitAfterDemo,
                    Optional.ofNullable(data).map(dir -> dir.toAbsolutePath().normalize()));
        }
    }

    void run(Path project, boolean exitAfterDemo, Optional<Path> dataDirectory) throws Exception {
        List<AutoCloseable> running = new ArrayList<>();
        Thread stopAll = new Thread(() -> stop(running), "passerelle-stop");
        Runtime.getRuntime().addShutdownHook(stopAll);

        say("Starting Kafka and PostgreSQL" + dataDirectory.map(dir -> " on the data kept in " + dir).orElse(" (throw-away run)") + "...");
        LocalStack stack = dataDirectory.isPresent()
                ? LocalStack.startKeeping(dataDirectory.get(), System.getenv())
                : LocalStack.start(project.resolve("target/local-run"), System.getenv());
        running.add(stack);
        tokens = stack.tokenIssuer();
        Path logs = project.resolve("target/local-run/logs");
        Map<String, String> environment = new HashMap<>(stack.serviceEnvironment());
        // Log lines for a person at a terminal: plain text rather than production's JSON.
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        say("Starting ingestion-service, graph-service and advice-service (logs in " + logs + ")...");
        ServiceProcess ingestion = ServiceProcess.start(project.resolve("ingestion-service"), INGESTION_PORT, INGESTION_MANAGEMENT_PORT,
                environment, logs);
        running.add(0, ingestion);
        ServiceProcess graph = ServiceProcess.start(project.resolve("graph-service"), GRAPH_PORT, GRAPH_MANAGEMENT_PORT, environment, logs);
        running.add(0, graph);
        ServiceProcess advice = ServiceProcess.start(project.resolve("advice-service"), ADVICE_PORT, ADVICE_MANAGEMENT_PORT, environment, logs);
        running.add(0, advice);

        DemoNetwork demo = DemoNetwork.asOf(Instant.now());
        Optional<Path> demoLoaded = dataDirectory.map(dir -> dir.resolve(DEMO_LOADED_MARKER));
        if (demoLoaded.filter(Files::exists).isPresent()) {
            // Loading it again would add every interaction a second time, dated from this run.
            say("The demo network is already in " + dataDirectory.get() + ": not loaded again.");
        } else {
            say("Loading the demo network (" + demo.contacts().size() + " contacts, " + demo.interactions().size()
                    + " interactions) through " + ingestion.baseUri() + "...");
            new DemoNetworkLoader(ingestion.baseUri(), tokens.platform()).load(demo);
            if (demoLoaded.isPresent()) {
                Files.writeString(demoLoaded.get(), "loaded " + Instant.now() + "\n");
            }
        }

        String owner = "/v1/owners/" + demo.ownerId();
        awaitJson(graph.baseUri().resolve(owner + "/ties?limit=500"),
                body -> body.path("items").size() >= demo.contacts().size(), Duration.ofSeconds(90));
        put(advice.baseUri().resolve(owner + "/objectives/" + OBJECTIVE_ID), """
                {"type":"JOB_SEARCH","language":"fr",
                 "targets":{"sectors":["Software","Digital media","Fintech"],"roles":["Talent acquisition lead","Head of employer brand"],
                            "topics":["digital","recruiting"],"locations":[],"companies":[],"scales":[],"needs":[]}}""");
        JsonNode advised = awaitJson(advice.baseUri().resolve(owner + "/objectives/" + OBJECTIVE_ID + "/recommendations?limit=5"),
                body -> body.path("items").size() > 0, Duration.ofSeconds(60));

        say("");
        say("Passerelle is running on the local stack.");
        say("  ingestion-service  " + ingestion.baseUri() + "q/openapi   (writes: PUT profile, PUT contacts, POST interactions)");
        say("  graph-service      " + graph.baseUri().resolve(owner + "/ties?limit=10"));
        say("                     " + graph.baseUri().resolve(owner + "/diagnostics"));
        say("  advice-service     " + advice.baseUri().resolve(owner + "/objectives/" + OBJECTIVE_ID + "/recommendations"));
        say("  health             " + graph.baseUri() + "q/health/ready   (each service's, on its own port)");
        say("  metrics            " + ingestion.metricsUri() + "   " + graph.metricsUri() + "   " + advice.metricsUri());
        say("  Kafka              " + stack.kafkaBootstrapServers() + "   PostgreSQL " + stack.jdbcUrl("graph"));
        say("");
        say("Every /v1 call needs a bearer token. Tokens of this run's local issuer, valid 12 hours:");
        say(String.format("  %-28s %s", "platform (any owner)", tokens.platform()));
        say(String.format("  %-28s %s", "owner " + demo.ownerId() + " (own data)", tokens.owner(demo.ownerId())));
        say(String.format("  %-28s %s", "operator (webhooks, replay)", tokens.operator()));
        say("For example:");
        say("  TOKEN=<the platform token above>");
        say("  curl -H \"Authorization: Bearer $TOKEN\" " + graph.baseUri().resolve(owner + "/diagnostics"));
        say("");
        say("Sample advice for " + demo.owner().displayName() + " (objective JOB_SEARCH):");
        for (JsonNode item : advised.path("items")) {
            say(String.format("  %-22s %-8s %-17s %-11s score %.2f  %s", item.path("displayName").asText(), item.path("tieClass").asText(),
                    item.path("action").asText(), item.path("requestKind").asText(), item.path("score").asDouble(),
                    item.path("message").path("text").asText()));
        }
        say("");
        if (exitAfterDemo) {
            return;
        }
        say("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    private JsonNode awaitJson(URI uri, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                            .header("Authorization", "Bearer " + tokens.platform()).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode body = EventJson.mapper().readTree(response.body());
                if (condition.test(body)) {
                    return body;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Timed out waiting on " + uri + "; last answer: " + abbreviate(last));
    }

    private void put(URI uri, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.platform())
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void stop(List<AutoCloseable> running) {
        for (AutoCloseable part : running) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + part + ": " + e);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
