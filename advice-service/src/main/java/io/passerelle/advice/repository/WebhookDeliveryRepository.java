package io.passerelle.advice.repository;

import io.passerelle.advice.webhook.AttemptResult;
import io.passerelle.advice.webhook.DeliveryPolicy;
import io.passerelle.advice.webhook.DeliveryStatus;
import io.passerelle.advice.webhook.SecretCipher;
import io.passerelle.advice.webhook.WebhookDelivery;
import io.passerelle.advice.webhook.WebhookEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Webhook deliveries in PostgreSQL. The static writes take the caller's connection, so that a
 * delivery is enqueued (or erased) in the transaction that issues the recommendation, applies the
 * tie change or erases the owner. The sender's claim is a lease on the row (see V3__webhooks.sql).
 */
@ApplicationScoped
public class WebhookDeliveryRepository {
    // One row per event and enabled subscription that asks for its type (and its owner, when it names owners); webhook_id is derived from both, so a retried
    // transaction or a replayed event never gives a subscription the same event twice.
    static final String ENQUEUE = """
            INSERT INTO webhook_deliveries (webhook_id, subscription_id, event_id, event_type, owner_id, contact_id, payload, status,
                                            next_attempt_at, traceparent)
            SELECT 'msg_' || md5(s.id || '/' || e.event_id), s.id, e.event_id, e.event_type, e.owner_id, e.contact_id, e.payload,
                   'PENDING', now(), e.traceparent
            FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                 AS e(event_id, event_type, owner_id, contact_id, payload, traceparent)
                 JOIN webhook_subscriptions s ON s.enabled AND e.event_type = ANY (s.event_types)
                                                 AND (s.owner_ids IS NULL OR e.owner_id = ANY (s.owner_ids))
            ON CONFLICT (webhook_id) DO NOTHING""";
    static final String CLAIM = """
            WITH due AS (
                SELECT d.webhook_id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.enabled
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until <= now())
                ORDER BY d.next_attempt_at LIMIT $1
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d SET locked_until = now() + ($2::bigint * interval '1 millisecond'), claim_token = $3
            FROM due, webhook_subscriptions s
            WHERE d.webhook_id = due.webhook_id AND s.id = d.subscription_id
            RETURNING d.webhook_id, d.subscription_id, d.payload, d.attempts, d.traceparent, s.url, s.secret, s.secret_key_id,
                      s.previous_secret, s.previous_secret_key_id, s.previous_secret_expires_at > now() AS previous_secret_signs""";
    static final String COMPLETE = """
            UPDATE webhook_deliveries SET attempts = attempts + 1, status = $3, next_attempt_at = $4, last_status_code = $5,
                   last_error = $6, last_attempt_at = $7, delivered_at = CASE WHEN $3 = 'SUCCEEDED' THEN $7 ELSE delivered_at END,
                   locked_until = NULL, claim_token = NULL
            WHERE webhook_id = $1 AND claim_token = $2
            RETURNING attempts""";
    // A delivered recommendation.issued webhook shows the recommendation to the platform's user.
    static final String MARK_SHOWN = """
            UPDATE recommendations r SET shown_at = $2
            FROM webhook_deliveries d
            WHERE d.webhook_id = $1 AND d.event_type = 'recommendation.issued'
              AND r.recommendation_id = d.payload::jsonb -> 'data' ->> 'recommendationId' AND r.shown_at IS NULL""";
    static final String RECORD_ATTEMPT = """
            INSERT INTO webhook_attempts (webhook_id, attempt, attempted_at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT DO NOTHING""";
    static final String DISABLE = """
            UPDATE webhook_subscriptions SET enabled = FALSE, disabled_reason = $2, disabled_at = $3 WHERE id = $1 AND enabled""";
    static final String CANCEL_PENDING = """
            UPDATE webhook_deliveries SET status = 'CANCELLED', next_attempt_at = NULL, last_error = $2
            WHERE subscription_id = $1 AND status = 'PENDING'""";
    static final String DELIVERY_COLUMNS = """
            webhook_id, event_type, attempts, status, last_status_code, next_attempt_at, last_error, last_attempt_at, delivered_at, created_at""";

    private final Pool pool;
    private final SecretCipher cipher;

    public WebhookDeliveryRepository(Pool pool, SecretCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
    }

