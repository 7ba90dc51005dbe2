package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.passerelle.localstack.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The three packaged services on the real local stack, driven over HTTP only: what the platform's
 * backend sees. Interactions go in at ingestion, ties come out of graph-service, advice out of
 * advice-service, with Kafka and PostgreSQL in between.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasserelleEndToEndIT {
    private static final String OWNER = "e2e-owner";

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("end-to-end");

    private static ServiceProcess ingestion;
    private static ServiceProcess graph;
    private static ServiceProcess advice;

    @BeforeAll
    static void startServices() {
        ingestion = system.service("ingestion-service");
        graph = system.service("graph-service");
        advice = system.service("advice-service");
    }



    @Test
    @Order(1)
    void everyServiceIsReadyAndDescribesItsApi() {
        for (ServiceProcess service : List.of(ingestion, graph, advice)) {
            given().baseUri(service.baseUri().toString()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().baseUri(service.baseUri().toString()).get("/q/openapi").then().statusCode(200).body(containsString("/v1/"));
        }
    }

    @Test
    @Order(2)
    void anInteractionBecomesATieAndATieBecomesGuardRailedAdvice() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        accepted(ingest().body("""
                {"displayName":"Nadia Owner","sector":"Coaching","company":"Atelier","language":"en",
                 "location":{"city":"Paris","postalCode":"75011","region":"Île-de-France","country":"FR"},
                 "allowStrongTiesForCommitting":false}""").put("/v1/owners/{owner}/profile", OWNER));
        accepted(ingest().body("""
                {"displayName":"Wendy Weak","company":"Shopify","role":"Talent acquisition lead","sector":"Software",
                 "origin":"EVENT","source":"LINKEDIN","location":{"city":"Montreal","country":"CA"}}""")
                .put("/v1/owners/{owner}/contacts/{contact}", OWNER, "wendy"));
        accepted(ingest().body("""
                {"displayName":"Sam Sister","company":"Doctolib","role":"Engineering manager","sector":"Software",
                 "origin":"FAMILY","declaredCloseness":5,"source":"PHONE","location":{"city":"Paris","country":"FR"}}""")
                .put("/v1/owners/{owner}/contacts/{contact}", OWNER, "sam"));

        // A sister seen every few weeks, the last time three weeks ago (a meeting last week would mean they are in
        // conversation already: nothing to advise).
        for (int day = 1; day <= 12; day++) {
            accepted(ingest().body(interaction(null, "sam", now.minus(Duration.ofDays(20 + day * 5L)), "MEETING", "MUTUAL"))
                    .post("/v1/owners/{owner}/interactions", OWNER));
        }
        String once = interaction("wendy-comment-1", "wendy", now.minus(Duration.ofDays(40)), "PUBLIC_COMMENT", "INBOUND");
        String firstEventId = accepted(ingest().body(once).post("/v1/owners/{owner}/interactions", OWNER)).getString("eventId");
        String retriedEventId = accepted(ingest().body(once).post("/v1/owners/{owner}/interactions", OWNER)).getString("eventId");
        assertThat(retriedEventId).isEqualTo(firstEventId);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath sam = given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties/{contact}", OWNER, "sam")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(sam.getInt("interactionCount")).isEqualTo(12);
            assertThat(sam.getString("tieClass")).isEqualTo("STRONG");
            JsonPath wendy = given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties/{contact}", OWNER, "wendy")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(wendy.getInt("interactionCount")).as("the retried interaction is counted once").isEqualTo(1);
            assertThat(wendy.getString("tieClass")).isEqualTo("WEAK");
            assertThat(wendy.getDouble("strength")).isLessThan(sam.getDouble("strength"));
        });
        given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties", OWNER)
                .then().statusCode(200).body("items.contactId", hasItem("wendy"));

        given().baseUri(advice.baseUri().toString()).contentType(ContentType.JSON).body("""
                {"type":"JOB_SEARCH","language":"en","targets":{"sectors":["Software"],"roles":["Engineering manager","Talent acquisition lead"]}}""")
                .put("/v1/owners/{owner}/objectives/{objective}", OWNER, "next-job")
                .then().statusCode(200).body("type", equalTo("JOB_SEARCH"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath advised = given().baseUri(advice.baseUri().toString())
                    .get("/v1/owners/{owner}/objectives/{objective}/recommendations?limit=10", OWNER, "next-job")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = advised.getList("items");
            assertThat(items).extracting(item -> item.get("contactId")).contains("wendy", "sam");
            assertThat(items.get(0).get("contactId")).as("the weak tie in the target sector comes first").isEqualTo("wendy");
            assertThat(items).filteredOn(item -> "sam".equals(item.get("contactId")))
                    .as("a strong family tie never receives a committing request")
                    .allSatisfy(item -> assertThat(item.get("requestKind")).isEqualTo("LIGHT"));
        });
    }

    @Test
    @Order(3)
    void badInputIsRejectedWithAProblemThatNamesTheField() {
        ingest().body(interaction(null, "wendy", Instant.now().minusSeconds(60), "CARRIER_PIGEON", "INBOUND"))
                .post("/v1/owners/{owner}/interactions", OWNER)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem("channel"));
        ingest().body("{\"emails\":[\"not-an-email\"]}").put("/v1/owners/{owner}/contacts/{contact}", OWNER, "nobody")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("displayName"));
        given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties", "nobody-knows-me")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.specification.RequestSpecification ingest() {
        return given().baseUri(ingestion.baseUri().toString()).contentType(ContentType.JSON);
    }

    private static JsonPath accepted(io.restassured.response.Response response) {
        return response.then().statusCode(202).extract().jsonPath();
    }

    private static String interaction(String id, String contactId, Instant at, String channel, String direction) {
        return "{" + (id == null ? "" : "\"interactionId\":\"" + id + "\",") + "\"contactId\":\"" + contactId + "\",\"occurredAt\":\"" + at
                + "\",\"channel\":\"" + channel + "\",\"direction\":\"" + direction + "\",\"source\":\"MANUAL\"}";
    }
}
