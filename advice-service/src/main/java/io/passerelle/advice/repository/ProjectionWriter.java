package io.passerelle.advice.repository;

import io.passerelle.advice.config.AdviceConfig;
import io.passerelle.advice.messaging.ProjectionBatch;
import io.passerelle.advice.messaging.ProjectionChange;
import io.passerelle.advice.service.RecomputeService;
import io.passerelle.advice.webhook.TieClassChange;
import io.passerelle.advice.webhook.WebhookEvent;
import io.passerelle.advice.webhook.WebhookEventType;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.runtime.tracing.ConsumedTraces;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the net effect of a batch of new events with multi-row statements, in the consumer's
 * transaction: a failure rolls everything back, the event ids included, so that the batch is
 * retried (or its refused event isolated) by the shared batch consumer.
 */
@ApplicationScoped
public class ProjectionWriter {
    static final String ERASE_TIES = "DELETE FROM ties WHERE owner_id = ANY($1::text[])";
    static final String ERASE_OWNERS = "DELETE FROM owners WHERE owner_id = ANY($1::text[])";
    static final String ERASE_OBJECTIVES = "DELETE FROM objectives WHERE owner_id = ANY($1::text[])";
    static final String REMOVE_TIES = """
            DELETE FROM ties t USING UNNEST($1::text[], $2::text[]) AS r(owner_id, contact_id)
            WHERE t.owner_id = r.owner_id AND t.contact_id = r.contact_id""";
    // The WHERE clause of DO UPDATE keeps the newest snapshot when records arrive out of order.
    static final String UPSERT_TIES = """
            INSERT INTO ties (owner_id, contact_id, tie_class, strength, tie_updated_at, previous_tie_class, tie, contact, updated_at)
            SELECT u.owner_id, u.contact_id, u.tie_class, u.strength, u.tie_updated_at, u.previous_tie_class,
                   u.tie::jsonb, u.contact::jsonb, now()
            FROM UNNEST($1::text[], $2::text[], $3::text[], $4::float8[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])
                 AS u(owner_id, contact_id, tie_class, strength, tie_updated_at, previous_tie_class, tie, contact)
            ON CONFLICT (owner_id, contact_id) DO UPDATE SET
                tie_class = EXCLUDED.tie_class, strength = EXCLUDED.strength, tie_updated_at = EXCLUDED.tie_updated_at,
                previous_tie_class = EXCLUDED.previous_tie_class, tie = EXCLUDED.tie, contact = EXCLUDED.contact, updated_at = now()
            WHERE ties.tie_updated_at <= EXCLUDED.tie_updated_at
            RETURNING owner_id, contact_id""";
    static final String UPSERT_OWNERS = """
            INSERT INTO owners (owner_id, profile, updated_at)
            SELECT o.owner_id, o.profile::jsonb, now() FROM UNNEST($1::text[], $2::text[]) AS o(owner_id, profile)
            ON CONFLICT (owner_id) DO UPDATE SET profile = EXCLUDED.profile, updated_at = now()""";

    private final RecommendationLedger ledger;
    private final long debounceMillis;
    private final long maxWaitMillis;
    private final ConsumedTraces traces;

    public ProjectionWriter(RecommendationLedger ledger, AdviceConfig config, ConsumedTraces traces) {
        this.ledger = ledger;
        this.debounceMillis = config == null ? 0 : config.recompute().debounce().toMillis();
        this.maxWaitMillis = config == null ? 0 : config.recompute().maxWait().toMillis();
        this.traces = traces;
    }

    /**
     * Writes the net effect of new events, given in record order, on the connection of the
     * consumer's transaction (which records their ids in the same commit).
     */
    public Uni<Void> write(SqlConnection transaction, List<ProjectionChange> changes) {
        return write(transaction, ProjectionBatch.of(changes));
    }

