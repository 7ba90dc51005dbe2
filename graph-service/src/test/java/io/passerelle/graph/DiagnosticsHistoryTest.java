package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Source;
import io.passerelle.graph.service.DiagnosticsHistoryThinning;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics' history on the real stack: points recorded by the computations that change the
 * main figures, the history endpoint, the change since 30 and 90 days, the thinning of old points,
 * and the history erased with its owner or dropped by a replay that no longer knows the owner. Points
 * of the past are written straight into the table; those the scheduled thinning could meet are each
 * the last of their day and week, so that whether it runs meanwhile changes nothing.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DiagnosticsHistoryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Location PARIS = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
    private static final Location LYON = new Location("Lyon", "69001", "Rhône", "Auvergne-Rhône-Alpes", "FR", null, null);

    @Inject
    DiagnosticsHistoryThinning thinning;

    @Test
    void aPointIsRecordedWhenTheMainFiguresChangeAndOnlyThen() throws Exception {
        String owner = newOwner("history");
        sendProfile(owner);
        sendContact(owner, "ana", new Contact("Ana", null, null, null, "Coaching", null, null, PARIS, Origin.SCHOOL,
                null, Source.LINKEDIN, null, null, null, null));
        awaitProfileApplied(owner);
        awaitDiagnosed(owner, "contacts", 1);
        List<JsonNode> settled = points(owner);
        assertThat(settled).isNotEmpty();
        assertThat(settled.get(settled.size() - 1).get("contacts").asInt()).as("the last point has the current figures").isEqualTo(1);

        // Another source: the network's version moves and it is diagnosed again, but no main figure moves.
        sendContact(owner, "ana", new Contact("Ana", null, null, null, "Coaching", null, null, PARIS, Origin.SCHOOL,
                null, Source.EMAIL, null, null, null, null));
        awaitDiagnosed(owner, "bySource.EMAIL.count", 1);
        given().get("/v1/owners/{owner}/diagnostics", owner).then().statusCode(200).body("bySource.EMAIL.count", equalTo(1));
        assertThat(points(owner)).as("no point for figures that did not change").hasSameSizeAs(settled);

        // A contact in Lyon: one more contact, one more at the scale of the country.
        sendContact(owner, "ben", new Contact("Ben", null, null, null, null, null, null, LYON, Origin.FRIEND,
                null, null, null, null, null, null));
        awaitDiagnosed(owner, "contacts", 2);
        List<JsonNode> after = points(owner);
        assertThat(after).hasSize(settled.size() + 1);
        JsonNode last = after.get(after.size() - 1);
        assertThat(last.get("contacts").asInt()).isEqualTo(2);
        assertThat(last.at("/byScale/COUNTRY/count").asInt()).isEqualTo(1);
        assertThat(last.at("/byScale/COUNTRY/share").asDouble()).isEqualTo(0.5);
        assertThat(last.get("computedAt").asText()).isEqualTo(cachedDiagnostics(owner).get("computedAt").asText());
    }

    @Test
    void theHistoryAnswersThePointsOfTheRangeAskedForInTimeOrder() throws Exception {
        String owner = newOwner("history-range");
        sendProfile(owner);
        sendContact(owner, "ana", new Contact("Ana", null, null, null, "Coaching", null, null, PARIS, Origin.SCHOOL,
                null, null, null, null, null, null));
        awaitDiagnosed(owner, "contacts", 1);
        // Four points in four ISO weeks, long ago.
        insertPoint(owner, Instant.parse("2025-01-06T10:00:00Z"), 1, 0, 0, 0, null, 1, 0, null);
        insertPoint(owner, Instant.parse("2025-01-22T10:00:00Z"), 1, 2, 0, 0, 0.25, 2, 1, new double[] {0.3, 2.5, 0.8333});
        insertPoint(owner, Instant.parse("2025-01-15T10:00:00Z"), 1, 1, 0, 0, 0.5, 2, 0, new double[] {0.5, 2.0, 1.0});
        insertPoint(owner, Instant.parse("2025-01-29T10:00:00Z"), 2, 2, 0, 0, 0.25, 2, 2, null);

        List<JsonNode> all = items(given().get("/v1/owners/{owner}/diagnostics/history", owner));
        assertThat(all).extracting(point -> point.get("computedAt").asText()).startsWith(
                "2025-01-06T10:00:00Z", "2025-01-15T10:00:00Z", "2025-01-22T10:00:00Z", "2025-01-29T10:00:00Z");
        assertThat(all).as("and the points computed since").hasSizeGreaterThan(4);
        assertThat(all.stream().map(point -> Instant.parse(point.get("computedAt").asText())).toList()).isSorted();

        JsonNode second = all.get(1);
        assertThat(second.get("contacts").asInt()).isEqualTo(2);
        assertThat(second.at("/byClass/WEAK/count").asInt()).isEqualTo(1);
        assertThat(second.at("/byClass/WEAK/share").asDouble()).isEqualTo(0.5);
        assertThat(second.at("/byClass/DORMANT/count").asInt()).isZero();
        assertThat(second.get("byClass").size()).isEqualTo(4);
        assertThat(second.get("alterEgoIndex").asDouble()).isEqualTo(0.5);
        assertThat(second.at("/byScale/CITY/count").asInt()).isEqualTo(2);
        assertThat(second.get("byScale").size()).isEqualTo(8);
        assertThat(second.at("/brokerage/constraint").asDouble()).isEqualTo(0.5);
        assertThat(second.at("/brokerage/effectiveSize").asDouble()).isEqualTo(2.0);
        assertThat(second.at("/brokerage/efficiency").asDouble()).isEqualTo(1.0);
        assertThat(all.get(0).has("alterEgoIndex")).as("unknown figures are left out").isFalse();
        assertThat(all.get(0).has("brokerage")).isFalse();

        assertThat(computedAts(given().queryParam("from", "2025-01-15").queryParam("to", "2025-01-22")
                .get("/v1/owners/{owner}/diagnostics/history", owner)))
                .as("dates are whole days, both included").containsExactly("2025-01-15T10:00:00Z", "2025-01-22T10:00:00Z");
        assertThat(computedAts(given().queryParam("from", "2025-01-15T11:00:00+01:00").queryParam("to", "2025-01-22T09:59:59.999Z")
                .get("/v1/owners/{owner}/diagnostics/history", owner)))
                .as("instants, with any offset, both included").containsExactly("2025-01-15T10:00:00Z");
        assertThat(computedAts(given().queryParam("to", "2025-01-15T10:00:00Z").get("/v1/owners/{owner}/diagnostics/history", owner)))
                .as("no from: from the first point").containsExactly("2025-01-06T10:00:00Z", "2025-01-15T10:00:00Z");
        assertThat(computedAts(given().queryParam("from", "2025-01-29T10:00:00.000001Z").queryParam("to", "2025-12-31")
                .get("/v1/owners/{owner}/diagnostics/history", owner))).as("nothing in the range").isEmpty();
        given().get("/v1/owners/{owner}/diagnostics/history", owner).then().statusCode(200).contentType("application/json")
                .body("truncated", equalTo(false));
    }

    @Test
    void badBoundsAre400sNamingTheParameterAndAnUnknownOwnerIsA404() {
        String owner = newOwner("history-errors");
        sendProfile(owner);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/diagnostics/history", owner).then().statusCode(200));

        given().queryParam("from", "last week").get("/v1/owners/{owner}/diagnostics/history", owner)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors[0].field", equalTo("from")).body("errors.size()", equalTo(1));
        given().queryParam("to", "2026-03-04T10:00:00").get("/v1/owners/{owner}/diagnostics/history", owner)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        given().queryParam("from", "2026-02-30").queryParam("to", "soon").get("/v1/owners/{owner}/diagnostics/history", owner)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("from", "to")));
        given().queryParam("from", "2026-03-05").queryParam("to", "2026-03-04T12:00:00Z").get("/v1/owners/{owner}/diagnostics/history", owner)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from")).body("errors[0].message", containsString("after to"));
        given().get("/v1/owners/{owner}/diagnostics/history", "nobody-" + owner)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/v1/owners/{owner}/diagnostics/history", "bad owner")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("ownerId"));
    }

    @Test
    void theLatestPointsAreAnsweredWhenMoreMatchThanTheLimit() throws Exception {
        String owner = knownOwnerWithoutRefresh("history-long");
        // 1,005 points within the last days (every one kept by the thinning), one a second.
        Instant first = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = GraphDatabase.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO diagnostics_history (owner_id, computed_at, contacts, strong, weak, dormant, nascent, neighbourhood, city,
                                                 department, region, country, europe, world, unknown_scale)
                SELECT ?, ?::timestamptz + i * interval '1 second', i, i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, i FROM generate_series(0, 1004) AS i""")) {
            insert.setString(1, owner);
            insert.setObject(2, first.atOffset(ZoneOffset.UTC));
            assertThat(insert.executeUpdate()).isEqualTo(1005);
        }

        Response answer = given().get("/v1/owners/{owner}/diagnostics/history", owner);

        assertThat(answer.then().statusCode(200).extract().jsonPath().getBoolean("truncated")).isTrue();
        assertThat(items(answer)).extracting(point -> point.get("contacts").asInt()).as("the latest 1,000, oldest first")
                .hasSize(1000).startsWith(5, 6).endsWith(1003, 1004);
        Response earlier = given().queryParam("to", first.plusSeconds(4).toString()).get("/v1/owners/{owner}/diagnostics/history", owner);
        assertThat(items(earlier)).extracting(point -> point.get("contacts").asInt()).containsExactly(0, 1, 2, 3, 4);
        assertThat(earlier.then().extract().jsonPath().getBoolean("truncated")).isFalse();
    }

    @Test
    void changeComparesTheCurrentFiguresWithThePointsInForce30And90DaysAgo() throws Exception {
        String owner = newOwner("history-change");
        sendProfile(owner);
        sendContact(owner, "ana", new Contact("Ana", null, null, null, "Coaching", null, null, PARIS, Origin.SCHOOL,
                null, null, null, null, null, null));
        sendContact(owner, "ben", new Contact("Ben", null, null, null, null, null, null, LYON, Origin.FRIEND,
                null, null, null, null, List.of("ana"), null));
        awaitProfileApplied(owner);
        awaitDiagnosed(owner, "contacts", 2);

        JsonNode young = diagnostics(owner);
        assertThat(young.get("change").has("since30Days")).as("written, not left out").isTrue();
        assertThat(young.at("/change/since30Days").isNull()).as("no point is 30 days old").isTrue();
        assertThat(young.at("/change/since90Days").isNull()).as("no point is 90 days old").isTrue();

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        insertPoint(owner, now.minus(Duration.ofDays(100)), 0, 0, 1, 0, null, 1, 0, null);
        insertPoint(owner, now.minus(Duration.ofDays(95)), 0, 1, 1, 0, 1.0, 1, 1, new double[] {0.5, 2.0, 1.0});
        insertPoint(owner, now.minus(Duration.ofDays(40)), 1, 1, 2, 1, 0.25, 3, 1, new double[] {0.3, 4.5, 0.9});
        insertPoint(owner, now.minus(Duration.ofDays(20)), 0, 0, 3, 0, 0.0, 2, 1, null);

        JsonNode answer = diagnostics(owner);
        JsonNode since30 = answer.at("/change/since30Days");
        assertThat(Instant.parse(since30.get("comparedWith").asText())).as("the newest point at or before 30 days ago")
                .isEqualTo(now.minus(Duration.ofDays(40)));
        assertThat(since30.get("contacts").asInt()).isEqualTo(2 - 5);
        assertThat(since30.at("/byClass/DORMANT/count").asInt()).isEqualTo(answer.at("/byClass/DORMANT/count").asInt() - 2);
        assertThat(since30.at("/byClass/DORMANT/share").asDouble()).isCloseTo(answer.at("/byClass/DORMANT/share").asDouble() - 0.4, within(1e-9));
        assertThat(since30.at("/byClass/NASCENT/count").asInt()).isEqualTo(answer.at("/byClass/NASCENT/count").asInt() - 1);
        assertThat(since30.at("/byScale/CITY/count").asInt()).isEqualTo(answer.at("/byScale/CITY/count").asInt() - 3);
        assertThat(since30.at("/byScale/CITY/share").asDouble()).isCloseTo(answer.at("/byScale/CITY/share").asDouble() - 0.6, within(1e-9));
        assertThat(since30.get("alterEgoIndex").asDouble()).isCloseTo(answer.get("alterEgoIndex").asDouble() - 0.25, within(1e-9));
        assertThat(since30.at("/brokerage/constraint").asDouble()).isCloseTo(answer.at("/brokerage/constraint").asDouble() - 0.3, within(1e-9));
        assertThat(since30.at("/brokerage/effectiveSize").asDouble())
                .isCloseTo(answer.at("/brokerage/effectiveSize").asDouble() - 4.5, within(1e-9));
        assertThat(since30.at("/brokerage/efficiency").asDouble()).isCloseTo(answer.at("/brokerage/efficiency").asDouble() - 0.9, within(1e-9));

        JsonNode since90 = answer.at("/change/since90Days");
        assertThat(Instant.parse(since90.get("comparedWith").asText())).as("the newest point at or before 90 days ago")
                .isEqualTo(now.minus(Duration.ofDays(95)));
        assertThat(since90.get("contacts").asInt()).isZero();
        assertThat(since90.at("/byClass/WEAK/count").asInt()).isEqualTo(answer.at("/byClass/WEAK/count").asInt() - 1);
        assertThat(since90.at("/byScale/COUNTRY/count").asInt()).isEqualTo(answer.at("/byScale/COUNTRY/count").asInt());
        assertThat(since90.get("alterEgoIndex").asDouble()).isCloseTo(answer.get("alterEgoIndex").asDouble() - 1.0, within(1e-9));

        assertThat(answer.get("computedAt")).as("the figures themselves come from the cache").isEqualTo(young.get("computedAt"));
        assertThat(cachedDiagnostics(owner).has("change")).as("the change is not cached").isFalse();
    }

    @Test
    void thinningKeepsTheRecentPointsThenTheLastOfEachDayThenTheLastOfEachWeek() throws Exception {
        String owner = knownOwnerWithoutRefresh("history-thin");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate dayAgo20 = LocalDate.ofInstant(now.minus(Duration.ofDays(20)), ZoneOffset.UTC);
        LocalDate monday = LocalDate.ofInstant(now.minus(Duration.ofDays(200)), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Instant> kept = List.of(
                now.minus(Duration.ofDays(6)), now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)),
                at(dayAgo20, 20), at(dayAgo20.minusDays(1), 9),
                at(monday.plusDays(6), 23), at(monday.minusDays(13), 10));
        List<Instant> thinned = List.of(at(dayAgo20, 8), at(dayAgo20, 12), at(monday, 10), at(monday.plusDays(2), 10));
        List<Instant> all = new ArrayList<>(kept);
        all.addAll(thinned);
        for (Instant instant : all) {
            insertPoint(owner, instant, 1, 0, 0, 0, null, 1, 0, null);
        }

        thinning.thin(now).await().atMost(PATIENCE);

        List<Instant> expected = kept.stream().sorted().toList();
        assertThat(storedPoints(owner)).extracting(StoredPoint::computedAt).containsExactlyElementsOf(expected);
        assertThat(storedPoints(owner)).extracting(StoredPoint::keptAs).as("how far each was judged").containsExactly(2, 2, 1, 1, 0, 0, 0);
        assertThat(computedAts(given().get("/v1/owners/{owner}/diagnostics/history", owner)))
                .containsExactlyElementsOf(expected.stream().map(Instant::toString).toList());

        thinning.thin(now).await().atMost(PATIENCE);
        assertThat(storedPoints(owner)).as("a second run changes nothing").extracting(StoredPoint::computedAt).containsExactlyElementsOf(expected);
    }

    @Test
    void anOwnersErasureErasesItsHistory() throws Exception {
        String owner = newOwner("history-erased");
        sendProfile(owner);
        sendContact(owner, "ana", new Contact("Ana", null, null, null, "Coaching", null, null, PARIS, Origin.SCHOOL,
                null, null, null, null, null, null));
        awaitDiagnosed(owner, "contacts", 1);
        insertPoint(owner, Instant.now().minus(Duration.ofDays(40)), 0, 0, 1, 0, null, 1, 0, null);
        assertThat(historyRows(owner)).isGreaterThanOrEqualTo(2);

        sendEvent(Topics.OWNERS, owner, newEventId(), EventTypes.OWNER_ERASED, EventJson.write(new OwnerErased(owner)));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/diagnostics/history", owner)
                .then().statusCode(404).contentType("application/problem+json"));
        assertThat(historyRows(owner)).as("history rows of the erased owner").isZero();
    }

    @Test
    void aReplayDropsTheHistoryOfOwnersTheTopicsNoLongerHold() throws Exception {
        String kept = newOwner("history-replayed");
        sendProfile(kept);
        sendContact(kept, "ana", new Contact("Ana", null, null, null, "Coaching", null, null, PARIS, Origin.SCHOOL,
                null, null, null, null, null, null));
        awaitDiagnosed(kept, "contacts", 1);
        // An owner the topics do not hold (its events were past retention): the rebuilt projection does not know it.
        String gone = knownOwnerWithoutRefresh("history-unreplayed");
        insertPoint(gone, Instant.now().minus(Duration.ofDays(1)), 0, 0, 0, 0, null, 0, 0, null);
        long keptRows = historyRows(kept);

        Replays.replayToCompletion();

        assertThat(historyRows(gone)).isZero();
        assertThat(historyRows(kept)).as("the history of an owner the replay rebuilt").isGreaterThanOrEqualTo(keptRows);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static String newOwner(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A known owner with no contact, written straight into the database, whose refresh is claimed for an hour: only the test writes its history. */
    private static String knownOwnerWithoutRefresh(String prefix) throws Exception {
        String owner = newOwner(prefix);
        try (Connection connection = GraphDatabase.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO owners (owner_id, updated_at) VALUES (?, now())");
                    PreparedStatement claim = connection.prepareStatement(
                            "UPDATE network_versions SET refresh_claimed_until = now() + interval '1 hour' WHERE owner_id = ?")) {
                insert.setString(1, owner);
                insert.executeUpdate();
                claim.setString(1, owner);
                assertThat(claim.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
        return owner;
    }

    private static void sendProfile(String owner) {
        sendEvent(Topics.OWNERS, owner, newEventId(), EventTypes.OWNER_PROFILE_UPDATED, EventJson.write(new OwnerProfileUpdated(owner,
                new OwnerProfile("Alex", "Coaching", "Coach", "Atelier", null, List.of("ESCP"), PARIS, null, "fr", false))));
    }

    private static void sendContact(String owner, String contactId, Contact contact) {
        sendEvent(Topics.CONTACTS, owner, newEventId(), EventTypes.CONTACT_UPSERTED, EventJson.write(new ContactUpserted(owner, contactId, contact)));
    }

    /** Waits until the owner's profile is applied: ana, in the owner's Paris neighbourhood, is known to be there. */
    private static void awaitProfileApplied(String owner) {
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/{contact}", owner, "ana")
                .then().statusCode(200).body("geographicScale", equalTo("NEIGHBOURHOOD")));
    }

    /** Waits until the background refresh has diagnosed the owner's current network, and the cached figure is the one given. */
    private static void awaitDiagnosed(String owner, String path, int value) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(GraphDatabase.diagnosticsAreCurrent(owner)).as("diagnosed").isTrue();
            assertThat(cachedDiagnostics(owner).at("/" + path.replace('.', '/')).asInt(-1)).as(path).isEqualTo(value);
        });
    }

    private static JsonNode diagnostics(String owner) throws Exception {
        return json(given().get("/v1/owners/{owner}/diagnostics", owner).then().statusCode(200).contentType("application/json")
                .extract().asString());
    }

    private static List<JsonNode> points(String owner) throws Exception {
        return items(given().get("/v1/owners/{owner}/diagnostics/history", owner));
    }

    private static List<JsonNode> items(Response response) throws Exception {
        JsonNode answer = json(response.then().statusCode(200).contentType("application/json").extract().asString());
        List<JsonNode> items = new ArrayList<>();
        answer.get("items").forEach(items::add);
        return items;
    }

    private static List<String> computedAts(Response response) throws Exception {
        return items(response).stream().map(point -> point.get("computedAt").asText()).toList();
    }

    private static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }

    private static JsonNode cachedDiagnostics(String owner) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT diagnostics FROM owner_diagnostics WHERE owner_id = ?")) {
            statement.setString(1, owner);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("cached diagnostics of " + owner).isTrue();
                return json(row.getString(1));
            }
        }
    }

    /** A point of the past: counts by class and at two scales (city, world), the alter-ego index, brokerage (constraint, effective size, efficiency). */
    private static void insertPoint(String owner, Instant computedAt, int strong, int weak, int dormant, int nascent, Double alterEgoIndex,
            int city, int world, double[] brokerage) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO diagnostics_history (owner_id, computed_at, contacts, strong, weak, dormant, nascent, alter_ego_index,
                                                 neighbourhood, city, department, region, country, europe, world, unknown_scale,
                                                 brokerage_constraint, brokerage_effective_size, brokerage_efficiency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, 0, ?, 0, ?, 0, ?, ?, ?)""")) {
            int contacts = strong + weak + dormant + nascent;
            insert.setString(1, owner);
            insert.setObject(2, computedAt.atOffset(ZoneOffset.UTC));
            insert.setInt(3, contacts);
            insert.setInt(4, strong);
            insert.setInt(5, weak);
            insert.setInt(6, dormant);
            insert.setInt(7, nascent);
            if (alterEgoIndex == null) {
                insert.setNull(8, Types.DOUBLE);
            } else {
                insert.setDouble(8, alterEgoIndex);
            }
            insert.setInt(9, city);
            insert.setInt(10, contacts - city - world);
            insert.setInt(11, world);
            for (int i = 0; i < 3; i++) {
                if (brokerage == null) {
                    insert.setNull(12 + i, Types.DOUBLE);
                } else {
                    insert.setDouble(12 + i, brokerage[i]);
                }
            }
            insert.executeUpdate();
        }
    }

    private record StoredPoint(Instant computedAt, int keptAs) {
    }

    private static List<StoredPoint> storedPoints(String owner) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT computed_at, kept_as FROM diagnostics_history WHERE owner_id = ? ORDER BY computed_at, id")) {
            query.setString(1, owner);
            List<StoredPoint> points = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    points.add(new StoredPoint(rows.getObject(1, OffsetDateTime.class).toInstant(), rows.getInt(2)));
                }
            }
            return points;
        }
    }

    private static long historyRows(String owner) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM diagnostics_history WHERE owner_id = ?")) {
            query.setString(1, owner);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
