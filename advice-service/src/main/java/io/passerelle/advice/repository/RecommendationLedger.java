package io.passerelle.advice.repository;

import io.passerelle.advice.issuance.IssuanceState;
import io.passerelle.advice.issuance.Reconciliation;
import io.passerelle.advice.issuance.WithdrawalReason;
import io.passerelle.advice.metrics.AdviceMetrics;
import io.passerelle.advice.webhook.WebhookEvent;
import io.passerelle.advice.webhook.WebhookEventType;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.RecommendationIssued;
import io.passerelle.contracts.events.RecommendationWithdrawn;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Action;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.RequestKind;
import io.passerelle.runtime.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of issued recommendations and the outbox of their events. Every write takes the
 * caller's {@link SqlConnection}, so that it commits in the caller's transaction together with
 * whatever else that transaction writes (the consumer's batch, an objective's deletion, or another
 * table that must change with the issued recommendations).
 */
@ApplicationScoped
public class RecommendationLedger {
    static final String STATES = """
            SELECT recommendation_id, contact_id, version, status, action, request_kind, issued_at
            FROM recommendations WHERE owner_id = $1 AND objective_id = $2""";
    static final String UPSERT = """
            INSERT INTO recommendations (recommendation_id, owner_id, objective_id, objective_type, contact_id, version, status, rank,
                                         score, action, request_kind, tie_class, body, issued_at, updated_at, withdrawn_at, withdrawal_reason)
            SELECT u.id, $1, $2, $3, u.contact_id, u.version, 'ACTIVE', u.rank, u.score, u.action, u.request_kind, u.tie_class,
                   u.body::jsonb, u.issued_at, $4, NULL, NULL
            FROM UNNEST($5::text[], $6::text[], $7::int[], $8::int[], $9::float8[], $10::text[], $11::text[], $12::text[], $13::text[],
                        $14::timestamptz[])
                 AS u(id, contact_id, version, rank, score, action, request_kind, tie_class, body, issued_at)
            ON CONFLICT (recommendation_id) DO UPDATE SET
                version = EXCLUDED.version, status = 'ACTIVE', rank = EXCLUDED.rank, score = EXCLUDED.score, action = EXCLUDED.action,
                request_kind = EXCLUDED.request_kind, tie_class = EXCLUDED.tie_class, body = EXCLUDED.body,
                issued_at = EXCLUDED.issued_at, updated_at = EXCLUDED.updated_at, withdrawn_at = NULL, withdrawal_reason = NULL""";
    static final String WITHDRAW = """
            UPDATE recommendations r SET status = 'WITHDRAWN', withdrawn_at = $1, updated_at = $1, withdrawal_reason = w.reason
            FROM UNNEST($2::text[], $3::text[]) AS w(id, reason)
            WHERE r.recommendation_id = w.id AND r.status = 'ACTIVE'""";
    static final String ENQUEUE = """
            INSERT INTO outbox (event_id, topic, record_key, event_type, subject, payload, traceparent)
            SELECT e.event_id, $1, e.record_key, e.event_type, e.subject, e.payload, $7
            FROM UNNEST($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS e(event_id, record_key, event_type, subject, payload)
            ON CONFLICT (event_id) DO NOTHING""";
    static final String MARK_GENERATED = """
            INSERT INTO recommendation_runs (owner_id, objective_id, generated_at) VALUES ($1, $2, $3)
            ON CONFLICT (owner_id, objective_id) DO UPDATE SET generated_at = EXCLUDED.generated_at""";

    private final AdviceMetrics metrics;

    public RecommendationLedger(AdviceMetrics metrics) {
        this.metrics = metrics;
    }

    /** The id of an issued or withdrawn event: the same for the same version, so consumers can dedupe. */
    public static String eventId(String recommendationId, String eventType, int version) {
        return Identifiers.stableId(recommendationId, eventType, Integer.toString(version));
    }

    public Uni<List<IssuanceState>> states(SqlClient client, String ownerId, String objectiveId) {
        return client.preparedQuery(STATES).execute(Tuple.of(ownerId, objectiveId)).map(rows -> {
            List<IssuanceState> states = new ArrayList<>();
            for (Row row : rows) {
                states.add(new IssuanceState(row.getString("recommendation_id"), row.getString("contact_id"), row.getInteger("version"),
                        "ACTIVE".equals(row.getString("status")), Action.valueOf(row.getString("action")),
                        RequestKind.valueOf(row.getString("request_kind")), row.getOffsetDateTime("issued_at").toInstant()));
            }
            return states;
        });
    }

