package io.passerelle.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.localstack.security.LocalTokenIssuer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Replay jobs as an operator drives them: requested, then followed until they are over. */
final class Replays {
    static final Duration PATIENCE = Duration.ofSeconds(180);

    private Replays() {
    }

    /** Requests a replay (202) and answers the job's path, its Location. */
    static String request() {
        Response answer = given().auth().oauth2(LocalTokenIssuer.local().operator()).post("/v1/admin/replay")
                .then().statusCode(202).contentType("application/json").extract().response();
        String location = answer.header("Location");
        assertThat(location).as("Location").isNotNull();
        assertThat(location).endsWith("/v1/admin/replays/" + answer.jsonPath().getString("replayId"));
        return URI.create(location).getPath();
    }

    static JsonPath job(String path) {
        return given().auth().oauth2(LocalTokenIssuer.local().operator()).get(path)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** Waits until the job is in the state; answers it as then. */
    static JsonPath awaitState(String path, String state) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> job(path), job -> state.equals(job.getString("state")));
    }

    /** Waits until the job is over (COMPLETED or FAILED); answers it. */
    static JsonPath awaitEnd(String path) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> job(path), job -> List.of("COMPLETED", "FAILED").contains(job.getString("state")));
    }

    /** A replay, requested and followed until it completed; answers the job. */
    static JsonPath replayToCompletion() {
        JsonPath job = awaitEnd(request());
        assertThat(job.getString("state")).as("state of the replay (error: %s)", job.getString("error")).isEqualTo("COMPLETED");
        return job;
    }
}
