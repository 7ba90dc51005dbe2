package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The coverage endpoint over the real broker and database: ties go in as graph-service sends them. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class CoverageTest {
    private static final LocalTokenIssuer ISSUER = LocalTokenIssuer.local();
    private static TestEvents events;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void eachTargetShowsTheTiesThatReachItByClassAndScaleAndTheNextStepWhereNoActiveTieDoes() {
        String owner = newOwner();
        // No language on the objective: the next steps speak the owner's.
        putObjective(owner, "job", """
                {"type": "JOB_SEARCH", "targets": {"sectors": ["Fintech", "Insurtech", "Biotech", "Legaltech", "Edtech"],
                 "scales": ["REGION"]}}""");
        events.sendProfile(owner, TestEvents.profile("fr", false));
        events.sendTie(tie(owner, "c-weak", "Wendy Weak", TieClass.WEAK, 0.35, "Fintech", GeographicScale.CITY, List.of()));
        events.sendTie(tie(owner, "c-strong", "Sacha Strong", TieClass.STRONG, 0.85, "Fintech", GeographicScale.REGION, List.of()));
        events.sendTie(tie(owner, "c-dormant", "Dora Dormant", TieClass.DORMANT, 0.12, "Insurtech", GeographicScale.COUNTRY, List.of()));
        events.sendTie(tie(owner, "c-nascent", "Nina Nascent", TieClass.NASCENT, 0.05, "Biotech", GeographicScale.CITY, List.of()));
        events.sendTie(tie(owner, "c-bridge", "Bruno Bridge", TieClass.WEAK, 0.40, "Retail", GeographicScale.CITY, List.of("c-nascent")));
        events.sendTie(tie(owner, "c-erased", "Eric Erased", TieClass.WEAK, 0.30, "Legaltech", GeographicScale.CITY, List.of()));
        events.sendTombstone(owner, "c-erased");
        events.sendTie(tie(owner, "c-edtech", "Edith Edtech", TieClass.WEAK, 0.30, "Edtech", GeographicScale.WORLD, List.of()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath coverage = coverage(owner, "job");
            assertThat(target(coverage, "Edtech").get("ties")).isEqualTo(1);
            assertThat(target(coverage, "Biotech").get("ties")).isEqualTo(1);
            assertThat(target(coverage, "Legaltech").get("ties")).isEqualTo(0);
            assertThat((String) nextStep(coverage, "Legaltech").get("text")).startsWith("Personne dans votre réseau");
        });

        JsonPath coverage = coverage(owner, "job");
        assertThat(coverage.getString("objectiveId")).isEqualTo("job");
        assertThat(Instant.parse(coverage.getString("computedAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(coverage.getList("targets.target")).containsExactly("Fintech", "Insurtech", "Biotech", "Legaltech", "Edtech", "REGION");
        assertThat(coverage.getList("targets.kind")).containsExactly("SECTOR", "SECTOR", "SECTOR", "SECTOR", "SECTOR", "SCALE");

        Map<String, Object> fintech = target(coverage, "Fintech");
        assertThat(fintech.get("ties")).isEqualTo(2);
        assertThat(fintech.get("byClass")).isEqualTo(Map.of("STRONG", 1, "WEAK", 1, "DORMANT", 0, "NASCENT", 0));
        assertThat(fintech.get("byScale")).isEqualTo(Map.of("NEIGHBOURHOOD", 0, "CITY", 1, "DEPARTMENT", 0, "REGION", 1, "COUNTRY", 0,
                "EUROPE", 0, "WORLD", 0, "UNKNOWN", 0));
        assertThat(fintech).doesNotContainKey("nextStep");

        assertThat(nextStep(coverage, "Insurtech")).isEqualTo(Map.of("kind", "REACTIVATE", "contactId", "c-dormant",
                "displayName", "Dora Dormant", "text", "Reprenez contact avec Dora Dormant, perdu(e) de vue, qui correspond à « Insurtech »."));
        assertThat(nextStep(coverage, "Biotech")).isEqualTo(Map.of("kind", "ASK_FOR_INTRODUCTION", "contactId", "c-nascent",
                "displayName", "Nina Nascent", "via", Map.of("contactId", "c-bridge", "displayName", "Bruno Bridge"),
                "text", "Demandez à Bruno Bridge de vous présenter Nina Nascent, qui correspond à « Biotech »."));
        // The erased contact is neither counted nor named.
        assertThat(nextStep(coverage, "Legaltech")).isEqualTo(Map.of("kind", "LOOK_FOR_EVENTS",
                "text", "Personne dans votre réseau pour l'instant : cherchez des événements ou des groupes autour de « Legaltech »."));
        assertThat(coverage.prettify()).doesNotContain("c-erased");

        Map<String, Object> region = target(coverage, "REGION");
        assertThat(region.get("ties")).isEqualTo(1);
        assertThat(region).doesNotContainKey("nextStep");
        assertThat(((Map<?, ?>) target(coverage, "Edtech").get("byScale")).get("WORLD")).isEqualTo(1);
    }

    @Test
    void anUnknownObjectiveOrOwnerIsAProblem404() {
        String owner = newOwner();
        putObjective(owner, "job", AdviceTestSupport.JOB_SEARCH_IN_FINTECH);

        given().get("/v1/owners/{ownerId}/objectives/{objectiveId}/coverage", owner, "other")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404))
                .body("detail", containsString("other"));
        given().get("/v1/owners/{ownerId}/objectives/{objectiveId}/coverage", newOwner(), "job")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/owners/{ownerId}/objectives/{objectiveId}/coverage", owner, "not an id!")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOwnerSeesTheCoverageOfTheirOwnObjectivesOnly() {
        String owner = newOwner();
        putObjective(owner, "job", AdviceTestSupport.JOB_SEARCH_IN_FINTECH);
        String path = "/v1/owners/{ownerId}/objectives/job/coverage";

        given().auth().oauth2(ISSUER.owner(owner)).get(path, owner).then().statusCode(200).body("targets[0].target", equalTo("Fintech"))
                .body("targets[0].nextStep.text", equalTo("No one in your network yet: look for events or groups in Fintech."));
        given().auth().oauth2(ISSUER.platform()).get(path, owner).then().statusCode(200);
        given().auth().oauth2(ISSUER.owner("someone-else")).get(path, owner).then().statusCode(404);
        given().auth().oauth2(ISSUER.operator()).get(path, owner).then().statusCode(403);
        given().auth().none().get(path, owner).then().statusCode(401);
    }

    private static JsonPath coverage(String ownerId, String objectiveId) {
        return given().get("/v1/owners/{ownerId}/objectives/{objectiveId}/coverage", ownerId, objectiveId)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private static Map<String, Object> target(JsonPath coverage, String target) {
        List<Map<String, Object>> targets = coverage.getList("targets");
        return targets.stream().filter(t -> target.equals(t.get("target"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nextStep(JsonPath coverage, String target) {
        return (Map<String, Object>) target(coverage, target).get("nextStep");
    }

    private static TieUpdated tie(String ownerId, String contactId, String name, TieClass tieClass, double strength, String sector,
                                  GeographicScale scale, List<String> knows) {
        Instant at = Instant.now();
        Tie tie = new Tie(contactId, name, strength, tieClass, new TieDimensions(0.3, 0.3, 0.4, 0.5, 0.3, 0.2, 0.5, 0.2),
                scale, Origin.EVENT, 4, at.minusSeconds(86_400L * 300), at.minusSeconds(86_400L * 20), knows.size(),
                strength, at.minusSeconds(86_400L * 20), null, List.of("Test explanation."), at);
        Contact contact = new Contact(name, List.of(), "Company of " + name, "Engineer", sector, List.of(), List.of(), null,
                Origin.EVENT, List.of(), null, null, null, knows, List.of());
        return new TieUpdated(ownerId, tie, null, contact);
    }
}
