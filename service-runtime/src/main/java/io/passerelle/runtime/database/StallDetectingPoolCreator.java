package io.passerelle.runtime.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the reactive PostgreSQL pool with Quarkus's settings plus a bound on silence: the Vert.x
 * client has no statement timeout, so without one a statement sent to a hung server waits for ever,
 * and with it every consumer batch and scheduled job that holds the connection.
 * <ul>
 * <li>each connection closes itself when nothing is read or written on it for
 * {@link DatabaseSettings#stallTimeout()} (the statement in flight then fails and is retried by its
 * caller; a connection being opened to a hung server fails the same way);</li>
 * <li>the pool closes connections idle for half that time first, so that the bound only ever
 * catches a connection that was waiting for an answer.</li>
 * </ul>
 * Its connections also leave the statements marked by {@link UnnamedStatements} out of their cache of prepared statements.
 *
 * <p>A connection a service opens outside the pool (a replay writes its transactions out on one) is made with
 * {@link #connectOptions()}: the pool's own, as Quarkus built them from the datasource's settings (TLS and the
 * certificates it trusts, credentials, pipelining, the cache of prepared statements) and as configured here.
 *
 * <p>Quarkus hands a pool creator the datasource's options as they are at start-up, without its credentials provider
 * ({@code quarkus.datasource.credentials-provider}, which would fetch a user and password for each new connection, from
 * Vault for instance): the pool would connect with the static user and password, or none, and fail later with a
 * misleading authentication error. A service configured with one therefore refuses to start, saying why.
 */
@ApplicationScoped
public class StallDetectingPoolCreator implements PgPoolCreator {
    private final DatabaseSettings settings;
    private final Optional<String> credentialsProvider;
    private volatile PgConnectOptions datasource;

    public StallDetectingPoolCreator(DatabaseSettings settings,
            @ConfigProperty(name = "quarkus.datasource.credentials-provider") Optional<String> credentialsProvider) {
        this.settings = settings;
        this.credentialsProvider = credentialsProvider;
    }

    /** Fails the start of a service whose datasource names a credentials provider, which this pool cannot honour. */
    void refuseCredentialsProvider(@Observes StartupEvent start) {
        requireNoCredentialsProvider();
    }

    private void requireNoCredentialsProvider() {
        credentialsProvider.ifPresent(provider -> {
            throw new IllegalStateException("quarkus.datasource.credentials-provider (" + provider + ") is not supported: the "
                    + "reactive pool would ignore it and connect with quarkus.datasource.username and password. Give those "
                    + "instead (POSTGRES_USER and POSTGRES_PASSWORD, from a Secret).");
        });
    }

    @Override
    public Pool create(Input input) {
        requireNoCredentialsProvider();
        int stallMillis = Math.toIntExact(settings.stallTimeout().toMillis());
        List<PgConnectOptions> servers = input.pgConnectOptionsList();
        servers.forEach(server -> configure(server, settings));
        datasource = new PgConnectOptions(servers.get(0));
        PoolOptions pool = input.poolOptions();
        int idleMillis = Math.max(1, stallMillis / 2);
        if (pool.getIdleTimeout() <= 0 || pool.getIdleTimeoutUnit().toMillis(pool.getIdleTimeout()) > idleMillis) {
            pool.setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setIdleTimeout(idleMillis);
        }
        return PgPool.pool(input.vertx(), servers, pool);
    }

    /**
     * A copy of the options of the pool's connections (the first server's, when the datasource names several), for a
     * connection opened outside the pool; the caller may change it without touching the pool's. Available once the pool
     * exists: a service that uses its datasource before it opens a connection of its own always finds it.
     *
     * @throws IllegalStateException before the pool is created
     */
    public PgConnectOptions connectOptions() {
        PgConnectOptions options = datasource;
        if (options == null) {
            throw new IllegalStateException("The datasource's pool is not created yet: its connection options are unknown");
        }
        return new PgConnectOptions(options);
    }

    /**
     * What a connection gets here beyond Quarkus's settings: closed after {@link DatabaseSettings#stallTimeout()} of
     * silence, and statements marked by {@link UnnamedStatements} left out of its cache of prepared statements.
     */
    private static PgConnectOptions configure(PgConnectOptions server, DatabaseSettings settings) {
        server.setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setIdleTimeout(Math.toIntExact(settings.stallTimeout().toMillis()));
        server.setPreparedStatementCacheSqlFilter(UnnamedStatements.cacheFilter(server.getPreparedStatementCacheSqlFilter()));
        return server;
    }
}
