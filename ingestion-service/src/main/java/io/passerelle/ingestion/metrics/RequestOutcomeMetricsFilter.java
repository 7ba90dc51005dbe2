package io.passerelle.ingestion.metrics;

import io.passerelle.runtime.problem.Problem;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts the answers that tell an operator something is refused: every 4xx by the reason its
 * problem+json names, and every 503. Problems raised by filters (401, 403, 413, 429) and by
 * exception mappers pass here too, so a reason is counted whichever layer refused the request.
 */
public class RequestOutcomeMetricsFilter {
    private final IngestionMetrics metrics;

    public RequestOutcomeMetricsFilter(IngestionMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status == 503) {
            metrics.unavailable();
        } else if (status >= 400 && status < 500) {
            metrics.rejected(reason(response.getEntity(), status));
        }
    }

    /** The problem type's last path segment ({@code validation}, {@code rate-limited}, …), else {@code status-<code>}. */
    static String reason(Object entity, int status) {
        if (entity instanceof Problem problem && problem.type() != null && !problem.type().isBlank()) {
            String type = problem.type();
            return type.substring(type.lastIndexOf('/') + 1);
        }
        return "status-" + status;
    }
}
