package io.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paused server hangs rather than refuses: connections stay open, a query hears nothing until the
 * driver's own socket timeout gives up, and once resumed the server answers again.
 */
class PostgresServerPauseTest {
    /** pgjdbc's socket timeout, in seconds: a query on a stopped server cannot be cancelled (Statement.setQueryTimeout sends the cancel to that very server). */
    private static final int SOCKET_TIMEOUT_SECONDS = 2;

    @TempDir
    Path workDirectory;

    @Test
    void aPausedServerAnswersNothingAndAnswersAgainOnceResumed() throws Exception {
        try (PostgresServer server = PostgresServer.start(workDirectory)) {
            String url = server.superuserJdbcUrl() + "?socketTimeout=" + SOCKET_TIMEOUT_SECONDS;
            try (Connection opened = DriverManager.getConnection(url, "postgres", "")) {
                assertThat(selectOne(opened)).isEqualTo(1);

                server.pause();
                assertThat(server.paused()).isTrue();
                assertThatThrownBy(() -> selectOne(opened)).as("a query on a connection opened before the pause")
                        .isInstanceOf(SQLException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).as("a new connection")
                        .isInstanceOf(SQLException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
            }

            server.resume();
            assertThat(server.paused()).isFalse();
            try (Connection reopened = DriverManager.getConnection(url, "postgres", "")) {
                assertThat(selectOne(reopened)).isEqualTo(1);
            }
        }
    }

    @Test
    void aPausedServerIsResumedAndStoppedWhenClosed() throws Exception {
        PostgresServer server = PostgresServer.start(workDirectory);
        String url = server.superuserJdbcUrl() + "?socketTimeout=" + SOCKET_TIMEOUT_SECONDS;
        server.pause();

        assertTimeoutPreemptively(Duration.ofSeconds(60), server::close);
        assertThat(server.paused()).isFalse();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).as("the server is stopped: the connection is refused")
                .isInstanceOf(SQLException.class).hasMessageContaining("refused");
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
            return result.getInt(1);
        }
    }
}
