package io.passerelle.ingestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** graph-service's owner export, at {@code passerelle.export.graph-url}; passed on as it is. */
@RegisterRestClient(configKey = "graph-export")
@Path("/v1/owners/{ownerId}/export")
@Produces(MediaType.APPLICATION_JSON)
public interface GraphExportClient {

    /** @param authorization the caller's {@code Authorization} header, forwarded when present */
    @GET
    Uni<JsonNode> export(@PathParam("ownerId") String ownerId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
