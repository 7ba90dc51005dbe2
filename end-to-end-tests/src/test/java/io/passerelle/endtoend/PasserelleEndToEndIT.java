package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.localstack.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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
    private static final String SOUND_OWNER = "sound-advice-owner";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

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
            // The Kafka topics' description, without a token, like /q/openapi; its schemas beside it.
            given().baseUri(service.baseUri().toString()).get("/q/asyncapi").then().statusCode(200)
                    .contentType("application/yaml").body(containsString("asyncapi: 3.0.0"), containsString(Topics.TIES));
            given().baseUri(service.baseUri().toString()).get("/q/asyncapi/schemas/passerelle.tie.updated/v1.json").then()
                    .statusCode(200).contentType("application/schema+json").body("$id", equalTo("urn:passerelle:schema:passerelle.tie.updated:v1"));
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

    /**
     * What crosses the three services for the advice to be sound (DOMAIN.md section 5): graph-service
     * classes a school mate without logged exchange as a dormant tie, remembers that a silent former
     * colleague was once strong (peak strength), infers the origin of an imported LinkedIn connection from
     * the owner's profile and records two-way exchanges; advice-service reads them to reach a key person
     * through the tie who knows them, never with a committing request to someone the owner has not really
     * exchanged with.
     */
    @Test
    @Order(4)
    void tiesCarryTheirHistoryAndTheAdviceGoesThroughWhoKnowsWhomTheirHistoryAndTheAdviceGoesThroughWhoKnowsWhom() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        accepted(ingest().body("""
                {"displayName":"Léa Martin","sector":"Software","role":"Product manager","company":"Acme",
                 "pastCompanies":["Globex"],"schools":["INSA Lyon"],"language":"en",
                 "location":{"city":"Lyon","postalCode":"69003","region":"Auvergne-Rhône-Alpes","country":"FR"}}""")
                .put("/v1/owners/{owner}/profile", SOUND_OWNER));
        contact("mate", """
                {"displayName":"Paul Mercier","origin":"SCHOOL","declaredCloseness":4,"schools":["INSA Lyon"],
                 "company":"Thales","sector":"Aerospace","connectedOn":"2008-09-01"}""");
        contact("fresh", """
                {"displayName":"Zoé Blanc","origin":"ONLINE","source":"LINKEDIN","company":"Hooli","sector":"Retail",
                 "connectedOn":"%s"}""".formatted(LocalDate.now(ZoneOffset.UTC).minusDays(20)));
        contact("former", """
                {"displayName":"Marc Petit","origin":"FORMER_COLLEAGUE","company":"Lydia","sector":"Fintech",
                 "role":"Engineering manager","pastCompanies":["Globex"]}""");
        contact("target", """
                {"displayName":"Inès Dubois","origin":"ONLINE","source":"LINKEDIN","company":"Lydia","sector":"Fintech",
                 "role":"Head of product","connectedOn":"%s","mutualContactIds":["bridge"]}""".formatted(LocalDate.now(ZoneOffset.UTC).minusDays(30)));
        contact("bridge", """
                {"displayName":"Hugo Garnier","origin":"EVENT","company":"Initech","sector":"Consulting"}""");
        contact("liker", """
                {"displayName":"Nina Roy","origin":"EVENT","company":"Lydia","sector":"Fintech","role":"Data analyst"}""");

        // The former colleague: a year of weekly meetings five years ago, silence since.
        for (int week = 0; week < 40; week++) {
            record("former", now.minus(Duration.ofDays(5 * 365 - week * 7L)), "MEETING", "MUTUAL");
        }
        // The bridge: a two-way exchange two months ago.
        record("bridge", now.minus(Duration.ofDays(60)), "PRIVATE_MESSAGE", "OUTBOUND");
        record("bridge", now.minus(Duration.ofDays(59)), "PRIVATE_MESSAGE", "INBOUND");
        record("bridge", now.minus(Duration.ofDays(30)), "CALL", "MUTUAL");
        // The liker: reactions and a comment only, however recent.
        record("liker", now.minus(Duration.ofDays(3)), "REACTION", "INBOUND");
        record("liker", now.minus(Duration.ofDays(2)), "PUBLIC_COMMENT", "INBOUND");

        // An imported LinkedIn connection comes without an origin; it worked where the owner used to.
        String connections = """
                Notes:
                "When exporting your connection data, you may notice that some of the email addresses are missing."

                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Chloé,Vidal,https://www.linkedin.com/in/chloe-vidal,,Globex,Senior designer,%s
                """.formatted(DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH).format(LocalDate.now(ZoneOffset.UTC).minusYears(4)));
        JsonPath imported = given().baseUri(ingestion.baseUri().toString()).contentType("text/csv; charset=utf-8").body(connections)
                .post("/v1/owners/{owner}/imports?format=linkedin-connections", SOUND_OWNER)
                .then().statusCode(200).extract().jsonPath();
        assertThat(imported.getInt("accepted")).as("import answer %s", imported.prettify()).isEqualTo(1);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath mate = tie("mate");
            assertThat(mate.getString("tieClass")).as("a school mate of twenty years is a tie to reactivate").isEqualTo("DORMANT");
            assertThat(mate.getList("explanation", String.class)).anySatisfy(sentence -> assertThat(sentence).containsIgnoringCase("school"));
            assertThat(tie("fresh").getString("tieClass")).isEqualTo("NASCENT");

            JsonPath former = tie("former");
            assertThat(former.getString("tieClass")).isEqualTo("DORMANT");
            assertThat(former.getDouble("peakStrength")).as("once strong").isGreaterThanOrEqualTo(0.55);
            assertThat(Instant.parse(former.getString("peakStrengthAt"))).isBefore(now.minus(Duration.ofDays(3 * 365)));
            assertThat(former.getDouble("peakStrength")).isGreaterThan(former.getDouble("strength"));

            JsonPath bridge = tie("bridge");
            assertThat(Instant.parse(bridge.getString("lastReciprocatedAt"))).isAfter(now.minus(Duration.ofDays(61)));
            assertThat(tie("liker").getString("lastReciprocatedAt")).as("a reaction is not an exchange").isNull();

            List<Map<String, Object>> ties = given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties?limit=50", SOUND_OWNER)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(ties).filteredOn(tie -> "Chloé Vidal".equals(tie.get("displayName")))
                    .as("the imported connection, among %s", ties.stream().map(tie -> tie.get("displayName")).toList())
                    .extracting(tie -> tie.get("origin")).containsExactly("FORMER_COLLEAGUE");
        });

        given().baseUri(advice.baseUri().toString()).contentType(ContentType.JSON).body("""
                {"type":"JOB_SEARCH","language":"en","targets":{"companies":["Lydia"],"sectors":["Fintech"]}}""")
                .put("/v1/owners/{owner}/objectives/{objective}", SOUND_OWNER, "fintech-move")
                .then().statusCode(200);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Map<String, Object>> items = given().baseUri(advice.baseUri().toString())
                    .get("/v1/owners/{owner}/objectives/{objective}/recommendations?limit=10", SOUND_OWNER, "fintech-move")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            Map<String, Object> bridge = item(items, "bridge");
            assertThat(bridge.get("action")).isEqualTo("ASK_INTRODUCTION");
            assertThat(bridge.get("requestKind")).isEqualTo("LIGHT");
            assertThat(bridge.get("introductionTo")).isEqualTo(Map.of("contactId", "target", "displayName", "Inès Dubois"));
            assertThat(codes(bridge)).contains("KNOWS_TARGET_PERSON");

            Map<String, Object> former = item(items, "former");
            assertThat(former.get("action")).isEqualTo("REACTIVATE");
            assertThat(codes(former)).contains("DORMANT_FORMERLY_STRONG");

            Map<String, Object> liker = item(items, "liker");
            assertThat(liker.get("requestKind")).as("no committing request without a two-way exchange").isEqualTo("LIGHT");
            assertThat(codes(liker)).contains("NOT_YET_RECIPROCATED");
        });
    }

    /**
     * What the services published while the tests above ran, read as a third-party consumer would:
     * every record on every topic has the headers, the key and data the AsyncAPI document of
     * event-contracts describes, its data valid against the JSON Schema its {@code ce_dataschema} names.
     */
    @Test
    @Order(5)
    void everyRecordPublishedIsAsTheAsyncApiDocumentDescribesIt() throws Exception {
        // advice-service's outbox relay publishes on its own schedule: wait until the recommendations are out too.
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> recordsByType = new java.util.TreeMap<>();
            for (String topic : List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS, Topics.TIES, Topics.RECOMMENDATIONS)) {
                for (var record : system.kafka().readAll(topic)) {
                    recordsByType.merge(String.valueOf(EventSchemaCheck.assertAsDescribed(record)), 1L, Long::sum);
                }
            }
            assertThat(recordsByType).as("the types the tests above made the services publish").containsKeys(
                    EventTypes.OWNER_PROFILE_UPDATED, EventTypes.CONTACT_UPSERTED, EventTypes.INTERACTION_RECORDED,
                    EventTypes.TIE_UPDATED, EventTypes.RECOMMENDATION_ISSUED);
        });
    }

    private static Map<String, Object> item(List<Map<String, Object>> items, String contactId) {
        return items.stream().filter(item -> contactId.equals(item.get("contactId"))).findFirst()
                .orElseThrow(() -> new AssertionError(contactId + " is not recommended: " + items.stream().map(i -> i.get("contactId")).toList()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("reasons")).stream().map(reason -> (String) reason.get("code")).toList();
    }

    private static JsonPath tie(String contactId) {
        return given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties/{contact}", SOUND_OWNER, contactId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void contact(String contactId, String json) {
        accepted(ingest().body(json).put("/v1/owners/{owner}/contacts/{contact}", SOUND_OWNER, contactId));
    }

    private static void record(String contactId, Instant at, String channel, String direction) {
        accepted(ingest().body(interaction(null, contactId, at, channel, direction)).post("/v1/owners/{owner}/interactions", SOUND_OWNER));
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
