package io.passerelle.graph.rest;

import io.passerelle.contracts.Identifiers;
import static io.passerelle.localstack.openapi.OpenApiDocument.PROBLEM;
import static io.passerelle.localstack.openapi.OpenApiDocument.assertDescribed;
import static io.passerelle.localstack.openapi.OpenApiDocument.assertOptional;
import static io.passerelle.localstack.openapi.OpenApiDocument.described;
import static io.passerelle.localstack.openapi.OpenApiDocument.enumeration;
import static io.passerelle.localstack.openapi.OpenApiDocument.items;
import static io.passerelle.localstack.openapi.OpenApiDocument.nullable;
import static io.passerelle.localstack.openapi.OpenApiDocument.properties;
import static io.passerelle.localstack.openapi.OpenApiDocument.property;
import static io.passerelle.localstack.openapi.OpenApiDocument.schemaOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.localstack.openapi.OpenApiDocument;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the service serves describes what API.md promises for showing an owner their
 * network: the diagnostics with their change, summary and brokerage (or why there is none), their
 * history, the network map in SVG, and every error in application/problem+json.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class OpenApiDescriptionTest {
    private static final String DIAGNOSTICS = "/v1/owners/{ownerId}/diagnostics";
    private static final String HISTORY = "/v1/owners/{ownerId}/diagnostics/history";
    private static final String MAP = "/v1/owners/{ownerId}/network-map.svg";

    private OpenApiDocument document;

    @BeforeEach
    void readDocument() {
        document = OpenApiDocument.served();
    }

    @Test
    void theDiagnosticsAnswerTheirChangeSummaryAndBrokerageOrWhyThereIsNone() {
        String operation = document.operation("get", DIAGNOSTICS);
        document.assertPathParameter(operation, "ownerId", Identifiers.OWNER_ID_REGEX);
        Map<String, Object> diagnostics = document.answeredSchema(operation, "200", "application/json");

        assertThat(described(diagnostics)).containsKeys("contacts", "byClass", "byOrigin", "byScale", "bySource", "homophily",
                "alterEgoIndex", "brokerage", "brokerageUnavailable", "change", "summary", "computedAt");

        Map<String, Object> brokerage = property(diagnostics, "brokerage");
        assertThat(nullable(brokerage)).as("brokerage is marked nullable").isTrue();
        assertThat(described(document.resolve(brokerage))).containsKeys("constraint", "effectiveSize", "efficiency");
        Map<String, Object> unavailable = document.resolve(property(diagnostics, "brokerageUnavailable"));
        assertThat(described(unavailable)).containsKeys("reason", "contactsWithMutualData", "share", "threshold");
        assertThat(enumeration(property(unavailable, "reason"))).containsExactlyInAnyOrder("THIN_MUTUAL_CONTACT_DATA", "NO_CONTACTS");

        Map<String, Object> change = document.resolve(property(diagnostics, "change"));
        assertThat(described(change)).containsKeys("since30Days", "since90Days");
        for (String window : List.of("since30Days", "since90Days")) {
            assertThat(nullable(property(change, window))).as(window + " is marked nullable").isTrue();
        }
        Map<String, Object> since = document.resolve(property(change, "since30Days"));
        assertThat(described(since)).containsKeys("comparedWith", "contacts", "byClass", "alterEgoIndex", "byScale", "brokerage");
        assertThat(described(document.resolve(property(since, "brokerage")))).containsKeys("constraint", "effectiveSize", "efficiency");

        Map<String, Object> summary = document.resolve(property(diagnostics, "summary"));
        assertThat(described(summary)).containsKeys("language", "sentences");
        assertThat(enumeration(property(summary, "language"))).containsExactlyInAnyOrder("fr", "en");
        assertThat(items(property(summary, "sentences"))).containsEntry("type", "string");

        document.assertProblems(operation, "400", "401", "403", "404");
    }

    @Test
    void theHistoryTakesFromAndToAndAnswersItsPointsOldestFirst() {
        String operation = document.operation("get", HISTORY);
        document.assertPathParameter(operation, "ownerId", Identifiers.OWNER_ID_REGEX);
        for (String name : List.of("from", "to")) {
            Map<String, Object> parameter = document.parameter(operation, name);
            assertThat(parameter).as(name).containsEntry("in", "query");
            assertThat((String) parameter.get("description")).as(name).contains("2026-03-04T10:00:00Z", "2026-03-04");
            assertThat(schemaOf(parameter)).as(name).containsEntry("type", "string");
        }

        Map<String, Object> page = document.answeredSchema(operation, "200", "application/json");
        assertThat(described(page)).containsKeys("items", "truncated");
        Map<String, Object> point = document.resolve(items(property(page, "items")));
        assertThat(described(point)).containsKeys("computedAt", "contacts", "byClass", "alterEgoIndex", "byScale", "brokerage");

        document.assertProblems(operation, "400", "401", "403", "404");
    }

    @Test
    void theNetworkMapIsAnSvgPictureAndItsRefusalsAreProblems() {
        String operation = document.operation("get", MAP);
        document.assertPathParameter(operation, "ownerId", Identifiers.OWNER_ID_REGEX);
        Map<String, Object> lang = document.parameter(operation, "lang");
        assertThat(lang).containsEntry("in", "query").containsKey("description");
        assertThat(enumeration(schemaOf(lang))).containsExactlyInAnyOrder("fr", "en");
        Map<String, Object> names = document.parameter(operation, "names");
        assertThat(names).containsEntry("in", "query").containsKey("description");
        assertThat(enumeration(schemaOf(names))).containsExactlyInAnyOrder("true", "false");

        assertThat(document.content(operation, "200")).containsOnlyKeys(NetworkMapResource.SVG);
        assertThat(document.answeredSchema(operation, "200", NetworkMapResource.SVG)).containsEntry("type", "string");

        document.assertProblems(operation, "400", "401", "403", "404", "406");
    }

    @Test
    void theNetworkMapAskedForInJsonIsRefusedAsTheDocumentSays() {
        given().accept(ContentType.JSON).get(MAP, "owner-never-seen")
                .then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void theOwnerProfileDescribesItsOptionalPitch() {
        Map<String, Object> profile = document.schema("OwnerProfile");
        assertDescribed(profile, "pitch");
        assertOptional(profile, "pitch");
        assertThat(property(profile, "pitch")).containsEntry("type", "string").containsKey("maxLength").containsKey("examples");
        assertThat(properties(profile)).containsKeys("displayName", "language", "allowStrongTiesForCommitting");
    }

    @Test
    void theServedDocumentIsTheReviewedOneCommittedInTheRepository() {
        OpenApiDocument.assertServedIsCommitted("graph-service");
    }
}