    /** Enqueues the events for every enabled subscription that asks for their type, in the caller's transaction. */
    public static Uni<Void> enqueue(SqlClient client, List<WebhookEvent> events) {
        return enqueue(client, events, event -> null);
    }

    /**
     * As {@link #enqueue(SqlClient, List)}; each delivery is sent with the {@code traceparent} given for
     * its event (the trace of what caused it; null for none).
     */
    public static Uni<Void> enqueue(SqlClient client, List<WebhookEvent> events, Function<WebhookEvent, String> traceparentOf) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(ENQUEUE).execute(Tuple.of(
                        events.stream().map(WebhookEvent::eventId).toArray(String[]::new),
                        events.stream().map(e -> e.type().wireName()).toArray(String[]::new),
                        events.stream().map(WebhookEvent::ownerId).toArray(String[]::new),
                        events.stream().map(WebhookEvent::contactId).toArray(String[]::new),
                        events.stream().map(WebhookEvent::payload).toArray(String[]::new),
                        events.stream().map(traceparentOf).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Erasure of owners: every delivery about them goes, whatever its status (their payloads name contacts). */
    public static Uni<Void> eraseOwners(SqlClient client, String[] ownerIds) {
        return client.preparedQuery("DELETE FROM webhook_deliveries WHERE owner_id = ANY($1::text[])").execute(Tuple.of((Object) ownerIds))
                .replaceWithVoid();
    }

    /** Erasure of contacts (a tie's tombstone): every delivery whose payload concerns one of them goes. */
    public static Uni<Void> eraseContacts(SqlClient client, String[] ownerIds, String[] contactIds) {
        if (ownerIds.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("""
                        DELETE FROM webhook_deliveries d USING UNNEST($1::text[], $2::text[]) AS r(owner_id, contact_id)
                        WHERE d.owner_id = r.owner_id AND d.contact_id = r.contact_id""")
                .execute(Tuple.of(ownerIds, contactIds)).replaceWithVoid();
    }

    /**
     * A delivery a sender has claimed: what it needs to send one attempt. {@code attempts} is the count before this one;
     * {@code secrets} sign it (the current one first, then the previous one during a rotation's overlap), or, when they
     * could not be opened, {@code secretProblem} says why (it never quotes a secret); {@code traceparent} is the trace of
     * what caused it, or null.
     */
    public record ClaimedDelivery(String webhookId, String subscriptionId, String url, List<String> secrets, String secretProblem,
                                  String payload, int attempts, String traceparent) {
        @Override
        public String toString() {
            return "ClaimedDelivery[webhookId=" + webhookId + ", subscriptionId=" + subscriptionId + ", attempts=" + attempts + "]";
        }
    }

    /** Claims up to {@code limit} due deliveries of enabled subscriptions for {@code lease}, under {@code token}. */
    public Uni<List<ClaimedDelivery>> claim(int limit, Duration lease, String token) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, lease.toMillis(), token)).map(rows -> {
            List<ClaimedDelivery> claimed = new ArrayList<>();
            for (Row row : rows) {
                List<String> secrets;
                String secretProblem = null;
                try {
                    secrets = WebhookSubscriptionRepository.signingSecrets(cipher, row, Boolean.TRUE.equals(row.getBoolean("previous_secret_signs")));
                } catch (IllegalStateException e) {
                    secrets = List.of();
                    secretProblem = e.getMessage();
                }
                claimed.add(new ClaimedDelivery(row.getString("webhook_id"), row.getString("subscription_id"), row.getString("url"),
                        secrets, secretProblem, row.getString("payload"), row.getInteger("attempts"), row.getString("traceparent")));
            }
            return claimed;
        });
    }

