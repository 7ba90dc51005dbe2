package io.passerelle.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.json.EventJson;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Replay jobs as an operator drives them: requested, then followed until they are over. */
final class Replays {
    static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How long one operator token serves the polls (the local issuer's tokens live 12 hours). */
    private static final Duration TOKEN_REUSE = Duration.ofHours(1);
    private static String operatorToken;
    private static long operatorTokenMintedAt;

    private Replays() {
    }

    /**
     * One operator token for every poll, as a real operator's client keeps its token: a new one per poll (ten a second) cost
     * an RSA signature here and a verification in the service each time, about a tenth of the processor time that
     * {@link ReplayBenchmarkTest} sampled during a replay.
     */
    static synchronized String operatorToken() {
        if (operatorToken == null || System.nanoTime() - operatorTokenMintedAt > TOKEN_REUSE.toNanos()) {
            operatorToken = LocalTokenIssuer.local().operator();
            operatorTokenMintedAt = System.nanoTime();
        }
        return operatorToken;
    }

    /** Requests a replay (202) and answers the job's path, its Location. */
    static String request() {
        Response answer = given().auth().oauth2(operatorToken()).post("/v1/admin/replay")
                .then().statusCode(202).contentType("application/json").extract().response();
        String location = answer.header("Location");
        assertThat(location).as("Location").isNotNull();
        assertThat(location).endsWith("/v1/admin/replays/" + answer.jsonPath().getString("replayId"));
        return URI.create(location).getPath();
    }

    static JsonPath job(String path) {
        return given().auth().oauth2(operatorToken()).get(path)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /**
     * The job's state alone, read with the JDK's HTTP client and Jackson: a benchmark polls it while the
     * replay runs in this JVM, and rest-assured compiles a Groovy script for each answer it reads.
     */
    static String state(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + operatorToken()).GET().build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return EventJson.mapper().readTree(answer.body()).path("state").asText();
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
