package io.passerelle.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Plain HTTP for what the generated client does not express, each use saying why: the endpoints
 * outside the OpenAPI documents ({@code /q/health}, {@code /q/openapi}, {@code /q/asyncapi},
 * {@code /q/metrics}), bodies the documents refuse on purpose (malformed input), and files: the
 * generated Java client (library native) writes a {@code format: binary} body with Jackson, so it
 * would send a file's path as a JSON string instead of its bytes.
 */
final class RawHttp {
    /** Follows redirects as a browser would: /q/asyncapi answers with one to its document. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(ServiceApis.READ_TIMEOUT).build();

    private RawHttp() {
    }

    /** One answer, its body read as text. */
    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    static Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** {@code body} sent as JSON with {@code method} to {@code uri}, under {@code token}. */
    static Answer sendJson(String method, URI uri, String body, String token) {
        return send(method, uri, "application/json", body, token);
    }

    /** {@code body} sent as {@code contentType} with {@code method} to {@code uri}, under {@code token}. */
    static Answer send(String method, URI uri, String contentType, String body, String token) {
        return send(method, uri, contentType, body, token, java.util.Map.of());
    }

    /** As {@link #send(String, URI, String, String, String)}, with more request headers. */
    static Answer send(String method, URI uri, String contentType, String body, String token, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        return send(request);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(ServiceApis.READ_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request, e);
        }
    }
}