    /**
     * Records an attempt and what follows it, in one transaction, if the claim under {@code token} still holds
     * (false otherwise: the row was erased, or the lease ended and another sender took it). A 410 disables the
     * subscription and cancels its other pending deliveries. A delivered {@code recommendation.issued} marks its
     * recommendation shown.
     */
    public Uni<Boolean> complete(ClaimedDelivery delivery, String token, int attempt, AttemptResult result, DeliveryPolicy.Decision decision,
                                 Instant attemptedAt, long durationMillis) {
        OffsetDateTime at = utc(attemptedAt);
        return pool.withTransaction(connection -> connection.preparedQuery(COMPLETE).execute(Tuple.tuple()
                        .addValue(delivery.webhookId()).addValue(token).addValue(decision.status().name())
                        .addValue(decision.nextAttemptAt() == null ? null : utc(decision.nextAttemptAt()))
                        .addValue(result.statusCode()).addValue(decision.error()).addValue(at))
                .chain(updated -> {
                    if (updated.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<Void> chain = connection.preparedQuery(RECORD_ATTEMPT).execute(Tuple.tuple()
                                    .addValue(delivery.webhookId()).addValue(attempt).addValue(at).addValue(result.statusCode())
                                    .addValue(result.statusCode() == null ? result.error() : decision.error()).addValue(durationMillis))
                            .replaceWithVoid();
                    if (decision.status() == DeliveryStatus.SUCCEEDED) {
                        chain = chain.chain(() -> connection.preparedQuery(MARK_SHOWN).execute(Tuple.of(delivery.webhookId(), at)))
                                .replaceWithVoid();
                    }
                    if (decision.disableSubscription()) {
                        chain = chain.chain(() -> connection.preparedQuery(DISABLE)
                                        .execute(Tuple.of(delivery.subscriptionId(), decision.error(), at)))
                                .chain(() -> connection.preparedQuery(CANCEL_PENDING)
                                        .execute(Tuple.of(delivery.subscriptionId(), "not sent: " + decision.error())))
                                .replaceWithVoid();
                    }
                    return chain.replaceWith(true);
                }));
    }

    /** The subscription's deliveries, newest first, optionally of one status. */
    public Uni<List<WebhookDelivery>> list(String subscriptionId, DeliveryStatus status, int limit) {
        return pool.preparedQuery("SELECT " + DELIVERY_COLUMNS + """
                         FROM webhook_deliveries WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)
                        ORDER BY created_at DESC, webhook_id LIMIT $3""")
                .execute(Tuple.of(subscriptionId, status == null ? null : status.name(), limit))
                .map(rows -> {
                    List<WebhookDelivery> deliveries = new ArrayList<>();
                    rows.forEach(row -> deliveries.add(delivery(row)));
                    return deliveries;
                });
    }

    /** One delivery with every attempt's outcome, or null. */
    public Uni<WebhookDelivery> find(String subscriptionId, String webhookId) {
        return pool.preparedQuery("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE subscription_id = $1 AND webhook_id = $2")
                .execute(Tuple.of(subscriptionId, webhookId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    WebhookDelivery delivery = delivery(rows.iterator().next());
                    return pool.preparedQuery("""
                                    SELECT attempt, attempted_at, status_code, error, duration_ms FROM webhook_attempts
                                    WHERE webhook_id = $1 ORDER BY attempt""")
                            .execute(Tuple.of(webhookId))
                            .map(attempts -> {
                                List<WebhookDelivery.Attempt> history = new ArrayList<>();
                                for (Row row : attempts) {
                                    history.add(new WebhookDelivery.Attempt(row.getInteger("attempt"),
                                            row.getOffsetDateTime("attempted_at").toInstant(), row.getInteger("status_code"),
                                            row.getString("error"), row.getLong("duration_ms")));
                                }
                                return delivery.withHistory(history);
                            });
                });
    }

    /** Makes a delivery due now (same webhook id), whatever its status; false if the subscription has no such delivery. */
    public Uni<Boolean> redeliver(String subscriptionId, String webhookId) {
        return pool.preparedQuery("""
                        UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = now()
                        WHERE subscription_id = $1 AND webhook_id = $2""")
                .execute(Tuple.of(subscriptionId, webhookId)).map(rows -> rows.rowCount() > 0);
    }

    /** Deletes finished deliveries older than {@code retention}; the number deleted. */
    public Uni<Integer> purge(Duration retention) {
        return pool.preparedQuery("""
                        DELETE FROM webhook_deliveries WHERE status <> 'PENDING'
                        AND coalesce(last_attempt_at, created_at) < now() - ($1::bigint * interval '1 millisecond')""")
                .execute(Tuple.of(retention.toMillis())).map(rows -> rows.rowCount());
    }

    private static WebhookDelivery delivery(Row row) {
        return new WebhookDelivery(row.getString("webhook_id"), row.getString("event_type"), row.getInteger("attempts"),
                DeliveryStatus.valueOf(row.getString("status")), row.getInteger("last_status_code"), instant(row, "next_attempt_at"),
                row.getString("last_error"), instant(row, "last_attempt_at"), instant(row, "delivered_at"), instant(row, "created_at"), null);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
