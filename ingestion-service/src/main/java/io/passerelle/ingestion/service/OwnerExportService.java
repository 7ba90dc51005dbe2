package io.passerelle.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.ingestion.client.AdviceExportClient;
import io.passerelle.ingestion.client.GraphExportClient;
import io.passerelle.ingestion.config.IngestionConfig;
import io.passerelle.ingestion.rest.OwnerExport;
import io.passerelle.runtime.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The data export of an owner (GDPR article 15 and 20): asks graph-service and advice-service at
 * once and puts their answers together. A service that does not know the owner (404) contributes
 * nothing; one that cannot answer fails the whole export with a 503, so that a partial export is
 * never presented as complete.
 */
@ApplicationScoped
public class OwnerExportService {
    private final GraphExportClient graph;
    private final AdviceExportClient advice;
    private final IngestionConfig config;

    public OwnerExportService(@RestClient GraphExportClient graph, @RestClient AdviceExportClient advice, IngestionConfig config) {
        this.graph = graph;
        this.advice = advice;
        this.config = config;
    }

    /** @param authorization the caller's {@code Authorization} header, forwarded to both services; may be null */
    public Uni<OwnerExport> export(String ownerId, String authorization) {
        return Uni.combine().all().unis(
                        section("graph-service", Uni.createFrom().deferred(() -> graph.export(ownerId, authorization))),
                        section("advice-service", Uni.createFrom().deferred(() -> advice.export(ownerId, authorization))))
                .with((graphSection, adviceSection) -> {
                    if (graphSection == null && adviceSection == null) {
                        throw ProblemException.notFound("Passerelle holds nothing about owner " + ownerId + ".");
                    }
                    return new OwnerExport(ownerId, Instant.now(), graphSection, adviceSection);
                });
    }

    /** The service's section; null when it does not know the owner; a 503 problem when it cannot answer. */
    private Uni<JsonNode> section(String service, Uni<JsonNode> call) {
        return call
                .onFailure(failure -> status(failure) == 404).recoverWithNull()
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> {
                    Log.warnf("The export could not be read from %s: %s", service, failure.toString());
                    return ProblemException.unavailable("The export could not be gathered: " + service
                            + " did not answer. Nothing partial is returned; retry later.", config.retryAfter(), failure);
                });
    }

    private static int status(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null ? web.getResponse().getStatus() : -1;
    }
}
