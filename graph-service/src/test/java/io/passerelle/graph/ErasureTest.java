package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.readAll;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.localstack.DatabaseScan;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasure of a contact and of an owner on the real stack: rows, mutual contacts, tombstones, markers, replay, export. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ErasureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private String owner;
    private String erased;

    @BeforeEach
    void newOwner() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = "erasure-owner-" + suffix;
        erased = "erased-contact-" + suffix;
    }

    @Test
    void anErasedContactLeavesNoRowAndNoMentionAndALateOrReplayedEventDoesNotBringItBack() throws Exception {
        String erasedName = "Zoe Erasable " + owner.substring(owner.length() - 8);
        send(Topics.CONTACTS, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, erased, contact(erasedName, List.of())), null);
        send(Topics.CONTACTS, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, "lea", contact("Lea", List.of(erased))), null);
        send(Topics.CONTACTS, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, "max", contact("Max", List.of(erased, "lea"))), null);
        send(Topics.INTERACTIONS, EventTypes.INTERACTION_RECORDED, new InteractionRecorded(owner, call(erased, "call-1")), null);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(tie(erased).getInt("interactionCount")).isEqualTo(1);
            assertThat(tie("max").getInt("mutualContacts")).isEqualTo(2);
        });
        Instant beforeErasure = Instant.now().minusSeconds(1);

        send(Topics.CONTACTS, EventTypes.CONTACT_ERASED, new ContactErased(owner, erased), null);

        await().atMost(PATIENCE).untilAsserted(() -> {
            given().get("/v1/owners/{owner}/ties/{contact}", owner, erased).then().statusCode(404);
            assertThat(tie("lea").getInt("mutualContacts")).isZero();
            assertThat(tie("max").getInt("mutualContacts")).isEqualTo(1);
        });
        assertThat(rowsMentioning(erased)).as("rows naming the erased contact's id").isEmpty();
        assertThat(rowsMentioning(erasedName)).as("rows naming the erased contact").isEmpty();
        assertThat(count("SELECT count(*) FROM erasure_markers WHERE contact_hash IS NOT NULL AND owner_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                owner)).isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> erasedTie = recordsOfTie(erased);
            assertThat(erasedTie).isNotEmpty();
            assertThat(erasedTie.get(erasedTie.size() - 1).value()).as("the last record of the tie is a tombstone").isNull();
            List<ConsumerRecord<String, String>> max = recordsOfTie("max");
            TieUpdated latest = EventJson.read(max.get(max.size() - 1).value(), TieUpdated.class);
            assertThat(latest.contact().mutualContactIds()).containsExactly("lea");
        });

        // An interaction published before the erasure but consumed after it (another topic, a lagging partition).
        send(Topics.INTERACTIONS, EventTypes.INTERACTION_RECORDED, new InteractionRecorded(owner, call(erased, "call-late")), beforeErasure);
        send(Topics.INTERACTIONS, EventTypes.INTERACTION_RECORDED, new InteractionRecorded(owner, call("lea", "call-lea")), null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tie("lea").getInt("interactionCount")).isEqualTo(1));
        given().get("/v1/owners/{owner}/ties/{contact}", owner, erased).then().statusCode(404);

        Replays.replayToCompletion();

        assertThat(tie("lea").getInt("interactionCount")).isEqualTo(1);
        assertThat(tie("max").getInt("mutualContacts")).isEqualTo(1);
        given().get("/v1/owners/{owner}/ties/{contact}", owner, erased).then().statusCode(404);
        assertThat(rowsMentioning(erased)).as("rows naming the erased contact after a replay").isEmpty();

        // The platform adding the contact again after the erasure is a new contact.
        send(Topics.CONTACTS, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, erased, contact("Zoe again", List.of())), null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tie(erased).getString("displayName")).isEqualTo("Zoe again"));
        assertThat(tie(erased).getInt("interactionCount")).as("the interactions from before the erasure stay forgotten").isZero();
    }

    @Test
    void anErasedOwnerLeavesNoRowAndEveryTieIsTombstoned() throws Exception {
        Instant beforeErasure = Instant.now().minusSeconds(1);
        send(Topics.OWNERS, EventTypes.OWNER_PROFILE_UPDATED, new OwnerProfileUpdated(owner, profile()), null);
        send(Topics.CONTACTS, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, "ana", contact("Ana", List.of())), null);
        send(Topics.CONTACTS, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, "bob", contact("Bob", List.of("ana"))), null);
        send(Topics.INTERACTIONS, EventTypes.INTERACTION_RECORDED, new InteractionRecorded(owner, call("cyd", "call-cyd")), null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().get("/v1/owners/{owner}/ties", owner).then().statusCode(200)
                .extract().jsonPath().getList("items.contactId")).containsExactlyInAnyOrder("ana", "bob", "cyd"));

        send(Topics.OWNERS, EventTypes.OWNER_ERASED, new OwnerErased(owner), null);

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties", owner).then().statusCode(404));
        given().get("/v1/owners/{owner}/export", owner).then().statusCode(404).contentType("application/problem+json");
        assertThat(rowsMentioning(owner)).as("rows naming the erased owner").isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String contactId : List.of("ana", "bob", "cyd")) {
                List<ConsumerRecord<String, String>> records = recordsOfTie(contactId);
                assertThat(records).isNotEmpty();
                assertThat(records.get(records.size() - 1).value()).as("tombstone of " + contactId).isNull();
            }
        });

        // A contact published before the erasure and consumed after it is held back; one sent afterwards starts anew.
        send(Topics.CONTACTS, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, "dan", contact("Dan", List.of())), beforeErasure);
        send(Topics.CONTACTS, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, "eve", contact("Eve", List.of())), null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().get("/v1/owners/{owner}/ties", owner).then().statusCode(200)
                .extract().jsonPath().getList("items.contactId")).containsExactly("eve"));
    }

    @Test
    void theExportHoldsTheProfileTheContactsAndTheTiesWithTheirStatistics() {
        send(Topics.OWNERS, EventTypes.OWNER_PROFILE_UPDATED, new OwnerProfileUpdated(owner, profile()), null);
        send(Topics.CONTACTS, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, "ana", contact("Ana", List.of())), null);
        send(Topics.INTERACTIONS, EventTypes.INTERACTION_RECORDED, new InteractionRecorded(owner, call("ana", "call-ana")), null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tie("ana").getInt("interactionCount")).isEqualTo(1));

        given().get("/v1/owners/{owner}/export", owner).then().statusCode(200)
                .body("ownerId", equalTo(owner))
                .body("profile.displayName", equalTo("Alex Export"))
                .body("contacts.contactId", hasItem("ana"))
                .body("contacts[0].contact.displayName", equalTo("Ana"))
                .body("ties[0].tie.contactId", equalTo("ana"))
                .body("ties[0].tie.interactionCount", equalTo(1))
                .body("ties[0].statistics.interactionCount", equalTo(1));
        given().get("/v1/owners/{owner}/export", "nobody-" + owner).then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/owners/{owner}/export", "bad owner!").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("ownerId"));
    }

    private JsonPath tie(String contactId) {
        return given().get("/v1/owners/{owner}/ties/{contact}", owner, contactId).then().statusCode(200).extract().jsonPath();
    }

    private List<ConsumerRecord<String, String>> recordsOfTie(String contactId) {
        String key = Topics.tieKey(owner, contactId);
        return readAll(Topics.TIES).stream().filter(record -> key.equals(record.key())).toList();
    }

    private static Contact contact(String name, List<String> mutualContactIds) {
        return new Contact(name, List.of(name.toLowerCase().replace(' ', '.') + "@example.org"), "Acme", null, "software", null, null,
                null, Origin.FORMER_COLLEAGUE, null, null, null, null, mutualContactIds, null);
    }

    private static OwnerProfile profile() {
        return new OwnerProfile("Alex Export", "software", "coach", "Self", null, null, null, null, "fr", null);
    }

    private static Interaction call(String contactId, String interactionId) {
        return new Interaction(interactionId, contactId, Instant.now().minus(1, ChronoUnit.DAYS), Channel.CALL, Direction.MUTUAL, 20, null);
    }

    /** Sends a binary-mode CloudEvent keyed by the owner, with the given broker timestamp (null: now). */
    private void send(String topic, String type, Object data, Instant recordedAt) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null,
                recordedAt == null ? null : recordedAt.toEpochMilli(), owner, EventJson.write(data));
        record.headers().add("ce_id", newEventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:passerelle:test".getBytes(StandardCharsets.UTF_8));
        try {
            KafkaTestClient.producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** Every row of every table of the graph database whose text contains {@code value}, as {@code table: row}. */
    private static List<String> rowsMentioning(String value) throws Exception {
        try (Connection connection = GraphDatabase.connect()) {
            assertThat(DatabaseScan.tables(connection)).contains("owners", "contacts", "ties", "processed_events", "erasure_markers");
            return DatabaseScan.rowsMentioning(connection, value);
        }
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
