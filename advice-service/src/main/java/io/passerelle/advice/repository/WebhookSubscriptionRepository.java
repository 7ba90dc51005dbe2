package io.passerelle.advice.repository;

import io.passerelle.advice.webhook.SecretCipher;
import io.passerelle.advice.webhook.WebhookSubscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Webhook subscriptions in PostgreSQL, through the reactive client (the delivery path reads them in
 * SQL too). Secrets are sealed by {@link SecretCipher} on the way in and opened on the way out; a row
 * written before V7 (secret_key_id null) holds its secret in clear until {@link #sealAll} seals it.
 */
@ApplicationScoped
public class WebhookSubscriptionRepository {
    static final String COLUMNS = """
            id, url, event_types, secret, secret_key_id, enabled, disabled_reason, disabled_at, created_at, owner_ids,
            CASE WHEN previous_secret_expires_at > now() THEN previous_secret_expires_at END AS previous_secret_expires_at""";

    private final Pool pool;
    private final SecretCipher cipher;

    public WebhookSubscriptionRepository(Pool pool, SecretCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
    }

    public Uni<WebhookSubscription> insert(String id, String url, List<String> eventTypes, String secret, List<String> ownerIds,
                                           Instant createdAt) {
        SecretCipher.Sealed sealed = cipher.seal(id, secret);
        return pool.preparedQuery("""
                        INSERT INTO webhook_subscriptions (id, url, event_types, secret, secret_key_id, owner_ids, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addValue(id).addValue(url).addValue(eventTypes.toArray(String[]::new)).addValue(sealed.ciphertext())
                        .addValue(sealed.keyId()).addValue(ownerIds == null ? null : ownerIds.toArray(String[]::new))
                        .addValue(OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC)))
                .map(rows -> subscription(rows.iterator().next()));
    }

    /** The subscription, or null. */
    public Uni<WebhookSubscription> find(String id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : subscription(rows.iterator().next()));
    }

    /** Every subscription, without opening their secrets. */
    public Uni<List<WebhookSubscription>> list() {
        return pool.query("SELECT " + COLUMNS + " FROM webhook_subscriptions ORDER BY created_at, id").execute().map(rows -> {
            List<WebhookSubscription> all = new ArrayList<>();
            rows.forEach(row -> all.add(subscription(row, false)));
            return all;
        });
    }

    /** Deletes the subscription and, by cascade, its deliveries; false if there was none. */
    public Uni<Boolean> delete(String id) {
        return pool.preparedQuery("DELETE FROM webhook_subscriptions WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
    }

    /**
     * Makes {@code newSecret} the subscription's secret; the one it replaces keeps signing, beside it, for
     * {@code overlap} (a secret that a rotation before replaced is dropped). Null when there is no such subscription.
     */
    public Uni<WebhookSubscription> rotate(String id, String newSecret, Duration overlap) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT secret, secret_key_id FROM webhook_subscriptions WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row row = rows.iterator().next();
                    SecretCipher.Sealed previous = cipher.seal(id, open(cipher, id, row.getString("secret"), row.getString("secret_key_id")));
                    SecretCipher.Sealed current = cipher.seal(id, newSecret);
                    return connection.preparedQuery("""
                                    UPDATE webhook_subscriptions SET secret = $2, secret_key_id = $3, previous_secret = $4,
                                           previous_secret_key_id = $5, previous_secret_expires_at = now() + ($6::bigint * interval '1 millisecond')
                                    WHERE id = $1 RETURNING\s""" + COLUMNS)
                            .execute(Tuple.tuple().addValue(id).addValue(current.ciphertext()).addValue(current.keyId())
                                    .addValue(previous.ciphertext()).addValue(previous.keyId()).addValue(overlap.toMillis()))
                            .map(updated -> subscription(updated.iterator().next()));
                }));
    }

    /** Enables the subscription again (clearing why it was disabled); null when there is no such subscription. */
    public Uni<WebhookSubscription> enable(String id) {
        return pool.preparedQuery("""
                        UPDATE webhook_subscriptions SET enabled = TRUE, disabled_reason = NULL, disabled_at = NULL
                        WHERE id = $1 RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : subscription(rows.iterator().next(), false));
    }

    /**
     * Seals every secret still in clear (rows from before V7) or sealed under a retired key, under the current key,
     * and forgets previous secrets whose overlap has ended; the number of subscriptions changed. Each row is
     * rewritten only if it has not changed meanwhile, so several instances starting together do no harm.
     */
    public Uni<Integer> sealAll() {
        return pool.withConnection(connection -> connection.preparedQuery("""
                        SELECT id, secret, secret_key_id, previous_secret, previous_secret_key_id, previous_secret_expires_at > now() AS previous_signs
                        FROM webhook_subscriptions
                        WHERE secret_key_id IS DISTINCT FROM $1 OR previous_secret_key_id <> $1 OR previous_secret_expires_at <= now()""")
                .execute(Tuple.of(cipher.currentKeyId()))
                .chain(rows -> {
                    List<Row> stale = new ArrayList<>();
                    rows.forEach(stale::add);
                    return Multi.createFrom().iterable(stale).onItem().transformToUniAndConcatenate(row -> reseal(connection, row))
                            .collect().asList().map(changed -> (int) changed.stream().filter(Boolean::booleanValue).count());
                }));
    }

    private Uni<Boolean> reseal(SqlConnection connection, Row row) {
        String id = row.getString("id");
        SecretCipher.Sealed current = cipher.seal(id, open(cipher, id, row.getString("secret"), row.getString("secret_key_id")));
        boolean keepPrevious = row.getString("previous_secret") != null && Boolean.TRUE.equals(row.getBoolean("previous_signs"));
        SecretCipher.Sealed previous = keepPrevious
                ? cipher.seal(id, open(cipher, id, row.getString("previous_secret"), row.getString("previous_secret_key_id")))
                : null;
        return connection.preparedQuery("""
                        UPDATE webhook_subscriptions SET secret = $4, secret_key_id = $5, previous_secret = $6, previous_secret_key_id = $7,
                               previous_secret_expires_at = CASE WHEN $6::text IS NULL THEN NULL ELSE previous_secret_expires_at END
                        WHERE id = $1 AND secret = $2 AND secret_key_id IS NOT DISTINCT FROM $3""")
                .execute(Tuple.tuple().addValue(id).addValue(row.getString("secret")).addValue(row.getString("secret_key_id"))
                        .addValue(current.ciphertext()).addValue(current.keyId())
                        .addValue(previous == null ? null : previous.ciphertext()).addValue(previous == null ? null : previous.keyId()))
                .map(updated -> updated.rowCount() > 0);
    }

    /** The secrets that sign a message to the subscription now (see {@link #signingSecrets(SecretCipher, Row, boolean)}); null when there is none. */
    public Uni<List<String>> signingSecrets(String id) {
        return pool.preparedQuery("""
                        SELECT id AS subscription_id, secret, secret_key_id, previous_secret, previous_secret_key_id,
                               previous_secret_expires_at > now() AS previous_secret_signs
                        FROM webhook_subscriptions WHERE id = $1""")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return signingSecrets(cipher, row, Boolean.TRUE.equals(row.getBoolean("previous_secret_signs")));
                });
    }

    /** The secrets that sign a delivery: the current one, then the previous one while its overlap lasts. */
    static List<String> signingSecrets(SecretCipher cipher, Row row, boolean withPrevious) {
        String id = row.getString("subscription_id");
        String current = open(cipher, id, row.getString("secret"), row.getString("secret_key_id"));
        if (withPrevious && row.getString("previous_secret") != null) {
            return List.of(current, open(cipher, id, row.getString("previous_secret"), row.getString("previous_secret_key_id")));
        }
        return List.of(current);
    }

    /** A stored secret in clear: sealed under {@code keyId}, or (before V7, keyId null) stored in clear. */
    static String open(SecretCipher cipher, String id, String stored, String keyId) {
        return keyId == null ? stored : cipher.open(id, new SecretCipher.Sealed(keyId, stored));
    }

    private WebhookSubscription subscription(Row row) {
        return subscription(row, true);
    }

    private WebhookSubscription subscription(Row row, boolean withSecret) {
        OffsetDateTime disabledAt = row.getOffsetDateTime("disabled_at");
        OffsetDateTime previousExpiresAt = row.getOffsetDateTime("previous_secret_expires_at");
        String[] ownerIds = row.getArrayOfStrings("owner_ids");
        String id = row.getString("id");
        return new WebhookSubscription(id, row.getString("url"), Arrays.asList(row.getArrayOfStrings("event_types")),
                withSecret ? open(cipher, id, row.getString("secret"), row.getString("secret_key_id")) : null, row.getBoolean("enabled"),
                row.getString("disabled_reason"), disabledAt == null ? null : disabledAt.toInstant(),
                row.getOffsetDateTime("created_at").toInstant(), ownerIds == null ? null : List.of(ownerIds),
                previousExpiresAt == null ? null : previousExpiresAt.toInstant());
    }
}
