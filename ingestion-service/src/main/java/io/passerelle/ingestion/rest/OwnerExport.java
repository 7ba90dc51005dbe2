package io.passerelle.ingestion.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Everything Passerelle holds about an owner: graph-service's section (profile, contacts, ties with
 * their statistics) and advice-service's (objectives, recommendations, feedback), each as that
 * service exports it; a section is null when that service holds nothing about the owner.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OwnerExport(String ownerId, Instant exportedAt, JsonNode graph, JsonNode advice) {
}
