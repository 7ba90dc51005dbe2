package io.passerelle.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.client.advice.model.AdviceExport;
import io.passerelle.client.advice.model.ExportedRecommendation;
import io.passerelle.client.advice.model.Objective;
import io.passerelle.client.advice.model.ObjectiveType;
import io.passerelle.client.advice.model.Recommendation;
import io.passerelle.client.advice.model.Targets;
import io.passerelle.client.graph.model.ExportedContact;
import io.passerelle.client.graph.model.ExportedTie;
import io.passerelle.client.graph.model.GraphExport;
import io.passerelle.client.ingestion.ApiException;
import io.passerelle.client.ingestion.ApiResponse;
import io.passerelle.client.ingestion.model.Channel;
import io.passerelle.client.ingestion.model.Contact;
import io.passerelle.client.ingestion.model.Direction;
import io.passerelle.client.ingestion.model.EventAccepted;
import io.passerelle.client.ingestion.model.Interaction;
import io.passerelle.client.ingestion.model.InteractionAccepted;
import io.passerelle.client.ingestion.model.Location;
import io.passerelle.client.ingestion.model.Origin;
import io.passerelle.client.ingestion.model.OwnerExport;
import io.passerelle.client.ingestion.model.OwnerProfile;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.localstack.DatabaseScan;
import io.passerelle.localstack.LocalStack;
import io.passerelle.localstack.ServiceProcess;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The right to erasure across the packaged services: a contact and then an owner erased through
 * ingestion-service leave no row naming them in any table of any database, the tie is tombstoned,
 * the recommendation withdrawn, and a replay of the topics does not bring them back. The export
 * before the erasure gathers both services' sections.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The generated client's own mapping, to read each service's section of the export with that service's models. */
    private static final ObjectMapper JSON = io.passerelle.client.ingestion.ApiClient.createDefaultObjectMapper();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String OWNER = "erasure-owner-" + SUFFIX;
    private static final String ERASED = "erin-" + SUFFIX;
    private static final String ERASED_NAME = "Erin Erasable" + SUFFIX;
    private static final String ERASED_EMAIL = "erin." + SUFFIX + "@example.org";

    @RegisterExtension
    static final PasserelleSystem system = new PasserelleSystem("erasure");

    private static ServiceProcess graph;
    private static ServiceProcess advice;
    private static ServiceProcess ingestion;
    private static ServiceApis.Ingestion ingestionApi;
    private static ServiceApis.Graph graphApi;
    private static ServiceApis.Advice adviceApi;

    @BeforeAll
    static void startServices() {
        // graph and advice first, so that ingestion-service's export is pointed at them.
        graph = system.service("graph-service");
        advice = system.service("advice-service");
        ingestion = system.service("ingestion-service");
        ingestionApi = system.ingestionApi(ingestion);
        graphApi = system.graphApi(graph);
        adviceApi = system.adviceApi(advice);
    }

    @Test
    @Order(1)
    void aNetworkGetsTiesRecommendationsAndAnExportOfBothServices() throws Exception {
        accepted(ingestionApi.owners().putOwnerProfileWithHttpInfo(OWNER, new OwnerProfile()
                .displayName("Olga Owner").sector("Coaching").language("en").location(new Location().city("Paris").country("FR"))));
        accepted(ingestionApi.contacts().putContactWithHttpInfo(ERASED, OWNER, new Contact()
                .displayName(ERASED_NAME).emails(List.of(ERASED_EMAIL)).company("Qonto").role("Engineer").sector("Fintech")
                .origin(Origin.EVENT).location(new Location().city("Lyon").country("FR"))));
        accepted(ingestionApi.contacts().putContactWithHttpInfo("kim", OWNER, new Contact()
                .displayName("Kim Kept").company("Alan").sector("Fintech").origin(Origin.EVENT).mutualContactIds(List.of(ERASED))));
        Instant at = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (String contact : List.of(ERASED, "kim")) {
            ApiResponse<InteractionAccepted> answer = ingestionApi.interactions().recordInteractionWithHttpInfo(OWNER, new Interaction()
                    .contactId(contact).occurredAt(at.atOffset(ZoneOffset.UTC)).channel(Channel.EMAIL).direction(Direction.OUTBOUND));
            assertThat(answer.getStatusCode()).isEqualTo(202);
            assertThat(answer.getData().getEventId()).isNotNull();
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ServiceApis.answer(() -> graphApi.ties().getTie(ERASED, OWNER, null)).getInteractionCount()).isEqualTo(1);
            assertThat(ServiceApis.answer(() -> graphApi.ties().getTie("kim", OWNER, null)).getMutualContacts()).isEqualTo(1);
        });
        assertThat(adviceApi.objectives().putObjectiveWithHttpInfo("job", OWNER, new Objective()
                .type(ObjectiveType.JOB_SEARCH).targets(new Targets().sectors(List.of("Fintech")))).getStatusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(recommendedContacts()).contains(ERASED, "kim"));

        ApiResponse<OwnerExport> answer = ingestionApi.export().exportOwnerWithHttpInfo(OWNER);
        assertThat(answer.getStatusCode()).isEqualTo(200);
        OwnerExport export = answer.getData();
        assertThat(export.getOwnerId()).isEqualTo(OWNER);
        assertThat(export.getExportedAt()).isNotNull();
        // Each section is that service's own export document: read with that service's client models.
        GraphExport graphSection = JSON.convertValue(export.getGraph(), GraphExport.class);
        assertThat(graphSection.getProfile().getDisplayName()).isEqualTo("Olga Owner");
        assertThat(graphSection.getContacts()).extracting(ExportedContact::getContactId).contains(ERASED, "kim");
        assertThat(graphSection.getTies()).extracting(tie -> tie.getTie().getContactId()).contains(ERASED, "kim");
        assertThat(graphSection.getTies()).extracting(ExportedTie::getStatistics).hasSize(2).doesNotContainNull();
        AdviceExport adviceSection = JSON.convertValue(export.getAdvice(), AdviceExport.class);
        assertThat(adviceSection.getObjectives()).extracting(Objective::getObjectiveId).containsExactly("job");
        assertThat(adviceSection.getRecommendations()).extracting(ExportedRecommendation::getRecommendation)
                .extracting(Recommendation::getContactId).contains(ERASED);
        assertProblem404(() -> ingestionApi.export().exportOwner("nobody-" + SUFFIX));
        assertThat(rowsMentioning(ERASED_NAME, ERASED_EMAIL)).as("the scan finds the contact before its erasure")
                .anyMatch(row -> row.startsWith("graph.contacts")).anyMatch(row -> row.startsWith("advice.recommendations"));
    }

    @Test
    @Order(2)
    void anErasedContactLeavesNoTraceInAnyDatabaseAndIsTombstonedAndWithdrawn() throws Exception {
        accepted(ingestionApi.erasure().eraseContactWithHttpInfo(ERASED, OWNER));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertNoTie(ERASED);
            assertThat(rowsMentioning(ERASED, ERASED_NAME, ERASED_EMAIL)).isEmpty();
        });
        assertThat(graphApi.ties().getTie("kim", OWNER, null).getMutualContacts()).isZero();
        assertThat(recommendedContacts()).doesNotContain(ERASED);

        List<ConsumerRecord<String, String>> tie = system.kafka().readAll(Topics.TIES).stream()
                .filter(record -> Topics.tieKey(OWNER, ERASED).equals(record.key())).toList();
        assertThat(tie).isNotEmpty();
        assertThat(tie.get(tie.size() - 1).value()).as("the tie's last record is a tombstone").isNull();
        assertThat(system.kafka().readAll(Topics.RECOMMENDATIONS).stream()
                .filter(record -> EventTypes.RECOMMENDATION_WITHDRAWN.equals(KafkaFixtures.header(record, "ce_type")))
                .map(ConsumerRecord::value))
                .anySatisfy(value -> assertThat(value).contains("\"contactId\":\"" + ERASED + "\"", "TIE_ERASED"));
    }

    @Test
    @Order(3)
    void aReplayOfTheTopicsDoesNotBringTheErasedContactBack() throws Exception {
        GraphReplays.replayToCompletion(graph);

        assertNoTie(ERASED);
        assertThat(graphApi.ties().getTie("kim", OWNER, null).getMutualContacts()).isZero();
        assertThat(rowsMentioning(ERASED, ERASED_NAME, ERASED_EMAIL)).isEmpty();
    }

    @Test
    @Order(4)
    void anErasedOwnerLeavesNoTraceInAnyDatabase() throws Exception {
        accepted(ingestionApi.erasure().eraseOwnerWithHttpInfo(OWNER));

        await().atMost(PATIENCE).untilAsserted(() -> {
            io.passerelle.client.graph.ApiException noTies = catchThrowableOfType(io.passerelle.client.graph.ApiException.class,
                    () -> graphApi.ties().listTies(OWNER, null, null, null, null, null, null));
            assertThat(noTies).as("the erased owner's ties").isNotNull();
            assertThat(noTies.getCode()).isEqualTo(404);
            assertThat(rowsMentioning(OWNER)).isEmpty();
        });
        assertProblem404(() -> ingestionApi.export().exportOwner(OWNER));
        assertThat(system.kafka().readAll(Topics.RECOMMENDATIONS).stream()
                .filter(record -> OWNER.equals(record.key()))
                .map(record -> KafkaFixtures.header(record, "ce_type")))
                .as("the owner's remaining recommendation was withdrawn")
                .contains(EventTypes.RECOMMENDATION_WITHDRAWN);
        List<String> tombstoned = system.kafka().readAll(Topics.TIES).stream()
                .filter(record -> Topics.tieKey(OWNER, "kim").equals(record.key())).map(ConsumerRecord::value).toList();
        assertThat(tombstoned.get(tombstoned.size() - 1)).isNull();
    }

    /** Every row of every table of every service's database whose text contains one of {@code values}, as {@code database.table: row}. */
    private static List<String> rowsMentioning(String... values) throws Exception {
        List<String> found = new ArrayList<>();
        for (String database : LocalStack.DATABASES) {
            try (Connection connection = system.database(database)) {
                // ingestion-service's database holds its import jobs; the consumers' their projections.
                assertThat(DatabaseScan.tables(connection)).as("tables of " + database)
                        .contains(database.equals("ingestion") ? new String[] {"import_jobs", "import_chunks"} : new String[] {"ties", "processed_events"});
                DatabaseScan.rowsMentioning(connection, values).forEach(row -> found.add(database + "." + row));
            }
        }
        return found;
    }

    private static List<String> recommendedContacts() {
        return ServiceApis.answer(() -> adviceApi.recommendations().listRecommendations("job", OWNER, null)).getItems().stream()
                .map(Recommendation::getContactId).toList();
    }

    private static void assertNoTie(String contactId) {
        io.passerelle.client.graph.ApiException refused = catchThrowableOfType(io.passerelle.client.graph.ApiException.class,
                () -> graphApi.ties().getTie(contactId, OWNER, null));
        assertThat(refused).as("the tie of %s", contactId).isNotNull();
        assertThat(refused.getCode()).isEqualTo(404);
    }

    private static void assertProblem404(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ApiException refused = catchThrowableOfType(ApiException.class, call);
        assertThat(refused).isNotNull();
        assertThat(refused.getCode()).isEqualTo(404);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static void accepted(ApiResponse<EventAccepted> response) {
        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getData().getEventId()).isNotNull();
    }
}
