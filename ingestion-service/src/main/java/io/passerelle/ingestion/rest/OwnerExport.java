package io.passerelle.ingestion.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything Passerelle holds about an owner: graph-service's section (profile, contacts, ties with
 * their statistics) and advice-service's (objectives, recommendations, feedback), each as that
 * service exports it; a section is null when that service holds nothing about the owner.
 *
 * <p>The answer itself is streamed by {@link io.passerelle.ingestion.service.OwnerExportService}; this
 * record is its description in the OpenAPI document. Each section is a JSON object, the document of
 * its own service's export operation, passed on as it is.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OwnerExport(
        String ownerId,
        Instant exportedAt,
        @Schema(nullable = true,
                description = "graph-service's export of the owner (its exportOwnerGraph operation: GraphExport); null when it holds nothing about the owner")
        Map<String, Object> graph,
        @Schema(nullable = true,
                description = "advice-service's export of the owner (its exportOwnerAdvice operation: AdviceExport); null when it holds nothing about the owner")
        Map<String, Object> advice) {
}
