package io.passerelle.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgConnectOptions;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class UnnamedStatementsTest {
    private static final Predicate<String> CLIENT_DEFAULT = new PgConnectOptions().getPreparedStatementCacheSqlFilter();

    @Test
    void aMarkedStatementIsLeftOutOfTheCacheAndAnyOtherIsCachedAsTheClientWould() {
        Predicate<String> cached = UnnamedStatements.cacheFilter(CLIENT_DEFAULT);

        assertThat(cached.test("SELECT 1")).isTrue();
        assertThat(cached.test(UnnamedStatements.sql("SELECT 1"))).isFalse();
        // The client's own limit still holds: a statement too long for its cache stays out of it.
        String long_ = "SELECT " + "1 + ".repeat(1_000) + "1";
        assertThat(CLIENT_DEFAULT.test(long_)).isFalse();
        assertThat(cached.test(long_)).isFalse();
    }

    @Test
    void withoutAFilterOfItsOwnTheClientCachesEveryUnmarkedStatement() {
        Predicate<String> cached = UnnamedStatements.cacheFilter(null);

        assertThat(cached.test("SELECT 1")).isTrue();
        assertThat(cached.test(UnnamedStatements.MARKER + "SELECT 1")).isFalse();
    }
}
