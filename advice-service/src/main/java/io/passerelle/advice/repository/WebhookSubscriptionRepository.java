package io.passerelle.advice.repository;

import io.passerelle.advice.webhook.WebhookSubscription;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Webhook subscriptions in PostgreSQL, through the reactive client (the delivery path reads them in SQL too). */
@ApplicationScoped
public class WebhookSubscriptionRepository {
    static final String COLUMNS = "id, url, event_types, secret, enabled, disabled_reason, disabled_at, created_at";

    private final Pool pool;

    public WebhookSubscriptionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<WebhookSubscription> insert(String id, String url, List<String> eventTypes, String secret, Instant createdAt) {
        return pool.preparedQuery("INSERT INTO webhook_subscriptions (id, url, event_types, secret, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING "
                        + COLUMNS)
                .execute(Tuple.of(id, url, eventTypes.toArray(String[]::new), secret, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC)))
                .map(rows -> subscription(rows.iterator().next()));
    }

    /** The subscription, or null. */
    public Uni<WebhookSubscription> find(String id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : subscription(rows.iterator().next()));
    }

    public Uni<List<WebhookSubscription>> list() {
        return pool.query("SELECT " + COLUMNS + " FROM webhook_subscriptions ORDER BY created_at, id").execute().map(rows -> {
            List<WebhookSubscription> all = new ArrayList<>();
            rows.forEach(row -> all.add(subscription(row)));
            return all;
        });
    }

    /** Deletes the subscription and, by cascade, its deliveries; false if there was none. */
    public Uni<Boolean> delete(String id) {
        return pool.preparedQuery("DELETE FROM webhook_subscriptions WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
    }

    static WebhookSubscription subscription(Row row) {
        OffsetDateTime disabledAt = row.getOffsetDateTime("disabled_at");
        return new WebhookSubscription(row.getString("id"), row.getString("url"), Arrays.asList(row.getArrayOfStrings("event_types")),
                row.getString("secret"), row.getBoolean("enabled"), row.getString("disabled_reason"),
                disabledAt == null ? null : disabledAt.toInstant(), row.getOffsetDateTime("created_at").toInstant());
    }
}
