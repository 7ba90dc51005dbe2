package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.passerelle.contracts.EventSchemas;
import io.passerelle.contracts.EventTypes;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI description of the topics and its schemas are served without a token (service-runtime's
 * AsyncApiRoutes, the same in every service), as event-contracts ships them.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AsyncApiServedTest {

    @Test
    void theDocumentIsServedWithoutATokenAsTheJarCarriesIt() throws Exception {
        given().redirects().follow(false).get("/q/asyncapi").then().statusCode(302)
                .header("Location", equalTo("/q/asyncapi/asyncapi.yaml"));
        String served = given().get("/q/asyncapi").then().statusCode(200).contentType("application/yaml").extract().asString();
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(EventSchemas.ASYNCAPI_RESOURCE)) {
            assertThat(served).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachSchemaIsServedBesideItUnderItsRelativePath() {
        for (String type : EventSchemas.dataTypesByEventType().keySet()) {
            given().get("/q/asyncapi/" + EventSchemas.relativePath(type, EventSchemas.CURRENT_VERSION)).then()
                    .statusCode(200).contentType("application/schema+json")
                    .body("$id", equalTo(EventSchemas.dataSchemaOf(type).orElseThrow().toString()));
        }
        given().get("/q/asyncapi/schemas/" + EventTypes.TIE_UPDATED + "/v9.json").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/q/asyncapi/../application.properties").then().statusCode(404);
    }
}
