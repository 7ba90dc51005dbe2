package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The objectives API and its validation, over the real database of the local stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ObjectiveResourceTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void putEchoesTheObjectiveAndGetListsIt() {
        String owner = newOwner();
        given().contentType(ContentType.JSON).body("""
                        {"type": "COMMERCIAL_PROSPECTING",
                         "targets": {"sectors": ["Retail"], "roles": ["Head of purchasing"], "companies": ["Decathlon"],
                                     "locations": ["Lille"], "scales": ["REGION", "COUNTRY"], "topics": ["omnichannel"],
                                     "needs": ["introductions"]},
                         "language": "fr"}""")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", owner, "prospecting-2026")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("objectiveId", equalTo("prospecting-2026"))
                .body("ownerId", equalTo(owner))
                .body("type", equalTo("COMMERCIAL_PROSPECTING"))
                .body("targets.sectors", contains("Retail"))
                .body("targets.scales", contains("REGION", "COUNTRY"))
                .body("targets.needs", contains("introductions"))
                .body("language", equalTo("fr"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());

        given().when().get("/v1/owners/{ownerId}/objectives", owner)
                .then().statusCode(200)
                .body("objectiveId", contains("prospecting-2026"))
                .body("[0].targets.companies", contains("Decathlon"))
                .body("[0].targets.locations", contains("Lille"))
                .body("[0].targets.roles", contains("Head of purchasing"))
                .body("[0].targets.topics", contains("omnichannel"));
    }

    @Test
    void putAgainReplacesTheObjectiveAndKeepsItsCreationTime() {
        String owner = newOwner();
        String createdAt = given().contentType(ContentType.JSON).body("""
                        {"type": "JOB_SEARCH", "targets": {"sectors": ["Fintech"]}}""")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", owner, "job")
                .then().statusCode(200).extract().path("createdAt");

        given().contentType(ContentType.JSON).body("""
                        {"type": "INFORMATION", "targets": {"topics": ["open banking"]}, "language": "en"}""")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", owner, "job")
                .then().statusCode(200)
                .body("type", equalTo("INFORMATION"))
                .body("createdAt", equalTo(createdAt));

        given().when().get("/v1/owners/{ownerId}/objectives", owner)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].type", equalTo("INFORMATION"))
                .body("[0].targets.sectors", empty())
                .body("[0].createdAt", equalTo(createdAt))
                .body("[0].updatedAt", notNullValue());
        // Instants are ISO-8601 UTC.
        Instant.parse(createdAt);
    }

    @Test
    void ownerWithoutObjectivesHasAnEmptyList() {
        given().when().get("/v1/owners/{ownerId}/objectives", newOwner())
                .then().statusCode(200).body("", empty());
    }

    @Test
    void deleteRemovesTheObjectiveAndThenAnswers404() {
        String owner = newOwner();
        AdviceTestSupport.putObjective(owner, "a", "{\"type\": \"INFORMATION\"}");
        AdviceTestSupport.putObjective(owner, "b", "{\"type\": \"E_REPUTATION\"}");

        given().when().delete("/v1/owners/{ownerId}/objectives/{objectiveId}", owner, "a").then().statusCode(204);

        given().when().get("/v1/owners/{ownerId}/objectives", owner)
                .then().statusCode(200).body("objectiveId", contains("b"));
        given().when().delete("/v1/owners/{ownerId}/objectives/{objectiveId}", owner, "a")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404)).body("detail", containsString("a"));
    }

    @Test
    void recommendationsOfAnUnknownObjectiveAre404() {
        given().when().get("/v1/owners/{ownerId}/objectives/{objectiveId}/recommendations", newOwner(), "nope")
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"));
    }

    @Test
    void recommendationsOfAnObjectiveWithoutTiesAreAnEmptyList() {
        String owner = newOwner();
        AdviceTestSupport.putObjective(owner, "job", "{\"type\": \"JOB_SEARCH\", \"targets\": {\"sectors\": [\"Fintech\"]}}");

        given().when().get("/v1/owners/{ownerId}/objectives/{objectiveId}/recommendations?limit=5", owner, "job")
                .then().statusCode(200)
                .body("objectiveId", equalTo("job"))
                .body("generatedAt", notNullValue())
                .body("items", empty());
    }

    @Test
    void missingTypeIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"targets\": {\"sectors\": [\"Fintech\"]}}")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", newOwner(), "job")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem("type"));
    }

    @Test
    void unknownEnumValuesAreA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"type\": \"WORLD_DOMINATION\"}")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", newOwner(), "job")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("type"))
                .body("errors[0].message", containsString("JOB_SEARCH"));

        given().log().ifValidationFails().contentType(ContentType.JSON).body("{\"type\": \"JOB_SEARCH\", \"targets\": {\"scales\": [\"GALAXY\"]}}")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", newOwner(), "job")
                .then().log().ifValidationFails().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", containsString("targets.scales"))
                .body("errors[0].message", containsString("NEIGHBOURHOOD"));
    }

    @Test
    void invalidValuesAreA400NamingEachField() {
        given().contentType(ContentType.JSON).body("""
                        {"type": "JOB_SEARCH", "language": "de", "targets": {"sectors": [""]}}""")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", newOwner(), "job")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("language", "targets.sectors[0]"));
    }

    @Test
    void invalidIdsAreA400NamingThePathParameter() {
        given().contentType(ContentType.JSON).body("{\"type\": \"JOB_SEARCH\"}")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", "bad owner!", "job")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("ownerId"));
        given().contentType(ContentType.JSON).body("{\"type\": \"JOB_SEARCH\"}")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", "owner", "x".repeat(65))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("objectiveId"));
    }

    @Test
    void malformedOrMissingBodyIsA400() {
        given().contentType(ContentType.JSON).body("{\"type\": ")
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", newOwner(), "job")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("body"));
        given().contentType(ContentType.JSON)
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", newOwner(), "job")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400));
    }

    @Test
    void invalidLimitIsA400() {
        String owner = newOwner();
        AdviceTestSupport.putObjective(owner, "job", "{\"type\": \"JOB_SEARCH\"}");
        for (String limit : new String[] {"0", "51", "ten"}) {
            given().when().get("/v1/owners/{ownerId}/objectives/{objectiveId}/recommendations?limit=" + limit, owner, "job")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", contains("limit"))
                    .body("detail", not(nullValue()));
        }
    }

    @Test
    void healthIsUpAndOpenApiDocumentsTheEndpoints() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/owners/{ownerId}/objectives/{objectiveId}/recommendations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/owners/{ownerId}/objectives/{objectiveId}"));
    }
}
