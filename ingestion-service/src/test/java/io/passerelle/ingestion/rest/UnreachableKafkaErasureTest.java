package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.passerelle.runtime.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With no broker to acknowledge, an erasure answers 503 with Retry-After, like every write: never 202. */
@QuarkusTest
@TestProfile(UnreachableKafkaTest.NoBroker.class)
class UnreachableKafkaErasureTest {

    @Test
    void aContactErasureAnswers503WithRetryAfter() {
        given().when().delete("/v1/owners/{ownerId}/contacts/{contactId}", "owner-unreachable", "c-1")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"));
    }

    @Test
    void anOwnerErasureAnswers503WithRetryAfter() {
        given().when().delete("/v1/owners/{ownerId}", "owner-unreachable")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", is("5"));
    }
}
