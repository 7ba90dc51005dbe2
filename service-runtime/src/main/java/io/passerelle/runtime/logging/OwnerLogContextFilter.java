package io.passerelle.runtime.logging;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts the {@code {ownerId}} of a request's path in the MDC for the request's log lines ({@link LogContext}). */
public class OwnerLogContextFilter {

    @ServerRequestFilter(preMatching = false)
    public void nameTheOwner(UriInfo uri) {
        String ownerId = uri.getPathParameters().getFirst("ownerId");
        if (ownerId != null) {
            MDC.put(LogContext.OWNER_ID, ownerId);
        }
    }

    // The MDC lives in the request's context in Quarkus; removing it here also covers a request run on a pooled thread.
    @ServerResponseFilter
    public void forgetTheOwner() {
        MDC.remove(LogContext.OWNER_ID);
    }
}
