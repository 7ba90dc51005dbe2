package io.passerelle.localstack.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DynamicTest;

/**
 * The authentication and authorization checks every service must pass, over every {@code /v1}
 * operation its OpenAPI document lists, so that an endpoint added later is checked without
 * anyone remembering to: no token, an expired token and a token signed by an unknown key are 401;
 * a token whose roles do not reach the endpoint is 403; an owner on another owner's path is 404.
 * A service's test returns {@link #checks()} from a {@code @TestFactory}.
 */
public final class AccessMatrix {
    /** Who an endpoint is for. */
    public enum Audience {
        /** The platform (any owner) and each owner (their own data). */
        OWNERS,
        /** Operators only. */
        OPERATORS
    }

    /** One operation of the OpenAPI document. */
    public record Endpoint(String method, String template, String contentType, Audience audience) {
        boolean ownerScoped() {
            return template.contains("{ownerId}");
        }

        /** The template with {@code ownerId} and placeholder values for the other parameters. */
        String path(String ownerId) {
            return template.replace("{ownerId}", ownerId).replaceAll("\\{[^}]+}", "matrix-1");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String OWNER = "matrix-owner-a";
    private static final String OTHER_OWNER = "matrix-owner-b";

    private AccessMatrix() {
    }

    /** The {@code /v1} operations of the running service, each with the audience its path implies. */
    public static List<Endpoint> endpoints() {
        Map<String, Map<String, Object>> paths = given().auth().none()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<Endpoint> endpoints = new ArrayList<>();
        paths.forEach((template, operations) -> {
            if (!template.startsWith("/v1/")) {
                return;
            }
            operations.keySet().stream().filter(METHODS::contains).sorted().forEach(method -> endpoints.add(
                    new Endpoint(method, template, contentTypeOf(operations.get(method)), audienceOf(template))));
        });
        return endpoints;
    }

    /** Every check for every endpoint, as dynamic tests named after the endpoint and the check. */
    public static List<DynamicTest> checks() {
        List<Endpoint> endpoints = endpoints();
        assertTrue(!endpoints.isEmpty(), "the OpenAPI document lists no /v1 operation");
        LocalTokenIssuer issuer = LocalTokenIssuer.local();
        List<DynamicTest> checks = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.path(OWNER);
            checks.add(check(endpoint, "no token is 401", () -> expectUnauthorized(call(endpoint, path, r -> r.auth().none()))));
            String expired = issuer.token("platform-backend", List.of(LocalTokenIssuer.PLATFORM), Duration.ofMinutes(-10));
            checks.add(check(endpoint, "an expired token is 401", () -> expectUnauthorized(call(endpoint, path, bearer(expired)))));
            String forged = LocalTokenIssuer.untrusted().platform();
            checks.add(check(endpoint, "a token of an unknown key is 401", () -> expectUnauthorized(call(endpoint, path, bearer(forged)))));
            String roleless = issuer.token("nobody", List.of(), Duration.ofMinutes(5));
            checks.add(check(endpoint, "a token without a role is 403", () -> expectStatus(call(endpoint, path, bearer(roleless)), 403)));
            if (endpoint.audience() == Audience.OPERATORS) {
                checks.add(check(endpoint, "the platform is 403", () -> expectStatus(call(endpoint, path, bearer(issuer.platform())), 403)));
                checks.add(check(endpoint, "an owner is 403", () -> expectStatus(call(endpoint, path, bearer(issuer.owner(OWNER))), 403)));
            } else {
                checks.add(check(endpoint, "an operator is 403", () -> expectStatus(call(endpoint, path, bearer(issuer.operator())), 403)));
                if (endpoint.ownerScoped()) {
                    checks.add(check(endpoint, "another owner is 404", () ->
                            expectStatus(call(endpoint, path, bearer(issuer.owner(OTHER_OWNER))), 404)));
                }
            }
        }
        return checks;
    }

    /** The first media type the operation's body may have, so that routing does not answer 415 first. */
    @SuppressWarnings("unchecked")
    private static String contentTypeOf(Object operation) {
        if (operation instanceof Map<?, ?> fields && fields.get("requestBody") instanceof Map<?, ?> body
                && body.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
            return ((Map<String, Object>) content).keySet().iterator().next();
        }
        return null;
    }

    private static Audience audienceOf(String template) {
        if (template.startsWith("/v1/owners/{ownerId}") || template.startsWith("/v1/recommendations/")) {
            return Audience.OWNERS;
        }
        if (template.startsWith("/v1/webhook-subscriptions") || template.startsWith("/v1/admin/")) {
            return Audience.OPERATORS;
        }
        return fail("No audience is known for " + template + ": add it to AccessMatrix");
    }

    /**
     * A service keeps the tokens it has verified (service-runtime's VerifiedTokens): a GET of {@code path}
     * with a platform token is accepted, the same token with one character of its signature changed is
     * 401 although the original is cached, and the original is still accepted after that refusal.
     */
    public static void checkAlteredTokenRefusedOnceItsOriginalIsCached(String path) {
        String good = LocalTokenIssuer.local().platform();
        int inSignature = good.length() - 10;
        String altered = good.substring(0, inSignature) + (good.charAt(inSignature) == 'A' ? 'B' : 'A') + good.substring(inSignature + 1);
        Endpoint get = new Endpoint("get", path, null, Audience.OWNERS);
        for (String token : List.of(good, good)) {
            int status = call(get, path, bearer(token)).statusCode();
            assertTrue(status != 401 && status != 403, () -> "the platform's token is accepted on " + path + ", got " + status);
        }
        expectUnauthorized(call(get, path, bearer(altered)));
        int after = call(get, path, bearer(good)).statusCode();
        assertTrue(after != 401 && after != 403, () -> "the platform's token still accepted after the altered one, got " + after);
    }

    private static DynamicTest check(Endpoint endpoint, String name, Runnable check) {
        return DynamicTest.dynamicTest(endpoint + ": " + name, check::run);
    }

    private static UnaryOperator<RequestSpecification> bearer(String token) {
        return request -> request.auth().oauth2(token);
    }

    private static Response call(Endpoint endpoint, String path, UnaryOperator<RequestSpecification> authentication) {
        // A body the endpoint would accept is not needed (authentication and authorization come
        // first), only a media type it declares.
        RequestSpecification request = given();
        if (endpoint.contentType() != null) {
            request = request.contentType(endpoint.contentType())
                    .body(endpoint.contentType().contains("json") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0]);
        }
        return authentication.apply(request).request(endpoint.method(), path);
    }

    private static void expectUnauthorized(Response response) {
        expectStatus(response, 401);
        assertTrue(response.header("WWW-Authenticate") != null && response.header("WWW-Authenticate").startsWith("Bearer"),
                "a 401 carries a Bearer challenge, got " + response.header("WWW-Authenticate"));
    }

    private static void expectStatus(Response response, int status) {
        assertEquals(status, response.statusCode(), () -> "status, body: " + response.asString());
        assertEquals("application/problem+json", response.contentType().split(";")[0], "content type");
    }
}