    /** Writes what a recompute decided, its events, and the time it was generated, in the caller's transaction. */
    public Uni<Void> record(SqlConnection connection, Reconciliation reconciliation, Instant now) {
        return record(connection, reconciliation, now, TraceContext.current());
    }

    /**
     * As {@link #record(SqlConnection, Reconciliation, Instant)}; the events and webhooks carry
     * {@code traceparent} (null for none) when the relay and the sender send them later.
     */
    public Uni<Void> record(SqlConnection connection, Reconciliation reconciliation, Instant now, String traceparent) {
        metrics.afterCommit(connection, reconciliation.objectiveType(), reconciliation.issued().size(), reconciliation.withdrawn().size());
        List<Reconciliation.Ranked> written = new ArrayList<>(reconciliation.kept());
        written.addAll(reconciliation.issued());
        OffsetDateTime at = utc(now);
        Uni<Void> chain = withdraw(connection, reconciliation.withdrawn(), at);
        if (!written.isEmpty()) {
            Tuple rows = Tuple.tuple()
                    .addValue(reconciliation.ownerId()).addValue(reconciliation.objectiveId())
                    .addValue(reconciliation.objectiveType().name()).addValue(at)
                    .addValue(written.stream().map(r -> r.recommendation().recommendationId()).toArray(String[]::new))
                    .addValue(written.stream().map(r -> r.recommendation().contactId()).toArray(String[]::new))
                    .addValue(written.stream().map(Reconciliation.Ranked::version).toArray(Integer[]::new))
                    .addValue(written.stream().map(Reconciliation.Ranked::rank).toArray(Integer[]::new))
                    .addValue(written.stream().map(r -> r.recommendation().score()).toArray(Double[]::new))
                    .addValue(written.stream().map(r -> r.recommendation().action().name()).toArray(String[]::new))
                    .addValue(written.stream().map(r -> r.recommendation().requestKind().name()).toArray(String[]::new))
                    .addValue(written.stream().map(r -> r.recommendation().tieClass().name()).toArray(String[]::new))
                    .addValue(written.stream().map(r -> EventJson.write(r.recommendation())).toArray(String[]::new))
                    .addValue(written.stream().map(r -> utc(r.recommendation().issuedAt())).toArray(OffsetDateTime[]::new));
            chain = chain.chain(() -> connection.preparedQuery(UPSERT).execute(rows).replaceWithVoid());
        }
        List<OutboxEvent> events = new ArrayList<>();
        List<WebhookEvent> webhooks = new ArrayList<>();
        for (Reconciliation.Withdrawal w : reconciliation.withdrawn()) {
            events.add(withdrawnEvent(reconciliation.ownerId(), reconciliation.objectiveId(), w, now));
            webhooks.add(withdrawnWebhook(reconciliation.ownerId(), reconciliation.objectiveId(), w, now));
        }
        for (Reconciliation.Ranked issued : reconciliation.issued()) {
            Recommendation r = issued.recommendation();
            String eventId = eventId(r.recommendationId(), EventTypes.RECOMMENDATION_ISSUED, issued.version());
            events.add(new OutboxEvent(eventId, r.ownerId(), EventTypes.RECOMMENDATION_ISSUED, r.recommendationId(),
                    EventJson.write(new RecommendationIssued(r))));
            webhooks.add(WebhookEvent.of(eventId, WebhookEventType.RECOMMENDATION_ISSUED, r.ownerId(), r.contactId(), r.issuedAt(), r));
        }
        // Webhook deliveries commit with the recommendations, like the outbox rows.
        return chain.chain(() -> enqueue(connection, events, traceparent))
                .chain(() -> WebhookDeliveryRepository.enqueue(connection, webhooks, event -> traceparent))
                .chain(() -> connection.preparedQuery(MARK_GENERATED)
                        .execute(Tuple.of(reconciliation.ownerId(), reconciliation.objectiveId(), at)).replaceWithVoid());
    }

    /** Forgets an objective's generation time (its recommendations stay on record, withdrawn). */
    public Uni<Void> forgetRun(SqlConnection connection, String ownerId, String objectiveId) {
        return connection.preparedQuery("DELETE FROM recommendation_runs WHERE owner_id = $1 AND objective_id = $2")
                .execute(Tuple.of(ownerId, objectiveId)).replaceWithVoid();
    }

