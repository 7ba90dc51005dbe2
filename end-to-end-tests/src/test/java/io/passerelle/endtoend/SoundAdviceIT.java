package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.localstack.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What crosses the three services for the advice to be sound (DOMAIN.md section 5), on the real
 * local stack: graph-service classes a school mate without logged exchange as a dormant tie, remembers
 * that a silent former colleague was once strong (peak strength), infers the origin of an imported
 * LinkedIn connection from the owner's profile, and records two-way exchanges; advice-service reads
 * them to reach a key person through the tie who knows them, never with a committing request to
 * someone the owner has not really exchanged with.
 */
class SoundAdviceIT {
    private static final String OWNER = "sound-advice-owner";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("sound-advice");

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
    void tiesCarryTheirHistoryAndTheAdviceGoesThroughWhoKnowsWhom() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        accepted(ingest().body("""
                {"displayName":"Léa Martin","sector":"Software","role":"Product manager","company":"Acme",
                 "pastCompanies":["Globex"],"schools":["INSA Lyon"],"language":"en",
                 "location":{"city":"Lyon","postalCode":"69003","region":"Auvergne-Rhône-Alpes","country":"FR"}}""")
                .put("/v1/owners/{owner}/profile", OWNER));
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
            interaction("former", now.minus(Duration.ofDays(5 * 365 - week * 7L)), "MEETING", "MUTUAL");
        }
        // The bridge: a two-way exchange two months ago.
        interaction("bridge", now.minus(Duration.ofDays(60)), "PRIVATE_MESSAGE", "OUTBOUND");
        interaction("bridge", now.minus(Duration.ofDays(59)), "PRIVATE_MESSAGE", "INBOUND");
        interaction("bridge", now.minus(Duration.ofDays(30)), "CALL", "MUTUAL");
        // The liker: reactions and a comment only, however recent.
        interaction("liker", now.minus(Duration.ofDays(3)), "REACTION", "INBOUND");
        interaction("liker", now.minus(Duration.ofDays(2)), "PUBLIC_COMMENT", "INBOUND");

        // An imported LinkedIn connection comes without an origin; it worked where the owner used to.
        String connections = """
                Notes:
                "When exporting your connection data, you may notice that some of the email addresses are missing."

                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Chloé,Vidal,https://www.linkedin.com/in/chloe-vidal,,Globex,Senior designer,%s
                """.formatted(DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH).format(LocalDate.now(ZoneOffset.UTC).minusYears(4)));
        JsonPath imported = given().baseUri(ingestion.baseUri().toString()).contentType("text/csv; charset=utf-8").body(connections)
                .post("/v1/owners/{owner}/imports?format=linkedin-connections", OWNER)
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

            List<Map<String, Object>> ties = given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties?limit=50", OWNER)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(ties).filteredOn(tie -> "Chloé Vidal".equals(tie.get("displayName")))
                    .as("the imported connection, among %s", ties.stream().map(tie -> tie.get("displayName")).toList())
                    .extracting(tie -> tie.get("origin")).containsExactly("FORMER_COLLEAGUE");
        });

        given().baseUri(advice.baseUri().toString()).contentType(ContentType.JSON).body("""
                {"type":"JOB_SEARCH","language":"en","targets":{"companies":["Lydia"],"sectors":["Fintech"]}}""")
                .put("/v1/owners/{owner}/objectives/{objective}", OWNER, "fintech-move")
                .then().statusCode(200);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Map<String, Object>> items = given().baseUri(advice.baseUri().toString())
                    .get("/v1/owners/{owner}/objectives/{objective}/recommendations?limit=10", OWNER, "fintech-move")
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

    private static Map<String, Object> item(List<Map<String, Object>> items, String contactId) {
        return items.stream().filter(item -> contactId.equals(item.get("contactId"))).findFirst()
                .orElseThrow(() -> new AssertionError(contactId + " is not recommended: " + items.stream().map(i -> i.get("contactId")).toList()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("reasons")).stream().map(reason -> (String) reason.get("code")).toList();
    }

    private static JsonPath tie(String contactId) {
        return given().baseUri(graph.baseUri().toString()).get("/v1/owners/{owner}/ties/{contact}", OWNER, contactId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void contact(String contactId, String json) {
        accepted(ingest().body(json).put("/v1/owners/{owner}/contacts/{contact}", OWNER, contactId));
    }

    private static void interaction(String contactId, Instant at, String channel, String direction) {
        accepted(ingest().body("{\"contactId\":\"" + contactId + "\",\"occurredAt\":\"" + at + "\",\"channel\":\"" + channel
                + "\",\"direction\":\"" + direction + "\",\"source\":\"MANUAL\"}").post("/v1/owners/{owner}/interactions", OWNER));
    }

    private static RequestSpecification ingest() {
        return given().baseUri(ingestion.baseUri().toString()).contentType(ContentType.JSON);
    }

    private static JsonPath accepted(io.restassured.response.Response response) {
        return response.then().statusCode(202).extract().jsonPath();
    }
}
