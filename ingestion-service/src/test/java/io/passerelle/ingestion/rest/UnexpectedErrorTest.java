package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.runtime.problem.Problem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An unexpected failure answers 500 with a correlation id and nothing of the failure itself; the log
 * line carries the same id and the details. (Same test resource as the other REST tests: no restart.)
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class UnexpectedErrorTest {
    private final CapturingHandler log = new CapturingHandler();

    @BeforeEach
    void captureLog() {
        Logger.getLogger("").addHandler(log);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger("").removeHandler(log);
    }

    @Test
    void aServerErrorCarriesACorrelationIdAndNoDetailWhileTheLogHasBoth() {
        Response answer = given().when().get("/test-only/failure");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        String correlationId = answer.path("correlationId");
        assertThat(correlationId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(answer.<Integer>path("status")).isEqualTo(500);
        String body = answer.asString();
        assertThat(body).doesNotContain(FailingResource.SECRET, "SELECT", "does not exist", "db.internal", "IllegalStateException",
                "SQLException", "java.", "io.passerelle", "Exception", "\tat ", "FailingResource");

        List<LogRecord> lines = log.records.stream().filter(r -> formatted(r).contains(correlationId)).toList();
        assertThat(lines).as("log lines naming correlation id %s", correlationId).singleElement().satisfies(line -> {
            assertThat(line.getLevel().getName()).isEqualTo("ERROR");
            assertThat(line.getThrown()).isInstanceOf(IllegalStateException.class).hasMessageContaining("SELECT owner_id");
        });
    }

    @Test
    void eachServerErrorHasItsOwnCorrelationId() {
        String first = given().when().get("/test-only/failure").then().statusCode(500).extract().path("correlationId");
        String second = given().when().get("/test-only/failure").then().statusCode(500).extract().path("correlationId");
        assertThat(first).isNotEqualTo(second);
    }

    private static String formatted(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage());
    }

    /** Keeps every log record published while a test runs. */
    private static final class CapturingHandler extends Handler {
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
