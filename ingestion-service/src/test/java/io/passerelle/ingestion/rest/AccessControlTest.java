package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import io.passerelle.runtime.security.CachingJwtParser;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.AccessMatrix;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Who may call which endpoint: the shared matrix over every operation, then an owner on their own data. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AccessControlTest {

    @TestFactory
    List<DynamicTest> everyEndpointRefusesWhoItMust() {
        return AccessMatrix.checks();
    }

    @Test
    void anOwnerWritesTheirOwnData() {
        given().auth().oauth2(LocalTokenIssuer.local().owner("access-owner"))
                .contentType("application/json")
                .body("{\"displayName\":\"Camille Martin\"}")
                .put("/v1/owners/access-owner/contacts/c-1")
                .then().statusCode(202).body("eventId", notNullValue());
    }

    @Inject
    JWTParser parser;

    @Test
    void tokensAreVerifiedThroughTheCacheAndAForgedSignatureIsRefusedAfterTheGoodTokenWasCached() {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
        String good = LocalTokenIssuer.local().owner("cache-owner");
        int inSignature = good.length() - 10;
        String forged = good.substring(0, inSignature) + (good.charAt(inSignature) == 'A' ? 'B' : 'A') + good.substring(inSignature + 1);

        write(good).then().statusCode(202);
        write(forged).then().statusCode(401);
        write(good).then().statusCode(202);
        write(LocalTokenIssuer.local().owner("another-owner")).then().statusCode(404);
    }

    private static io.restassured.response.Response write(String token) {
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"displayName\":\"Camille Martin\"}")
                .put("/v1/owners/cache-owner/contacts/c-1");
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void healthAndMetricsNeedNoToken() {
        given().auth().none().get("/q/health/live").then().statusCode(200);
        given().auth().none().get(metrics).then().statusCode(200);
    }

    @Test
    void metricsAreNotServedOnTheMainPort() {
        given().auth().none().get("/q/metrics").then().statusCode(404);
        given().auth().oauth2(LocalTokenIssuer.local().operator()).get("/q/metrics").then().statusCode(404);
    }
}
