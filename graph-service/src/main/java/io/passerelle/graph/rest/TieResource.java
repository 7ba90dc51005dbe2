package io.passerelle.graph.rest;

import io.passerelle.contracts.model.Tie;
import io.passerelle.graph.service.TieQuery;
import io.passerelle.graph.service.TieQueryService;
import io.passerelle.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ties of an owner (API.md, graph-service), with strength and class as of the request. */
@RolesAllowed({Roles.PLATFORM, Roles.OWNER})
@Path("/v1/owners/{ownerId}/ties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ties")
public class TieResource {
    private final TieQueryService ties;

    public TieResource(TieQueryService ties) {
        this.ties = ties;
    }

    @GET
    @Operation(summary = "Lists an owner's ties, strongest first",
            description = "Strength and class are computed as of the request (of the first page, when following nextCursor). "
                    + "404 when no event of the owner has been received.")
    public Uni<TiePage> list(
            @PathParam("ownerId") String ownerId,
            @Parameter(description = "Tie classes to keep, comma-separated: STRONG, WEAK, DORMANT, NASCENT")
            @QueryParam("class") String tieClass,
            @Parameter(description = "Geographic scales to keep, comma-separated: NEIGHBOURHOOD ... WORLD, UNKNOWN")
            @QueryParam("scale") String scale,
            @Parameter(description = "Keep ties at least this strong, 0 to 1") @QueryParam("minStrength") String minStrength,
            @Parameter(description = "Page size, 1 to " + TieQuery.MAX_LIMIT + ", default " + TieQuery.DEFAULT_LIMIT)
            @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        TieQueryParameters.requireOwnerId(ownerId);
        TieQuery query = TieQueryParameters.parse(tieClass, scale, minStrength, limit, cursor);
        return ties.list(ownerId, query)
                .map(listing -> new TiePage(listing.items(), listing.next() == null ? null : listing.next().encode()));
    }

    @GET
    @Path("/{contactId}")
    @Operation(summary = "One tie of an owner", description = "404 when the owner or the tie is unknown.")
    public Uni<Tie> get(@PathParam("ownerId") String ownerId, @PathParam("contactId") String contactId) {
        TieQueryParameters.requireOwnerId(ownerId);
        TieQueryParameters.requireContactId(contactId);
        return ties.get(ownerId, contactId);
    }
}
