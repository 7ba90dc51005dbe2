package io.passerelle.advice;

import static io.passerelle.advice.AdviceTestSupport.JOB_SEARCH_IN_FINTECH;
import static io.passerelle.advice.AdviceTestSupport.PATIENCE;
import static io.passerelle.advice.AdviceTestSupport.contactIds;
import static io.passerelle.advice.AdviceTestSupport.itemFor;
import static io.passerelle.advice.AdviceTestSupport.jdbc;
import static io.passerelle.advice.AdviceTestSupport.newOwner;
import static io.passerelle.advice.AdviceTestSupport.putObjective;
import static io.passerelle.advice.AdviceTestSupport.reasonCodes;
import static io.passerelle.advice.AdviceTestSupport.recommendations;
import static io.passerelle.advice.DeadLetters.header;
import static io.passerelle.advice.TestEvents.profile;
import static io.passerelle.advice.TestEvents.tie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.runtime.messaging.DeadLetterPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer and the ranking end to end, over the real broker and database of the local stack:
 * events go in as other services send them, recommendations come out of the REST API.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RecommendationFlowTest {
    private static TestEvents events;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void weakTieInTheTargetSectorComesFirstAndCloseTiesGetLightRequestsUnlessTheOwnerOptsIn() {
        String owner = newOwner();
        Instant at = Instant.now();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendProfile(owner, profile("fr", false));
        events.sendTie(tie(owner, "c-family", "Claire Family", TieClass.WEAK, 0.40, Origin.FAMILY, "Fintech", at));
        events.sendTie(tie(owner, "c-strong", "Sacha Strong", TieClass.STRONG, 0.90, Origin.FORMER_COLLEAGUE, "Fintech", at));
        events.sendTie(tie(owner, "c-weak", "Wendy Weak", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", at));
        events.sendTie(tie(owner, "c-retail", "Rita Retail", TieClass.WEAK, 0.35, Origin.EVENT, "Retail", at));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath answer = recommendations(owner, "job");
            assertThat(contactIds(answer)).containsExactlyInAnyOrder("c-weak", "c-family", "c-strong");
            assertThat(contactIds(answer).get(0)).isEqualTo("c-weak");

            Map<String, Object> weak = itemFor(answer, "c-weak");
            assertThat(weak).containsEntry("action", "ASK_INTRODUCTION").containsEntry("requestKind", "COMMITTING")
                    .containsEntry("recommendationId", Identifiers.stableId(owner, "job", "c-weak"));
            assertThat(reasonCodes(weak)).contains("WEAK_TIE_IN_TARGET_SECTOR");
            for (String close : List.of("c-family", "c-strong")) {
                Map<String, Object> item = itemFor(answer, close);
                assertThat(item).containsEntry("requestKind", "LIGHT").containsEntry("action", "ASK_INFORMATION");
                assertThat(reasonCodes(item)).contains("STRONG_TIE_LIGHT_REQUEST_ONLY");
            }
        });

        events.sendProfile(owner, profile("fr", true));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath answer = recommendations(owner, "job");
            for (String close : List.of("c-family", "c-strong")) {
                Map<String, Object> item = itemFor(answer, close);
                assertThat(item).containsEntry("requestKind", "COMMITTING").containsEntry("action", "ASK_INTRODUCTION");
                assertThat(reasonCodes(item)).contains("CLOSE_TIE_COMMITTING_ALLOWED");
            }
        });
    }

    @Test
    void messageIsInTheOwnersLanguageWhenTheObjectiveSetsNone() {
        String owner = newOwner();
        putObjective(owner, "info", """
                {"type": "INFORMATION", "targets": {"sectors": ["Santé"]}}""");
        events.sendTie(tie(owner, "c-1", "Élodie Durand", TieClass.WEAK, 0.3, Origin.SCHOOL, "sante", Instant.now()));
        events.sendProfile(owner, profile("fr", false));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath answer = recommendations(owner, "info");
            assertThat(answer.getString("items[0].message.language")).isEqualTo("fr");
            assertThat(answer.getString("items[0].message.text")).startsWith("Bonjour Élodie,");
        });
    }

    @Test
    void theOwnersPitchIsStoredWithTheProfileAndSaysWhoTheOwnerIsInTheMessages() throws Exception {
        String owner = newOwner();
        String pitch = "Analyste à Lyon, je cherche à rejoindre une équipe produit dans la santé.";
        putObjective(owner, "info", """
                {"type": "INFORMATION", "targets": {"sectors": ["Santé"]}}""");
        events.sendTie(tie(owner, "c-1", "Élodie Durand", TieClass.WEAK, 0.3, Origin.SCHOOL, "sante", Instant.now()));
        events.sendProfile(owner, profile("fr", false).withPitch(pitch));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(recommendations(owner, "info").getString("items[0].message.text")).startsWith("Bonjour Élodie,").contains(pitch);
            assertThat(storedPitch(owner)).isEqualTo(pitch);
        });

        // A profile without a pitch (as every event before the field) replaces it: the messages say the sector and company instead.
        events.sendProfile(owner, profile("fr", false));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(recommendations(owner, "info").getString("items[0].message.text")).doesNotContain(pitch)
                    .contains("Je travaille aujourd'hui dans la finance, chez Acme.");
            assertThat(storedPitch(owner)).isNull();
        });
    }

    private static String storedPitch(String owner) throws Exception {
        try (Connection connection = jdbc();
             java.sql.PreparedStatement query = connection.prepareStatement("SELECT profile->>'pitch' FROM owners WHERE owner_id = ?")) {
            query.setString(1, owner);
            try (java.sql.ResultSet result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getString(1);
            }
        }
    }

    @Test
    void olderSnapshotNeverOverwritesANewerOne() {
        String owner = newOwner();
        Instant newer = Instant.now();
        int partition = 1;
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-1", "Newer Name", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", newer), Identifiers.randomId(), partition);
        events.sendTie(tie(owner, "c-1", "Older Name", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", newer.minusSeconds(3600)),
                Identifiers.randomId(), partition);
        // The same partition keeps the order: once the marker is visible, the older snapshot has been consumed too.
        events.sendTie(tie(owner, "c-marker", "Marker", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", newer), Identifiers.randomId(), partition);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(contactIds(recommendations(owner, "job"))).contains("c-marker"));
        assertThat(itemFor(recommendations(owner, "job"), "c-1")).containsEntry("displayName", "Newer Name");
    }

    @Test
    void tombstoneRemovesTheTieFromRecommendations() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-gone", "Gone Soon", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        events.sendTie(tie(owner, "c-stays", "Stays Here", TieClass.WEAK, 0.30, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(contactIds(recommendations(owner, "job"))).containsExactlyInAnyOrder("c-gone", "c-stays"));

        events.sendTombstone(owner, "c-gone");

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(contactIds(recommendations(owner, "job"))).containsExactly("c-stays"));
    }

    @Test
    void eventWithAnIdAlreadyProcessedIsNotAppliedAgain() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        String eventId = Identifiers.randomId();
        int partition = 0;
        events.sendTie(tie(owner, "c-first", "First", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()), eventId, partition);
        // A different payload under the same id: if it were applied, c-duplicate would appear.
        events.sendTie(tie(owner, "c-duplicate", "Duplicate", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()), eventId, partition);
        // The same partition keeps the order: once the marker is visible, the duplicate has been consumed.
        events.sendTie(tie(owner, "c-marker", "Marker", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()),
                Identifiers.randomId(), partition);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(contactIds(recommendations(owner, "job"))).contains("c-marker"));
        assertThat(contactIds(recommendations(owner, "job"))).containsExactlyInAnyOrder("c-first", "c-marker");
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        String poisonKey = Topics.tieKey(owner, "c-poison");
        int partition = 2;
        events.sendRaw(Topics.TIES, partition, poisonKey, "{this is not json", Identifiers.randomId(), "passerelle.tie.updated");
        events.sendTie(tie(owner, "c-after", "After Poison", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()),
                Identifiers.randomId(), partition);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(contactIds(recommendations(owner, "job"))).containsExactly("c-after"));
        ConsumerRecord<String, String> deadLetter = DeadLetters.withKey(Topics.deadLetterOf(Topics.TIES), poisonKey);
        assertThat(deadLetter.value()).isEqualTo("{this is not json");
        assertThat(header(deadLetter, DeadLetterPublisher.REASON)).startsWith("bad JSON for TieUpdated");
        assertThat(header(deadLetter, DeadLetterPublisher.TOPIC)).isEqualTo(Topics.TIES);
        assertThat(header(deadLetter, "ce_type")).isEqualTo("passerelle.tie.updated");
    }

    @Test
    void aTieTheDatabaseRefusesIsDeadLetteredAloneAndTheRestOfItsBatchLands() throws Exception {
        // Every snapshot the contract accepts can be stored, so the test makes the database refuse one.
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        try (Connection connection = jdbc(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE ties ADD CONSTRAINT refused_in_this_test CHECK (contact_id <> 'c-refused') NOT VALID");
        }
        try {
            int partition = 1;
            String refusedId = Identifiers.randomId();
            events.sendTie(tie(owner, "c-before", "Before", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()),
                    Identifiers.randomId(), partition);
            events.sendTie(tie(owner, "c-refused", "Refused", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()),
                    refusedId, partition);
            events.sendTie(tie(owner, "c-after", "After", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()),
                    Identifiers.randomId(), partition);

            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(contactIds(recommendations(owner, "job"))).containsExactlyInAnyOrder("c-before", "c-after"));
            ConsumerRecord<String, String> deadLetter = DeadLetters.withKey(Topics.deadLetterOf(Topics.TIES), Topics.tieKey(owner, "c-refused"));
            assertThat(header(deadLetter, "ce_id")).isEqualTo(refusedId);
            assertThat(header(deadLetter, DeadLetterPublisher.REASON)).startsWith("the database refused the event")
                    .contains("refused_in_this_test");
        } finally {
            try (Connection connection = jdbc(); Statement sql = connection.createStatement()) {
                sql.execute("ALTER TABLE ties DROP CONSTRAINT refused_in_this_test");
            }
        }
        // The consumer goes on: a later snapshot of the same owner is applied.
        events.sendTie(tie(owner, "c-later", "Later", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(contactIds(recommendations(owner, "job"))).containsExactlyInAnyOrder("c-before", "c-after", "c-later"));
    }

    @Test
    void unknownEventTypeIsDeadLetteredWithItsReason() {
        String owner = newOwner();
        events.sendRaw(Topics.OWNERS, null, owner, "{\"ownerId\":\"" + owner + "\"}", Identifiers.randomId(), "passerelle.owner.renamed");

        ConsumerRecord<String, String> deadLetter = DeadLetters.withKey(Topics.deadLetterOf(Topics.OWNERS), owner);
        assertThat(header(deadLetter, DeadLetterPublisher.REASON)).contains("unknown CloudEvents type 'passerelle.owner.renamed'");
    }

    @Test
    void ownerErasureDeletesTheOwnersTiesAndObjectives() {
        String owner = newOwner();
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        events.sendTie(tie(owner, "c-1", "Someone", TieClass.WEAK, 0.35, Origin.EVENT, "Fintech", Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(contactIds(recommendations(owner, "job"))).containsExactly("c-1"));

        events.sendOwnerErased(owner);

        await().atMost(PATIENCE).untilAsserted(() -> io.restassured.RestAssured.given()
                .when().get("/v1/owners/{ownerId}/objectives", owner)
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0)));
        putObjective(owner, "job", JOB_SEARCH_IN_FINTECH);
        assertThat(contactIds(recommendations(owner, "job"))).isEmpty();
    }
}
