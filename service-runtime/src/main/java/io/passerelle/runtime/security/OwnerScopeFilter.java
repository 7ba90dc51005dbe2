package io.passerelle.runtime.security;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps an owner inside their own data on every path with an {@code {ownerId}} parameter. Callers
 * without an owner-reaching role are left to the endpoint's role check (401 or 403), so this
 * filter only ever turns an authenticated, otherwise allowed request into a 404.
 */
public class OwnerScopeFilter {
    private final OwnerAccess access;

    public OwnerScopeFilter(OwnerAccess access) {
        this.access = access;
    }

    @ServerRequestFilter
    public void keepOwnersInTheirOwnData(UriInfo uri) {
        String ownerId = uri.getPathParameters().getFirst("ownerId");
        if (ownerId != null && access.reachesOwners()) {
            access.require(ownerId);
        }
    }
}
