package io.passerelle.localstack.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document the service serves at /q/openapi, read with rest-assured's JSON paths, and
 * the assertions the description tests share: an operation, its parameters, its answers' media
 * types and schemas ($ref followed), the properties of a schema and their descriptions.
 */
public final class OpenApiDocument {
    public static final String PROBLEM = "application/problem+json";

    private final JsonPath document;

    private OpenApiDocument(JsonPath document) {
        this.document = document;
    }

    public static OpenApiDocument served() {
        return new OpenApiDocument(given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath());
    }

    /**
     * Asserts that the document the service serves is the reviewed one committed at
     * {@code openapi/<service>.yaml} in the repository root (see {@link CommittedOpenApi}).
     */
    public static void assertServedIsCommitted(String service) {
        String served = given().accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        CommittedOpenApi.assertSameAsServed(service, served);
    }

    /** The JSON path of an operation, after checking that it is there and has a summary. */
    public String operation(String method, String path) {
        String operation = "paths.'" + path + "'." + method;
        assertThat(document.getMap(operation)).as(method + " " + path + " is described").isNotNull();
        assertThat(document.getString(operation + ".summary")).as(method + " " + path + " has a summary").isNotBlank();
        return operation;
    }

    public Map<String, Object> parameter(String operation, String name) {
        List<Map<String, Object>> parameters = document.getList(operation + ".parameters");
        assertThat(parameters).as(operation + " parameters").isNotNull();
        return parameters.stream().filter(p -> name.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(operation + " has no parameter " + name + ": " + parameters));
    }

    /** A path parameter, required, described, a string of the given pattern. */
    public void assertPathParameter(String operation, String name, String pattern) {
        Map<String, Object> parameter = parameter(operation, name);
        assertThat(parameter).as(name).containsEntry("in", "path").containsEntry("required", true);
        assertThat((String) parameter.get("description")).as("description of " + name).isNotBlank();
        assertThat(schemaOf(parameter)).as(name).containsEntry("type", "string").containsEntry("pattern", pattern);
    }

    /** The request body of an operation in a media type. */
    public Map<String, Object> requestBody(String operation, String mediaType) {
        Map<String, Object> body = document.getMap(operation + ".requestBody.content.'" + mediaType + "'");
        assertThat(body).as(operation + " takes " + mediaType).isNotNull();
        return body;
    }

    /** The media types a status is answered in. */
    public Map<String, Object> content(String operation, String status) {
        return document.getMap(operation + ".responses.'" + status + "'.content");
    }

    /** The schema a status is answered with in a media type ($ref followed), after checking the answer is described. */
    public Map<String, Object> answeredSchema(String operation, String status, String mediaType) {
        Map<String, Object> content = document.getMap(operation + ".responses.'" + status + "'.content.'" + mediaType + "'");
        assertThat(content).as(operation + " answers " + status + " in " + mediaType).isNotNull();
        assertThat(document.getString(operation + ".responses.'" + status + "'.description")).as(status).isNotBlank();
        return resolve(schemaOf(content));
    }

    /** A named example of an answer, as the JSON it shows. */
    public Map<String, Object> example(String operation, String status, String mediaType, String name) {
        String path = operation + ".responses.'" + status + "'.content.'" + mediaType + "'.examples.'" + name + "'";
        Object value = document.get(path + ".value");
        assertThat(value).as("example " + name + " of " + operation + " " + status).isNotNull();
        return value instanceof String json ? JsonPath.from(json).getMap("") : document.getMap(path + ".value");
    }

    /** Each status is described and answered in application/problem+json only, with the Problem schema. */
    public void assertProblems(String operation, String... statuses) {
        for (String status : statuses) {
            assertThat(content(operation, status)).as(operation + " " + status).containsOnlyKeys(PROBLEM);
            Map<String, Object> problem = answeredSchema(operation, status, PROBLEM);
            assertThat(properties(problem)).containsKeys("type", "title", "status", "detail", "errors");
        }
    }

    public Map<String, Object> schema(String name) {
        Map<String, Object> schema = document.getMap("components.schemas.'" + name + "'");
        assertThat(schema).as("schema " + name).isNotNull();
        return schema;
    }

    /** The properties of a schema, after checking that every one carries a description. */
    public static Map<String, Object> described(Map<String, Object> schema) {
        Map<String, Object> properties = properties(schema);
        properties.keySet().forEach(name -> assertDescribed(schema, name));
        return properties;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> schema) {
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertThat(properties).as("properties of " + schema).isNotNull();
        return properties;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> property(Map<String, Object> schema, String name) {
        Map<String, Object> property = (Map<String, Object>) properties(schema).get(name);
        assertThat(property).as("property " + name).isNotNull();
        return property;
    }

    public static void assertDescribed(Map<String, Object> schema, String name) {
        assertThat((String) property(schema, name).get("description")).as("description of " + name).isNotBlank();
    }

    /** The property is not among the schema's required ones. */
    @SuppressWarnings("unchecked")
    public static void assertOptional(Map<String, Object> schema, String name) {
        Object required = schema.get("required");
        if (required != null) {
            assertThat((List<Object>) required).as("required properties").doesNotContain(name);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> schemaOf(Map<String, Object> holder) {
        Map<String, Object> schema = (Map<String, Object>) holder.get("schema");
        assertThat(schema).as("schema of " + holder).isNotNull();
        return schema;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> items(Map<String, Object> array) {
        assertThat(array).containsEntry("type", "array");
        Map<String, Object> items = (Map<String, Object>) array.get("items");
        assertThat(items).as("items of " + array).isNotNull();
        return items;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> enumeration(Map<String, Object> schema) {
        assertThat(schema.get("enum")).as("enum of " + schema).isInstanceOf(List.class);
        return (List<Object>) schema.get("enum");
    }

    /** Whether a schema admits null: OpenAPI 3.1's type with "null", an anyOf with a null type, or 3.0's nullable. */
    @SuppressWarnings("unchecked")
    public static boolean nullable(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types && types.contains("null") || Boolean.TRUE.equals(schema.get("nullable"))) {
            return true;
        }
        List<Map<String, Object>> anyOf = (List<Map<String, Object>>) schema.getOrDefault("anyOf", List.of());
        return anyOf.stream().anyMatch(s -> "null".equals(s.get("type")));
    }

    /** The schema itself: a $ref followed, or the referenced schema of an anyOf. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null && schema.get("anyOf") instanceof List<?> anyOf) {
            ref = anyOf.stream().map(s -> ((Map<String, Object>) s).get("$ref")).filter(r -> r != null).findFirst().orElse(null);
        }
        if (ref == null) {
            return schema;
        }
        assertThat((String) ref).startsWith("#/components/schemas/");
        return schema(((String) ref).substring("#/components/schemas/".length()));
    }
}
