package io.passerelle.advice.messaging;

import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.advice.repository.WebhookDeliveryRepository.ClaimedDelivery;
import io.passerelle.advice.webhook.AttemptResult;
import io.passerelle.advice.webhook.WebhookSecret;
import io.passerelle.advice.webhook.WebhookSigner;
import io.passerelle.runtime.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Sends one attempt of a delivery as Standard Webhooks 1.0 asks: {@code webhook-id},
 * {@code webhook-timestamp} (the attempt's Unix seconds) and {@code webhook-signature} headers, the
 * stored body unchanged. java.net.http sends asynchronously (no event-loop thread waits), never
 * follows redirects, and gives up after the configured timeout. Before each attempt the destination
 * is resolved and checked ({@link WebhookDestinations}); the client then resolves the name again
 * itself, from the JVM's DNS cache (30 s by default), so a rebinding can only switch the address
 * in the moment that cache entry expires between the two (README, "Destinations").
 */
@ApplicationScoped
public class WebhookSender {
    static final String USER_AGENT = "Passerelle-Webhooks/1.0 (advice-service)";
    private static final int MAX_ERROR_LENGTH = 300;

    private final HttpClient client;
    private final Duration timeout;
    private final WebhookDestinations destinations;

    public WebhookSender(AdviceConfig config, WebhookDestinations destinations) {
        this.destinations = destinations;
        this.timeout = config.webhooks().timeout();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Sends the attempt; never fails: a missing answer is an {@link AttemptResult#noAnswer} with the reason. */
    public Uni<AttemptResult> send(ClaimedDelivery delivery, long timestampSeconds) {
        if (delivery.secretProblem() != null) {
            return Uni.createFrom().item(AttemptResult.noAnswer(shorten("cannot sign: " + delivery.secretProblem())));
        }
        return send(delivery.url(), delivery.secrets(), delivery.webhookId(), delivery.payload(), timestampSeconds, delivery.traceparent());
    }

    /**
     * Sends one signed message to {@code url}: one signature per secret (the newest first), after the
     * destination check, with {@code traceparent} when there is one (null for none); never fails.
     */
    public Uni<AttemptResult> send(String url, List<String> secrets, String webhookId, String payload, long timestampSeconds,
                                   String traceparent) {
        HttpRequest request;
        try {
            String signature = WebhookSigner.signatures(secrets.stream().map(WebhookSecret::key).toList(), webhookId, timestampSeconds,
                    payload);
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("content-type", "application/json")
                    .header("user-agent", USER_AGENT)
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestampSeconds))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
            // The receiver can join the trace of the event that caused the delivery (W3C Trace Context).
            if (TraceContext.traceId(traceparent).isPresent()) {
                builder.header(TraceContext.TRACEPARENT, traceparent);
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(AttemptResult.noAnswer(shorten("cannot send: " + e.getMessage())));
        }
        return destinations.refusal(url, true).chain(refusal -> {
            if (refusal.isPresent()) {
                return Uni.createFrom().item(AttemptResult.noAnswer(shorten("not sent: " + refusal.get())));
            }
            return Uni.createFrom().completionStage(() -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                    .map(response -> AttemptResult.answered(response.statusCode(), response.headers().firstValue("retry-after").orElse(null)));
        }).onFailure().recoverWithItem(failure -> AttemptResult.noAnswer(describe(failure)));
    }

    // Only the kind of failure is kept: no payload, no personal data, no stack trace.
    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connection timed out after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        return shorten(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
