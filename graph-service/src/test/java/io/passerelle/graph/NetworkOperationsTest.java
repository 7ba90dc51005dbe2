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
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.NetworkDiagnostics;
import io.passerelle.graph.diagnostics.NetworkMember;
import io.passerelle.tie.TieHistory;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Diagnostics of the demo network, the sweep of ties whose class changes with time, and the replay, against the real stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class NetworkOperationsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    TieStrengthModel model;

    @Test
    void diagnosesTheDemoNetworkAsTheSourceDescribesIt() {
        String owner = DemoOwner.id();

        JsonPath diagnostics = given().get("/v1/owners/{owner}/diagnostics", owner)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();

        int contacts = DemoOwner.network().contacts().size();
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
        assertThat(Instant.parse(diagnostics.getString("computedAt"))).isAfter(DemoOwner.AS_OF);
    }

    @Test
    void diagnosticsFromTheCompactColumnsEqualThoseFromTheContactDocuments() throws Exception {
        String owner = DemoOwner.id();
        Diagnostics answered = EventJson.read(given().get("/v1/owners/{owner}/diagnostics", owner)
                .then().statusCode(200).extract().asString(), Diagnostics.class);

        // The same network read as before the compact columns existed: every whole contact document, parsed.
        OwnerProfile profile = null;
        List<NetworkMember> members = new ArrayList<>();
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT t.contact_id, t.tie_class, t.geographic_scale, c.contact::text AS contact, o.profile::text AS profile
                FROM ties t LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
                JOIN owners o ON o.owner_id = t.owner_id WHERE t.owner_id = ?""")) {
            statement.setString(1, owner);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    profile = EventJson.read(row.getString("profile"), OwnerProfile.class);
                    members.add(new NetworkMember(row.getString("contact_id"),
                            row.getString("contact") == null ? null : EventJson.read(row.getString("contact"), Contact.class),
                            TieClass.valueOf(row.getString("tie_class")), GeographicScale.valueOf(row.getString("geographic_scale"))));
                }
            }
        }
        Diagnostics expected = NetworkDiagnostics.compute(owner, profile, members, answered.computedAt());

        assertThat(members).hasSize(DemoOwner.network().contacts().size());
        // Sums taken in another row order may differ in the last bits; the change over time is not a figure of the network,
        // but the summary is written with the answer's change.
        assertThat(answered).usingRecursiveComparison()
                .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                .isEqualTo(expected.withChange(answered.change()));
        assertThat(answered.summary().language()).as("the demo owner writes French").isEqualTo("fr");
    }

    @Test
    void diagnosticsOfAnUnknownOwnerIsA404AndABadOwnerIdA400() {
        given().get("/v1/owners/{owner}/diagnostics", "nobody-" + UUID.randomUUID().toString().substring(0, 8))
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/v1/owners/{owner}/diagnostics", "bad owner")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("ownerId"));
    }

    @Test
    void cachedDiagnosticsAreAnsweredUntilAnyChangeOfTheNetwork() throws Exception {
        String owner = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        Location paris = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
        Location lyon = new Location("Lyon", "69001", "Rhône", "Auvergne-Rhône-Alpes", "FR", null, null);
        sendProfile(owner, new OwnerProfile("Alex", "Coaching", "Coach", "Atelier", null, null, paris, null, "fr", false));
        sendContact(owner, "ana", new Contact("Ana", null, null, null, "Coaching", null, null, paris, Origin.SCHOOL,
                null, null, null, null, null, null));
        sendContact(owner, "ben", new Contact("Ben", null, null, null, null, null, null, lyon, Origin.FRIEND,
                null, null, null, null, null, null));
        awaitTie(owner, "ana", "geographicScale", "NEIGHBOURHOOD");
        awaitTie(owner, "ben", "geographicScale", "COUNTRY");

        String computed = diagnosticsBody(owner);
        String cached = diagnosticsBody(owner);
        assertThat(cached).as("answered from the cache, unchanged").isEqualTo(computed);
        JsonPath before = JsonPath.from(computed);
        // A school mate and a friend with no exchange logged: dormant ties to reactivate.
        assertThat(before.getInt("byClass.DORMANT.count")).isEqualTo(2);
        assertThat(before.getDouble("homophily.sector.eiIndex")).isEqualTo(-1.0);

        // A new interaction: ana's tie is no longer DORMANT.
        sendEvent(Topics.INTERACTIONS, owner, newEventId(), EventTypes.INTERACTION_RECORDED, EventJson.write(new InteractionRecorded(owner,
                new Interaction(null, "ana", Instant.now().minusSeconds(60), Channel.MEETING, Direction.MUTUAL, 60, null))));
        awaitTie(owner, "ana", "interactionCount", 1);
        JsonPath afterInteraction = diagnostics(owner);
        assertThat(afterInteraction.getInt("byClass.DORMANT.count")).isEqualTo(1);
        assertThat(computedAt(afterInteraction)).isAfter(computedAt(before));

        // A contact update, diagnosed again in the background before anyone asks.
        sendContact(owner, "ben", new Contact("Ben", null, null, null, null, null, null, lyon, Origin.FORMER_COLLEAGUE,
                null, null, null, null, null, null));
        awaitTie(owner, "ben", "origin", "FORMER_COLLEAGUE");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(GraphDatabase.diagnosticsAreCurrent(owner)).as("refreshed in the background").isTrue());
        JsonPath afterContact = diagnostics(owner);
        assertThat(afterContact.getInt("byOrigin.FORMER_COLLEAGUE.count")).isEqualTo(1);
        assertThat(afterContact.getInt("byOrigin.FRIEND.count")).isZero();
        assertThat(computedAt(afterContact)).isAfter(computedAt(afterInteraction));

        // A profile update: the owner moves to Berlin and changes sector.
        sendProfile(owner, new OwnerProfile("Alex", "Retail", "Coach", "Atelier", null, null,
                new Location("Berlin", "10115", null, null, "DE", null, null), null, "fr", false));
        awaitTie(owner, "ana", "geographicScale", "EUROPE");
        awaitTie(owner, "ben", "geographicScale", "EUROPE");
        JsonPath afterProfile = diagnostics(owner);
        assertThat(afterProfile.getInt("byScale.EUROPE.count")).isEqualTo(2);
        assertThat(afterProfile.getDouble("homophily.sector.eiIndex")).isEqualTo(1.0);

        // A contact's erasure.
        sendEvent(Topics.CONTACTS, owner, newEventId(), EventTypes.CONTACT_ERASED, EventJson.write(new ContactErased(owner, "ben")));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/{contact}", owner, "ben").then().statusCode(404));
        JsonPath afterErasure = diagnostics(owner);
        assertThat(afterErasure.getInt("contacts")).isEqualTo(1);
        assertThat(afterErasure.getInt("byOrigin.FORMER_COLLEAGUE.count")).isZero();

        // The owner's erasure: nothing of the cache is left.
        sendEvent(Topics.OWNERS, owner, newEventId(), EventTypes.OWNER_ERASED, EventJson.write(new OwnerErased(owner)));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/diagnostics", owner).then().statusCode(404));
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT (SELECT count(*) FROM owner_diagnostics WHERE owner_id = ?) + (SELECT count(*) FROM network_versions WHERE owner_id = ?)")) {
            statement.setString(1, owner);
            statement.setString(2, owner);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1)).as("cached diagnostics and version of the erased owner").isZero();
            }
        }
    }

    @Test
    void everyChangedNetworkIsDiagnosedInTheBackgroundBeforeAnyoneAsks() throws Exception {
        String owner = "unasked-" + UUID.randomUUID().toString().substring(0, 8);
        Location paris = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
        sendProfile(owner, new OwnerProfile("Alex", "Coaching", "Coach", "Atelier", null, null, paris, null, "fr", false));
        sendContact(owner, "ana", new Contact("Ana", null, null, null, "Coaching", null, null, paris, Origin.SCHOOL,
                null, null, null, null, null, null));
        awaitTie(owner, "ana", "geographicScale", "NEIGHBOURHOOD");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(GraphDatabase.diagnosticsAreCurrent(owner)).as("diagnosed with nobody asking").isTrue());
        String diagnosed = cachedDiagnostics(owner);
        // The answer adds the change since 30 and 90 days, worked out at each request.
        assertThat(EventJson.read(diagnosticsBody(owner), Diagnostics.class).withChange(null)).as("the first request is answered from the cache")
                .isEqualTo(EventJson.read(diagnosed, Diagnostics.class));

        // A change after the owner's first request: diagnosed again, still with nobody asking.
        sendContact(owner, "ben", new Contact("Ben", null, null, null, null, null, null, paris, Origin.FRIEND,
                null, null, null, null, null, null));
        awaitTie(owner, "ben", "origin", "FRIEND");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(GraphDatabase.diagnosticsAreCurrent(owner)).as("diagnosed again").isTrue());
        JsonPath rediagnosed = JsonPath.from(cachedDiagnostics(owner));
        assertThat(rediagnosed.getInt("contacts")).isEqualTo(2);
        assertThat(rediagnosed.getInt("byOrigin.FRIEND.count")).isEqualTo(1);
        assertThat(computedAt(rediagnosed)).isAfter(computedAt(JsonPath.from(diagnosed)));
    }

    @Test
    void aTieGoingDormantWithNoNewEventIsPublishedByTheSweep() throws Exception {
        String owner = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        // The last meeting was three years ago less 25 seconds: the tie is WEAK now and DORMANT 25 seconds from now.
        Instant last = Instant.now().atZone(ZoneOffset.UTC).minusYears(3).plusSeconds(25).toInstant();
        // A client: without any exchange it is no tie to reactivate (a friend would be dormant from the start).
        sendEvent(Topics.CONTACTS, owner, newEventId(), EventTypes.CONTACT_UPSERTED, EventJson.write(new ContactUpserted(owner, "old-friend",
                new Contact("Old Friend", null, null, null, null, null, null, null, Origin.CLIENT, null, null, null, 2, null, null))));
        // Latest first, so that no intermediate state (a lone meeting over three years ago) is dormant already.
        for (long daysBefore : new long[] {0, 30, 100, 200}) {
            sendEvent(Topics.INTERACTIONS, owner, newEventId(), EventTypes.INTERACTION_RECORDED, EventJson.write(new InteractionRecorded(owner,
                    new Interaction(null, "old-friend", last.minus(daysBefore, ChronoUnit.DAYS), Channel.MEETING, Direction.MUTUAL, 60, null))));
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/{contact}", owner, "old-friend")
                .then().statusCode(200).body("interactionCount", equalTo(4)));
        // The diagnostics, cached while the tie is WEAK, follow the sweep's class change.
        String weak = diagnosticsBody(owner);
        assertThat(JsonPath.from(weak).getInt("byClass.WEAK.count")).isEqualTo(1);
        assertThat(diagnosticsBody(owner)).as("answered from the cache").isEqualTo(weak);

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
        // The sweep publishes before it commits: the new class is in the diagnostics once it has committed.
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath dormant = diagnostics(owner);
            assertThat(dormant.getInt("byClass.DORMANT.count")).isEqualTo(1);
            assertThat(dormant.getInt("byClass.WEAK.count")).isZero();
        });
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
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

    /** Ten meetings, the first {@code span} before the last, then a reaction a year after the last. */
    private static List<Interaction> meetingsThenAReaction(Instant lastMeeting, Duration span) {
        List<Interaction> interactions = new ArrayList<>();
        for (int k = 9; k >= 0; k--) {
            Instant at = lastMeeting.minusMillis(span.toMillis() * k / 9);
            interactions.add(new Interaction(null, "grandma", at, Channel.MEETING, Direction.MUTUAL, 120, null));
        }
        interactions.add(new Interaction(null, "grandma", lastMeeting.plus(365, ChronoUnit.DAYS), Channel.REACTION, Direction.INBOUND,
                null, null));
        return interactions;
    }

    private static TieStatistics fold(List<Interaction> interactions, TieStrengthModel model) {
        TieStatistics statistics = TieStatistics.empty();
        for (Interaction interaction : interactions) {
            statistics = statistics.plus(interaction, model.parameters());
        }
        return statistics;
    }

    @Test
    void aStrongTieThatFadesToWeakThenDormantByTimeAlonePublishesTheStrongestItHasBeenEachTime() throws Exception {
        String owner = "peak-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Three years after the last meeting, 70 seconds from now, the tie is dormant; the span of the meetings is chosen
        // (the longer the tie, the stronger it stays) so that it fades from STRONG to WEAK 45 seconds from now.
        Instant dormantFrom = now.plusSeconds(70);
        Instant lastMeeting = dormantFrom.atZone(ZoneOffset.UTC).minusYears(3).toInstant();
        Instant fadesAt = now.plusSeconds(45);
        Contact grandma = new Contact("Grandma", null, null, null, null, null, null, null, Origin.FAMILY, null, null, null, 5,
                List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"), null);
        long low = Duration.ofDays(1).toMillis();
        long high = Duration.ofDays(3650).toMillis();
        double threshold = model.parameters().strongThreshold();
        assertThat(model.strength(model.dimensions(fold(meetingsThenAReaction(lastMeeting, Duration.ofMillis(low)), model), grandma, null, fadesAt)))
                .isLessThan(threshold);
        assertThat(model.strength(model.dimensions(fold(meetingsThenAReaction(lastMeeting, Duration.ofMillis(high)), model), grandma, null, fadesAt)))
                .isGreaterThanOrEqualTo(threshold);
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            TieStatistics statistics = fold(meetingsThenAReaction(lastMeeting, Duration.ofMillis(middle)), model);
            if (model.strength(model.dimensions(statistics, grandma, null, fadesAt)) >= threshold) {
                high = middle;
            } else {
                low = middle;
            }
        }
        List<Interaction> interactions = meetingsThenAReaction(lastMeeting, Duration.ofMillis(high));
        TieStatistics statistics = fold(interactions, model);
        Instant weakAt = model.nextClassChange(statistics, grandma, null, now.plusSeconds(20));
        assertThat(model.classOf(statistics, grandma, null, now.plusSeconds(20))).isEqualTo(TieClass.STRONG);
        assertThat(weakAt).isBetween(fadesAt.minusSeconds(2), fadesAt.plusSeconds(2));
        assertThat(model.nextClassChange(statistics, grandma, null, weakAt)).isEqualTo(dormantFrom.plusMillis(1));
        // The strongest it has been: at the last meeting, above what it was at the reaction a year later.
        TiePeak peak = TieHistory.of(interactions, grandma, null, model).peak();
        assertThat(peak.at()).isEqualTo(lastMeeting);
        assertThat(peak.strength()).isGreaterThan(model.strengthAtLastInteraction(statistics, grandma, null)).isGreaterThanOrEqualTo(threshold);

        sendContact(owner, "grandma", grandma);
        awaitTie(owner, "grandma", "displayName", "Grandma");
        interactions.forEach(interaction -> sendEvent(Topics.INTERACTIONS, owner, newEventId(), EventTypes.INTERACTION_RECORDED,
                EventJson.write(new InteractionRecorded(owner, interaction))));
        awaitTie(owner, "grandma", "interactionCount", interactions.size());
        assertThat(Instant.now()).as("projected before it fades").isBefore(weakAt);

        String key = Topics.tieKey(owner, "grandma");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(readAll(Topics.TIES))
                .filteredOn(record -> key.equals(record.key()) && record.value() != null)
                .map(record -> tieUpdate(record.value()))
                .anySatisfy(update -> {
                    assertThat(update.tie().tieClass()).isEqualTo(TieClass.DORMANT);
                    assertThat(update.previousTieClass()).isEqualTo(TieClass.WEAK);
                }));
        List<TieUpdated> updates = readAll(Topics.TIES).stream()
                .filter(record -> key.equals(record.key()) && record.value() != null)
                .map(record -> tieUpdate(record.value()))
                .toList();
        List<TieClass> classes = updates.stream().map(update -> update.tie().tieClass()).toList();
        int strong = classes.lastIndexOf(TieClass.STRONG);
        assertThat(strong).as("published STRONG once its meetings were projected: %s", classes).isNotNegative();
        assertThat(classes.subList(strong, classes.size())).as("then by time alone").containsExactly(TieClass.STRONG, TieClass.WEAK,
                TieClass.DORMANT);
        assertThat(updates.subList(strong + 1, updates.size())).extracting(TieUpdated::previousTieClass)
                .containsExactly(TieClass.STRONG, TieClass.WEAK);
        assertThat(updates.subList(strong, updates.size())).allSatisfy(update -> {
            assertThat(update.tie().peakStrength()).isCloseTo(peak.strength(), within(1e-9));
            assertThat(update.tie().peakStrengthAt()).isEqualTo(lastMeeting);
        });
        assertThat(updates.get(updates.size() - 1).tie().strength()).isLessThan(threshold);

        // Read back: the tie, the listing, the export and the row.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tieAt(given().get("/v1/owners/{owner}/ties/{contact}", owner, "grandma")
                .then().statusCode(200).extract().asString(), "")).satisfies(tie -> assertThat(tie.tieClass()).isEqualTo(TieClass.DORMANT)));
        List<Tie> read = List.of(
                tieAt(given().get("/v1/owners/{owner}/ties/{contact}", owner, "grandma").then().statusCode(200).extract().asString(), ""),
                tieAt(given().get("/v1/owners/{owner}/ties", owner).then().statusCode(200).extract().asString(), "/items/0"),
                tieAt(given().get("/v1/owners/{owner}/export", owner).then().statusCode(200).extract().asString(), "/ties/0/tie"));
        assertThat(read).allSatisfy(tie -> {
            assertThat(tie.contactId()).isEqualTo("grandma");
            assertThat(tie.peakStrength()).isCloseTo(peak.strength(), within(1e-9));
            assertThat(tie.peakStrengthAt()).isEqualTo(lastMeeting);
        });
        TiePeak stored = storedPeak(owner, "grandma");
        assertThat(stored.strength()).isCloseTo(peak.strength(), within(1e-9));
        assertThat(stored.at()).isEqualTo(lastMeeting);
    }

    @Test
    void aNascentTieIsScheduledToTurnDormantTwoYearsAfterItsConnectionAndTheSweepPublishesIt() throws Exception {
        String owner = "nascent-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate connected = LocalDate.now(ZoneOffset.UTC).minusDays(400);
        sendContact(owner, "newcomer", new Contact("Newcomer", null, null, null, null, null, null, null, Origin.ONLINE, null, null,
                connected, null, null, null));
        awaitTie(owner, "newcomer", "tieClass", "NASCENT");
        Instant twoYears = connected.plusYears(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(classChangesAt(owner, "newcomer")).as("scheduled two years after the connection, with no event").isEqualTo(twoYears);

        // Two years pass. For a tie without interactions, that is the connection moving two years back: the contact as stored is
        // connected since then, and the instant the projection scheduled for that connection is due.
        try (Connection connection = GraphDatabase.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement contact = connection.prepareStatement(
                    "UPDATE contacts SET contact = jsonb_set(contact, '{connectedOn}', to_jsonb(?::text)) WHERE owner_id = ? AND contact_id = ?");
                    PreparedStatement schedule = connection.prepareStatement(
                            "UPDATE ties SET class_changes_at = ?::timestamptz WHERE owner_id = ? AND contact_id = ?")) {
                contact.setString(1, connected.minusYears(2).toString());
                contact.setString(2, owner);
                contact.setString(3, "newcomer");
                assertThat(contact.executeUpdate()).isEqualTo(1);
                schedule.setString(1, connected.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
                schedule.setString(2, owner);
                schedule.setString(3, "newcomer");
                assertThat(schedule.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }

        String key = Topics.tieKey(owner, "newcomer");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(readAll(Topics.TIES))
                .filteredOn(record -> key.equals(record.key()) && record.value() != null)
                .map(record -> tieUpdate(record.value()))
                .anySatisfy(update -> {
                    assertThat(update.tie().tieClass()).isEqualTo(TieClass.DORMANT);
                    assertThat(update.previousTieClass()).isEqualTo(TieClass.NASCENT);
                    assertThat(update.tie().explanation().get(0)).startsWith("Aucun échange enregistré, mais vous êtes en relation depuis ")
                            .endsWith(" : un lien dormant à réactiver.");
                }));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(classChangesAt(owner, "newcomer")).as("never again").isNull());
        awaitTie(owner, "newcomer", "tieClass", "DORMANT");
    }

    @Test
    void aReplayRebuildsTheSameTiesAsTheLiveProjection() throws Exception {
        String owner = DemoOwner.id();
        Instant asOf = Instant.now();
        Map<String, String> live = projectedTies(owner, asOf);
        assertThat(live).hasSize(DemoOwner.network().contacts().size());
        // A tie that was strong four years ago and had a reaction yesterday: its peak is in its history only. No contact, no profile:
        // the replay folds the same interactions in the same order, whatever order it reads the topics in.
        String formerOwner = "former-" + UUID.randomUUID().toString().substring(0, 8);
        Instant lastMeeting = Instant.now().minus(4 * 365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        for (int daysBefore : new int[] {50, 40, 30, 20, 10, 0}) {
            sendEvent(Topics.INTERACTIONS, formerOwner, newEventId(), EventTypes.INTERACTION_RECORDED, EventJson.write(new InteractionRecorded(
                    formerOwner, new Interaction(null, "old-team-mate", lastMeeting.minus(daysBefore, ChronoUnit.DAYS), Channel.MEETING,
                            Direction.MUTUAL, 120, null))));
        }
        sendEvent(Topics.INTERACTIONS, formerOwner, newEventId(), EventTypes.INTERACTION_RECORDED, EventJson.write(new InteractionRecorded(
                formerOwner, new Interaction(null, "old-team-mate", Instant.now().minus(1, ChronoUnit.DAYS), Channel.REACTION,
                        Direction.INBOUND, null, null))));
        awaitTie(formerOwner, "old-team-mate", "interactionCount", 7);
        Tie former = tieAt(given().get("/v1/owners/{owner}/ties/{contact}", formerOwner, "old-team-mate").then().statusCode(200)
                .extract().asString(), "");
        assertThat(former.tieClass()).as("a reaction does not wake it").isEqualTo(TieClass.DORMANT);
        assertThat(former.peakStrength()).isGreaterThanOrEqualTo(model.parameters().strongThreshold()).isGreaterThan(former.strength());
        assertThat(former.peakStrengthAt()).isEqualTo(lastMeeting);
        // No profile: explained in French, as the diagnostics summary would be.
        assertThat(former.explanation()).anySatisfy(sentence -> assertThat(sentence)
                .startsWith("Depuis, seulement des réactions, des commentaires publics ou des validations de compétences (pour la dernière fois le "));
        TiePeak formerPeak = storedPeak(formerOwner, "old-team-mate");
        assertThat(formerPeak.strength()).isEqualTo(former.peakStrength());
        Map<TopicPartition, Long> tiesTopicBefore = KafkaTestClient.endOffsets(List.of(Topics.TIES));

        JsonPath job = Replays.replayToCompletion();
        assertThat(job.getLong("recordsRead")).isGreaterThan(live.size());
        assertThat(job.getLong("eventsApplied")).isGreaterThan(live.size());
        assertThat(job.getLong("tiesPublished")).isGreaterThanOrEqualTo(live.size());

        Map<String, String> rebuilt = projectedTies(owner, asOf);
        assertThat(rebuilt).isEqualTo(live);
        // The peak, rebuilt into the replay's tables, switched in and published again.
        TiePeak rebuiltPeak = storedPeak(formerOwner, "old-team-mate");
        assertThat(rebuiltPeak.strength()).isCloseTo(formerPeak.strength(), within(1e-12));
        assertThat(rebuiltPeak.at()).isEqualTo(lastMeeting);
        String key = Topics.tieKey(formerOwner, "old-team-mate");
        assertThat(readAll(Topics.TIES)).filteredOn(record -> key.equals(record.key()) && record.value() != null
                        && record.offset() >= tiesTopicBefore.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L))
                .map(record -> tieUpdate(record.value()))
                .as("republished after the switch").isNotEmpty()
                .allSatisfy(update -> {
                    assertThat(update.tie().peakStrength()).isCloseTo(formerPeak.strength(), within(1e-12));
                    assertThat(update.tie().peakStrengthAt()).isEqualTo(lastMeeting);
                });
    }

    /** The Tie at this JSON pointer of a response body, read with the contract's mapping (RestAssured's JsonPath reads floats). */
    private static Tie tieAt(String body, String pointer) throws Exception {
        return EventJson.mapper().treeToValue(EventJson.mapper().readTree(body).at(pointer), Tie.class);
    }

    /** The peak columns of a tie row (not null: written by this version). */
    private static TiePeak storedPeak(String owner, String contactId) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT peak_strength, peak_strength_at FROM ties WHERE owner_id = ? AND contact_id = ? AND peak_strength IS NOT NULL")) {
            statement.setString(1, owner);
            statement.setString(2, contactId);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("tie %s/%s with a peak", owner, contactId).isTrue();
                return new TiePeak(row.getDouble(1), row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant());
            }
        }
    }

    private static Instant classChangesAt(String owner, String contactId) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT class_changes_at FROM ties WHERE owner_id = ? AND contact_id = ?")) {
            statement.setString(1, owner);
            statement.setString(2, contactId);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getTimestamp(1) == null ? null : row.getTimestamp(1).toInstant();
            }
        }
    }

    /** Each tie of the owner as stored, assessed as of one instant: strength to 9 decimals, class, counts, first and last. */
    private Map<String, String> projectedTies(String owner, Instant asOf) throws Exception {
        Map<String, String> ties = new TreeMap<>();
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement("""
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

    private static void sendProfile(String owner, OwnerProfile profile) {
        sendEvent(Topics.OWNERS, owner, newEventId(), EventTypes.OWNER_PROFILE_UPDATED, EventJson.write(new OwnerProfileUpdated(owner, profile)));
    }

    private static void sendContact(String owner, String contactId, Contact contact) {
        sendEvent(Topics.CONTACTS, owner, newEventId(), EventTypes.CONTACT_UPSERTED, EventJson.write(new ContactUpserted(owner, contactId, contact)));
    }

    private static void awaitTie(String owner, String contactId, String field, Object value) {
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/{contact}", owner, contactId)
                .then().statusCode(200).body(field, equalTo(value)));
    }

    private static String diagnosticsBody(String owner) {
        return given().get("/v1/owners/{owner}/diagnostics", owner).then().statusCode(200).extract().asString();
    }

    private static JsonPath diagnostics(String owner) {
        return JsonPath.from(diagnosticsBody(owner));
    }

    private static Instant computedAt(JsonPath diagnostics) {
        return Instant.parse(diagnostics.getString("computedAt"));
    }

    /** The owner's cached diagnostics, as stored. */
    private static String cachedDiagnostics(String owner) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT diagnostics FROM owner_diagnostics WHERE owner_id = ?")) {
            statement.setString(1, owner);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("cached diagnostics of " + owner).isTrue();
                return row.getString(1);
            }
        }
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
}
