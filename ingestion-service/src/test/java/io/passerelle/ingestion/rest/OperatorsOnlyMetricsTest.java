package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.passerelle.localstack.security.LocalIssuerTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code PASSERELLE_METRICS_POLICY=operators}: {@code /q/metrics}, on the management port, answers an
 * operator's token only, while the probes stay open on the main port. The same lines configure
 * graph-service and advice-service.
 */
@QuarkusTest
@TestProfile(OperatorsOnlyMetricsTest.OperatorsOnlyMetrics.class)
class OperatorsOnlyMetricsTest {

    /** Metrics for operators; no broker is needed to serve them. */
    public static class OperatorsOnlyMetrics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.metrics-policy", "operators", "kafka.bootstrap.servers", "127.0.0.1:1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalIssuerTestResource.class), new TestResourceEntry(LocalDatabaseTestResource.class));
        }
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void metricsAnswerAnOperatorOnly() {
        given().auth().none().get(metrics)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(LocalTokenIssuer.local().platform()).get(metrics).then().statusCode(403);
        given().auth().oauth2(LocalTokenIssuer.local().owner("metrics-owner")).get(metrics).then().statusCode(403);
        given().auth().oauth2(LocalTokenIssuer.local().operator()).get(metrics)
                .then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void probesStayOpen() {
        given().auth().none().get("/q/health/live").then().statusCode(200);
    }
}
