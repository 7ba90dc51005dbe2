package io.passerelle.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection opened outside the pool gets the pool's options as Quarkus built them from the datasource's settings (TLS,
 * the certificates it trusts, credentials, pipelining, the cache of prepared statements) and as the creator configured
 * them (the stall timeout, the cache's filter), in a copy of its own.
 */
class StallDetectingPoolCreatorTest {
    private static final DatabaseSettings SETTINGS = new DatabaseSettings() {
        @Override
        public Duration stallTimeout() {
            return Duration.ofSeconds(20);
        }

        @Override
        public Duration healthTimeout() {
            return Duration.ofSeconds(3);
        }
    };

    private final Vertx vertx = Vertx.vertx();
    private Pool pool;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close().toCompletionStage().toCompletableFuture().join();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aConnectionOutsideThePoolIsMadeWithThePoolsOwnOptionsInACopy() {
        PgConnectOptions datasource = new PgConnectOptions()
                .setHost("db.example").setPort(5433).setDatabase("graph").setUser("passerelle").setPassword("secret")
                .setSslMode(SslMode.VERIFY_FULL).setTrustOptions(new PemTrustOptions().addCertPath("/etc/passerelle/postgres-ca/ca.crt"))
                .setHostnameVerificationAlgorithm("HTTPS")
                .setPipeliningLimit(7)
                .setCachePreparedStatements(true);
        StallDetectingPoolCreator creator = new StallDetectingPoolCreator(SETTINGS, Optional.empty());
        assertThatThrownBy(creator::connectOptions).as("before the pool exists").isInstanceOf(IllegalStateException.class);

        pool = creator.create(input(datasource));
        PgConnectOptions outside = creator.connectOptions();

        assertThat(outside).isNotSameAs(datasource);
        assertThat(outside.getHost()).isEqualTo("db.example");
        assertThat(outside.getPort()).isEqualTo(5433);
        assertThat(outside.getDatabase()).isEqualTo("graph");
        assertThat(outside.getUser()).isEqualTo("passerelle");
        assertThat(outside.getPassword()).isEqualTo("secret");
        assertThat(outside.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(((PemTrustOptions) outside.getTrustOptions()).getCertPaths()).containsExactly("/etc/passerelle/postgres-ca/ca.crt");
        assertThat(outside.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(outside.getPipeliningLimit()).isEqualTo(7);
        assertThat(outside.getCachePreparedStatements()).isTrue();
        assertThat(outside.getIdleTimeoutUnit().toMillis(outside.getIdleTimeout())).as("the stall timeout").isEqualTo(20_000);
        assertThat(outside.getPreparedStatementCacheSqlFilter().test(UnnamedStatements.sql("SELECT 1"))).isFalse();
        assertThat(outside.getPreparedStatementCacheSqlFilter().test("SELECT 1")).isTrue();

        outside.addProperty("application_name", "outside").setSslMode(SslMode.DISABLE);
        PgConnectOptions again = creator.connectOptions();
        assertThat(again.getProperties()).containsEntry("application_name", "vertx-pg-client");
        assertThat(again.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(datasource.getProperties()).containsEntry("application_name", "vertx-pg-client");
    }

    @Test
    void thePoolClosesConnectionsIdleForHalfTheStallTimeoutUnlessItsOwnSettingIsShorter() {
        PgPoolCreator.Input unset = input(new PgConnectOptions());
        pool = new StallDetectingPoolCreator(SETTINGS, Optional.empty()).create(unset);
        assertThat(unset.poolOptions().getIdleTimeoutUnit().toMillis(unset.poolOptions().getIdleTimeout())).isEqualTo(10_000);
        pool.close().toCompletionStage().toCompletableFuture().join();

        PgPoolCreator.Input shorter = input(new PgConnectOptions());
        shorter.poolOptions().setIdleTimeoutUnit(TimeUnit.SECONDS).setIdleTimeout(4);
        pool = new StallDetectingPoolCreator(SETTINGS, Optional.empty()).create(shorter);
        assertThat(shorter.poolOptions().getIdleTimeoutUnit().toMillis(shorter.poolOptions().getIdleTimeout())).isEqualTo(4_000);
    }

    @Test
    void aDatasourceWithACredentialsProviderIsRefusedRatherThanConnectedWithoutIt() {
        StallDetectingPoolCreator creator = new StallDetectingPoolCreator(SETTINGS, Optional.of("vault"));
        assertThatThrownBy(() -> creator.refuseCredentialsProvider(new io.quarkus.runtime.StartupEvent()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quarkus.datasource.credentials-provider (vault)");
        assertThatThrownBy(() -> creator.create(input(new PgConnectOptions())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("POSTGRES_USER");
        assertThat(pool).as("no pool made").isNull();
    }

    private PgPoolCreator.Input input(PgConnectOptions server) {
        PoolOptions poolOptions = new PoolOptions();
        return new PgPoolCreator.Input() {
            @Override
            public Vertx vertx() {
                return vertx;
            }

            @Override
            public PoolOptions poolOptions() {
                return poolOptions;
            }

            @Override
            public List<PgConnectOptions> pgConnectOptionsList() {
                return List.of(server);
            }
        };
    }
}
