package io.passerelle.advice.rest;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.Identifiers;
import static io.passerelle.localstack.openapi.OpenApiDocument.assertDescribed;
import static io.passerelle.localstack.openapi.OpenApiDocument.assertOptional;
import static io.passerelle.localstack.openapi.OpenApiDocument.described;
import static io.passerelle.localstack.openapi.OpenApiDocument.enumeration;
import static io.passerelle.localstack.openapi.OpenApiDocument.items;
import static io.passerelle.localstack.openapi.OpenApiDocument.property;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.localstack.openapi.OpenApiDocument;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the service serves describes what API.md promises for showing an owner their
 * network: an objective's coverage, the warm path's introductionTo of a recommendation, the owner
 * profile's pitch, and every error in application/problem+json.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class OpenApiDescriptionTest {
    private static final String COVERAGE = "/v1/owners/{ownerId}/objectives/{objectiveId}/coverage";
    private static final String RECOMMENDATIONS = "/v1/owners/{ownerId}/objectives/{objectiveId}/recommendations";

    private OpenApiDocument document;

    @BeforeEach
    void readDocument() {
        document = OpenApiDocument.served();
    }

    @Test
    void theCoverageOfAnObjectiveAnswersEachTargetByClassAndScaleWithItsNextStep() {
        String operation = document.operation("get", COVERAGE);
        document.assertPathParameter(operation, "ownerId", Identifiers.OWNER_ID_REGEX);
        document.assertPathParameter(operation, "objectiveId", Objective.OBJECTIVE_ID_REGEX);

        assertThat(document.content(operation, "200")).containsOnlyKeys("application/json");
        Map<String, Object> example = document.example(operation, "200", "application/json", "job search");
        assertThat(example).containsKeys("objectiveId", "computedAt", "targets");

        Map<String, Object> coverage = document.answeredSchema(operation, "200", "application/json");
        assertThat(described(coverage)).containsKeys("objectiveId", "computedAt", "targets");
        Map<String, Object> target = document.resolve(items(property(coverage, "targets")));
        assertThat(described(target)).containsKeys("kind", "target", "ties", "byClass", "byScale", "nextStep");
        assertOptional(target, "nextStep");
        assertThat(property(target, "byClass")).containsEntry("type", "object").containsKey("additionalProperties");
        assertThat(property(target, "byScale")).containsEntry("type", "object").containsKey("additionalProperties");

        Map<String, Object> nextStep = document.resolve(property(target, "nextStep"));
        assertThat(described(nextStep)).containsKeys("kind", "contactId", "displayName", "via", "text");
        assertThat(enumeration(document.resolve(property(nextStep, "kind"))))
                .containsExactlyInAnyOrder("REACTIVATE", "ASK_FOR_INTRODUCTION", "LOOK_FOR_EVENTS");
        assertThat(described(document.resolve(property(nextStep, "via")))).containsKeys("contactId", "displayName");

        document.assertProblems(operation, "400", "401", "403", "404");
    }

    @Test
    void aRecommendationDescribesTheNamedPersonOfAWarmPath() {
        String operation = document.operation("get", RECOMMENDATIONS);
        document.assertPathParameter(operation, "ownerId", Identifiers.OWNER_ID_REGEX);
        document.assertPathParameter(operation, "objectiveId", Objective.OBJECTIVE_ID_REGEX);
        document.assertProblems(operation, "400", "401", "403", "404");
        Map<String, Object> list = document.answeredSchema(operation, "200", "application/json");
        Map<String, Object> recommendation = document.resolve(items(property(list, "items")));

        assertDescribed(recommendation, "introductionTo");
        assertOptional(recommendation, "introductionTo");
        Map<String, Object> introductionTo = document.resolve(property(recommendation, "introductionTo"));
        assertThat(described(introductionTo)).containsOnlyKeys("contactId", "displayName");
    }

    @Test
    void theOwnerProfileDescribesItsOptionalPitch() {
        Map<String, Object> profile = document.schema("OwnerProfile");
        assertDescribed(profile, "pitch");
        assertOptional(profile, "pitch");
        assertThat(property(profile, "pitch")).containsEntry("type", "string").containsKey("maxLength").containsKey("examples");
    }

    @Test
    void theServedDocumentIsTheReviewedOneCommittedInTheRepository() {
        OpenApiDocument.assertServedIsCommitted("advice-service");
    }
}
