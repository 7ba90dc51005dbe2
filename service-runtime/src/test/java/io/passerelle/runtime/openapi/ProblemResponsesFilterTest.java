package io.passerelle.runtime.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.runtime.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesFilterTest {
    private final ProblemResponsesFilter filter = new ProblemResponsesFilter();

    @Test
    void aSecuredOperationOnAnOwnersPathGetsEveryCommonRefusalInProblemJsonListedByStatus() {
        Operation put = OASFactory.createOperation().operationId("putContact")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme"))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("202", OASFactory.createAPIResponse().description("Accepted"))
                        .addAPIResponse("503", OASFactory.createAPIResponse().description("Kafka did not answer"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")));
        OpenAPI document = document("/v1/owners/{ownerId}/contacts/{contactId}", put);

        filter.filterOpenAPI(document);

        assertThat(put.getResponses().getAPIResponses().keySet())
                .containsExactly("202", "400", "401", "403", "404", "406", "413", "415", "500", "503");
        put.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2")) {
                assertThat(response.getContent().getMediaTypes()).as(status).containsOnlyKeys(Problem.MEDIA_TYPE);
                assertThat(response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef())
                        .isEqualTo("#/components/schemas/Problem");
            }
        });
        assertThat(put.getResponses().getAPIResponse("202").getContent()).isNull();
        assertThat(put.getResponses().getAPIResponse("503").getDescription()).isEqualTo("Kafka did not answer");
        APIResponse unauthorized = put.getResponses().getAPIResponse("401");
        assertThat(unauthorized.getDescription()).startsWith("No valid bearer token");
        assertThat(unauthorized.getHeaders()).containsKey("WWW-Authenticate");
    }

    @Test
    void anOpenOperationWithoutInputGetsNeither400Nor401Nor403() {
        Operation list = OASFactory.createOperation().operationId("listThings")
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));

        filter.filterOpenAPI(document("/v1/things", list));

        assertThat(list.getResponses().getAPIResponses().keySet()).containsExactly("200", "406", "500");
    }

    @Test
    void anOperationWithoutAnExplicitOperationIdFailsTheBuildNamingIt() {
        Operation unnamed = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));

        assertThatThrownBy(() -> filter.filterOpenAPI(document("/v1/things", unnamed)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operationId").hasMessageContaining("GET /v1/things");
    }

    private static OpenAPI document(String path, Operation get) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().GET(get)));
    }
}
