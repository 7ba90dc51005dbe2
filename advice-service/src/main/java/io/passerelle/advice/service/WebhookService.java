package io.passerelle.advice.service;

import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.advice.messaging.WebhookDestinations;
import io.passerelle.advice.messaging.WebhookSender;
import io.passerelle.advice.repository.WebhookDeliveryRepository;
import io.passerelle.advice.repository.WebhookSubscriptionRepository;
import io.passerelle.advice.webhook.DeliveryStatus;
import io.passerelle.advice.webhook.SubscriptionRules;
import io.passerelle.advice.webhook.AttemptResult;
import io.passerelle.advice.webhook.WebhookDelivery;
import io.passerelle.advice.webhook.WebhookEventType;
import io.passerelle.advice.webhook.WebhookPayload;
import io.passerelle.advice.webhook.WebhookSecret;
import io.passerelle.advice.webhook.WebhookSubscription;
import io.passerelle.advice.webhook.WebhookSubscriptionRequest;
import io.passerelle.advice.webhook.WebhookTestResult;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import io.passerelle.runtime.tracing.TraceContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Webhook subscriptions and their deliveries, as operators and the calling platforms see them. */
@ApplicationScoped
public class WebhookService {
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookDestinations destinations;
    private final WebhookSender sender;
    private final Duration rotationOverlap;
    private final SecureRandom random = new SecureRandom();

    public WebhookService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
                          WebhookDestinations destinations, WebhookSender sender, AdviceConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.destinations = destinations;
        this.sender = sender;
        this.rotationOverlap = config.webhooks().secretRotationOverlap();
    }

    /**
     * Creates a subscription, generating its secret when none is given; a 400 names every invalid field, and
     * {@code url} when its host is (or resolves to) an address webhooks must not be sent to.
     */
    public Uni<WebhookSubscription> create(WebhookSubscriptionRequest request) {
        List<SubscriptionRules.Violation> violations = SubscriptionRules.check(request.url(), request.eventTypes(), request.secret(),
                request.ownerIds());
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return destinations.refusal(request.url(), false).chain(refusal -> {
            if (refusal.isPresent()) {
                throw invalid(List.of(new SubscriptionRules.Violation("url", "must not lead to a private or special-purpose address: "
                        + refusal.get())));
            }
            String secret = request.secret() != null ? request.secret() : WebhookSecret.generate(random);
            List<String> eventTypes = request.eventTypes().stream().distinct().toList();
            List<String> ownerIds = request.ownerIds() == null ? null : request.ownerIds().stream().distinct().toList();
            return subscriptions.insert(Identifiers.randomId(), request.url(), eventTypes, secret, ownerIds,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
        });
    }

    private static ProblemException invalid(List<SubscriptionRules.Violation> violations) {
        List<Problem.FieldError> errors = violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(Problem.validation(detail, errors));
    }

    /**
     * Gives the subscription a new generated secret, returned this once with the subscription; deliveries carry a
     * signature with the previous secret beside the new one until {@code previousSecretExpiresAt}.
     */
    public Uni<WebhookSubscription> rotateSecret(String id) {
        return subscriptions.rotate(id, WebhookSecret.generate(random), rotationOverlap).map(rotated -> {
            if (rotated == null) {
                throw noSubscription(id);
            }
            return rotated;
        });
    }

    /** Enables the subscription again, whatever disabled it; enabling an enabled one changes nothing. */
    public Uni<WebhookSubscription> enable(String id) {
        return subscriptions.enable(id).map(enabled -> {
            if (enabled == null) {
                throw noSubscription(id);
            }
            return enabled;
        });
    }

    /**
     * Sends a signed {@code webhook.test} message to the subscription's url now, through the sender that sends
     * deliveries (same signatures, destination check, timeout), enabled or not, and answers what came of it. It
     * is not a delivery: nothing is stored, nothing is retried.
     */
    public Uni<WebhookTestResult> test(String id) {
        return get(id).chain(subscription -> subscriptions.signingSecrets(id).chain(secrets -> {
            if (secrets == null) {
                throw noSubscription(id);
            }
            Instant now = Instant.now();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("subscriptionId", id);
            data.put("message", "This is a test message from Passerelle; it needs nothing but a 2xx.");
            String payload = EventJson.write(new WebhookPayload(WebhookEventType.TEST_TYPE, now.truncatedTo(ChronoUnit.MILLIS), data));
            byte[] idBytes = new byte[16];
            random.nextBytes(idBytes);
            String webhookId = "msg_" + HexFormat.of().formatHex(idBytes);
            long started = System.nanoTime();
            return sender.send(subscription.url(), secrets, webhookId, payload, now.getEpochSecond(), TraceContext.current())
                    .map(result -> outcome(webhookId, result, (System.nanoTime() - started) / 1_000_000));
        }));
    }

    private static WebhookTestResult outcome(String webhookId, AttemptResult result, long durationMillis) {
        boolean delivered = result.statusCode() != null && result.statusCode() >= 200 && result.statusCode() < 300;
        String error = result.statusCode() == null ? result.error() : delivered ? null : "answered " + result.statusCode();
        return new WebhookTestResult(webhookId, delivered, result.statusCode(), error, durationMillis);
    }

    /** Every subscription, without secrets. */
    public Uni<List<WebhookSubscription>> list() {
        return subscriptions.list().map(all -> all.stream().map(WebhookSubscription::withoutSecret).toList());
    }

    public Uni<WebhookSubscription> get(String id) {
        return subscriptions.find(id).map(found -> {
            if (found == null) {
                throw noSubscription(id);
            }
            return found;
        });
    }

    public Uni<Void> delete(String id) {
        return subscriptions.delete(id).map(deleted -> {
            if (!deleted) {
                throw noSubscription(id);
            }
            return null;
        });
    }

    public Uni<List<WebhookDelivery>> deliveries(String id, DeliveryStatus status, int limit) {
        return get(id).chain(subscription -> deliveries.list(id, status, limit));
    }

    public Uni<WebhookDelivery> delivery(String id, String webhookId) {
        return get(id).chain(subscription -> deliveries.find(id, webhookId)).map(found -> {
            if (found == null) {
                throw noDelivery(id, webhookId);
            }
            return found;
        });
    }

    /** Makes a delivery due now, with its webhook id; 409 when the subscription is disabled (nothing would be sent). */
    public Uni<Void> redeliver(String id, String webhookId) {
        return get(id).chain(subscription -> {
            if (!subscription.enabled()) {
                throw new ProblemException(Problem.of(409, "subscription-disabled", "Subscription disabled",
                        "Subscription " + id + " is disabled (" + subscription.disabledReason() + "); enable it again (POST /v1/webhook-subscriptions/" + id + "/enable) first."));
            }
            return deliveries.redeliver(id, webhookId);
        }).map(found -> {
            if (!found) {
                throw noDelivery(id, webhookId);
            }
            return null;
        });
    }

    private static ProblemException noSubscription(String id) {
        return ProblemException.notFound("There is no webhook subscription " + id + ".");
    }

    private static ProblemException noDelivery(String id, String webhookId) {
        return ProblemException.notFound("Webhook subscription " + id + " has no delivery " + webhookId + ".");
    }
}
