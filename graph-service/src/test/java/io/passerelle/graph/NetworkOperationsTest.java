package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.header;
import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.readAll;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.tie.TieStatistics;
import io.passerelle.graph.tie.TieStrengthModel;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.demo.DemoNetwork;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Diagnostics of the demo network, the sweep of ties whose class changes with time, and the replay, against the real stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class NetworkOperationsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Instant DEMO_AS_OF = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static String demoOwner;

    @Inject
    TieStrengthModel model;

    @Test
    void diagnosesTheDemoNetworkAsTheSourceDescribesIt() {
        String owner = demoOwner();

        JsonPath diagnostics = given().get("/v1/owners/{owner}/diagnostics", owner)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();

        int contacts = DemoNetwork.asOf(DEMO_AS_OF).contacts().size();
        assertThat(diagnostics.getInt("contacts")).isEqualTo(contacts);
        double pastCircle = diagnostics.getDouble("byOrigin.FORMER_COLLEAGUE.share") + diagnostics.getDouble("byOrigin.SCHOOL.share");
        assertThat(pastCircle).isGreaterThan(0.5);
        assertThat(diagnostics.getDouble("alterEgoIndex")).isGreaterThan(0.4);
        double parisArea = diagnostics.getDouble("byScale.NEIGHBOURHOOD.share") + diagnostics.getDouble("byScale.CITY.share")
                + diagnostics.getDouble("byScale.DEPARTMENT.share") + diagnostics.getDouble("byScale.REGION.share");
        assertThat(parisArea).isGreaterThan(0.85);
        assertThat(diagnostics.getInt("byClass.DORMANT.count")).isPositive();
        assertThat(diagnostics.getInt("byClass.STRONG.count") + diagnostics.getInt("byClass.WEAK.count")
                + diagnostics.getInt("byClass.DORMANT.count") + diagnostics.getInt("byClass.NASCENT.count")).isEqualTo(contacts);
        assertThat(diagnostics.getInt("bySource.LINKEDIN.count")).isPositive();
        assertThat(diagnostics.getMap("homophily")).containsOnlyKeys("sector", "city", "school", "employer");
        assertThat(diagnostics.getDouble("homophily.city.eiIndex")).isBetween(-1.0, 0.0);
        assertThat(diagnostics.getDouble("homophily.sector.blauIndex")).isBetween(0.0, 1.0);
        assertThat(diagnostics.getDouble("brokerage.constraint")).isBetween(0.0, 1.0);
        assertThat(diagnostics.getDouble("brokerage.effectiveSize")).isBetween(1.0, (double) contacts);
        assertThat(diagnostics.getDouble("brokerage.efficiency")).isBetween(0.0, 1.0);
        assertThat(Instant.parse(diagnostics.getString("computedAt"))).isAfter(DEMO_AS_OF);
    }

    @Test
    void diagnosticsOfAnUnknownOwnerIsA404AndABadOwnerIdA400() {
        given().get("/v1/owners/{owner}/diagnostics", "nobody-" + UUID.randomUUID().toString().substring(0, 8))
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/v1/owners/{owner}/diagnostics", "bad owner")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("ownerId"));
    }

    @Test
    void aTieGoingDormantWithNoNewEventIsPublishedByTheSweep() throws Exception {
        String owner = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        // The last meeting was three years ago less 25 seconds: the tie is WEAK now and DORMANT 25 seconds from now.
        Instant last = Instant.now().atZone(ZoneOffset.UTC).minusYears(3).plusSeconds(25).toInstant();
        sendEvent(Topics.CONTACTS, owner, newEventId(), EventTypes.CONTACT_UPSERTED, EventJson.write(new ContactUpserted(owner, "old-friend",
                new Contact("Old Friend", null, null, null, null, null, null, null, Origin.FRIEND, null, null, null, 5, null, null))));
        // Latest first, so that no intermediate state (a lone meeting over three years ago) is dormant already.
        for (long daysBefore : new long[] {0, 30, 100, 200}) {
            sendEvent(Topics.INTERACTIONS, owner, newEventId(), EventTypes.INTERACTION_RECORDED, EventJson.write(new InteractionRecorded(owner,
                    new Interaction(null, "old-friend", last.minus(daysBefore, ChronoUnit.DAYS), Channel.MEETING, Direction.MUTUAL, 60, null))));
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/{contact}", owner, "old-friend")
                .then().statusCode(200).body("interactionCount", equalTo(4)));

        String key = Topics.tieKey(owner, "old-friend");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(readAll(Topics.TIES))
                .filteredOn(record -> key.equals(record.key()) && record.value() != null)
                .map(record -> EventJson.read(record.value(), TieUpdated.class))
                .anySatisfy(update -> {
                    assertThat(update.tie().tieClass()).isEqualTo(TieClass.DORMANT);
                    assertThat(update.previousTieClass()).isEqualTo(TieClass.WEAK);
                    assertThat(update.tie().interactionCount()).isEqualTo(4);
                }));
        assertThat(readAll(Topics.TIES)).filteredOn(record -> key.equals(record.key()) && record.value() != null)
                .filteredOn(record -> tieUpdate(record.value()).tie().tieClass() == TieClass.DORMANT)
                .as("published once").hasSize(1)
                .allSatisfy(record -> assertThat(header(record, "ce_type")).isEqualTo(EventTypes.TIE_UPDATED));
        try (Connection connection = jdbc(); PreparedStatement statement = connection.prepareStatement(
                "SELECT tie_class, class_changes_at FROM ties WHERE owner_id = ? AND contact_id = ?")) {
            statement.setString(1, owner);
            statement.setString(2, "old-friend");
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("tie_class")).isEqualTo("DORMANT");
                assertThat(row.getTimestamp("class_changes_at")).as("a dormant tie never changes with time").isNull();
            }
        }
    }

    @Test
    void aReplayRebuildsTheSameTiesAsTheLiveProjection() throws Exception {
        String owner = demoOwner();
        Instant asOf = Instant.now();
        Map<String, String> live = projectedTies(owner, asOf);
        assertThat(live).hasSize(DemoNetwork.asOf(DEMO_AS_OF).contacts().size());

        given().auth().oauth2(LocalTokenIssuer.local().operator()).post("/v1/admin/replay")
                .then().statusCode(200)
                .body("records", greaterThan(live.size()))
                .body("applied", greaterThan(live.size()))
                .body("ties", greaterThan(live.size() - 1));

        Map<String, String> rebuilt = projectedTies(owner, asOf);
        assertThat(rebuilt).isEqualTo(live);
    }

    /** Each tie of the owner as stored, assessed as of one instant: strength to 9 decimals, class, counts, first and last. */
    private Map<String, String> projectedTies(String owner, Instant asOf) throws Exception {
        Map<String, String> ties = new TreeMap<>();
        try (Connection connection = jdbc(); PreparedStatement statement = connection.prepareStatement("""
                SELECT t.contact_id, t.statistics::text AS statistics, c.contact::text AS contact, o.profile::text AS profile
                FROM ties t LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
                JOIN owners o ON o.owner_id = t.owner_id WHERE t.owner_id = ?""")) {
            statement.setString(1, owner);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    TieStatistics statistics = EventJson.read(row.getString("statistics"), TieStatistics.class);
                    Contact contact = row.getString("contact") == null ? null : EventJson.read(row.getString("contact"), Contact.class);
                    OwnerProfile profile = row.getString("profile") == null ? null : EventJson.read(row.getString("profile"), OwnerProfile.class);
                    var assessment = model.assess(statistics, contact, profile, asOf);
                    ties.put(row.getString("contact_id"), String.format(java.util.Locale.ROOT, "%.9f %s %d %s %s %s %s",
                            assessment.strength(), assessment.tieClass(), statistics.interactionCount(), statistics.firstInteractionAt(),
                            statistics.lastInteractionAt(), contact == null ? null : contact.displayName(), assessment.geographicScale()));
                }
            }
        }
        return ties;
    }

    /** Sends the demo network once, under an owner id of its own, and waits until every interaction is projected. */
    private static synchronized String demoOwner() {
        if (demoOwner != null) {
            return demoOwner;
        }
        String owner = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        DemoNetwork demo = DemoNetwork.asOf(DEMO_AS_OF);
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
        demoOwner = owner;
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

    private static TieUpdated tieUpdate(String json) {
        try {
            return EventJson.read(json, TieUpdated.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection jdbc() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
