package io.passerelle.runtime.http;

import io.passerelle.contracts.json.EventJson;
import io.passerelle.runtime.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared {@code Content-Length} is too large, before reading any of it, with
 * a {@code 413 application/problem+json}: a JSON body beyond {@code passerelle.http.max-json-body-size}
 * (single items are small; files and batches, which stream, are not JSON), and any body beyond
 * {@code quarkus.http.limits.max-body-size}. Quarkus enforces the latter itself with a bare 413 and
 * no body; this route runs just before that check so that clients get a problem they can read.
 * A body sent without a length (chunked) is bounded by Quarkus while it is read.
 */
@ApplicationScoped
public class RequestBodyLimits {
    public static final String MAX_JSON_BODY_SIZE_KEY = "passerelle.http.max-json-body-size";
    /** Quarkus registers its own length check at order -2 (HttpServerCommonHandlers.enforceMaxBodySize). */
    static final int ORDER = -3;

    private final long maxJsonBytes;
    private final long maxBytes;

    public RequestBodyLimits(
            @ConfigProperty(name = MAX_JSON_BODY_SIZE_KEY, defaultValue = "1M") MemorySize maxJsonBodySize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxJsonBytes = maxJsonBodySize.asLongValue();
        this.maxBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        Long length = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length != null) {
            boolean json = isJson(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
            long limit = json ? Math.min(maxJsonBytes, maxBytes) : maxBytes;
            if (length > limit) {
                refuse(context, length, tooLarge(limit, json));
                return;
            }
        }
        context.next();
    }

    static Problem tooLarge(long limit, boolean json) {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "The body is larger than the " + limit + " bytes " + (json ? "a JSON request" : "a request") + " may have"
                        + (json ? " (" + MAX_JSON_BODY_SIZE_KEY + ")." : " (quarkus.http.limits.max-body-size)."),
                List.of(new Problem.FieldError("body", "must not be larger than " + limit + " bytes")));
    }

    /** application/json and every {@code +json} type: the bodies read whole into memory. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static Long declaredLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            // Not ours to judge: the HTTP codec refuses a malformed length.
            return null;
        }
    }

    /**
     * Answers before the body is read. A body within Quarkus' own limit (a JSON body over the JSON
     * limit) is read and dropped, so that a client that sends it whole before reading the answer gets
     * the answer and keeps its connection. A larger one is not worth reading: the connection is closed
     * once answered, as Quarkus does; a client sending {@code Expect: 100-continue} gets the answer
     * without sending the body.
     */
    private void refuse(RoutingContext context, long length, Problem problem) {
        var response = context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (length <= maxBytes) {
            context.request().handler(ignored -> { }).resume();
        } else {
            response.putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ignored -> context.request().connection().close());
        }
        response.end(EventJson.write(problem));
    }
}