    private Uni<Void> write(SqlConnection connection, ProjectionBatch batch) {
        // First, before any other write: the owners whose ties or profile change are due for a recompute
        // once changes have paused for the debounce, or at the latest max-wait after the first one (see
        // RecomputeService.MARK_DUE, also for the lock order).
        Map<String, String> causes = new TreeMap<>();
        batch.changedOwners().forEach(owner -> causes.put(owner, traces.traceparentOfOwner(owner)));
        Uni<Void> chain = RecomputeService.markDue(connection, causes, debounceMillis, maxWaitMillis);
        List<String> erased = batch.erasedOwners();
        if (!erased.isEmpty()) {
            Tuple owners = Tuple.of(erased.toArray(String[]::new));
            chain = chain.chain(() -> ledger.eraseOwners(connection, erased, Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                    .chain(() -> run(connection, ERASE_TIES, owners))
                    .chain(() -> run(connection, ERASE_OWNERS, owners))
                    .chain(() -> run(connection, ERASE_OBJECTIVES, owners));
        }
        List<ProjectionChange.TieKey> removed = batch.removedTies();
        if (!removed.isEmpty()) {
            Tuple keys = Tuple.of(removed.stream().map(ProjectionChange.TieKey::ownerId).toArray(String[]::new),
                    removed.stream().map(ProjectionChange.TieKey::contactId).toArray(String[]::new));
            String[] owners = removed.stream().map(ProjectionChange.TieKey::ownerId).toArray(String[]::new);
            String[] contacts = removed.stream().map(ProjectionChange.TieKey::contactId).toArray(String[]::new);
            // A tombstone means the contact was erased: its recommendations, feedback, events and
            // webhook deliveries go with the tie.
            chain = chain.chain(() -> ledger.eraseContacts(connection, List.of(owners), List.of(contacts),
                            Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                    .chain(() -> WebhookDeliveryRepository.eraseContacts(connection, owners, contacts))
                    .chain(() -> run(connection, REMOVE_TIES, keys));
        }
        List<TieUpdated> snapshots = batch.tieSnapshots();
        if (!snapshots.isEmpty()) {
            Tuple rows = Tuple.tuple()
                    .addValue(snapshots.stream().map(TieUpdated::ownerId).toArray(String[]::new))
                    .addValue(snapshots.stream().map(s -> s.tie().contactId()).toArray(String[]::new))
                    .addValue(snapshots.stream().map(s -> s.tie().tieClass().name()).toArray(String[]::new))
                    .addValue(snapshots.stream().map(s -> s.tie().strength()).toArray(Double[]::new))
                    .addValue(snapshots.stream().map(s -> OffsetDateTime.ofInstant(s.tie().updatedAt(), ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                    .addValue(snapshots.stream().map(s -> s.previousTieClass() == null ? null : s.previousTieClass().name()).toArray(String[]::new))
                    .addValue(snapshots.stream().map(s -> EventJson.write(s.tie())).toArray(String[]::new))
                    .addValue(snapshots.stream().map(s -> s.contact() == null ? null : EventJson.write(s.contact())).toArray(String[]::new));
            chain = chain.chain(() -> connection.preparedQuery(UPSERT_TIES).execute(rows))
                    .chain(applied -> WebhookDeliveryRepository.enqueue(connection, classChanges(snapshots, applied),
                            event -> traces.traceparentOfOwner(event.ownerId())));
        }
        Map<String, OwnerProfile> profiles = batch.profiles();
        if (!profiles.isEmpty()) {
            Tuple rows = Tuple.of(profiles.keySet().toArray(String[]::new),
                    profiles.values().stream().map(EventJson::write).toArray(String[]::new));
            chain = chain.chain(() -> run(connection, UPSERT_OWNERS, rows));
        }
        return chain;
    }

    /**
     * {@code tie.class-changed} for the snapshots that were written (an older one that lost to a newer
     * one is not news) and whose class differs from the previous one. The event id derives from the
     * snapshot, so a redelivered record gives the same webhook id.
     */
    static List<WebhookEvent> classChanges(List<TieUpdated> snapshots, RowSet<Row> applied) {
        Set<String> written = new HashSet<>();
        for (Row row : applied) {
            written.add(Topics.tieKey(row.getString("owner_id"), row.getString("contact_id")));
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (TieUpdated s : snapshots) {
            Tie tie = s.tie();
            if (s.previousTieClass() != null && s.previousTieClass() != tie.tieClass()
                    && written.contains(Topics.tieKey(s.ownerId(), tie.contactId()))) {
                String eventId = Identifiers.stableId("tie.class-changed", s.ownerId(), tie.contactId(), tie.updatedAt().toString(),
                        tie.tieClass().name());
                events.add(WebhookEvent.of(eventId, WebhookEventType.TIE_CLASS_CHANGED, s.ownerId(), tie.contactId(), tie.updatedAt(),
                        new TieClassChange(s.ownerId(), tie.contactId(), s.previousTieClass(), tie.tieClass(), tie.strength(), tie.updatedAt())));
            }
        }
        return events;
    }

    private static Uni<Void> run(SqlConnection connection, String sql, Tuple arguments) {
        return connection.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }
}
