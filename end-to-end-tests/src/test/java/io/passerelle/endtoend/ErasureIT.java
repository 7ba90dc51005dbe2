package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.localstack.DatabaseScan;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The right to erasure across the packaged services: a contact and then an owner erased through
 * ingestion-service leave no row naming them in any table of any database, the tie is tombstoned,
 * the recommendation withdrawn, and a replay of the topics does not bring them back. The export
 * before the erasure gathers both services' sections.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String OWNER = "erasure-owner-" + SUFFIX;
    private static final String ERASED = "erin-" + SUFFIX;
    private static final String ERASED_NAME = "Erin Erasable" + SUFFIX;
    private static final String ERASED_EMAIL = "erin." + SUFFIX + "@example.org";

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("erasure");

    private static ServiceProcess graph;
    private static ServiceProcess advice;
    private static ServiceProcess ingestion;

    @BeforeAll
    static void startServices() {
        // graph and advice first, so that ingestion-service's export is pointed at them.
        graph = system.service("graph-service");
        advice = system.service("advice-service");
        ingestion = system.service("ingestion-service");
    }

    @Test
    @Order(1)
    void aNetworkGetsTiesRecommendationsAndAnExportOfBothServices() throws Exception {
        accepted(ingest().body("""
                {"displayName":"Olga Owner","sector":"Coaching","language":"en",
                 "location":{"city":"Paris","country":"FR"}}""").put("/v1/owners/{owner}/profile", OWNER));
        accepted(ingest().body("{\"displayName\":\"" + ERASED_NAME + "\",\"emails\":[\"" + ERASED_EMAIL + "\"],"
                + "\"company\":\"Qonto\",\"role\":\"Engineer\",\"sector\":\"Fintech\",\"origin\":\"EVENT\","
                + "\"location\":{\"city\":\"Lyon\",\"country\":\"FR\"}}")
                .put("/v1/owners/{owner}/contacts/{contact}", OWNER, ERASED));
        accepted(ingest().body("{\"displayName\":\"Kim Kept\",\"company\":\"Alan\",\"sector\":\"Fintech\",\"origin\":\"EVENT\","
                + "\"mutualContactIds\":[\"" + ERASED + "\"]}")
                .put("/v1/owners/{owner}/contacts/{contact}", OWNER, "kim"));
        Instant at = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (String contact : List.of(ERASED, "kim")) {
            accepted(ingest().body("{\"contactId\":\"" + contact + "\",\"occurredAt\":\"" + at + "\",\"channel\":\"EMAIL\","
                    + "\"direction\":\"OUTBOUND\"}").post("/v1/owners/{owner}/interactions", OWNER));
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(onGraph().get("/v1/owners/{owner}/ties/{contact}", OWNER, ERASED).then().statusCode(200)
                    .extract().jsonPath().getInt("interactionCount")).isEqualTo(1);
            assertThat(onGraph().get("/v1/owners/{owner}/ties/{contact}", OWNER, "kim").then().statusCode(200)
                    .extract().jsonPath().getInt("mutualContacts")).isEqualTo(1);
        });
        onAdvice().contentType(ContentType.JSON).body("{\"type\":\"JOB_SEARCH\",\"targets\":{\"sectors\":[\"Fintech\"]}}")
                .put("/v1/owners/{owner}/objectives/{objective}", OWNER, "job").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(onAdvice()
                .get("/v1/owners/{owner}/objectives/{objective}/recommendations", OWNER, "job")
                .then().statusCode(200).extract().jsonPath().getList("items.contactId")).contains(ERASED, "kim"));

        JsonPath export = given().baseUri(ingestion.baseUri().toString()).get("/v1/owners/{owner}/export", OWNER)
                .then().statusCode(200).extract().jsonPath();
        assertThat(export.getString("ownerId")).isEqualTo(OWNER);
        assertThat(export.getString("exportedAt")).isNotBlank();
        assertThat(export.getString("graph.profile.displayName")).isEqualTo("Olga Owner");
        assertThat(export.getList("graph.contacts.contactId")).contains(ERASED, "kim");
        assertThat(export.getList("graph.ties.tie.contactId")).contains(ERASED, "kim");
        assertThat(export.getList("graph.ties.statistics")).hasSize(2);
        assertThat(export.getList("advice.objectives.objectiveId")).containsExactly("job");
        assertThat(export.getList("advice.recommendations.recommendation.contactId")).contains(ERASED);
        given().baseUri(ingestion.baseUri().toString()).get("/v1/owners/{owner}/export", "nobody-" + SUFFIX)
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(rowsMentioning(ERASED_NAME, ERASED_EMAIL)).as("the scan finds the contact before its erasure")
                .anyMatch(row -> row.startsWith("graph.contacts")).anyMatch(row -> row.startsWith("advice.recommendations"));
    }

    @Test
    @Order(2)
    void anErasedContactLeavesNoTraceInAnyDatabaseAndIsTombstonedAndWithdrawn() throws Exception {
        accepted(ingest().delete("/v1/owners/{owner}/contacts/{contact}", OWNER, ERASED));

        await().atMost(PATIENCE).untilAsserted(() -> {
            onGraph().get("/v1/owners/{owner}/ties/{contact}", OWNER, ERASED).then().statusCode(404);
            assertThat(rowsMentioning(ERASED, ERASED_NAME, ERASED_EMAIL)).isEmpty();
        });
        assertThat(onGraph().get("/v1/owners/{owner}/ties/{contact}", OWNER, "kim").then().statusCode(200)
                .extract().jsonPath().getInt("mutualContacts")).isZero();
        assertThat(onAdvice().get("/v1/owners/{owner}/objectives/{objective}/recommendations", OWNER, "job")
                .then().statusCode(200).extract().jsonPath().getList("items.contactId")).doesNotContain(ERASED);

        List<ConsumerRecord<String, String>> tie = system.kafka().readAll(Topics.TIES).stream()
                .filter(record -> Topics.tieKey(OWNER, ERASED).equals(record.key())).toList();
        assertThat(tie).isNotEmpty();
        assertThat(tie.get(tie.size() - 1).value()).as("the tie's last record is a tombstone").isNull();
        assertThat(system.kafka().readAll(Topics.RECOMMENDATIONS).stream()
                .filter(record -> EventTypes.RECOMMENDATION_WITHDRAWN.equals(KafkaFixtures.header(record, "ce_type")))
                .map(ConsumerRecord::value))
                .anySatisfy(value -> assertThat(value).contains("\"contactId\":\"" + ERASED + "\"", "TIE_ERASED"));
    }

    @Test
    @Order(3)
    void aReplayOfTheTopicsDoesNotBringTheErasedContactBack() throws Exception {
        GraphReplays.replayToCompletion(graph);

        onGraph().get("/v1/owners/{owner}/ties/{contact}", OWNER, ERASED).then().statusCode(404);
        onGraph().get("/v1/owners/{owner}/ties/{contact}", OWNER, "kim").then().statusCode(200).body("mutualContacts", equalTo(0));
        assertThat(rowsMentioning(ERASED, ERASED_NAME, ERASED_EMAIL)).isEmpty();
    }

    @Test
    @Order(4)
    void anErasedOwnerLeavesNoTraceInAnyDatabase() throws Exception {
        accepted(ingest().delete("/v1/owners/{owner}", OWNER));

        await().atMost(PATIENCE).untilAsserted(() -> {
            onGraph().get("/v1/owners/{owner}/ties", OWNER).then().statusCode(404);
            assertThat(rowsMentioning(OWNER)).isEmpty();
        });
        given().baseUri(ingestion.baseUri().toString()).get("/v1/owners/{owner}/export", OWNER)
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(system.kafka().readAll(Topics.RECOMMENDATIONS).stream()
                .filter(record -> OWNER.equals(record.key()))
                .map(record -> KafkaFixtures.header(record, "ce_type")))
                .as("the owner's remaining recommendation was withdrawn")
                .contains(EventTypes.RECOMMENDATION_WITHDRAWN);
        List<String> tombstoned = system.kafka().readAll(Topics.TIES).stream()
                .filter(record -> Topics.tieKey(OWNER, "kim").equals(record.key())).map(ConsumerRecord::value).toList();
        assertThat(tombstoned.get(tombstoned.size() - 1)).isNull();
    }

    /** Every row of every table of every service's database whose text contains one of {@code values}, as {@code database.table: row}. */
    private static List<String> rowsMentioning(String... values) throws Exception {
        LocalStack stack = system.stack();
        List<String> found = new ArrayList<>();
        for (String database : LocalStack.DATABASES) {
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), stack.postgresUser(), stack.postgresPassword())) {
                // ingestion-service's database holds its import jobs; the consumers' their projections.
                assertThat(DatabaseScan.tables(connection)).as("tables of " + database)
                        .contains(database.equals("ingestion") ? new String[] {"import_jobs", "import_chunks"} : new String[] {"ties", "processed_events"});
                DatabaseScan.rowsMentioning(connection, values).forEach(row -> found.add(database + "." + row));
            }
        }
        return found;
    }

    private static RequestSpecification ingest() {
        return given().baseUri(ingestion.baseUri().toString()).contentType(ContentType.JSON);
    }

    private static RequestSpecification onGraph() {
        return given().baseUri(graph.baseUri().toString());
    }

    private static RequestSpecification onAdvice() {
        return given().baseUri(advice.baseUri().toString());
    }

    private static void accepted(io.restassured.response.Response response) {
        response.then().statusCode(202).body("eventId", org.hamcrest.Matchers.notNullValue());
    }
}
