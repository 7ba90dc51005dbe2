package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Origin;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.runtime.export.ExportSnapshot;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The owner export on the real stack, for an owner larger than one fetch of the export's cursors:
 * every contact and tie once, in order, streamed in chunks rather than sized in advance.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class OwnerExportTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Two full fetches and a partial one, so that the cursors' boundaries are crossed. */
    private static final int SYNTHETIC = 2 * ExportSnapshot.FETCH_SIZE + 17;

    @Test
    void anOwnerLargerThanOneFetchIsExportedWholeInOrderAndInChunks() throws Exception {
        String owner = "export-" + UUID.randomUUID().toString().substring(0, 8);
        seed(owner, SYNTHETIC);

        Response response = given().get("/v1/owners/{owner}/export", owner);

        response.then().statusCode(200).contentType("application/json");
        // Written as it is read: no length known in advance.
        assertThat(response.header("Content-Length")).isNull();
        assertThat(response.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= SYNTHETIC; i++) {
            expected.add(String.format("c%05d", i));
        }
        expected.add("seed");
        JsonPath export = response.jsonPath();
        assertThat(export.getString("ownerId")).isEqualTo(owner);
        assertThat(export.getString("exportedAt")).isNotNull();
        assertThat(export.getList("contacts.contactId", String.class)).containsExactlyElementsOf(expected);
        assertThat(export.getList("contacts.contact.displayName", String.class)).contains("Contact 1", "Contact " + SYNTHETIC, "Seed");
        assertThat(export.getList("ties.tie.contactId", String.class)).containsExactlyElementsOf(expected);
        assertThat(export.getList("ties.statistics.interactionCount", Integer.class)).hasSize(expected.size()).containsOnly(1);
        // Stored with numbers for instants (StatisticsJson), answered as the API has them: ISO-8601 strings.
        assertThat(export.getList("ties.statistics.lastInteractionAt", String.class)).hasSize(expected.size())
                .allSatisfy(at -> assertThat(Instant.parse(at)).isBefore(Instant.now()));
    }

    /** An owner with one tie projected from events, and {@code synthetic} more contacts and ties {@code c00001…} written beside it. */
    static void seed(String owner, int synthetic) throws Exception {
        sendEvent(Topics.CONTACTS, owner, newEventId(), EventTypes.CONTACT_UPSERTED, EventJson.write(new ContactUpserted(owner, "seed",
                new Contact("Seed", null, null, null, null, null, null, null, Origin.EVENT, null, null, null, null, null, null))));
        sendEvent(Topics.INTERACTIONS, owner, newEventId(), EventTypes.INTERACTION_RECORDED, EventJson.write(new InteractionRecorded(owner,
                new Interaction(null, "seed", Instant.now().minus(20, ChronoUnit.DAYS), Channel.MEETING, Direction.MUTUAL, 60, null))));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/{contact}", owner, "seed")
                .then().statusCode(200).body("interactionCount", equalTo(1)));
        try (Connection connection = GraphDatabase.connect();
             PreparedStatement contacts = connection.prepareStatement("""
                     INSERT INTO contacts (owner_id, contact_id, contact, display_name, updated_at)
                     SELECT ?, 'c' || lpad(i::text, 5, '0'), jsonb_set(seed.contact, '{displayName}', to_jsonb('Contact ' || i)),
                            'Contact ' || i, now()
                     FROM generate_series(1, ?) AS i, (SELECT contact FROM contacts WHERE owner_id = ? AND contact_id = 'seed') AS seed""");
             PreparedStatement ties = connection.prepareStatement("""
                     INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale,
                                       interaction_count, mutual_contacts, last_event_id, updated_at, scored_at)
                     SELECT ?, 'c' || lpad(i::text, 5, '0'), 'Contact ' || i, seed.statistics, 0.5, 'WEAK', 'CITY',
                            1, 0, 'synthetic', now(), now()
                     FROM generate_series(1, ?) AS i, (SELECT statistics FROM ties WHERE owner_id = ? AND contact_id = 'seed') AS seed""")) {
            for (PreparedStatement insert : List.of(contacts, ties)) {
                insert.setString(1, owner);
                insert.setInt(2, synthetic);
                insert.setString(3, owner);
                assertThat(insert.executeUpdate()).isEqualTo(synthetic);
            }
        }

    }
}
