package io.passerelle.runtime.security;

import io.passerelle.runtime.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers refused requests in {@code application/problem+json} like every other error: 401 with a
 * Bearer challenge (RFC 6750) when the token is missing, expired or not ours, 403 when the token is
 * good but its roles do not reach the endpoint.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response missingToken(UnauthorizedException e) {
        return unauthorized("Bearer realm=\"passerelle\"",
                "This endpoint needs a bearer token in the Authorization header.");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthorized("Bearer realm=\"passerelle\", error=\"invalid_token\"",
                "The bearer token is expired, malformed or not signed by a trusted issuer.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        Problem problem = Problem.of(403, "forbidden", "Forbidden", "The token's roles do not allow this operation.");
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response unauthorized(String challenge, String detail) {
        Problem problem = Problem.of(401, "unauthorized", "Unauthorized", detail);
        return Response.status(401).header("WWW-Authenticate", challenge).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
