package io.passerelle.ingestion.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.ingestion.client.TimedBody;
import io.passerelle.ingestion.config.ExportConfig;
import io.passerelle.ingestion.config.IngestionConfig;
import io.passerelle.runtime.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The data export of an owner (GDPR articles 15 and 20): asks graph-service and advice-service at
 * once and passes their answers on as they arrive, one after the other, without holding either in
 * memory. Both answers must have begun before the first byte is written: a service that does not
 * know the owner (404) contributes {@code null}; one that cannot answer fails the whole export with
 * a 503, so that a partial export is never presented as complete. Should a service break off
 * halfway, the response breaks off too, unterminated.
 */
@ApplicationScoped
public class OwnerExportService {
    private final ExportConfig export;
    private final IngestionConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public OwnerExportService(ExportConfig export, IngestionConfig config, ObjectMapper mapper) {
        this.export = export;
        this.config = config;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(export.connectTimeout()).build();
    }

    /**
     * The export, to be written by a worker thread: {@code {ownerId, exportedAt, graph, advice}}.
     * Blocking until both services have begun to answer.
     *
     * @param authorization the caller's {@code Authorization} header, forwarded to both services; may be null
     */
    public StreamingOutput export(String ownerId, String authorization) {
        CompletableFuture<HttpResponse<TimedBody>> graphAnswer = ask(export.graphUrl(), ownerId, authorization);
        CompletableFuture<HttpResponse<TimedBody>> adviceAnswer = ask(export.adviceUrl(), ownerId, authorization);
        TimedBody graph;
        TimedBody advice;
        try {
            graph = section("graph-service", graphAnswer);
        } catch (RuntimeException e) {
            adviceAnswer.thenAccept(answer -> answer.body().discard());
            throw e;
        }
        try {
            advice = section("advice-service", adviceAnswer);
        } catch (RuntimeException e) {
            discard(graph);
            throw e;
        }
        if (graph == null && advice == null) {
            throw ProblemException.notFound("Passerelle holds nothing about owner " + ownerId + ".");
        }
        Instant exportedAt = Instant.now();
        return out -> {
            try {
                write(out, "{\"ownerId\":" + mapper.writeValueAsString(ownerId)
                        + ",\"exportedAt\":" + mapper.writeValueAsString(exportedAt) + ",\"graph\":");
                copy(graph, out);
                write(out, ",\"advice\":");
                copy(advice, out);
                write(out, "}");
            } finally {
                discard(graph);
                discard(advice);
            }
        };
    }

    private CompletableFuture<HttpResponse<TimedBody>> ask(URI service, String ownerId, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve("/v1/owners/" + ownerId + "/export"))
                .timeout(export.readTimeout())
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.sendAsync(request.build(), TimedBody.handler());
    }

    /** The service's answer body; null when it does not know the owner; a 503 problem when it cannot answer. */
    private TimedBody section(String service, CompletableFuture<HttpResponse<TimedBody>> answer) {
        HttpResponse<TimedBody> response;
        try {
            // The request's own timeouts bound this; the margin only guards against a client that would not apply them.
            response = answer.get(export.connectTimeout().plus(export.readTimeout()).toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(service, e);
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            throw unavailable(service, e instanceof ExecutionException ? e.getCause() : e);
        }
        if (response.statusCode() == 200) {
            return response.body();
        }
        response.body().discard();
        if (response.statusCode() == 404) {
            return null;
        }
        throw unavailable(service, new IOException("answered " + response.statusCode()));
    }

    private ProblemException unavailable(String service, Throwable failure) {
        Log.warnf("The export could not be read from %s: %s", service, failure.toString());
        return ProblemException.unavailable("The export could not be gathered: " + service
                + " did not answer. Nothing partial is returned; retry later.", config.retryAfter(), failure);
    }

    private void copy(TimedBody section, OutputStream out) throws IOException {
        if (section == null) {
            write(out, "null");
        } else {
            section.copyTo(out, export.readTimeout());
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void discard(TimedBody section) {
        if (section != null) {
            section.discard();
        }
    }
}
