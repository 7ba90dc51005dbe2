package io.passerelle.ingestion.rest;

import io.passerelle.contracts.Identifiers;
import static io.passerelle.localstack.openapi.OpenApiDocument.assertDescribed;
import static io.passerelle.localstack.openapi.OpenApiDocument.assertOptional;
import static io.passerelle.localstack.openapi.OpenApiDocument.property;
import static io.passerelle.localstack.openapi.OpenApiDocument.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.localstack.openapi.OpenApiDocument;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the service serves describes the owner profile it takes, with its optional
 * pitch (API.md), and answers the profile's refusals in application/problem+json.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class OpenApiDescriptionTest {
    private static final String PROFILE = "/v1/owners/{ownerId}/profile";

    @Test
    void theProfileTakenDescribesItsOptionalPitch() {
        OpenApiDocument document = OpenApiDocument.served();
        String operation = document.operation("put", PROFILE);
        document.assertPathParameter(operation, "ownerId", Identifiers.OWNER_ID_REGEX);

        Map<String, Object> body = document.requestBody(operation, "application/json");
        Map<String, Object> profile = document.resolve(schemaOf(body));
        assertDescribed(profile, "pitch");
        assertOptional(profile, "pitch");
        assertThat(property(profile, "pitch")).containsEntry("type", "string").containsEntry("maxLength", 280).containsKey("examples");

        document.assertProblems(operation, "400", "401", "403", "503");
    }

    @Test
    void theServedDocumentIsTheReviewedOneCommittedInTheRepository() {
        OpenApiDocument.assertServedIsCommitted("ingestion-service");
    }
}
