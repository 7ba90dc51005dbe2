package io.passerelle.advice.service;

import io.passerelle.advice.repository.WebhookDeliveryRepository;
import io.passerelle.advice.repository.WebhookSubscriptionRepository;
import io.passerelle.advice.webhook.DeliveryStatus;
import io.passerelle.advice.webhook.SubscriptionRules;
import io.passerelle.advice.webhook.WebhookDelivery;
import io.passerelle.advice.webhook.WebhookSecret;
import io.passerelle.advice.webhook.WebhookSubscription;
import io.passerelle.advice.webhook.WebhookSubscriptionRequest;
import io.passerelle.contracts.Identifiers;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** Webhook subscriptions and their deliveries, as operators and the calling platforms see them. */
@ApplicationScoped
public class WebhookService {
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final SecureRandom random = new SecureRandom();

    public WebhookService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    /** Creates a subscription, generating its secret when none is given; a 400 names every invalid field. */
    public Uni<WebhookSubscription> create(WebhookSubscriptionRequest request) {
        List<SubscriptionRules.Violation> violations = SubscriptionRules.check(request.url(), request.eventTypes(), request.secret());
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
            String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(Problem.validation(detail, errors));
        }
        String secret = request.secret() != null ? request.secret() : WebhookSecret.generate(random);
        List<String> eventTypes = request.eventTypes().stream().distinct().toList();
        return subscriptions.insert(Identifiers.randomId(), request.url(), eventTypes, secret, Instant.now().truncatedTo(ChronoUnit.MILLIS));
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
                        "Subscription " + id + " is disabled (" + subscription.disabledReason() + "); create a new one to receive webhooks again."));
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
