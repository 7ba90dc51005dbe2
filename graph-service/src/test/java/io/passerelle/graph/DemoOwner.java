package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.localstack.demo.DemoNetwork;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo network (local-stack's {@link DemoNetwork}, the one {@code ./run-local.sh} loads) sent
 * through Kafka once per test JVM under an owner id of its own, for the tests that need a realistic
 * network on the real stack.
 */
final class DemoOwner {
    static final Instant AS_OF = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static String ownerId;

    private DemoOwner() {
    }

    static DemoNetwork network() {
        return DemoNetwork.asOf(AS_OF);
    }

    /** The demo owner's id, once every contact and interaction is projected. */
    static synchronized String id() {
        if (ownerId != null) {
            return ownerId;
        }
        String owner = "demo-map-" + UUID.randomUUID().toString().substring(0, 8);
        DemoNetwork demo = network();
        send(Topics.OWNERS, owner, EventTypes.OWNER_PROFILE_UPDATED, EventJson.write(new OwnerProfileUpdated(owner, demo.owner())));
        demo.contacts().forEach((id, contact) -> send(Topics.CONTACTS, owner, EventTypes.CONTACT_UPSERTED,
                EventJson.write(new ContactUpserted(owner, id, contact))));
        demo.interactions().forEach(interaction -> send(Topics.INTERACTIONS, owner, EventTypes.INTERACTION_RECORDED,
                EventJson.write(new InteractionRecorded(owner, interaction))));
        KafkaTestClient.producer().flush();
        int interactions = demo.interactions().size();
        int contacts = demo.contacts().size();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath page = given().queryParam("limit", 500).get("/v1/owners/{owner}/ties", owner)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSize(contacts);
            assertThat(page.getList("items.interactionCount", Integer.class).stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(interactions);
            assertThat(page.getList("items.displayName", String.class)).doesNotContainAnyElementsOf(demo.contacts().keySet());
        });
        ownerId = owner;
        return owner;
    }

    private static void send(String topic, String key, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers().add("ce_id", newEventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:passerelle:test".getBytes(StandardCharsets.UTF_8));
        KafkaTestClient.producer().send(record);
    }
}
