package io.passerelle.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.ingestion.imports.GeneratedFile;
import io.passerelle.ingestion.service.ImportJobWorker;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.passerelle.runtime.problem.Problem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Imports run as jobs, against the real broker and PostgreSQL of the local stack: staged before the
 * 202, run to the synchronous answer's counts, resumed from a checkpoint after a crash, and read only
 * by their owner.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ImportJobTest {
    private static final String HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    // A bound against a job that never ends, not a speed requirement: build machines can be very busy.
    private static final Duration JOB_WAIT = Duration.ofMinutes(15);

    @Inject
    Pool pool;

    @Inject
    ImportJobWorker worker;

    @Test
    void aJobAskedForIsStagedThenRunsToTheCountsOfASynchronousImportAndAnnouncesItsCompletion() throws Exception {
        String ownerId = newOwnerId();
        byte[] file = fixture("linkedin-connections.csv");

        Response accepted = given().contentType("text/csv").header("Prefer", "respond-async, wait=5")
                .queryParam("format", "linkedin-connections").body(file)
                .when().post("/v1/owners/{ownerId}/imports", ownerId);
        accepted.then().statusCode(202)
                .header("Preference-Applied", is("respond-async"))
                .body("format", is("linkedin-connections"))
                .body("bytesTotal", is(file.length))
                .body("accepted", is(0));
        String importId = accepted.jsonPath().getString("importId");
        assertThat(accepted.header("Location")).endsWith("/v1/owners/" + ownerId + "/imports/" + importId);
        assertThat(accepted.jsonPath().getString("state")).isIn("QUEUED");

        List<JsonPath> seen = awaitFinished(ownerId, importId);
        JsonPath done = seen.get(seen.size() - 1);
        assertThat(done.getString("state")).isEqualTo("COMPLETED");
        // What the synchronous import of the same file answers (ImportResourceTest).
        assertThat(done.getLong("accepted")).isEqualTo(6);
        assertThat(done.getList("rejected.line", Integer.class)).containsExactly(10, 12);
        assertThat(done.getString("rejected[1].errors[0].field")).isEqualTo("First Name");
        assertThat(done.getLong("rejectedCount")).isEqualTo(2);
        assertThat(done.getList("warnings.line", Integer.class)).containsExactly(11);
        assertThat(done.getLong("warningCount")).isEqualTo(1);
        assertThat(done.getLong("bytesRead")).isEqualTo(file.length);
        assertThat(done.getString("startedAt")).isNotNull();
        assertThat(done.getString("finishedAt")).isNotNull();
        assertProgressNeverGoesBack(seen);

        assertThat(TopicReader.awaitRecords(Topics.CONTACTS, ownerId, 6)).hasSize(6);
        ConsumerRecord<String, String> completion = TopicReader.awaitRecords(Topics.IMPORTS, ownerId, 1).get(0);
        assertThat(TopicReader.header(completion, "ce_type")).isEqualTo(EventTypes.IMPORT_COMPLETED);
        assertThat(TopicReader.header(completion, "ce_subject")).isEqualTo(importId);
        ImportCompleted event = EventJson.read(completion.value(), ImportCompleted.class);
        assertThat(event.importId()).isEqualTo(importId);
        assertThat(event.ownerId()).isEqualTo(ownerId);
        assertThat(event.format()).isEqualTo("linkedin-connections");
        assertThat(List.of(event.accepted(), event.rejectedCount(), event.warningCount(), event.bytesTotal()))
                .containsExactly(6L, 2L, 1L, (long) file.length);
        assertThat(event.finishedAt().toString()).isEqualTo(done.getString("finishedAt"));
    }

    @Test
    void thirtyThousandRowsAboveTheThresholdBecomeAJobWithoutBeingAskedAndAreCountedExactly() {
        String ownerId = newOwnerId();
        int rows = 30_000;
        // Every 100th row has no name (rejected), every 20th an unreadable date (kept, with a warning): 1,500 warnings, 1,000 listed.
        byte[] file = generated(rows, ImportJobTest::row);
        assertThat((long) file.length).as("above the test profile's async-above-bytes (2M)").isGreaterThan(2L << 20);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        Response accepted = given().contentType("text/csv").queryParam("format", "linkedin-connections").body(file)
                .when().post("/v1/owners/{ownerId}/imports", ownerId);
        accepted.then().statusCode(202)
                .header("Preference-Applied", nullValue())
                .header("Location", endsWith("/imports/" + accepted.jsonPath().getString("importId")));
        String importId = accepted.jsonPath().getString("importId");

        List<JsonPath> seen = awaitFinished(ownerId, importId);
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonPath done = seen.get(seen.size() - 1);
        assertThat(done.getString("state")).isEqualTo("COMPLETED");
        assertThat(done.getLong("accepted")).isEqualTo(rows - rows / 100);
        assertThat(done.getLong("rejectedCount")).isEqualTo(rows / 100);
        assertThat(done.getLong("warningCount")).isEqualTo(rows / 20);
        assertThat(done.getList("rejected")).hasSize(rows / 100);
        assertThat(done.getList("warnings")).hasSize(1_000); // max-reported-warnings
        assertThat(done.getLong("bytesRead")).isEqualTo(file.length);
        assertProgressNeverGoesBack(seen);
        assertThat(TopicReader.awaitRecords(Topics.CONTACTS, ownerId, rows - rows / 100)).hasSize(rows - rows / 100);

        // Figures, not assertions: the test JVM is the server's, and a collector may leave garbage in place
        // for as long as it likes. The bound itself comes from the design (one staged chunk, one record, the
        // in-flight window and the capped lists at a time); StagedBodyTest and StreamingTest check its parts.
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("Import job benchmark: %d LinkedIn rows (%.1f MB) staged and imported in %.2f s, %.0f rows/s; "
                        + "peak heap in use %d MB of %d MB max, JVM shared with the test client and the server%n",
                rows, file.length / 1e6, seconds, rows / seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    @Test
    void aJobLeftRunningByACrashedInstanceIsTakenOverFromItsCheckpointAndCountsEachRowOnce() {
        String ownerId = newOwnerId();
        int rows = 5_000;
        int checkpointed = 2_000;
        byte[] file = generated(rows, ImportJobTest::row);
        UUID importId = UUID.randomUUID();
        // What an instance killed after its checkpoint at record 2,000 leaves: RUNNING, its lease lapsed, the
        // counts of the first 2,000 rows (1,980 published, 20 rejected, 100 warnings), the file in 64 KiB chunks.
        List<Integer> rejectedLines = IntStream.range(0, checkpointed).filter(i -> i % 100 == 7).map(i -> i + 2).boxed().toList();
        String rejectedJson = EventJson.write(rejectedLines.stream()
                .map(line -> java.util.Map.of("line", line, "errors", List.of(java.util.Map.of("field", "First Name",
                        "message", "is empty, and so is Last Name: a connection needs a name"))))
                .toList());
        int chunkSize = 64 * 1024;
        int chunks = (file.length + chunkSize - 1) / chunkSize;
        pool.withTransaction(connection -> connection.preparedQuery("""
                                INSERT INTO import_jobs (import_id, owner_id, format, state, bytes_total, chunk_count, records_done,
                                    bytes_read, accepted, rejected_count, warning_count, rejected, started_at, claimed_by, lease_until, attempts)
                                VALUES ($1, $2, 'linkedin-connections', 'RUNNING', $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb,
                                    now() - interval '5 minutes', 'crashed-instance/0', now() - interval '1 second', 1)""")
                        .execute(Tuple.from(List.of(importId, ownerId, (long) file.length, chunks, (long) checkpointed, 150_000L,
                                (long) (checkpointed - rejectedLines.size()), (long) rejectedLines.size(), 100L, rejectedJson)))
                        .chain(() -> connection.preparedQuery("INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)")
                                .executeBatch(IntStream.range(0, chunks).mapToObj(seq -> Tuple.of(importId, seq, Buffer.buffer(
                                        Arrays.copyOfRange(file, seq * chunkSize, Math.min(file.length, (seq + 1) * chunkSize)))))
                                        .toList())))
                .await().atMost(Duration.ofSeconds(30));

        worker.wake();
        List<JsonPath> seen = awaitFinished(ownerId, importId.toString());
        JsonPath done = seen.get(seen.size() - 1);

        assertThat(done.getString("state")).isEqualTo("COMPLETED");
        assertThat(done.getLong("accepted")).isEqualTo(rows - rows / 100);
        assertThat(done.getLong("rejectedCount")).isEqualTo(rows / 100);
        assertThat(done.getLong("warningCount")).isEqualTo(rows / 20);
        assertThat(done.getList("rejected.line", Integer.class))
                .isEqualTo(IntStream.range(0, rows).filter(i -> i % 100 == 7).map(i -> i + 2).boxed().toList());
        assertThat(done.getList("warnings.line", Integer.class))
                .isEqualTo(IntStream.range(checkpointed, rows).filter(i -> i % 20 == 3).map(i -> i + 2).boxed().toList());
        // Only the rows after the checkpoint were published by the instance that took the job over.
        int publishedAfter = (rows - checkpointed) - (rows - checkpointed) / 100;
        Set<String> contacts = TopicReader.awaitRecords(Topics.CONTACTS, ownerId, publishedAfter).stream()
                .map(record -> TopicReader.header(record, "ce_subject")).collect(Collectors.toSet());
        assertThat(contacts).isEqualTo(IntStream.range(checkpointed, rows).filter(i -> i % 100 != 7)
                .mapToObj(i -> "linkedin:member-" + i).collect(Collectors.toSet()));
        // The staged body is gone once the job is done.
        assertThat(pool.preparedQuery("SELECT count(*) FROM import_chunks WHERE import_id = $1").execute(Tuple.of(importId))
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0)).isZero();
    }

    @Test
    void aFileOfAnotherFormatIsRefusedBeforeAnyJobExists() {
        given().contentType("text/vcard").header("Prefer", "respond-async")
                .queryParam("format", "linkedin-connections").body(fixture("contacts-v4.vcf"))
                .when().post("/v1/owners/{ownerId}/imports", newOwnerId())
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("not-the-declared-format"));
    }

    @Test
    void anUnknownJobIsNotFound() {
        String ownerId = newOwnerId();
        for (String importId : List.of(UUID.randomUUID().toString(), "not-an-import-id")) {
            given().when().get("/v1/owners/{ownerId}/imports/{importId}", ownerId, importId)
                    .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", is(404));
        }
    }

    @Test
    void onlyItsOwnerAndThePlatformReadAJob() {
        String ownerId = newOwnerId();
        String otherOwnerId = newOwnerId();
        String importId = given().auth().oauth2(LocalTokenIssuer.local().owner(ownerId))
                .contentType("text/csv").header("Prefer", "respond-async").queryParam("format", "linkedin-connections")
                .body(fixture("linkedin-connections.csv"))
                .when().post("/v1/owners/{ownerId}/imports", ownerId)
                .then().statusCode(202).extract().path("importId");

        given().auth().oauth2(LocalTokenIssuer.local().owner(ownerId))
                .when().get("/v1/owners/{ownerId}/imports/{importId}", ownerId, importId)
                .then().statusCode(200).body("importId", is(importId));
        given().when().get("/v1/owners/{ownerId}/imports/{importId}", ownerId, importId)
                .then().statusCode(200).body("importId", is(importId)).body("format", notNullValue());
        // Under another owner's path, with the platform's token or that owner's: as if it did not exist.
        given().when().get("/v1/owners/{ownerId}/imports/{importId}", otherOwnerId, importId)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(LocalTokenIssuer.local().owner(otherOwnerId))
                .when().get("/v1/owners/{ownerId}/imports/{importId}", otherOwnerId, importId)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        // Another owner's token on the owner's path.
        given().auth().oauth2(LocalTokenIssuer.local().owner(otherOwnerId))
                .when().get("/v1/owners/{ownerId}/imports/{importId}", ownerId, importId)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(LocalTokenIssuer.local().operator())
                .when().get("/v1/owners/{ownerId}/imports/{importId}", ownerId, importId)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().auth().none()
                .when().get("/v1/owners/{ownerId}/imports/{importId}", ownerId, importId)
                .then().statusCode(401);
    }

    @Test
    void openApiDocumentsTheJobs() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/v1/owners/{ownerId}/imports'.post.responses", org.hamcrest.Matchers.hasKey("202"))
                .body("paths.'/v1/owners/{ownerId}/imports/{importId}'.get.responses", org.hamcrest.Matchers.hasKey("404"))
                .body("components.schemas.ImportJobAnswer.properties", org.hamcrest.Matchers.hasKey("bytesRead"));
    }

    /** A LinkedIn row: every 100th without a name, every 20th with a date a spreadsheet wrote. */
    private static String row(int i) {
        String name = i % 100 == 7 ? "," : "Prénom" + i + ",Nom" + i;
        String date = i % 20 == 3 ? "7-Feb-22" : "07 Dec 2025";
        return name + ",https://www.linkedin.com/in/member-" + i + ",,\"Entreprise " + (i % 500) + ", SA\",Poste " + (i % 40)
                + "," + date + "\n";
    }

    private static byte[] generated(int rows, IntFunction<String> row) {
        try (InputStream file = new GeneratedFile(HEADER, rows, row)) {
            return file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every answer read until the job is COMPLETED or FAILED, the last one included. */
    private static List<JsonPath> awaitFinished(String ownerId, String importId) {
        List<JsonPath> seen = new ArrayList<>();
        await().atMost(JOB_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath job = given().when().get("/v1/owners/{ownerId}/imports/{importId}", ownerId, importId)
                    .then().statusCode(200).extract().jsonPath();
            seen.add(job);
            return Set.of("COMPLETED", "FAILED").contains(job.getString("state"));
        });
        return seen;
    }

    private static void assertProgressNeverGoesBack(List<JsonPath> seen) {
        for (String counter : List.of("bytesRead", "accepted", "rejectedCount", "warningCount")) {
            List<Long> values = seen.stream().map(job -> job.getLong(counter)).toList();
            assertThat(values).as(counter).isSorted();
        }
        assertThat(seen).allSatisfy(job -> assertThat(job.getLong("bytesRead")).isLessThanOrEqualTo(job.getLong("bytesTotal")));
    }

    private static byte[] fixture(String name) {
        try (InputStream file = ImportJobTest.class.getResourceAsStream("/imports/" + name)) {
            return file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newOwnerId() {
        return "owner-" + UUID.randomUUID();
    }
}
