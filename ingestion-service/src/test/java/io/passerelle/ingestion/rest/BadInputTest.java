package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.runtime.problem.Problem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix of the write endpoints: each row is a request and the 4xx
 * {@code application/problem+json} it must get, with the field it must name. Nothing here may answer
 * 5xx. (Same test resource as {@link IngestionResourceTest}: the application is not restarted.)
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class BadInputTest {
    private static final String PROFILE = "/v1/owners/owner-1/profile";
    private static final String CONTACT = "/v1/owners/owner-1/contacts/c-1";
    private static final String INTERACTIONS = "/v1/owners/owner-1/interactions";
    private static final String BATCH = "/v1/owners/owner-1/batch";
    private static final String JSON = "application/json";
    private static final int JSON_LIMIT = 1024 * 1024;

    /** One request and what it must get: status, the field named in errors[], words of that field's message. */
    record Row(String name, String method, String path, String contentType, String accept, byte[] body,
               int status, String field, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // --- size ---
                put("JSON body over the JSON limit", CONTACT, "{\"displayName\":\"" + "x".repeat(JSON_LIMIT) + "\"}",
                        413, "body", "must not be larger than " + JSON_LIMIT + " bytes"),
                // --- media types ---
                new Row("text/plain on a JSON endpoint", "PUT", CONTACT, "text/plain", null, utf8("{\"displayName\":\"Ada\"}"),
                        415, "Content-Type", "must be application/json"),
                new Row("XML on a JSON endpoint", "POST", INTERACTIONS, "application/xml", null, utf8("<interaction/>"),
                        415, "Content-Type", "must be application/json"),
                new Row("JSON on the NDJSON batch endpoint", "POST", BATCH, JSON, null, utf8("{}"),
                        415, "Content-Type", "application/x-ndjson"),
                new Row("an Accept without JSON", "PUT", CONTACT, JSON, "text/csv", utf8("{\"displayName\":\"Ada\"}"),
                        406, "Accept", "must include application/json"),
                // --- malformed JSON ---
                put("two commas", CONTACT, "{\"displayName\": \"Jean\",,}", 400, "body", "malformed JSON at line 1, column 24"),
                put("a truncated document", CONTACT, "{\"displayName\":\n \"Jean\"", 400, "body", "malformed JSON at line 2"),
                put("an unescaped tab inside a string", CONTACT, "{\"displayName\": \"Jean\tMartin\"}",
                        400, "displayName", "malformed JSON at line 1"),
                put("an array instead of an object", CONTACT, "[]", 400, "body", "must be an object"),
                // --- types ---
                put("a string where a list is expected", CONTACT, "{\"displayName\":\"A\",\"emails\":\"a@example.org\"}",
                        400, "emails", "must be an array"),
                put("a string where an object is expected", CONTACT, "{\"displayName\":\"A\",\"location\":\"Paris\"}",
                        400, "location", "must be an object"),
                put("a fraction where a whole number is expected", CONTACT, "{\"displayName\":\"A\",\"declaredCloseness\":2.5}",
                        400, "declaredCloseness", "must be a whole number"),
                post("a number out of range", "{\"contactId\":\"c-1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"channel\":\"CALL\","
                        + "\"durationMinutes\":99999999999999}", 400, "durationMinutes", "is out of range"),
                put("a date that is no date", CONTACT, "{\"displayName\":\"A\",\"connectedOn\":\"2025-02-30\"}",
                        400, "connectedOn", "a date such as 2026-03-04"),
                // --- enums: the message lists the accepted values ---
                put("an unknown origin", CONTACT, "{\"displayName\":\"A\",\"origin\":\"COUSIN\"}", 400, "origin", "FAMILY, FRIEND"),
                put("an unknown source", CONTACT, "{\"displayName\":\"A\",\"source\":\"MYSPACE\"}", 400, "source", "LINKEDIN"),
                put("an unknown relation context", CONTACT, "{\"displayName\":\"A\",\"relationContexts\":[\"NETWORK\",\"GOSSIP\"]}",
                        400, "relationContexts[1]", "INTRA_COMPANY"),
                post("an unknown channel", "{\"contactId\":\"c-1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"channel\":\"PIGEON\"}",
                        400, "channel", "VIDEO_CALL"),
                post("an unknown direction", "{\"contactId\":\"c-1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"channel\":\"CALL\","
                        + "\"direction\":\"SIDEWAYS\"}", 400, "direction", "INBOUND, OUTBOUND, MUTUAL"),
                put("a lower-case enum value", CONTACT, "{\"displayName\":\"A\",\"origin\":\"friend\"}", 400, "origin", "FRIEND"),
                // --- lengths ---
                put("a display name over 200", CONTACT, "{\"displayName\":\"" + "x".repeat(201) + "\"}",
                        400, "displayName", "size must be between 0 and 200"),
                put("a company over 200", CONTACT, "{\"displayName\":\"A\",\"company\":\"" + "x".repeat(201) + "\"}",
                        400, "company", "size must be between 0 and 200"),
                put("a tag over 60", CONTACT, "{\"displayName\":\"A\",\"tags\":[\"ok\",\"" + "x".repeat(61) + "\"]}",
                        400, "tags[1]", "size must be between 0 and 60"),
                put("more than 20 e-mails", CONTACT, "{\"displayName\":\"A\",\"emails\":" + emails(21) + "}",
                        400, "emails", "size must be between 0 and 20"),
                put("a city over 120", CONTACT, "{\"displayName\":\"A\",\"location\":{\"city\":\"" + "x".repeat(121) + "\"}}",
                        400, "location.city", "size must be between 0 and 120"),
                new Row("a profile topic over 120", "PUT", PROFILE, JSON, null, utf8("{\"topics\":[\"" + "x".repeat(121) + "\"]}"),
                        400, "topics[0]", "size must be between 0 and 120"),
                new Row("a profile pitch over 280", "PUT", PROFILE, JSON, null, utf8("{\"pitch\":\"" + "x".repeat(281) + "\"}"),
                        400, "pitch", "size must be between 0 and 280"),
                post("an interaction id over 128", "{\"interactionId\":\"" + "i".repeat(129) + "\",\"contactId\":\"c-1\","
                        + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"channel\":\"CALL\"}", 400, "interactionId", "must match"),
                new Row("a contact id over 128 in the path", "PUT", "/v1/owners/owner-1/contacts/" + "c".repeat(129), JSON, null,
                        utf8("{\"displayName\":\"A\"}"), 400, "contactId", "must match"),
                new Row("an owner id over 64 in the path", "PUT", "/v1/owners/" + "o".repeat(65) + "/profile", JSON, null,
                        utf8("{}"), 400, "ownerId", "must match"),
                // --- control characters ---
                put("a bell in a name", CONTACT, "{\"displayName\":\"Jean\\u0007Martin\"}",
                        400, "displayName", "found U+0007 at character 5"),
                put("an escaped tab in a company", CONTACT, "{\"displayName\":\"A\",\"company\":\"ACME\\tInc\"}",
                        400, "company", "must not contain control characters"),
                put("a line break in a city", CONTACT, "{\"displayName\":\"A\",\"location\":{\"city\":\"Lyon\\nCedex\"}}",
                        400, "location.city", "found U+000A"),
                put("a NUL in a tag", CONTACT, "{\"displayName\":\"A\",\"tags\":[\"a\\u0000b\"]}", 400, "tags[0]", "found U+0000"),
                put("a C1 control in an e-mail", CONTACT, "{\"displayName\":\"A\",\"emails\":[\"a\\u0085@example.org\"]}",
                        400, "emails[0]", "found U+0085"),
                new Row("an escape character in a profile role", "PUT", PROFILE, JSON, null, utf8("{\"role\":\"\\u001b[31mCEO\"}"),
                        400, "role", "found U+001B"),
                new Row("a line break in a profile pitch", "PUT", PROFILE, JSON, null,
                        utf8("{\"pitch\":\"Coach in Paris.\\nLooking for clients.\"}"), 400, "pitch", "found U+000A at character 16"),
                put("an unpaired surrogate in a name", CONTACT, "{\"displayName\":\"Ada\\ud800\"}", 400, "displayName", "unpaired surrogate"),
                new Row("a control character in the contact id", "PUT", "/v1/owners/owner-1/contacts/c%07d", JSON, null,
                        utf8("{\"displayName\":\"A\"}"), 400, "contactId", "must match"),
                // --- instants and dates ---
                post("an interaction in the far future", "{\"contactId\":\"c-1\",\"occurredAt\":\"2999-01-01T00:00:00Z\",\"channel\":\"CALL\"}",
                        400, "occurredAt", "must not be in the future"),
                post("an interaction before 1900", "{\"contactId\":\"c-1\",\"occurredAt\":\"1899-12-31T23:59:59Z\",\"channel\":\"CALL\"}",
                        400, "occurredAt", "must not be before 1900-01-01"),
                post("an interaction in year 0", "{\"contactId\":\"c-1\",\"occurredAt\":\"0000-01-01T00:00:00Z\",\"channel\":\"CALL\"}",
                        400, "occurredAt", "must not be before 1900-01-01"),
                post("an instant without its zone", "{\"contactId\":\"c-1\",\"occurredAt\":\"2026-01-01T00:00:00\",\"channel\":\"CALL\"}",
                        400, "occurredAt", "ISO-8601 UTC instant"),
                put("a connection in the far future", CONTACT, "{\"displayName\":\"A\",\"connectedOn\":\"2999-01-01\"}",
                        400, "connectedOn", "must not be in the future"),
                put("a connection before 1900", CONTACT, "{\"displayName\":\"A\",\"connectedOn\":\"1899-12-31\"}",
                        400, "connectedOn", "must not be before 1900-01-01"),
                // --- nulls where a value is required ---
                put("a null e-mail", CONTACT, "{\"displayName\":\"A\",\"emails\":[null]}", 400, "emails[0]", "must not be null"),
                post("a missing occurredAt", "{\"contactId\":\"c-1\",\"channel\":\"CALL\"}", 400, "occurredAt", "must not be null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachBadRequestIsA4xxProblemNamingTheField(Row row) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (row.contentType() != null) {
            request.contentType(row.contentType());
        }
        if (row.accept() != null) {
            request.accept(row.accept());
        }
        if (row.body() != null) {
            request.body(row.body());
        }
        Response answer = request.when().request(row.method(), row.path());

        assertThat(answer.statusCode()).as(row.name()).isEqualTo(row.status());
        assertThat(answer.contentType()).as(row.name()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.<Integer>path("status")).isEqualTo(row.status());
        assertThat(answer.<String>path("detail")).isNotBlank();
        if (row.field() != null) {
            List<Map<String, String>> errors = answer.path("errors");
            assertThat(errors).as(row.name() + ": " + answer.asString())
                    .anySatisfy(error -> {
                        assertThat(error.get("field")).isEqualTo(row.field());
                        assertThat(error.get("message")).contains(row.message());
                    });
        }
    }

    @Test
    void aBodyOverQuarkusLimitIsRefusedAsAProblemBeforeItIsSent() throws Exception {
        // 11 MB declared against the 10 MB of quarkus.http.limits.max-body-size in tests. Only the headers
        // are sent: the answer comes before the body, and the server then closes the connection.
        String answer;
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /v1/owners/owner-1/imports?format=vcard HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: text/vcard\r\nContent-Length: " + 11 * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: " + Problem.MEDIA_TYPE);
        Problem problem = EventJson.read(answer.substring(answer.indexOf("\r\n\r\n") + 4), Problem.class);
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.detail()).contains("quarkus.http.limits.max-body-size");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("body", "must not be larger than 10485760 bytes"));
    }

    @Test
    void unknownFieldsAreAcceptedAndLeftOutOfTheEvent() throws Exception {
        String ownerId = "owner-" + UUID.randomUUID();
        given().contentType(JSON).body(utf8("""
                        {"displayName": "Ada", "favouriteColour": "green", "location": {"city": "Lyon", "planet": "Earth"}}"""))
                .when().put("/v1/owners/{ownerId}/contacts/{contactId}", ownerId, "c-1")
                .then().statusCode(202);

        ConsumerRecord<String, String> record = TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 1).get(0);
        assertThat(record.value()).doesNotContain("favouriteColour", "planet", "green", "Earth");
        assertThat(EventJson.read(record.value(), ContactUpserted.class).contact().location().city()).isEqualTo("Lyon");
    }

    @Test
    void aJsonBodyJustUnderTheLimitIsReadAndJudgedOnItsFields() {
        // 5,000 mutual contact ids of 128 characters: the largest list the contract allows, under 1 MB.
        String ids = Stream.generate(() -> "\"" + "m".repeat(128) + "\"").limit(5_000).reduce((a, b) -> a + "," + b).orElseThrow();
        given().contentType(JSON).body(utf8("{\"displayName\":\"Ada\",\"mutualContactIds\":[" + ids + "]}"))
                .when().put("/v1/owners/{ownerId}/contacts/{contactId}", "owner-" + UUID.randomUUID(), "c-1")
                .then().statusCode(202);
    }

    @Test
    void aBatchLineWithAControlCharacterOrAnInstantBefore1900IsRejectedNamingTheField() {
        String batch = """
                {"kind":"contact","contactId":"c-1","displayName":"Jean\\u0007Martin"}
                {"kind":"interaction","contactId":"c-1","occurredAt":"1850-01-01T00:00:00Z","channel":"CALL"}
                {"kind":"contact","contactId":"c-2","displayName":"Ada","favouriteColour":"green"}
                """;
        given().contentType("application/x-ndjson").body(utf8(batch))
                .when().post("/v1/owners/{ownerId}/batch", "owner-" + UUID.randomUUID())
                .then().statusCode(200)
                .body("accepted", is(1))
                .body("rejected[0].line", is(1))
                .body("rejected[0].errors.field", hasItem("displayName"))
                .body("rejected[1].line", is(2))
                .body("rejected[1].errors.field", hasItem("occurredAt"));
    }

    private static Row put(String name, String path, String json, int status, String field, String message) {
        return new Row(name, "PUT", path, JSON, null, utf8(json), status, field, message);
    }

    private static Row post(String name, String json, int status, String field, String message) {
        return new Row(name, "POST", INTERACTIONS, JSON, null, utf8(json), status, field, message);
    }

    private static String emails(int count) {
        return Stream.iterate(1, i -> i + 1).limit(count).map(i -> "\"p" + i + "@example.org\"")
                .reduce((a, b) -> a + "," + b).map(list -> "[" + list + "]").orElseThrow();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
