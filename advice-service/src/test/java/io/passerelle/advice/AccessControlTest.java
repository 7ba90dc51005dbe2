package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.AdviceTestSupport.recommendations;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.AccessMatrix;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.passerelle.runtime.security.CachingJwtParser;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Who may call which endpoint: the shared matrix over every operation, then owners and recommendations. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AccessControlTest {
    private static final LocalTokenIssuer ISSUER = LocalTokenIssuer.local();

    @TestFactory
    List<DynamicTest> everyEndpointRefusesWhoItMust() {
        return AccessMatrix.checks();
    }

    @Test
    void anOwnerGivesFeedbackOnTheirOwnRecommendationsOnly() {
        String owner = newOwner();
        putObjective(owner, "job", """
                {"type": "JOB_SEARCH", "targets": {"sectors": ["Fintech"]}, "language": "en"}""");
        try (TestEvents events = new TestEvents()) {
            events.sendTie(TestEvents.tie(owner, "c-1", "Camille", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        }
        String recommendationId = Identifiers.stableId(owner, "job", "c-1");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ISSUER.owner(owner)).get("/v1/owners/{ownerId}/objectives/job/recommendations", owner)
                        .then().statusCode(200).body("items.recommendationId", hasItem(recommendationId)));

        feedback(ISSUER.owner("someone-else"), recommendationId)
                .then().statusCode(404).contentType("application/problem+json");
        feedback(ISSUER.owner(owner), recommendationId)
                .then().statusCode(202).body("recommendationId", equalTo(recommendationId));
        given().get("/v1/owners/{ownerId}/effectiveness", owner)
                .then().statusCode(200).body("overall.contacted", equalTo(1));
    }

    private static io.restassured.response.Response feedback(String token, String recommendationId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\": \"CONTACTED\"}")
                .post("/v1/recommendations/{id}/feedback", recommendationId);
    }

    @Inject
    JWTParser parser;

    @Test
    void tokensAreVerifiedThroughTheCacheAndAnAlteredSignatureIsRefusedOnceTheOriginalIsCached() {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
        AccessMatrix.checkAlteredTokenRefusedOnceItsOriginalIsCached("/v1/owners/token-cache-owner/objectives");
    }
}
