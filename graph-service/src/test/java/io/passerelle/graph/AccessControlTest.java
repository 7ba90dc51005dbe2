package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.AccessMatrix;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.passerelle.runtime.security.CachingJwtParser;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Who may call which endpoint: the shared matrix over every operation, then an owner reading their own ties. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AccessControlTest {

    @TestFactory
    List<DynamicTest> everyEndpointRefusesWhoItMust() {
        return AccessMatrix.checks();
    }

    @Test
    void anOwnerReadsTheirOwnTies() {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        Contact contact = new Contact("Camille Martin", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
        sendEvent(Topics.CONTACTS, owner, newEventId(), EventTypes.CONTACT_UPSERTED,
                EventJson.write(new ContactUpserted(owner, "camille", contact)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(LocalTokenIssuer.local().owner(owner))
                        .get("/v1/owners/{ownerId}/ties/camille", owner)
                        .then().statusCode(200).body("displayName", equalTo("Camille Martin")));
        given().auth().oauth2(LocalTokenIssuer.local().owner(owner))
                .get("/v1/owners/{ownerId}/diagnostics", owner)
                .then().statusCode(200).body("contacts", equalTo(1));
    }

    @Inject
    JWTParser parser;

    @Test
    void tokensAreVerifiedThroughTheCacheAndAnAlteredSignatureIsRefusedOnceTheOriginalIsCached() {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
        AccessMatrix.checkAlteredTokenRefusedOnceItsOriginalIsCached("/v1/owners/token-cache-owner/ties");
    }
}
