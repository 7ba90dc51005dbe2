package io.passerelle.endtoend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.localstack.ServiceProcess;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** graph-service's replay jobs as an operator drives them over HTTP: requested, then followed at their Location. */
final class GraphReplays {
    static final Duration PATIENCE = Duration.ofSeconds(180);

    private GraphReplays() {
    }

    /** Requests a replay (202) and answers the job's path, from its Location. */
    static String request(ServiceProcess graph) {
        Response answer = given().baseUri(graph.baseUri().toString()).auth().oauth2(LocalTokenIssuer.local().operator())
                .post("/v1/admin/replay").then().statusCode(202).extract().response();
        assertThat(answer.header("Location")).as("Location").isNotNull();
        return URI.create(answer.header("Location")).getPath();
    }

    static JsonPath job(ServiceProcess graph, String path) {
        return given().baseUri(graph.baseUri().toString()).auth().oauth2(LocalTokenIssuer.local().operator()).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the job is over (COMPLETED or FAILED) and answers it. */
    static JsonPath awaitEnd(ServiceProcess graph, String path) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> job(graph, path), job -> List.of("COMPLETED", "FAILED").contains(job.getString("state")));
    }

    /** A replay requested and followed until it completed. */
    static JsonPath replayToCompletion(ServiceProcess graph) {
        JsonPath job = awaitEnd(graph, request(graph));
        assertThat(job.getString("state")).as("state of the replay (error: %s)", job.getString("error")).isEqualTo("COMPLETED");
        return job;
    }
}
