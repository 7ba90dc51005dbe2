package io.passerelle.advice;

import static io.restassured.RestAssured.given;

import io.passerelle.contracts.Identifiers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** HTTP calls the advice-service tests share. */
final class AdviceTestSupport {
    /** How long the flow tests wait for what goes through the broker and the debounced recomputation. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The objective most flow tests set: a job search in Fintech, advice in English. */
    static final String JOB_SEARCH_IN_FINTECH = """
            {"type": "JOB_SEARCH", "targets": {"sectors": ["Fintech"]}, "language": "en"}""";

    private AdviceTestSupport() {
    }

    static String newOwner() {
        return "owner-" + Identifiers.randomId().substring(0, 8);
    }

    static void putObjective(String ownerId, String objectiveId, String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().put("/v1/owners/{ownerId}/objectives/{objectiveId}", ownerId, objectiveId)
                .then().statusCode(200);
    }

    static JsonPath recommendations(String ownerId, String objectiveId) {
        return given().when().get("/v1/owners/{ownerId}/objectives/{objectiveId}/recommendations", ownerId, objectiveId)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    static List<String> contactIds(JsonPath recommendations) {
        return recommendations.getList("items.contactId", String.class);
    }

    /** The recommendation for one contact, or null when the contact is not in the list. */
    static Map<String, Object> itemFor(JsonPath recommendations, String contactId) {
        List<Map<String, Object>> items = recommendations.getList("items");
        return items.stream().filter(item -> contactId.equals(item.get("contactId"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static List<String> reasonCodes(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("reasons")).stream().map(r -> (String) r.get("code")).toList();
    }

    /** A JDBC connection to the service's database, for what a test must see or change below the API. */
    static Connection jdbc() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
