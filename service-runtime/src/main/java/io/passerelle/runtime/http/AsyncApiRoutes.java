package io.passerelle.runtime.http;

import io.passerelle.contracts.EventSchemas;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.runtime.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves the AsyncAPI description of Passerelle's Kafka topics and the JSON Schemas it refers to, as
 * {@code /q/openapi} serves the HTTP API's, without a token: {@code GET /q/asyncapi} redirects to
 * {@code /q/asyncapi/asyncapi.yaml}, beside which {@code schemas/<type>/v<n>.json} are served, so
 * that the document's relative {@code $ref}s resolve over HTTP as they do in the repository and in
 * the event-contracts jar, where both are read from.
 */
@ApplicationScoped
public class AsyncApiRoutes {
    public static final String ROOT = "/q/asyncapi";
    public static final String DOCUMENT = ROOT + "/asyncapi.yaml";
    static final String YAML = "application/yaml";
    static final String JSON_SCHEMA = "application/schema+json";

    private final Map<String, Served> files = servedFiles();

    private record Served(String contentType, Buffer content) {
    }

    /** Read once: a handful of small files, and a missing one is a broken build rather than a 404 later. */
    private static Map<String, Served> servedFiles() {
        Map<String, Served> files = new LinkedHashMap<>();
        files.put(DOCUMENT, new Served(YAML, resource(EventSchemas.ASYNCAPI_RESOURCE)));
        EventSchemas.dataTypesByEventType().keySet().forEach(type -> files.put(
                ROOT + "/" + EventSchemas.relativePath(type, EventSchemas.CURRENT_VERSION),
                new Served(JSON_SCHEMA, resource(EventSchemas.resource(type, EventSchemas.CURRENT_VERSION)))));
        return Map.copyOf(files);
    }

    private static Buffer resource(String name) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the event-contracts jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(@Observes Router router) {
        router.get(ROOT).handler(context -> context.redirect(DOCUMENT));
        router.get(ROOT + "/*").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        Served file = files.get(context.normalizedPath());
        if (file == null) {
            Problem problem = Problem.of(404, "not-found", "Not found",
                    "No such file in the AsyncAPI description; the document is " + DOCUMENT + ".");
            context.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(EventJson.write(problem));
            return;
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, file.contentType()).end(file.content());
    }
}