    /**
     * Erases owners: publishes the withdrawal of their active recommendations, then deletes every row
     * the advice side keeps about them (recommendations, runs, feedback, pending recomputes, webhook
     * deliveries about them; the withdrawals' own deliveries are enqueued after that deletion).
     */
    public Uni<Void> eraseOwners(SqlConnection connection, List<String> ownerIds, Instant now) {
        String[] erased = ownerIds.stream().sorted().distinct().toArray(String[]::new);
        Tuple owners = Tuple.of(erased);
        // Lock order as in the recompute worker: the pending-recompute row first, then the owner's advisory lock.
        return run(connection, "DELETE FROM owner_recompute WHERE owner_id = ANY($1::text[])", owners)
                .chain(() -> run(connection, """
                        SELECT pg_advisory_xact_lock(hashtext('advice-recompute'), hashtext(o))
                        FROM UNNEST($1::text[]) AS o ORDER BY o""", owners))
                .chain(() -> connection.preparedQuery("""
                        SELECT recommendation_id, owner_id, objective_id, objective_type, contact_id, version FROM recommendations
                        WHERE owner_id = ANY($1::text[]) AND status = 'ACTIVE'""")
                        .execute(owners))
                .chain(rows -> {
                    List<OutboxEvent> events = new ArrayList<>();
                    List<WebhookEvent> webhooks = new ArrayList<>();
                    for (Row row : rows) {
                        Reconciliation.Withdrawal withdrawal = new Reconciliation.Withdrawal(row.getString("recommendation_id"),
                                row.getString("contact_id"), row.getInteger("version"), WithdrawalReason.OWNER_ERASED);
                        events.add(withdrawnEvent(row.getString("owner_id"), row.getString("objective_id"), withdrawal, now));
                        webhooks.add(withdrawnWebhook(row.getString("owner_id"), row.getString("objective_id"), withdrawal, now));
                        metrics.afterCommit(connection, ObjectiveType.valueOf(row.getString("objective_type")), 0, 1);
                    }
                    // Deliveries about the owners go first; the withdrawals that follow carry only identifiers and the
                    // reason, which the receivers need in order to forget the owner's recommendations too.
                    return WebhookDeliveryRepository.eraseOwners(connection, erased)
                            .chain(() -> enqueue(connection, events))
                            .chain(() -> WebhookDeliveryRepository.enqueue(connection, webhooks));
                })
                .chain(() -> run(connection, "DELETE FROM recommendations WHERE owner_id = ANY($1::text[])", owners))
                .chain(() -> run(connection, "DELETE FROM recommendation_runs WHERE owner_id = ANY($1::text[])", owners))
                .chain(() -> run(connection, "DELETE FROM feedback WHERE owner_id = ANY($1::text[])", owners))
                // Every recommendation event is keyed by its owner: the relayed ones go now, the others once relayed.
                .chain(() -> run(connection, "DELETE FROM outbox WHERE record_key = ANY($1::text[]) AND sent_at IS NOT NULL", owners))
                .chain(() -> run(connection, "UPDATE outbox SET purge_when_sent = true WHERE record_key = ANY($1::text[]) AND sent_at IS NULL",
                        owners));
    }

