package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.JOB_SEARCH_IN_FINTECH;
import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.contactIds;
import static io.passerelle.advice.AdviceTestSupport.jdbc;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.AdviceTestSupport.recommendations;
import static io.passerelle.advice.TestEvents.tie;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.DatabaseScan;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Erasure and export on the real broker and database: what a tie tombstone and an owner erasure leave behind. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ErasureTest extends BrokerClientsTestBase {
    @Test
    void aTombstonedTieWithdrawsItsRecommendationsAndLeavesNoRowNamingTheContact() throws Exception {
        String owner = newOwner();
        String erased = "erased-" + owner;
        String erasedName = "Zelda Erasable " + owner;
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        putObjective(owner, "info", "{\"type\": \"INFORMATION\", \"targets\": {\"sectors\": [\"Fintech\"]}}");
        events.sendTie(tie(owner, erased, erasedName, TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        events.sendTie(tie(owner, "c-kept", "Kim Kept", TieClass.WEAK, 0.3, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(contactIds(recommendations(owner, "job"))).containsExactlyInAnyOrder(erased, "c-kept");
            assertThat(contactIds(recommendations(owner, "info"))).contains(erased);
            assertThat(sentOutboxRows(owner)).isPositive();
        });
        // NOT_RELEVANT rests the contact for "info" only (CoolDownPolicy): "job"'s recommendation stays active
        // whenever the owner is next recomputed, so that the tombstone is what withdraws it.
        String recommendationId = Identifiers.stableId(owner, "info", erased);
        given().contentType(ContentType.JSON).body("{\"outcome\": \"NOT_RELEVANT\", \"note\": \"not for " + erasedName + "\"}")
                .post("/v1/recommendations/{id}/feedback", recommendationId).then().statusCode(202);
        given().get("/v1/owners/{owner}/export", owner).then().statusCode(200)
                .body("feedback.contactId", hasItem(erased))
                .body("recommendations.recommendation.contactId", hasItem(erased));

        events.sendTombstone(owner, erased);

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> reasons = published.forOwner(owner).stream()
                    .filter(event -> EventTypes.RECOMMENDATION_WITHDRAWN.equals(event.type()))
                    .map(event -> json(event.value()))
                    .filter(data -> erased.equals(data.path("contactId").asText()))
                    .map(data -> data.path("objectiveId").asText() + ":" + data.path("reason").asText())
                    .toList();
            // "info"'s may have been withdrawn by its cool-down before the tombstone arrived: once, either way.
            assertThat(reasons).hasSize(2).contains("job:TIE_ERASED").containsAnyOf("info:TIE_ERASED", "info:COOL_DOWN");
            assertThat(rowsMentioning(erased)).as("rows naming the erased contact's id").isEmpty();
            assertThat(rowsMentioning(erasedName)).as("rows naming the erased contact").isEmpty();
        });
        assertThat(contactIds(recommendations(owner, "job"))).containsExactly("c-kept");
        given().contentType(ContentType.JSON).body("{\"outcome\": \"MET\"}")
                .post("/v1/recommendations/{id}/feedback", recommendationId).then().statusCode(404);
        given().get("/v1/owners/{owner}/export", owner).then().statusCode(200)
                .body("feedback", hasSize(0))
                .body("recommendations.recommendation.contactId", hasItem("c-kept"));
    }

    @Test
    void anErasedOwnerLeavesNoRowOnceItsWithdrawalsAreRelayed() throws Exception {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendProfile(owner, TestEvents.profile("fr", false));
        events.sendTie(tie(owner, "c-1", "Camille", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        events.sendTie(tie(owner, "c-2", "Dominique", TieClass.WEAK, 0.3, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(contactIds(recommendations(owner, "job"))).containsExactlyInAnyOrder("c-1", "c-2"));
        given().contentType(ContentType.JSON).body("{\"outcome\": \"REPLIED\"}")
                .post("/v1/recommendations/{id}/feedback", Identifiers.stableId(owner, "job", "c-1")).then().statusCode(202);
        given().get("/v1/owners/{owner}/export", owner).then().statusCode(200)
                .body("ownerId", equalTo(owner))
                .body("profile.language", equalTo("fr"))
                .body("objectives.objectiveId", hasItem("job"))
                .body("recommendations", hasSize(2))
                .body("feedback[0].outcome", equalTo("REPLIED"))
                .body("ties.contactId", hasItem("c-1"));

        // Alone: graph-service's tombstones of the owner's ties come on another topic, in no fixed order with it.
        events.sendOwnerErased(owner);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(published.forOwner(owner).stream().filter(event -> EventTypes.RECOMMENDATION_WITHDRAWN.equals(event.type()))
                    .map(event -> json(event.value()))
                    .filter(data -> "c-2".equals(data.path("contactId").asText()))
                    .map(data -> data.path("reason").asText())).containsExactly("OWNER_ERASED");
            assertThat(rowsMentioning(owner)).as("rows naming the erased owner").isEmpty();
        });
        given().get("/v1/owners/{owner}/export", owner).then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/owners/{owner}/export", "bad owner!").then().statusCode(400).contentType("application/problem+json");
    }

    private static JsonNode json(String value) {
        try {
            return EventJson.read(value, JsonNode.class);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    private static long sentOutboxRows(String owner) throws Exception {
        try (Connection connection = jdbc();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM outbox WHERE record_key = ? AND sent_at IS NOT NULL")) {
            query.setString(1, owner);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Every row of every table of the advice database whose text contains {@code value}, as {@code table: row}. */
    private static List<String> rowsMentioning(String value) throws Exception {
        try (Connection connection = jdbc()) {
            assertThat(DatabaseScan.tables(connection))
                    .contains("owners", "ties", "objectives", "recommendations", "feedback", "outbox", "owner_recompute");
            return DatabaseScan.rowsMentioning(connection, value);
        }
    }
}
