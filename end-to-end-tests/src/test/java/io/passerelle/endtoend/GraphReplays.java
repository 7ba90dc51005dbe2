package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.client.graph.ApiException;
import io.passerelle.client.graph.ApiResponse;
import io.passerelle.client.graph.model.ReplayJobAnswer;
import io.passerelle.client.graph.model.ReplayState;
import io.passerelle.localstack.ServiceProcess;
import io.passerelle.localstack.security.LocalTokenIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** graph-service's replay jobs as an operator drives them over HTTP: requested, then followed at their Location. */
final class GraphReplays {
    static final Duration PATIENCE = Duration.ofSeconds(180);

    private GraphReplays() {
    }

    /** Requests a replay (202) and answers the job's id, checking that its Location names it. */
    static UUID request(ServiceProcess graph) throws ApiException {
        ApiResponse<ReplayJobAnswer> answer = asOperator(graph).admin().startReplayWithHttpInfo();
        assertThat(answer.getStatusCode()).isEqualTo(202);
        UUID replayId = answer.getData().getReplayId();
        // The JDK client's header map is case-insensitive.
        List<String> location = answer.getHeaders().get("Location");
        assertThat(location).as("Location").isNotNull().hasSize(1);
        assertThat(URI.create(location.get(0)).getPath()).isEqualTo("/v1/admin/replays/" + replayId);
        return replayId;
    }

    static ReplayJobAnswer job(ServiceProcess graph, UUID replayId) throws ApiException {
        return asOperator(graph).admin().getReplayJob(replayId);
    }

    /** Waits until the job is over (COMPLETED or FAILED) and answers it. */
    static ReplayJobAnswer awaitEnd(ServiceProcess graph, UUID replayId) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> job(graph, replayId), job -> List.of(ReplayState.COMPLETED, ReplayState.FAILED).contains(job.getState()));
    }

    /** A replay requested and followed until it completed. */
    static ReplayJobAnswer replayToCompletion(ServiceProcess graph) throws ApiException {
        ReplayJobAnswer job = awaitEnd(graph, request(graph));
        assertThat(job.getState()).as("state of the replay (error: %s)", job.getError()).isEqualTo(ReplayState.COMPLETED);
        return job;
    }

    /** Replays are operators' business. */
    private static ServiceApis.Graph asOperator(ServiceProcess graph) {
        return ServiceApis.graph(graph, "operator", () -> LocalTokenIssuer.local().operator());
    }
}
