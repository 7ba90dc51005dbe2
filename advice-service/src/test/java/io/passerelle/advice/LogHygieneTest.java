package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.TestEvents.tie;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No log line carries a bearer token, a webhook secret or what a body held: requests with tokens
 * (good and forged), a webhook subscription whose secret is then used to sign deliveries, bodies and
 * records with recognisable markers (accepted, refused by validation, and dead-lettered), while every
 * line the service logs is captured, with its exception and MDC.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class LogHygieneTest {
    private static final String BODY_MARKER = "Zq7Marker";

    private static final List<String> lines = new CopyOnWriteArrayList<>();
    private static final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " ");
            if (record instanceof ExtLogRecord ext) {
                line.append(ext.getFormattedMessage()).append(' ').append(ext.getMdcCopy());
            } else {
                line.append(record.getMessage()).append(' ').append(List.of(record.getParameters() == null ? new Object[0] : record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static TestEvents events;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        events = new TestEvents();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        Logger.getLogger("").removeHandler(capture);
        events.close();
        receiver.close();
    }

    @Test
    void noTokenSecretOrBodyContentIsLogged() {
        String operatorToken = LocalTokenIssuer.local().operator();
        String platformToken = LocalTokenIssuer.local().platform();
        String forgedToken = "eyJhbGciOiJub25lIn0." + BODY_MARKER + "Forged.sig";
        var subscription = given().auth().oauth2(operatorToken).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/ok"), "eventTypes", List.of("recommendation.issued")))
                .post("/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
        String secret = subscription.getString("secret");
        try {
            String owner = newOwner();
            given().auth().oauth2(forgedToken).get("/v1/owners/{owner}/objectives", owner).then().statusCode(401);
            // Refused bodies: an unknown enum value and malformed JSON, each naming the marker.
            given().auth().oauth2(platformToken).contentType(ContentType.JSON)
                    .body("{\"type\": \"" + BODY_MARKER + "Type\", \"targets\": {\"sectors\": [\"Fintech\"]}}")
                    .put("/v1/owners/{owner}/objectives/{objective}", owner, "job").then().statusCode(400);
            given().auth().oauth2(platformToken).contentType(ContentType.JSON)
                    .body("{\"type\": " + BODY_MARKER + "Unquoted}")
                    .put("/v1/owners/{owner}/objectives/{objective}", owner, "job").then().statusCode(400);
            // Accepted: an objective and a tie whose contact's name and company carry the marker; delivered, signed, to /ok.
            putObjective(owner, "job", """
                    {"type": "JOB_SEARCH", "targets": {"sectors": ["Fintech"], "companies": ["%sCorp"]}, "language": "en"}"""
                    .formatted(BODY_MARKER));
            events.sendTie(tie(owner, "c-marked", BODY_MARKER + " Weak", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
            // Dead-lettered: a tie record whose class is the marker.
            String unreadable = Identifiers.randomId();
            events.sendRaw(Topics.TIES, null, Topics.tieKey(owner, "c-bad"),
                    "{\"ownerId\": \"" + owner + "\", \"tie\": {\"contactId\": \"c-bad\", \"tieClass\": \"" + BODY_MARKER + "Class\"}}",
                    unreadable, EventTypes.TIE_UPDATED);

            await().atMost(PATIENCE).until(() -> receiver.requests().stream()
                    .anyMatch(r -> r.path().equals("/ok") && r.body().contains(owner)));
            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(line -> line.contains("Dead-lettering") && line.contains(unreadable)));

            assertThat(lines).as("log lines").isNotEmpty()
                    .noneMatch(line -> line.contains(BODY_MARKER))
                    .noneMatch(line -> line.contains(secret))
                    .noneMatch(line -> line.contains(secret.substring("whsec_".length())))
                    .noneMatch(line -> line.contains(operatorToken))
                    .noneMatch(line -> line.contains(platformToken));
        } finally {
            given().auth().oauth2(operatorToken).delete("/v1/webhook-subscriptions/{id}", subscription.getString("id"));
        }
    }
}