    /**
     * Erases contacts (their ties were tombstoned): publishes the withdrawal of their active
     * recommendations ({@code TIE_ERASED}), then deletes their recommendations and the feedback on
     * them; the outbox events that name them are deleted, at once when already relayed, else as soon
     * as the relay has sent them. Serialised with the owner's recomputes by the same advisory lock,
     * so that no recompute in flight writes a recommendation for them again.
     */
    public Uni<Void> eraseContacts(SqlConnection connection, List<String> ownerIds, List<String> contactIds, Instant now) {
        Tuple owners = Tuple.of(ownerIds.stream().sorted().distinct().toArray(String[]::new));
        Tuple contacts = Tuple.of(ownerIds.toArray(String[]::new), contactIds.toArray(String[]::new));
        return run(connection, """
                        SELECT pg_advisory_xact_lock(hashtext('advice-recompute'), hashtext(o))
                        FROM UNNEST($1::text[]) AS o ORDER BY o""", owners)
                .chain(() -> connection.preparedQuery("""
                        SELECT r.recommendation_id, r.owner_id, r.objective_id, r.objective_type, r.contact_id, r.version, r.status
                        FROM recommendations r
                        JOIN UNNEST($1::text[], $2::text[]) AS e(owner_id, contact_id)
                          ON r.owner_id = e.owner_id AND r.contact_id = e.contact_id""")
                        .execute(contacts))
                .chain(rows -> {
                    List<String> ids = new ArrayList<>();
                    List<OutboxEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getString("recommendation_id"));
                        if ("ACTIVE".equals(row.getString("status"))) {
                            events.add(withdrawnEvent(row.getString("owner_id"), row.getString("objective_id"),
                                    new Reconciliation.Withdrawal(row.getString("recommendation_id"), row.getString("contact_id"),
                                            row.getInteger("version"), WithdrawalReason.TIE_ERASED), now));
                            metrics.afterCommit(connection, ObjectiveType.valueOf(row.getString("objective_type")), 0, 1);
                        }
                    }
                    Tuple recommendationIds = Tuple.of(ids.toArray(String[]::new));
                    // Recommendations before feedback: a feedback being recorded holds its recommendation's row
                    // (FOR SHARE), so the feedback DELETE below sees it once committed.
                    return enqueue(connection, events)
                            .chain(() -> run(connection, "DELETE FROM recommendations WHERE recommendation_id = ANY($1::text[])",
                                    recommendationIds))
                            .chain(() -> run(connection, """
                                    DELETE FROM feedback f USING UNNEST($1::text[], $2::text[]) AS e(owner_id, contact_id)
                                    WHERE f.owner_id = e.owner_id AND f.contact_id = e.contact_id""", contacts))
                            .chain(() -> run(connection, "DELETE FROM outbox WHERE subject = ANY($1::text[]) AND sent_at IS NOT NULL",
                                    recommendationIds))
                            .chain(() -> run(connection,
                                    "UPDATE outbox SET purge_when_sent = true WHERE subject = ANY($1::text[]) AND sent_at IS NULL",
                                    recommendationIds));
                });
    }

    private static OutboxEvent withdrawnEvent(String ownerId, String objectiveId, Reconciliation.Withdrawal w, Instant now) {
        return new OutboxEvent(eventId(w.recommendationId(), EventTypes.RECOMMENDATION_WITHDRAWN, w.version()), ownerId,
                EventTypes.RECOMMENDATION_WITHDRAWN, w.recommendationId(), EventJson.write(new RecommendationWithdrawn(
                w.recommendationId(), ownerId, objectiveId, w.contactId(), w.reason().name(), now)));
    }

    private static WebhookEvent withdrawnWebhook(String ownerId, String objectiveId, Reconciliation.Withdrawal w, Instant now) {
        return WebhookEvent.of(eventId(w.recommendationId(), EventTypes.RECOMMENDATION_WITHDRAWN, w.version()),
                WebhookEventType.RECOMMENDATION_WITHDRAWN, ownerId, w.contactId(), now,
                new RecommendationWithdrawn(w.recommendationId(), ownerId, objectiveId, w.contactId(), w.reason().name(), now));
    }

    private Uni<Void> withdraw(SqlConnection connection, List<Reconciliation.Withdrawal> withdrawn, OffsetDateTime at) {
        if (withdrawn.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(WITHDRAW).execute(Tuple.of(at,
                        withdrawn.stream().map(Reconciliation.Withdrawal::recommendationId).toArray(String[]::new),
                        withdrawn.stream().map(w -> w.reason().name()).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** An event waiting in the outbox. */
    record OutboxEvent(String eventId, String key, String type, String subject, String payload) {
    }

    private static Uni<Void> enqueue(SqlConnection connection, List<OutboxEvent> events) {
        return enqueue(connection, events, null);
    }

    private static Uni<Void> enqueue(SqlConnection connection, List<OutboxEvent> events, String traceparent) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(ENQUEUE).execute(Tuple.tuple()
                        .addValue(Topics.RECOMMENDATIONS)
                        .addValue(events.stream().map(OutboxEvent::eventId).toArray(String[]::new))
                        .addValue(events.stream().map(OutboxEvent::key).toArray(String[]::new))
                        .addValue(events.stream().map(OutboxEvent::type).toArray(String[]::new))
                        .addValue(events.stream().map(OutboxEvent::subject).toArray(String[]::new))
                        .addValue(events.stream().map(OutboxEvent::payload).toArray(String[]::new))
                        .addValue(traceparent))
                .replaceWithVoid();
    }

    private static Uni<Void> run(SqlConnection connection, String sql, Tuple arguments) {
        return connection.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
