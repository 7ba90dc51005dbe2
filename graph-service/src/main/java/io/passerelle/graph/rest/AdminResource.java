package io.passerelle.graph.rest;

import io.passerelle.graph.service.ProjectionReplay;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator endpoints of the graph service; not part of the public contract (API.md) and to be protected. */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminResource {
    private final ProjectionReplay replay;

    public AdminResource(ProjectionReplay replay) {
        this.replay = replay;
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Rebuilds the tie projection from the ingestion topics",
            description = "Empties the projection and applies every record of the owners, contacts and interactions topics "
                    + "again, republishing every tie. Answers once done, with counts; 409 while a replay runs on this instance.")
    public Uni<ProjectionReplay.ReplayReport> replay() {
        return replay.replay();
    }
}
