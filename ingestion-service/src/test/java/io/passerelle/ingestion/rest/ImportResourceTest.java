package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.ingestion.imports.GeneratedFile;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.runtime.problem.Problem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** File imports and NDJSON batches against the real broker of the local stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ImportResourceTest {

    @Test
    void linkedInConnectionsArePublishedAsContactsAndBadRowsReportedByLine() throws Exception {
        String ownerId = newOwnerId();

        importFile(ownerId, "linkedin-connections", "text/csv", fixture("linkedin-connections.csv"))
                .then().statusCode(200)
                .body("format", is("linkedin-connections"))
                .body("accepted", is(6))
                .body("rejected.line", contains(10, 12))
                .body("rejected[1].errors[0].field", is("First Name"))
                .body("rejectedCount", is(2))
                .body("warnings.line", contains(11))
                .body("warnings[0].field", is("Connected On"))
                .body("warningCount", is(1));

        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 6);
        assertThat(records).hasSize(6);
        assertThat(records).extracting(r -> TopicReader.header(r, "ce_type")).containsOnly(EventTypes.CONTACT_UPSERTED);
        ConsumerRecord<String, String> jean = records.stream()
                .filter(r -> "linkedin:jean-martin-8a1b2c3".equals(TopicReader.header(r, "ce_subject"))).findFirst().orElseThrow();
        assertThat(EventJson.read(jean.value(), ContactUpserted.class)).isEqualTo(new ContactUpserted(ownerId,
                "linkedin:jean-martin-8a1b2c3", new Contact("Jean Martin", null, "Renault Group", "Ingénieur méthodes", null,
                null, null, null, null, List.of(RelationContext.NETWORK), Source.LINKEDIN, LocalDate.of(2025, 12, 7),
                null, null, null)));
    }

    @Test
    void aConnectionWithASpreadsheetDateIsPublishedWithoutItAndTheAnswerWarnsAboutIt() throws Exception {
        String ownerId = newOwnerId();
        String file = """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Nadia,Roche,https://www.linkedin.com/in/nadia-roche,,Doctolib,  Head of Partnerships ,7-Feb-22
                Hugo,Blanc,https://www.linkedin.com/in/hugo-blanc,hugo@,Ubisoft,Senior Software Engineer,05 Apr 2024
                """;

        importFile(ownerId, "linkedin-connections", "text/csv", file.getBytes(StandardCharsets.UTF_8))
                .then().statusCode(200)
                .body("accepted", is(2))
                .body("rejected", empty())
                .body("rejectedCount", is(0))
                .body("warnings.line", contains(2, 3))
                .body("warnings.field", contains("Connected On", "Email Address"))
                .body("warnings[0].message",
                        is("\"7-Feb-22\" is not a date such as 07 Dec 2025: the connection is kept without its date"))
                .body("warnings[1].message", is("\"hugo@\" is not an e-mail address: the connection is kept without it"))
                .body("warningCount", is(2));

        Map<String, ConsumerRecord<String, String>> records = TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 2).stream()
                .collect(Collectors.toMap(r -> TopicReader.header(r, "ce_subject"), r -> r));
        ConsumerRecord<String, String> nadia = records.get("linkedin:nadia-roche");
        assertThat(TopicReader.header(nadia, "ce_type")).isEqualTo(EventTypes.CONTACT_UPSERTED);
        assertThat(EventJson.read(nadia.value(), ContactUpserted.class).contact()).isEqualTo(new Contact("Nadia Roche", null,
                "Doctolib", "Head of Partnerships", null, null, null, null, null, List.of(RelationContext.NETWORK),
                Source.LINKEDIN, null, null, null, null));
        JsonNode published = EventJson.mapper().readTree(nadia.value()).path("contact");
        assertThat(published.has("connectedOn")).isFalse();
        assertThat(published.has("origin")).isFalse();
        assertThat(published.path("company").asText()).isEqualTo("Doctolib");
        assertThat(published.path("role").asText()).isEqualTo("Head of Partnerships");
        Contact hugo = EventJson.read(records.get("linkedin:hugo-blanc").value(), ContactUpserted.class).contact();
        assertThat(hugo.emails()).isNull();
        assertThat(hugo.connectedOn()).isEqualTo(LocalDate.of(2024, 4, 5));
    }

    @Test
    void theReportListsTheFirstWarningsAndCountsThemAll() {
        String header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        importFile(newOwnerId(), "linkedin-connections", "text/csv",
                new GeneratedFile(header, 1_200, i -> "Prénom" + i + ",Nom,https://www.linkedin.com/in/p-" + i + ",,ACME,CEO,7-Feb-22\n"))
                .then().statusCode(200)
                .body("accepted", is(1_200))
                .body("rejectedCount", is(0))
                .body("warnings.size()", is(1_000))
                .body("warnings[0].line", is(2))
                .body("warnings[999].line", is(1_001))
                .body("warningCount", is(1_200));
    }

    @Test
    void reImportingTheSameFilePublishesTheSameEventIds() {
        String ownerId = newOwnerId();

        importFile(ownerId, "vcard", "text/vcard", fixture("contacts-v4.vcf")).then().statusCode(200)
                .body("accepted", is(3)).body("rejected.line", contains(28));
        importFile(ownerId, "vcard", "text/vcard", fixture("contacts-v4.vcf")).then().statusCode(200)
                .body("accepted", is(3));

        List<String> ids = TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 6).stream()
                .map(r -> TopicReader.header(r, "ce_id")).toList();
        assertThat(ids).hasSize(6);
        assertThat(ids.subList(3, 6)).isEqualTo(ids.subList(0, 3)).doesNotHaveDuplicates();
    }

    @Test
    void googleContactsArePublishedWithoutTheAddressesThatAreNotOne() throws Exception {
        String ownerId = newOwnerId();

        importFile(ownerId, "google-contacts", "text/csv", fixture("google-contacts.csv"))
                .then().statusCode(200)
                .body("accepted", is(5))
                .body("rejected.line", contains(8))
                .body("warnings.line", contains(9))
                .body("warnings[0].field", is("E-mail 1 - Value"));

        Map<String, Contact> contacts = TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 5).stream()
                .map(r -> read(r.value(), ContactUpserted.class))
                .collect(Collectors.toMap(ContactUpserted::contactId, ContactUpserted::contact));
        assertThat(contacts.get("email:helene.garnier@example.fr").origin()).isEqualTo(Origin.FAMILY);
        assertThat(contacts.get("email:thomas.nguyen@example.com").source()).isEqualTo(Source.GOOGLE);
        assertThat(contacts.values()).filteredOn(contact -> contact.displayName().equals("Marc Roux")).singleElement()
                .satisfies(marc -> assertThat(marc.emails()).isNull());
    }

    @Test
    void linkedInMessagesArePublishedAsInteractionsWithTheirDirection() {
        String ownerId = newOwnerId();

        given().contentType("text/csv").body(fixture("linkedin-messages.csv"))
                .queryParam("format", "linkedin-messages")
                .queryParam("ownerProfileUrl", "https://www.linkedin.com/in/camille-durand")
                .when().post("/v1/owners/{ownerId}/imports", ownerId)
                .then().statusCode(200)
                .body("format", is("linkedin-messages"))
                .body("accepted", is(4))
                .body("rejected.line", contains(7, 8, 9));

        List<InteractionRecorded> interactions = TopicReader.awaitRecords(Topics.INTERACTIONS, ownerId, 4).stream()
                .map(r -> read(r.value(), InteractionRecorded.class)).toList();
        assertThat(interactions).extracting(i -> i.interaction().direction())
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND, Direction.OUTBOUND, Direction.OUTBOUND);
        // Jean wrote and Camille answered: the exchange is reciprocated, one message each way.
        assertThat(interactions).filteredOn(i -> i.interaction().contactId().equals("linkedin:jean-martin-8a1b2c3"))
                .extracting(i -> i.interaction().direction(), i -> i.interaction().channel())
                .containsExactly(tuple(Direction.INBOUND, Channel.PRIVATE_MESSAGE), tuple(Direction.OUTBOUND, Channel.PRIVATE_MESSAGE));
    }

    @Test
    void linkedInMessagesWithoutTheOwnersProfileUrlAreRefusedNamingIt() {
        given().contentType("text/csv").body(fixture("linkedin-messages.csv"))
                .queryParam("format", "linkedin-messages")
                .when().post("/v1/owners/{ownerId}/imports", newOwnerId())
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", is("ownerProfileUrl"));
    }

    @Test
    void aFileOfAnotherFormatIsRefusedSayingWhatItIs() {
        importFile(newOwnerId(), "linkedin-connections", "text/csv", fixture("contacts-v3.vcf"))
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("title", is("Not the declared format"))
                .body("detail", containsString("is not LinkedIn's Connections.csv"))
                .body("detail", containsString("use format=vcard"));
        importFile(newOwnerId(), "linkedin-connections", "text/csv", fixture("google-contacts-old.csv"))
                .then().statusCode(400).body("detail", containsString("use format=google-contacts"));
    }

    @Test
    void anUnknownFormatIsRefusedListingTheAcceptedOnes() {
        importFile(newOwnerId(), "outlook", "text/csv", fixture("google-contacts.csv"))
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", is("format"))
                .body("errors[0].message", containsString("linkedin-connections"))
                .body("errors[0].message", containsString("vcard"));
    }

    @Test
    void aFileLargerThanTheLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        byte[] nineMegabytes = new byte[9 * 1024 * 1024];
        importFile(newOwnerId(), "vcard", "text/vcard", nineMegabytes)
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("status", is(413))
                .body("detail", containsString("passerelle.ingestion.imports.max-bytes"));

        // Sent chunked, without a length: stopped while streaming. Every row is rejected (too few fields),
        // so nothing is published before the limit is reached.
        String header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        given().contentType("text/csv").body(new GeneratedFile(header, 200_000, i -> "Row,Without,Enough,Fields," + "x".repeat(40) + "\n"))
                .queryParam("format", "linkedin-connections")
                .when().post("/v1/owners/{ownerId}/imports", newOwnerId())
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBatchPublishesItsGoodLinesAndReportsTheOthersByLine() {
        String ownerId = newOwnerId();
        String batch = """
                {"kind":"contact","contactId":"c-1","displayName":"Jean Martin","origin":"FORMER_COLLEAGUE"}
                {"kind":"contact","contactId":"c-2","emails":["not an email"]}
                {"kind":"interaction","interactionId":"i-1","contactId":"c-1","occurredAt":"2026-01-05T09:00:00Z","channel":"MEETING"}
                {"kind":"interaction","contactId":"c-1","occurredAt":"2999-01-01T00:00:00Z","channel":"CALL"}
                not json
                {"kind":"interaction","contactId":"c-1","occurredAt":"2026-01-06T09:00:00Z","channel":"EMAIL","direction":"INBOUND"}
                """;

        given().contentType("application/x-ndjson").body(batch.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/owners/{ownerId}/batch", ownerId)
                .then().statusCode(200)
                .body("accepted", is(3))
                .body("rejected.line", contains(2, 4, 5))
                .body("rejected[0].errors.field", hasItem("displayName"))
                .body("rejected[0].errors.field", hasItem("emails[0]"))
                .body("rejected[1].errors[0].field", is("occurredAt"))
                .body("rejected[2].errors[0].field", is("line"))
                .body("rejectedCount", is(3));

        assertThat(TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 1)).extracting(r -> TopicReader.header(r, "ce_subject"))
                .containsExactly("c-1");
        assertThat(TopicReader.awaitRecords(Topics.INTERACTIONS, ownerId, 2)).hasSize(2);
    }

    @Test
    void aBatchLineIsTheRecordTheSingleEndpointWritesInTheBatchRequestsTrace() {
        String ownerId = newOwnerId();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().contentType("application/json")
                .body("{\"interactionId\":\"i-single\",\"contactId\":\"c-1\",\"occurredAt\":\"2026-01-05T09:00:00Z\",\"channel\":\"MEETING\"}")
                .when().post("/v1/owners/{ownerId}/interactions", ownerId)
                .then().statusCode(202);
        given().contentType("application/x-ndjson").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                .body("{\"kind\":\"interaction\",\"interactionId\":\"i-batch\",\"contactId\":\"c-1\",\"occurredAt\":\"2026-01-06T09:00:00Z\",\"channel\":\"CALL\"}\n"
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/owners/{ownerId}/batch", ownerId)
                .then().statusCode(200).body("accepted", is(1));
        // A contact's erasure is still written by the Kafka connector (EventPublisher): the reference for the headers.
        given().when().delete("/v1/owners/{ownerId}/contacts/{contactId}", ownerId, "c-1").then().statusCode(202);

        Map<String, ConsumerRecord<String, String>> byInteraction = TopicReader.awaitRecords(Topics.INTERACTIONS, ownerId, 2).stream()
                .collect(Collectors.toMap(r -> interactionIdOf(r.value()), r -> r));
        ConsumerRecord<String, String> single = byInteraction.get("i-single");
        ConsumerRecord<String, String> batch = byInteraction.get("i-batch");

        // Single writes and batch lines are written to the producer directly: the same headers as the connector's, in the same order.
        ConsumerRecord<String, String> byConnector = TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 1).get(0);
        assertThat(headerNames(single)).isEqualTo(headerNames(byConnector));
        for (String name : List.of("ce_specversion", "ce_source", "ce_datacontenttype", "content-type")) {
            assertThat(TopicReader.header(single, name)).as(name).isEqualTo(TopicReader.header(byConnector, name));
        }
        assertThat(headerNames(batch)).isEqualTo(headerNames(single));
        for (String name : List.of("ce_specversion", "ce_type", "ce_source", "ce_subject", "ce_datacontenttype", "content-type", "ce_dataschema")) {
            assertThat(TopicReader.header(batch, name)).as(name).isEqualTo(TopicReader.header(single, name));
        }
        assertThat(TopicReader.header(batch, "ce_id")).isEqualTo(Identifiers.stableId(ownerId, "i-batch"));
        assertThat(java.time.Instant.parse(TopicReader.header(batch, "ce_time"))).isNotNull();
        assertThat(batch.key()).isEqualTo(ownerId);
        assertThat(TopicReader.header(batch, "traceparent")).startsWith("00-" + traceId + "-");
    }

    private static String interactionIdOf(String json) {
        try {
            return EventJson.read(json, InteractionRecorded.class).interaction().interactionId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> headerNames(ConsumerRecord<String, String> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false).map(h -> h.key()).toList();
    }

    @Test
    void theReportListsTheFirstRejectedLinesAndCountsThemAll() {
        String header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        importFile(newOwnerId(), "linkedin-connections", "text/csv",
                new GeneratedFile(header, 1_200, i -> "Only,Three,Fields\n"))
                .then().statusCode(200)
                .body("accepted", is(0))
                .body("rejected.size()", is(1_000))
                .body("rejected[0].line", is(2))
                .body("rejected[999].line", is(1_001))
                .body("rejectedCount", is(1_200));
    }

    @Test
    void aBatchOfOnlyGoodLinesHasAnEmptyReport() {
        given().contentType("application/x-ndjson")
                .body("{\"kind\":\"contact\",\"contactId\":\"c-1\",\"displayName\":\"Ada\"}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/owners/{ownerId}/batch", newOwnerId())
                .then().statusCode(200).body("accepted", is(1)).body("rejected", empty());
    }

    @Test
    void thirtyThousandStreamedConnectionsAreImportedWithBoundedMemory() {
        String ownerId = newOwnerId();
        int rows = 30_000;
        GeneratedFile file = new GeneratedFile(
                "Notes:\n\"Generated export\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n", rows,
                i -> "Prénom" + i + ",Nom" + i + ",https://www.linkedin.com/in/member-" + i + ",,\"Entreprise " + (i % 500)
                        + ", SA\",Poste " + (i % 40) + ",07 Dec 2025\n");
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();

        long start = System.nanoTime();
        // The default 30 s socket timeout of Quarkus tests is too short on a busy two-core build machine.
        given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 300_000)))
                .contentType("text/csv").queryParam("format", "linkedin-connections").body(file)
                .when().post("/v1/owners/{ownerId}/imports", ownerId)
                .then().statusCode(200).body("accepted", is(rows)).body("rejectedCount", is(0));
        double seconds = (System.nanoTime() - start) / 1e9;

        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("Import benchmark: %d LinkedIn rows (%.1f MB) streamed in %.2f s, %.0f rows/s; "
                        + "heap in use %d MB before, %d MB after (same JVM as the server)%n",
                rows, file.bytesRead() / 1e6, seconds, rows / seconds, heapBefore >> 20, heapAfter >> 20);
        assertThat(TopicReader.awaitRecords(Topics.CONTACTS, ownerId, rows)).hasSize(rows);
    }

    @Test
    void openApiDocumentsTheImportAndBatchEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/v1/owners/{ownerId}/imports'.post.responses", org.hamcrest.Matchers.hasKey("413"))
                .body("paths.'/v1/owners/{ownerId}/batch'.post.responses", org.hamcrest.Matchers.hasKey("200"))
                .body("components.schemas.ImportAnswer.properties", org.hamcrest.Matchers.hasKey("warnings"))
                .body("components.schemas.ImportAnswer.properties", org.hamcrest.Matchers.hasKey("warningCount"))
                .body("components.schemas.ImportWarning.properties.keySet()", org.hamcrest.Matchers.containsInAnyOrder("line", "field", "message"));
    }

    private static Response importFile(String ownerId, String format, String contentType, Object body) {
        var request = given().contentType(contentType).queryParam("format", format);
        if (body instanceof byte[] bytes) {
            request.body(bytes);
        } else {
            request.body((InputStream) body);
        }
        return request.when().post("/v1/owners/{ownerId}/imports", ownerId);
    }

    private static byte[] fixture(String name) {
        try (InputStream file = ImportResourceTest.class.getResourceAsStream("/imports/" + name)) {
            return file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.read(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newOwnerId() {
        return "owner-" + UUID.randomUUID();
    }
}
