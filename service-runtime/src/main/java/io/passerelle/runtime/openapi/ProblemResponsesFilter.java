package io.passerelle.runtime.openapi;

import io.passerelle.runtime.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes every service's OpenAPI document with what holds for all their operations alike, so that
 * no resource has to repeat it: the refusals every operation can answer (400 when it takes parameters or
 * a body, 401 and 403 when it needs a
 * token, 404 on an owner's path, 406, 413 and 415 when it takes a body, 500), and every 4xx or 5xx answered in
 * {@code application/problem+json} with the {@link Problem} schema, as {@code ProblemMappers} and
 * {@code SecurityProblemMappers} answer them. Responses are listed by status and tags by name, so the
 * document does not change with the order classes are scanned in.
 *
 * <p>It also refuses to build a document with an operation that has no explicit {@code operationId}:
 * generated names change with method names, and clients generated from the document would break.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {
    static final String PROBLEM_SCHEMA = "Problem";

    private static final Map<String, String> COMMON_REFUSALS = Map.of(
            "400", "A parameter or the body is invalid; errors[] names each one and what is wrong with it",
            "401", "No valid bearer token: it is missing, expired, malformed or not signed by a trusted issuer",
            "403", "The token is valid but its roles do not allow this operation",
            "404", "An owner's token on another owner's path: answered as if that owner did not exist (OwnerScopeFilter)",
            "406", "The Accept header excludes the media type this operation answers in",
            "413", "The body is larger than this service accepts (passerelle.http.max-json-body-size for JSON, "
                    + "quarkus.http.limits.max-body-size for any body); nothing was done",
            "415", "The Content-Type is not one this operation takes",
            "500", "An unexpected error; the problem carries a correlationId to quote when reporting it, and no internals");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> unnamed = new ArrayList<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach((method, operation) -> {
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                unnamed.add(method + " " + path);
            }
            complete(path, operation);
        }));
        if (!unnamed.isEmpty()) {
            throw new IllegalStateException("Every operation needs an explicit @Operation(operationId = \"...\"), "
                    + "so that generated clients keep their names; missing on " + unnamed);
        }
        if (openAPI.getTags() != null) {
            List<Tag> tags = new ArrayList<>(openAPI.getTags());
            tags.sort(Comparator.comparing(Tag::getName));
            openAPI.setTags(tags);
        }
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
        return operations == null ? Map.of() : operations;
    }

    private static void complete(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (takesInput) {
            refusal(responses, "400");
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            refusal(responses, "401").addHeader("WWW-Authenticate", OASFactory.createHeader()
                    .description("The Bearer challenge (RFC 6750), with error=\"invalid_token\" when a token was sent")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
            refusal(responses, "403");
        }
        if (path.contains("{ownerId}")) {
            refusal(responses, "404");
        }
        refusal(responses, "406");
        if (operation.getRequestBody() != null) {
            refusal(responses, "413");
            refusal(responses, "415");
        }
        refusal(responses, "500");

        Map<String, APIResponse> byStatus = new LinkedHashMap<>();
        responses.getAPIResponses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byStatus.put(entry.getKey(), asProblem(entry.getKey(), entry.getValue())));
        responses.setAPIResponses(byStatus);
    }

    /** The refusal of that status, added with the common description when the operation does not describe it itself. */
    private static APIResponse refusal(APIResponses responses, String status) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(COMMON_REFUSALS.get(status));
            responses.addAPIResponse(status, response);
        } else if (response.getContent() == null && isGeneric(response.getDescription())) {
            // Quarkus adds "Not Authorized" and "Not Allowed" to secured operations; say what they mean here.
            response.setDescription(COMMON_REFUSALS.get(status));
        }
        return response;
    }

    private static boolean isGeneric(String description) {
        return description == null || description.isBlank() || "Not Authorized".equals(description) || "Not Allowed".equals(description);
    }

    /** An error answer without a body described gets the problem+json one every error is answered with. */
    private static APIResponse asProblem(String status, APIResponse response) {
        boolean error = status.startsWith("4") || status.startsWith("5");
        if (error && (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty())) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
        }
        return response;
    }
}
