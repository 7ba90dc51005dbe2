package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.header;
import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.readAll;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.repository.StatisticsJson;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.metrics.MetricsScrape;
import io.passerelle.runtime.messaging.DeadLetterPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class GraphServiceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Location PARIS = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
    private static final Location BERLIN = new Location("Berlin", "10115", null, null, "DE", null, null);

    private static final String CONSUMER = "ingested-events";
    private String owner;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @BeforeEach
    void newOwner() {
        owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void projectsAStrongTieFromAProfileAContactAndMeetings() {
        sendProfile(owner, PARIS);
        sendContact(owner, "camille", new Contact("Camille Martin", null, "Acme", "CTO", "software", null, null, PARIS,
                Origin.FRIEND, null, null, null, 5, List.of("a", "b", "c", "d", "e", "f"), null));
        for (int daysAgo : new int[] {60, 40, 20, 3}) {
            sendInteraction(owner, newEventId(), new Interaction(null, "camille", Instant.now().minus(daysAgo, ChronoUnit.DAYS),
                    Channel.MEETING, Direction.MUTUAL, 90, null));
        }

        Tie tie = awaitTie(owner, "camille", t -> t.interactionCount() == 4);

        assertThat(tie.displayName()).isEqualTo("Camille Martin");
        assertThat(tie.tieClass()).isEqualTo(TieClass.STRONG);
        assertThat(tie.strength()).isBetween(0.55, 1.0);
        assertThat(tie.geographicScale()).isEqualTo(GeographicScale.NEIGHBOURHOOD);
        assertThat(tie.origin()).isEqualTo(Origin.FRIEND);
        assertThat(tie.mutualContacts()).isEqualTo(6);
        assertThat(tie.dimensions().intimacy()).isGreaterThan(0.6);
        // The owner writes French: so are the explanations, unless another language is asked for.
        assertThat(tie.explanationLanguage()).isEqualTo("fr");
        assertThat(tie.explanation()).hasSizeBetween(2, 4).anySatisfy(s -> assertThat(s).startsWith("4 rencontres en personne"));

        given().get("/v1/owners/{owner}/ties", owner)
                .then().statusCode(200)
                .body("items.contactId", hasItem("camille"))
                .body("items[0].tieClass", equalTo("STRONG"));
    }

    @Test
    void anInteractionBeforeItsContactCreatesATieNamedAfterTheContactId() {
        sendInteraction(owner, newEventId(), new Interaction(null, "early-bird", Instant.now().minus(1, ChronoUnit.DAYS),
                Channel.PRIVATE_MESSAGE, Direction.INBOUND, null, null));

        Tie before = awaitTie(owner, "early-bird", t -> t.interactionCount() == 1);
        assertThat(before.displayName()).isEqualTo("early-bird");
        assertThat(before.tieClass()).isEqualTo(TieClass.WEAK);

        sendContact(owner, "early-bird", new Contact("Eli Bird", null, null, null, null, null, null, BERLIN, Origin.ONLINE,
                null, null, null, null, null, null));

        Tie after = awaitTie(owner, "early-bird", t -> "Eli Bird".equals(t.displayName()));
        assertThat(after.interactionCount()).isEqualTo(1);
        assertThat(after.geographicScale()).isEqualTo(GeographicScale.UNKNOWN);
    }

    @Test
    void anInteractionSlightlyAheadOfThisServicesClockIsApplied() {
        sendInteraction(owner, newEventId(), new Interaction(null, "fast-clock", Instant.now().plusSeconds(20),
                Channel.CALL, Direction.INBOUND, 5, null));

        assertThat(awaitTie(owner, "fast-clock", t -> true).interactionCount()).isEqualTo(1);
    }

    @Test
    void theSameEventIdSentTwiceIsCountedOnce() {
        String duplicated = newEventId();
        Interaction call = new Interaction("call-1", "dana", Instant.now().minus(2, ChronoUnit.DAYS), Channel.CALL,
                Direction.OUTBOUND, 20, null);
        sendInteraction(owner, duplicated, call);
        sendInteraction(owner, duplicated, call);
        // Same key, same topic, so same partition: once the marker is applied, both copies have been consumed.
        sendInteraction(owner, newEventId(), new Interaction(null, "marker", Instant.now().minus(1, ChronoUnit.DAYS),
                Channel.EMAIL, Direction.INBOUND, null, null));
        awaitTie(owner, "marker", t -> t.interactionCount() == 1);

        Tie dana = given().get("/v1/owners/{owner}/ties/{contact}", owner, "dana").then().statusCode(200).extract().as(Tie.class);
        assertThat(dana.interactionCount()).isEqualTo(1);
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextRecordsStillApplied() {
        MetricsScrape before = MetricsScrape.of(metrics);
        String badJson = newEventId();
        sendEvent(Topics.CONTACTS, owner, badJson, EventTypes.CONTACT_UPSERTED, "{\"ownerId\": \"" + owner + "\", \"contact\": {");
        String unknownType = newEventId();
        sendEvent(Topics.OWNERS, owner, unknownType, "passerelle.owner.renamed", "{\"ownerId\": \"" + owner + "\"}");
        String invalid = newEventId();
        sendEvent(Topics.INTERACTIONS, owner, invalid, EventTypes.INTERACTION_RECORDED,
                "{\"ownerId\": \"" + owner + "\", \"interaction\": {\"contactId\": \"zoe\", \"occurredAt\": \"2025-01-01T10:00:00Z\"}}");
        sendContact(owner, "zoe", new Contact("Zoé", null, null, null, null, null, null, null, Origin.CLIENT, null, null,
                null, null, null, null));
        sendInteraction(owner, newEventId(), new Interaction(null, "zoe", Instant.now().minus(5, ChronoUnit.DAYS),
                Channel.VIDEO_CALL, Direction.MUTUAL, 45, null));
        sendProfile(owner, PARIS);

        awaitTie(owner, "zoe", t -> t.interactionCount() == 1 && "Zoé".equals(t.displayName()));
        assertDeadLettered(Topics.deadLetterOf(Topics.CONTACTS), badJson, "not a valid");
        assertDeadLettered(Topics.deadLetterOf(Topics.OWNERS), unknownType, "unknown CloudEvents type");
        assertDeadLettered(Topics.deadLetterOf(Topics.INTERACTIONS), invalid, "interaction.channel");
        // Counted once the broker took each dead letter, before the batch completed: the tie above came later.
        MetricsScrape after = MetricsScrape.of(metrics);
        for (String topic : List.of(Topics.CONTACTS, Topics.OWNERS, Topics.INTERACTIONS)) {
            assertThat(after.sum("passerelle_consumer_dead_lettered_total", "consumer", CONSUMER, "topic", topic, "cause", "unreadable")
                    - before.sum("passerelle_consumer_dead_lettered_total", "consumer", CONSUMER, "topic", topic, "cause", "unreadable"))
                    .as("dead letters of " + topic).isEqualTo(1);
        }
    }

    @Test
    void anInteractionDeliveredTwiceIsAppliedOnceAndCountedAsADuplicate() {
        MetricsScrape before = MetricsScrape.of(metrics);
        String eventId = newEventId();
        Interaction call = new Interaction(null, "twice", Instant.now().minus(2, ChronoUnit.DAYS), Channel.CALL, Direction.MUTUAL, 20, null);
        sendInteraction(owner, eventId, call);
        sendInteraction(owner, eventId, call);
        sendContact(owner, "twice", new Contact("Twice", null, null, null, null, null, null, null, Origin.CLIENT, null, null,
                null, null, null, null));

        awaitTie(owner, "twice", t -> "Twice".equals(t.displayName()) && t.interactionCount() > 0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                delta(before, MetricsScrape.of(metrics), "passerelle_consumer_duplicates_total", Topics.INTERACTIONS)).isEqualTo(1));
        MetricsScrape after = MetricsScrape.of(metrics);
        assertThat(delta(before, after, "passerelle_consumer_events_applied_total", Topics.INTERACTIONS)).isEqualTo(1);
        assertThat(delta(before, after, "passerelle_consumer_events_applied_total", Topics.CONTACTS)).isEqualTo(1);
        assertThat(delta(before, after, "passerelle_consumer_event_age_seconds_count", Topics.INTERACTIONS))
                .as("these test records carry no CloudEvents time, so they have no age").isZero();
        assertThat(awaitTie(owner, "twice", t -> true).interactionCount()).as("the interaction is counted once").isEqualTo(1);
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name, String topic) {
        return after.sum(name, "consumer", CONSUMER, "topic", topic) - before.sum(name, "consumer", CONSUMER, "topic", topic);
    }

    @Test
    void anEventTheDatabaseRefusesIsDeadLetteredAndTheOthersStillApplied() throws Exception {
        // Every value the contract accepts can be stored, so the test makes the database refuse one,
        // as a constraint added later would: NOT VALID leaves the existing rows alone.
        String refusedName = "Refused " + owner;
        sql("ALTER TABLE contacts ADD CONSTRAINT refused_in_this_test CHECK (display_name <> '" + refusedName + "') NOT VALID");
        try {
            String refused = newEventId();
            sendEvent(Topics.CONTACTS, owner, refused, EventTypes.CONTACT_UPSERTED, EventJson.write(new ContactUpserted(owner, "refused",
                    new Contact(refusedName, null, null, null, null, null, null, null, null, null, null, null, null, null, null))));
            sendContact(owner, "fine", new Contact("Fine", null, null, null, null, null, null, null, Origin.PARTNER, null, null,
                    null, null, null, null));

            awaitTie(owner, "fine", t -> "Fine".equals(t.displayName()));
            assertDeadLettered(Topics.deadLetterOf(Topics.CONTACTS), refused, "the database refused the event");
            given().get("/v1/owners/{owner}/ties/{contact}", owner, "refused").then().statusCode(404);
        } finally {
            sql("ALTER TABLE contacts DROP CONSTRAINT refused_in_this_test");
        }
    }

    @Test
    void answersHealthAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'passerelle-database' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'passerelle-consumers' }.status", org.hamcrest.Matchers.equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200);
        given().auth().none().get(metrics).then().statusCode(200);
        assertThat(metrics.getPort()).isNotEqualTo(io.restassured.RestAssured.port);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void publishesTieUpdatesKeyedByOwnerAndContact() {
        sendContact(owner, "yann", new Contact("Yann", null, null, null, null, null, null, null, Origin.SCHOOL, null, null,
                null, 2, null, null));

        String key = Topics.tieKey(owner, "yann");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(readAll(Topics.TIES))
                .filteredOn(record -> key.equals(record.key()))
                .isNotEmpty()
                .allSatisfy(record -> {
                    assertThat(header(record, "ce_type")).isEqualTo(EventTypes.TIE_UPDATED);
                    assertThat(header(record, "ce_source")).isEqualTo("urn:passerelle:graph-service");
                    assertThat(header(record, "ce_id")).isNotBlank();
                    // The CloudEvents binary-mode headers of the contract (the records go to the producer directly).
                    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
                    assertThat(header(record, "ce_subject")).isEqualTo(key);
                    assertThat(header(record, "ce_datacontenttype")).isEqualTo("application/json");
                    assertThat(header(record, "content-type")).isEqualTo("application/json");
                    assertThat(header(record, "ce_dataschema")).isEqualTo("urn:passerelle:schema:passerelle.tie.updated:v1");
                    assertThat(java.time.OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
                    TieUpdated update = EventJson.read(record.value(), TieUpdated.class);
                    assertThat(update.ownerId()).isEqualTo(owner);
                    assertThat(update.tie().contactId()).isEqualTo("yann");
                    // A school mate without any exchange logged: a dormant tie to reactivate, not a stranger.
                    assertThat(update.tie().tieClass()).isEqualTo(TieClass.DORMANT);
                    assertThat(update.previousTieClass()).isNull();
                    assertThat(update.contact().displayName()).isEqualTo("Yann");
                }));
    }

    @Test
    void aContactImportedWithoutOriginIsPublishedWithTheOriginItsCompaniesSchoolsOrSourceImply() throws Exception {
        sendEvent(Topics.OWNERS, owner, newEventId(), EventTypes.OWNER_PROFILE_UPDATED, EventJson.write(new OwnerProfileUpdated(owner,
                new OwnerProfile("Alex Durand", "software", "coach", "Acme", List.of("Globex"), List.of("HEC"), PARIS, null, "fr", null))));
        Contact exGlobex = new Contact("Gabrielle", null, "Initech", null, null, List.of("GLOBEX"), null, null, null, null, Source.LINKEDIN,
                null, null, null, null);
        sendContact(owner, "ex-globex", exGlobex);
        sendContact(owner, "at-acme", new Contact("Hugo", null, "ACME", null, null, null, null, null, null, null, Source.LINKEDIN,
                null, null, null, null));
        sendContact(owner, "hec", new Contact("Ines", null, "Umbrella", null, null, null, List.of("hec"), null, null, null,
                Source.LINKEDIN, null, null, null, null));
        sendContact(owner, "online", new Contact("Jules", null, "Umbrella", null, null, null, null, null, null, null, Source.LINKEDIN,
                null, null, null, null));

        Tie formerColleague = awaitTie(owner, "ex-globex", t -> t.origin() != null);
        assertThat(formerColleague.origin()).isEqualTo(Origin.FORMER_COLLEAGUE);
        assertThat(formerColleague.tieClass()).as("a former colleague with no exchange logged").isEqualTo(TieClass.DORMANT);
        assertThat(formerColleague.explanation()).contains(
                "Aucun échange enregistré, mais vous avez travaillé dans la même entreprise, GLOBEX : un lien dormant à réactiver.",
                "Origine déduite : collègue par le passé, car vous avez travaillé dans la même entreprise, GLOBEX.");
        assertThat(awaitTie(owner, "at-acme", t -> t.origin() != null).origin()).isEqualTo(Origin.COLLEAGUE);
        assertThat(awaitTie(owner, "hec", t -> t.origin() != null).origin()).isEqualTo(Origin.SCHOOL);
        Tie online = awaitTie(owner, "online", t -> t.origin() != null);
        assertThat(online.origin()).isEqualTo(Origin.ONLINE);
        assertThat(online.tieClass()).as("a recent connection met online").isEqualTo(TieClass.NASCENT);

        // On the ties topic: the tie with the inferred origin, the contact as it was received.
        String key = Topics.tieKey(owner, "ex-globex");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(readAll(Topics.TIES))
                .filteredOn(record -> key.equals(record.key()) && record.value() != null)
                .map(record -> EventJson.read(record.value(), TieUpdated.class))
                .anySatisfy(update -> {
                    assertThat(update.tie().origin()).isEqualTo(Origin.FORMER_COLLEAGUE);
                    assertThat(update.contact()).isEqualTo(exGlobex);
                    assertThat(update.contact().origin()).isNull();
                }));
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT t.origin, c.origin FROM ties t JOIN contacts c USING (owner_id, contact_id) WHERE owner_id = ? AND contact_id = ?")) {
            statement.setString(1, owner);
            statement.setString(2, "ex-globex");
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).as("the tie's effective origin").isEqualTo("FORMER_COLLEAGUE");
                assertThat(row.getString(2)).as("the contact's own").isNull();
            }
        }
    }

    @Test
    void aTieCarriesItsLastReciprocatedExchangeWhichGesturesDoNotMove() {
        Instant asked = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        sendInteraction(owner, newEventId(), new Interaction(null, "kim", asked, Channel.EMAIL, Direction.OUTBOUND, null, null));
        Tie unanswered = awaitTie(owner, "kim", t -> t.interactionCount() == 1);
        assertThat(unanswered.lastReciprocatedAt()).isNull();

        sendInteraction(owner, newEventId(), new Interaction(null, "kim", asked.plus(2, ChronoUnit.DAYS), Channel.EMAIL, Direction.INBOUND,
                null, null));
        sendInteraction(owner, newEventId(), new Interaction(null, "kim", asked.plus(8, ChronoUnit.DAYS), Channel.REACTION,
                Direction.MUTUAL, null, null));

        Tie tie = awaitTie(owner, "kim", t -> t.interactionCount() == 3);
        assertThat(tie.lastReciprocatedAt()).as("both sides reached out since the owner's e-mail; the reaction is no exchange")
                .isEqualTo(asked);
        assertThat(tie.lastInteractionAt()).isEqualTo(asked.plus(8, ChronoUnit.DAYS));
    }

    @Test
    void aTieStoredBeforeSubstantiveInstantsAndPeaksWereRecordedStillLoadsAndIsCompletedByTheNextEvent() throws Exception {
        Instant first = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant last = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // As written before V9: no substantive instants in the statistics, no peak columns.
        String statistics = "{\"interactionCount\":2,\"firstInteractionAt\":\"" + first + "\",\"lastInteractionAt\":\"" + last
                + "\",\"channelCounts\":{\"MEETING\":1,\"EMAIL\":1},\"inboundCount\":0,\"outboundCount\":1,\"mutualCount\":1,"
                + "\"servicesCount\":0,\"decayedVolume\":1.1,\"volumeReferenceAt\":\"" + last + "\"}";
        GraphDatabase.insertTieStoredBeforePeaks(owner, "legacy", statistics, 2);

        Tie stored = given().get("/v1/owners/{owner}/ties/{contact}", owner, "legacy").then().statusCode(200).extract().as(Tie.class);
        assertThat(stored.interactionCount()).isEqualTo(2);
        assertThat(stored.lastReciprocatedAt()).as("unknown until a replay").isNull();
        assertThat(stored.peakStrengthAt()).as("the strength as of the last interaction stands for the peak").isEqualTo(last);
        assertThat(stored.peakStrength()).isPositive().isGreaterThanOrEqualTo(stored.strength());
        List<Tie> listed = listTies(owner);
        assertThat(listed).as("the listing reads the old stored form too").extracting(Tie::contactId).containsExactly("legacy");
        assertThat(listed.get(0).lastInteractionAt()).isEqualTo(last);

        Instant call = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        sendInteraction(owner, newEventId(), new Interaction(null, "legacy", call, Channel.CALL, Direction.MUTUAL, 20, null));

        Tie next = awaitTie(owner, "legacy", t -> t.interactionCount() == 3);
        assertThat(next.lastReciprocatedAt()).isEqualTo(call);
        assertThat(next.peakStrength()).isGreaterThanOrEqualTo(stored.peakStrength());
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT peak_strength, peak_strength_at, statistics::text FROM ties WHERE owner_id = ? AND contact_id = 'legacy'")) {
            statement.setString(1, owner);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getDouble(1)).isEqualTo(next.peakStrength());
                assertThat(row.getTimestamp(2).toInstant()).isEqualTo(next.peakStrengthAt());
                assertThat(StatisticsJson.read(row.getString(3)).lastSubstantiveAt()).isEqualTo(call);
            }
        }
    }

    @Test
    void anErasedContactDisappearsAndItsTieIsTombstoned() {
        sendContact(owner, "xavier", new Contact("Xavier", null, null, null, null, null, null, null, Origin.OTHER, null, null,
                null, null, null, null));
        awaitTie(owner, "xavier", t -> true);

        sendEvent(Topics.CONTACTS, owner, newEventId(), EventTypes.CONTACT_ERASED, EventJson.write(new ContactErased(owner, "xavier")));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/{contact}", owner, "xavier")
                .then().statusCode(404).contentType("application/problem+json"));
        String key = Topics.tieKey(owner, "xavier");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = readAll(Topics.TIES).stream().filter(r -> key.equals(r.key())).toList();
            assertThat(records).isNotEmpty();
            assertThat(records.get(records.size() - 1).value()).isNull();
        });
    }

    @Test
    void anErasedOwnerBecomesUnknown() {
        sendContact(owner, "wendy", new Contact("Wendy", null, null, null, null, null, null, null, Origin.OTHER, null, null,
                null, null, null, null));
        awaitTie(owner, "wendy", t -> true);

        sendEvent(Topics.OWNERS, owner, newEventId(), EventTypes.OWNER_ERASED, EventJson.write(new OwnerErased(owner)));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties", owner)
                .then().statusCode(404).contentType("application/problem+json"));
    }

    @Test
    void aBatchThatFailsOnTheDatabaseIsRetriedUntilItIsApplied() throws Exception {
        long rollbacksBefore = rollbacks();
        try {
            sql("ALTER TABLE processed_events RENAME TO processed_events_offline");
            sendInteraction(owner, newEventId(), new Interaction(null, "patient", Instant.now().minus(1, ChronoUnit.DAYS),
                    Channel.CALL, Direction.MUTUAL, 10, null));
            // Two rolled-back attempts at least: the batch failed and was tried again rather than skipped.
            await().atMost(PATIENCE).until(() -> rollbacks() >= rollbacksBefore + 2);
        } finally {
            sql("ALTER TABLE processed_events_offline RENAME TO processed_events");
        }

        Tie tie = awaitTie(owner, "patient", t -> true);
        assertThat(tie.interactionCount()).isEqualTo(1);
    }

    private static long rollbacks() throws Exception {
        try (Connection connection = GraphDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = GraphDatabase.connect(); Statement jdbcStatement = connection.createStatement()) {
            jdbcStatement.execute(statement);
        }
    }

    @Test
    void listsStrongestFirstAcrossPagesAndFiltersByClass() throws Exception {
        sendProfile(owner, PARIS);
        sendContact(owner, "nascent", new Contact("Nadia", null, null, null, null, null, null, PARIS, Origin.EVENT, null, null,
                null, null, null, null));
        sendInteraction(owner, newEventId(), new Interaction(null, "close", Instant.now().minus(1, ChronoUnit.DAYS),
                Channel.MEETING, Direction.MUTUAL, 120, null));
        sendInteraction(owner, newEventId(), new Interaction(null, "faint", Instant.now().minus(200, ChronoUnit.DAYS),
                Channel.REACTION, Direction.INBOUND, null, null));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties", owner)
                .then().statusCode(200).body("items.size()", equalTo(3)));

        List<Tie> all = listTies(owner);
        List<String> paged = new ArrayList<>();
        Response first = given().queryParam("limit", 2).get("/v1/owners/{owner}/ties", owner);
        first.then().statusCode(200).body("items.size()", equalTo(2));
        first.jsonPath().getList("items.contactId", String.class).forEach(paged::add);
        String cursor = first.jsonPath().getString("nextCursor");
        assertThat(cursor).isNotBlank();
        Response second = given().queryParam("limit", 2).queryParam("cursor", cursor).get("/v1/owners/{owner}/ties", owner);
        second.then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", equalTo(null));
        second.jsonPath().getList("items.contactId", String.class).forEach(paged::add);

        assertThat(all).extracting(Tie::strength).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(paged).containsExactlyElementsOf(all.stream().map(Tie::contactId).toList());
        given().queryParam("class", "NASCENT").get("/v1/owners/{owner}/ties", owner)
                .then().statusCode(200).body("items.contactId", equalTo(List.of("nascent")));
        given().queryParam("class", "weak,strong").queryParam("scale", "UNKNOWN").get("/v1/owners/{owner}/ties", owner)
                .then().statusCode(200).body("items.size()", equalTo(2));
        given().queryParam("minStrength", "0.99").get("/v1/owners/{owner}/ties", owner)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anUnknownOwnerIsA404Problem() {
        given().get("/v1/owners/{owner}/ties", "nobody-" + UUID.randomUUID().toString().substring(0, 8))
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/v1/owners/{owner}/ties/{contact}", "nobody", "someone")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("No owner nobody"));
    }

    @Test
    void anUnknownTieOfAKnownOwnerIsA404ProblemNamingTheContact() {
        sendContact(owner, "known", new Contact("Known", null, null, null, null, null, null, null, Origin.PARTNER, null, null,
                null, null, null, null));
        awaitTie(owner, "known", t -> "Known".equals(t.displayName()));

        given().get("/v1/owners/{owner}/ties/{contact}", owner, "stranger")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Owner " + owner + " has no tie with contact stranger."));
    }

    @Test
    void badQueryParametersAre400ProblemsNamingTheField() {
        expectBadRequest("class", "BOGUS", "class");
        expectBadRequest("scale", "GALAXY", "scale");
        expectBadRequest("minStrength", "2", "minStrength");
        expectBadRequest("minStrength", "strong", "minStrength");
        expectBadRequest("limit", "0", "limit");
        expectBadRequest("cursor", "garbage!", "cursor");
        expectBadRequest("lang", "de", "lang");
        given().get("/v1/owners/{owner}/ties", "bad owner id")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("ownerId"));
    }

    private void expectBadRequest(String parameter, String value, String field) {
        given().queryParam(parameter, value).get("/v1/owners/{owner}/ties", "whoever")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field));
    }

    private static List<Tie> listTies(String ownerId) throws Exception {
        String body = given().get("/v1/owners/{owner}/ties", ownerId).then().statusCode(200).extract().asString();
        return List.of(EventJson.mapper().treeToValue(EventJson.mapper().readTree(body).get("items"), Tie[].class));
    }

    private Tie awaitTie(String ownerId, String contactId, java.util.function.Predicate<Tie> condition) {
        Tie[] found = new Tie[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Response response = given().accept(ContentType.JSON).get("/v1/owners/{owner}/ties/{contact}", ownerId, contactId);
            assertThat(response.statusCode()).isEqualTo(200);
            Tie tie = EventJson.read(response.asString(), Tie.class);
            assertThat(condition).accepts(tie);
            found[0] = tie;
        });
        return found[0];
    }

    private static void assertDeadLettered(String topic, String eventId, String reasonFragment) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(readAll(topic))
                .filteredOn(record -> eventId.equals(header(record, "ce_id")))
                .singleElement()
                .satisfies(record -> assertThat(header(record, DeadLetterPublisher.REASON)).contains(reasonFragment)));
    }

    private static void sendProfile(String ownerId, Location location) {
        OwnerProfile profile = new OwnerProfile("Alex Durand", "software", "coach", "Self", null, List.of("HEC"), location, null,
                "fr", null);
        sendEvent(Topics.OWNERS, ownerId, newEventId(), EventTypes.OWNER_PROFILE_UPDATED,
                EventJson.write(new OwnerProfileUpdated(ownerId, profile)));
    }

    private static void sendContact(String ownerId, String contactId, Contact contact) {
        sendEvent(Topics.CONTACTS, ownerId, newEventId(), EventTypes.CONTACT_UPSERTED,
                EventJson.write(new ContactUpserted(ownerId, contactId, contact)));
    }

    private static void sendInteraction(String ownerId, String eventId, Interaction interaction) {
        sendEvent(Topics.INTERACTIONS, ownerId, eventId, EventTypes.INTERACTION_RECORDED,
                EventJson.write(new InteractionRecorded(ownerId, interaction)));
    }
}
