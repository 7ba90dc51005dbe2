package io.passerelle.ingestion.rest;

import io.passerelle.ingestion.rate.LimitClass;
import io.passerelle.ingestion.rate.RateLimited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} to a write or an import beyond its caller's or its owner's
 * rate ({@link RateLimitGuard}), before the body is read: a refused request publishes nothing.
 * Reads are not limited. Runs after authentication and after the owner-scope check (priority
 * {@code USER}), so that only requests that would otherwise be served count.
 */
public class RateLimitFilter {
    private static final Set<String> WRITE_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    private final RateLimitGuard guard;
    private final SecurityIdentity identity;

    public RateLimitFilter(RateLimitGuard guard, SecurityIdentity identity) {
        this.guard = guard;
        this.identity = identity;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void limit(ContainerRequestContext request, ResourceInfo resource) {
        if (WRITE_METHODS.contains(request.getMethod())) {
            guard.require(classOf(resource.getResourceMethod()), identity,
                    request.getUriInfo().getPathParameters().getFirst("ownerId"));
        }
    }

    private static LimitClass classOf(Method method) {
        RateLimited declared = method == null ? null : method.getAnnotation(RateLimited.class);
        return declared == null ? LimitClass.WRITES : declared.value();
    }
}
