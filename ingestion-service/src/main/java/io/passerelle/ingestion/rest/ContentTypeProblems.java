package io.passerelle.ingestion.rest;

import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemMappers;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The 415 answers of this service, naming what the endpoint takes: the shared mapper can only say
 * application/json, while the batch endpoint takes NDJSON. (Imports accept any type, so never answer 415.)
 */
public class ContentTypeProblems {
    static final String BATCH_TYPES = "application/x-ndjson, application/jsonl or text/plain";

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpHeaders headers, UriInfo uri) {
        String expected = uri.getPath().endsWith("/batch") ? BATCH_TYPES : MediaType.APPLICATION_JSON;
        Problem problem = ProblemMappers.unsupportedMediaType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), expected);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
