package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.endOffsets;
import static io.passerelle.graph.KafkaTestClient.header;
import static io.passerelle.graph.KafkaTestClient.readAll;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
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
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.tie.TieAssessment;
import io.passerelle.tie.TieStatistics;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.localstack.OwnLocalStackTestResource;
import io.passerelle.localstack.metrics.MetricsScrape;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The replay as a job, against the real stack: the rebuild goes into tables of its own while the live
 * projection keeps serving reads and applying new events, the switch brings in the same ties, every
 * tie is published again and a tie that vanished is tombstoned; one job at a time; a job taken away
 * from its instance is resumed from what it stored; a job whose tables changed shape under it fails
 * and leaves the live projection alone.
 */
@QuarkusTest
@TestProfile(ReplayJobTest.SlowReplay.class)
// A replay reads the topics from their beginning: they must hold this class's records only.
@WithTestResource(OwnLocalStackTestResource.class)
class ReplayJobTest {
    private static final List<String> INGESTION_TOPICS = List.of(Topics.OWNERS, Topics.CONTACTS, Topics.INTERACTIONS);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int OWNERS = 4;
    private static final int CONTACTS = 20;
    private static final int INTERACTIONS = 400;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static List<String> owners;

    /**
     * Small batches and pages, and a pause after each: a replay of a few hundred records lasts seconds, long enough to watch it
     * work and to take it away from its instance in the middle of its publication.
     */
    public static class SlowReplay implements QuarkusTestProfile {
        /** Ties per page of the publication: several pages, a pause apart, so that the job can be taken away between two. */
        static final int PAGE = 10;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "passerelle.graph.replay.batch-size", "20",
                    "passerelle.graph.replay.batch-pause", "200ms",
                    "passerelle.graph.replay.publish-page-size", String.valueOf(PAGE));
        }
    }

    /** A tie as stored, assessed as of one instant. */
    private record StoredTie(TieClass tieClass, double strength, long interactionCount, Instant first, Instant last, String displayName,
            String scale) {
    }

    @Inject
    TieStrengthModel model;

    @Test
    void aReplayRebuildsBesideTheLiveProjectionAndSwitchesTheSameTiesIn() throws Exception {
        List<String> owners = network();
        // A tie whose events are no longer in the topics (retention deleted them): the replay cannot rebuild it.
        String orphan = "orphan-" + RUN;
        sql("INSERT INTO owners (owner_id, updated_at) VALUES (?, now())", orphan);
        sql("""
                INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale, origin,
                                  interaction_count, first_interaction_at, last_interaction_at, mutual_contacts, last_event_id, updated_at)
                SELECT ?, 'ghost', display_name, statistics, strength, tie_class, geographic_scale, origin, interaction_count,
                       first_interaction_at, last_interaction_at, mutual_contacts, last_event_id, updated_at
                FROM ties WHERE owner_id = ? LIMIT 1""", orphan, owners.get(0));
        List<String> withOrphan = new ArrayList<>(owners);
        withOrphan.add(orphan);
        Instant asOf = Instant.now();
        Map<String, StoredTie> before = storedTies(withOrphan, asOf);
        assertThat(before).containsKey(orphan + "/ghost");
        long versionBefore = networkVersion(owners.get(0));
        Map<TopicPartition, Long> tiesTopicBefore = endOffsets(List.of(Topics.TIES));
        List<String> indexesBefore = strings(INDEX_DEFINITIONS, "public");

        String path = Replays.request();
        String replayId = path.substring(path.lastIndexOf('/') + 1);
        given().auth().oauth2(LocalTokenIssuer.local().operator()).post("/v1/admin/replay")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("activeReplayId", equalTo(replayId))
                .body("activeReplay", endsWith(path));

        Replays.awaitState(path, "RUNNING");
        // The live consumer goes on during the rebuild, and reads are served from the live projection.
        String late = owners.get(0);
        long lateCount = before.get(late + "/contact-0").interactionCount();
        sendInteraction(late, new Interaction("late-" + RUN, "contact-0", NOW.minus(Duration.ofDays(1)), Channel.MEETING,
                Direction.MUTUAL, 60, Source.CALENDAR));
        AtomicInteger readsDuringRebuild = new AtomicInteger();
        AtomicBoolean lateServedDuringRebuild = new AtomicBoolean();
        Set<List<String>> rebuildIndexesWhileRunning = new HashSet<>();
        await().atMost(Replays.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath page = given().queryParam("limit", 500).get("/v1/owners/{owner}/ties", owners.get(1))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSize(CONTACTS);
            long count = given().get("/v1/owners/{owner}/ties/{contact}", late, "contact-0")
                    .then().statusCode(200).extract().jsonPath().getLong("interactionCount");
            // Read before the state: the indexes are built in the transaction that ends RUNNING.
            List<String> rebuildIndexes = strings(INDEX_DEFINITIONS, "graph_rebuild");
            boolean rebuilding = Replays.job(path).getString("state").equals("RUNNING");
            if (rebuilding) {
                rebuildIndexesWhileRunning.add(rebuildIndexes);
                readsDuringRebuild.incrementAndGet();
                lateServedDuringRebuild.compareAndSet(false, count == lateCount + 1);
            }
            return !rebuilding;
        });
        assertThat(readsDuringRebuild.get()).as("reads answered while the rebuild ran").isGreaterThanOrEqualTo(3);
        assertThat(lateServedDuringRebuild).as("an event sent during the rebuild applied and served by the live projection").isTrue();
        // While it reads the bulk of the records, the rebuild's tables have only the indexes of their keys.
        assertThat(rebuildIndexesWhileRunning).containsExactly(indexesBefore.stream()
                .filter(index -> index.contains("_pkey ON ")).toList());
        Map<String, StoredTie> live = storedTies(withOrphan, asOf);
        assertThat(live.get(late + "/contact-0").interactionCount()).isEqualTo(lateCount + 1);

        JsonPath job = Replays.awaitEnd(path);
        assertThat(job.getString("state")).as("error: %s", job.getString("error")).isEqualTo("COMPLETED");

        Map<String, StoredTie> rebuilt = storedTies(withOrphan, asOf);
        live.remove(orphan + "/ghost");
        assertSameTies(rebuilt, live);
        given().get("/v1/owners/{owner}/ties", orphan).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM network_versions WHERE owner_id = ?", orphan)).isZero();

        // Counts and offsets: every record of the topics read once, up to their end.
        Map<TopicPartition, Long> ends = endOffsets(INGESTION_TOPICS);
        Map<String, Object> offsets = job.getMap("topicOffsets");
        assertThat(offsets).hasSize(ends.size());
        ends.forEach((partition, end) -> {
            assertThat(job.getLong("topicOffsets.'" + partition.topic() + "-" + partition.partition() + "'.reached")).isEqualTo(end);
            assertThat(job.getLong("topicOffsets.'" + partition.topic() + "-" + partition.partition() + "'.end")).isEqualTo(end);
        });
        long records = ends.values().stream().mapToLong(Long::longValue).sum();
        assertThat(job.getLong("recordsRead")).isEqualTo(records);
        assertThat(job.getLong("eventsApplied") + job.getLong("unreadable") + job.getLong("refused")).isEqualTo(records);
        assertThat(job.getLong("eventsApplied")).isGreaterThanOrEqualTo(OWNERS * (1 + CONTACTS + INTERACTIONS / OWNERS));
        assertThat(job.getLong("tiesPublished")).isEqualTo(count("SELECT count(*) FROM ties WHERE owner_id <> ?", ""));
        assertThat(job.getLong("tombstonesPublished")).isGreaterThanOrEqualTo(1);
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.getString("error")).isNull();
        Instant requested = Instant.parse(job.getString("requestedAt"));
        Instant started = Instant.parse(job.getString("startedAt"));
        Instant switched = Instant.parse(job.getString("switchedAt"));
        Instant finished = Instant.parse(job.getString("finishedAt"));
        assertThat(requested).isBeforeOrEqualTo(started);
        assertThat(started).isBefore(switched);
        assertThat(switched).isBeforeOrEqualTo(finished);
        assertThat(given().auth().oauth2(LocalTokenIssuer.local().operator()).get("/v1/admin/replays?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("items.replayId", String.class)).contains(replayId);

        // Every tie published again after the switch, and the vanished one tombstoned.
        Map<String, ConsumerRecord<String, String>> republished = new HashMap<>();
        readAll(Topics.TIES).stream()
                .filter(record -> record.offset() >= tiesTopicBefore.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L))
                .forEach(record -> republished.put(record.key(), record));
        for (Map.Entry<String, StoredTie> entry : rebuilt.entrySet()) {
            String key = entry.getKey();
            StoredTie tie = entry.getValue();
            assertThat(republished).as("republished %s", key).containsKey(key);
            TieUpdated update = EventJson.read(republished.get(key).value(), TieUpdated.class);
            assertThat(update.tie().interactionCount()).isEqualTo(tie.interactionCount());
            assertThat(update.tie().displayName()).isEqualTo(tie.displayName());
            assertThat(update.tie().peakStrength()).as("peak of %s", key).isGreaterThanOrEqualTo(update.tie().strength());
            assertThat(update.tie().peakStrengthAt() == null).as("peak instant of %s", key).isEqualTo(tie.interactionCount() == 0);
            assertThat(header(republished.get(key), "ce_type")).isEqualTo(EventTypes.TIE_UPDATED);
        }
        // The rebuild wrote every tie's peak (V9), as the live projection does.
        assertThat(count("SELECT count(*) FROM ties WHERE owner_id LIKE ? AND peak_strength IS NULL", "replay-" + RUN + "-%")).isZero();
        assertThat(republished).containsKey(Topics.tieKey(orphan, "ghost"));
        assertThat(republished.get(Topics.tieKey(orphan, "ghost")).value()).as("tombstone").isNull();

        // The rebuilt tables serve under the names the migrations know, with the version triggers, and nothing is left behind.
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = ?", "graph_rebuild")).isZero();
        assertThat(strings(INDEX_DEFINITIONS, "public")).as("every index of the live tables, built once the rebuild read the bulk")
                .isEqualTo(indexesBefore);
        assertThat(count("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'public.ties'::regclass AND tgname <> ?", "")).isEqualTo(3);
        long versionAfter = networkVersion(owners.get(0));
        assertThat(versionAfter).as("network version bumped by the switch").isGreaterThan(versionBefore);

        // The live consumer applies to the new tables, and their triggers bump the version.
        long after = rebuilt.get(owners.get(2) + "/contact-1").interactionCount();
        sendInteraction(owners.get(2), new Interaction("after-" + RUN, "contact-1", NOW.minus(Duration.ofDays(2)), Channel.CALL,
                Direction.OUTBOUND, 10, Source.PHONE));
        await().atMost(Replays.PATIENCE).untilAsserted(() -> assertThat(given().get("/v1/owners/{owner}/ties/{contact}", owners.get(2), "contact-1")
                .then().statusCode(200).extract().jsonPath().getLong("interactionCount")).isEqualTo(after + 1));
        assertThat(networkVersion(owners.get(2))).isGreaterThan(versionAfter);
    }

    @Test
    void aJobTakenAwayFromItsInstanceIsResumedFromWhatItStored() throws Exception {
        List<String> owners = network();
        Instant asOf = Instant.now();
        Map<String, StoredTie> before = storedTies(owners, asOf);

        String path = Replays.request();
        awaitRebuilding(path);
        // As if the instance had died: its claim is gone and its lease lapsed. Its next transaction finds the job is not its own.
        sql("UPDATE replay_jobs SET claimed_by = 'an-instance-that-died', lease_until = now() - interval '1 second' WHERE replay_id = ?::uuid",
                path.substring(path.lastIndexOf('/') + 1));

        JsonPath job = awaitCompletedReadingEachRecordOnce(path);
        assertThat(job.getInt("attempts")).as("taken up again").isEqualTo(2);
        assertSameTies(storedTies(owners, asOf), before);
    }

    /** Waits until the job rebuilds, some events applied already. */
    private static void awaitRebuilding(String path) {
        await().atMost(Replays.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Replays.job(path), job -> job.getString("state").equals("RUNNING") && job.getLong("eventsApplied") > 0);
    }

    /** Waits until the job is over, checks it COMPLETED having read every record of the topics once, and answers it. */
    private static JsonPath awaitCompletedReadingEachRecordOnce(String path) {
        JsonPath job = Replays.awaitEnd(path);
        assertThat(job.getString("state")).as("error: %s", job.getString("error")).isEqualTo("COMPLETED");
        long records = endOffsets(INGESTION_TOPICS).values().stream().mapToLong(Long::longValue).sum();
        assertThat(job.getLong("recordsRead")).as("each batch committed with its offsets: no record read twice or missed").isEqualTo(records);
        return job;
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void aReplayWhoseConnectionsAreCutGoesOnFromWhatItStoredAndCountsTheRetry() throws Exception {
        List<String> owners = network();
        Instant asOf = Instant.now();
        Map<String, StoredTie> before = storedTies(owners, asOf);
        MetricsScrape metricsBefore = MetricsScrape.of(metrics);

        String path = Replays.request();
        awaitRebuilding(path);
        // As when the database restarts or a network device drops idle-looking connections: the server ends the replay's
        // sessions (its lanes' connections, outside the pool) in the middle of the rebuild.
        assertThat(count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?",
                "graph-service-replay")).as("replay sessions ended").isPositive();

        JsonPath job = awaitCompletedReadingEachRecordOnce(path);
        assertThat(job.getInt("attempts")).as("retried by the instance that holds it, not taken up again").isEqualTo(1);
        assertThat(Instant.parse(job.getString("lastRetryAt"))).as("when it was retried").isAfter(asOf);
        assertThat(job.getString("lastRetryReason")).as("why it was retried").isNotBlank();
        assertSameTies(storedTies(owners, asOf), before);
        assertThat(MetricsScrape.of(metrics).sum("passerelle_replay_retries_total") - metricsBefore.sum("passerelle_replay_retries_total"))
                .as("retries counted (the alert PasserelleReplayRetrying)").isPositive();
    }

    @Test
    void aJobTakenAwayWhilePublishingIsResumedFromItsCursorAndEachPageIsCountedOnce() throws Exception {
        List<String> owners = network();
        Instant asOf = Instant.now();
        Map<String, StoredTie> before = storedTies(owners, asOf);
        Map<TopicPartition, Long> tiesTopicBefore = endOffsets(List.of(Topics.TIES));

        String path = Replays.request();
        String replayId = path.substring(path.lastIndexOf('/') + 1);
        await().atMost(Replays.PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> Replays.job(path), job -> job.getString("state").equals("PUBLISHING") && job.getLong("tiesPublished") > 0);
        assertThat(count("SELECT jsonb_array_length(publish_cursor -> 'lanes') FROM replay_jobs WHERE replay_id = ?::uuid", replayId))
                .as("lanes of the publication (replay.lanes)").isEqualTo(2);
        // As if the instance had died in the middle of the publication.
        long publishedWhenTaken = count("""
                UPDATE replay_jobs SET claimed_by = 'an-instance-that-died', lease_until = now() - interval '1 second'
                WHERE replay_id = ?::uuid AND state = 'PUBLISHING' RETURNING ties_published""", replayId);
        // Each lane finds the job is not its own at its next page (the page's transaction ends by recording it, only under the
        // run's claim) and stops: no page of theirs counts while the job is another's. The worker then claims it again at once
        // (its lease lapsed), possibly before the first look here, and each lane goes on from its position; a run that went on
        // regardless would commit page after page, a pause apart, under the other claim.
        Set<Long> publishedMeanwhile = new HashSet<>();
        await().atMost(Replays.PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
            long published = count("SELECT ties_published FROM replay_jobs WHERE replay_id = ?::uuid AND claimed_by = 'an-instance-that-died'",
                    replayId, -1);
            if (published >= 0) {
                publishedMeanwhile.add(published);
            }
            return published < 0;
        });

        JsonPath job = Replays.awaitEnd(path);
        assertThat(publishedMeanwhile).as("ties published while the job was another instance's (pages of %s)", SlowReplay.PAGE)
                .allSatisfy(published -> assertThat(published).isEqualTo(publishedWhenTaken));
        assertThat(job.getString("state")).as("error: %s", job.getString("error")).isEqualTo("COMPLETED");
        assertThat(job.getInt("attempts")).as("taken up again").isEqualTo(2);
        long ties = count("SELECT count(*) FROM ties WHERE owner_id <> ?", "");
        assertThat(job.getLong("tiesPublished")).as("each page counted by the transaction that committed it, once").isEqualTo(ties);
        assertSameTies(storedTies(owners, asOf), before);
        Set<String> republished = new HashSet<>();
        readAll(Topics.TIES).stream()
                .filter(record -> record.offset() >= tiesTopicBefore.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L))
                .forEach(record -> republished.add(record.key()));
        assertThat(republished).as("every tie published again").containsAll(before.keySet());
    }

    @Test
    void aReplayDuringWhichAMigrationChangedATableFailsAndLeavesTheLiveProjectionAlone() throws Exception {
        List<String> owners = network();
        Instant asOf = Instant.now();
        Map<String, StoredTie> before = storedTies(owners, asOf);

        String path = Replays.request();
        Replays.awaitState(path, "RUNNING");
        try {
            sql("ALTER TABLE ties ADD COLUMN replay_test_column integer");
            JsonPath job = Replays.awaitEnd(path);
            assertThat(job.getString("state")).isEqualTo("FAILED");
            assertThat(job.getString("error")).contains("ties", "migration");
            assertThat(job.getString("finishedAt")).isNotNull();
            assertThat(job.getString("switchedAt")).isNull();
        } finally {
            sql("ALTER TABLE ties DROP COLUMN IF EXISTS replay_test_column");
        }
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = ?", "graph_rebuild")).isZero();
        assertSameTies(storedTies(owners, asOf), before);
        given().get("/v1/owners/{owner}/ties/{contact}", owners.get(3), "contact-3").then().statusCode(200);
    }

    @Test
    void anUnknownReplayIsA404AndABadLimitA400() {
        var operator = LocalTokenIssuer.local().operator();
        given().auth().oauth2(operator).get("/v1/admin/replays/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(operator).get("/v1/admin/replays/{id}", "not-a-replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(operator).get("/v1/admin/replays?limit=0")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void assertSameTies(Map<String, StoredTie> actual, Map<String, StoredTie> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, tie) -> {
            StoredTie other = actual.get(key);
            assertThat(other.tieClass()).as("class of %s", key).isEqualTo(tie.tieClass());
            assertThat(other.strength()).as("strength of %s", key).isCloseTo(tie.strength(), within(1e-9));
            assertThat(other.interactionCount()).as("interactions of %s", key).isEqualTo(tie.interactionCount());
            assertThat(other.first()).as("first interaction of %s", key).isEqualTo(tie.first());
            assertThat(other.last()).as("last interaction of %s", key).isEqualTo(tie.last());
            assertThat(other.displayName()).as("name of %s", key).isEqualTo(tie.displayName());
            assertThat(other.scale()).as("scale of %s", key).isEqualTo(tie.scale());
        });
    }

    /** The ties of the owners as stored, each assessed as of one instant, keyed ownerId/contactId. */
    private Map<String, StoredTie> storedTies(List<String> ownerIds, Instant asOf) throws Exception {
        Map<String, StoredTie> ties = new TreeMap<>();
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT t.owner_id, t.contact_id, t.statistics::text AS statistics, c.contact::text AS contact, o.profile::text AS profile
                FROM ties t LEFT JOIN contacts c ON c.owner_id = t.owner_id AND c.contact_id = t.contact_id
                LEFT JOIN owners o ON o.owner_id = t.owner_id
                WHERE t.owner_id = ANY(?)""")) {
            statement.setArray(1, connection.createArrayOf("text", ownerIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    TieStatistics statistics = EventJson.read(row.getString("statistics"), TieStatistics.class);
                    Contact contact = row.getString("contact") == null ? null : EventJson.read(row.getString("contact"), Contact.class);
                    OwnerProfile profile = row.getString("profile") == null ? null : EventJson.read(row.getString("profile"), OwnerProfile.class);
                    TieAssessment assessment = model.assess(statistics, contact, profile, asOf);
                    ties.put(Topics.tieKey(row.getString("owner_id"), row.getString("contact_id")), new StoredTie(assessment.tieClass(),
                            assessment.strength(), statistics.interactionCount(), statistics.firstInteractionAt(),
                            statistics.lastInteractionAt(), contact == null ? null : contact.displayName(), assessment.geographicScale().name()));
                }
            }
        }
        return ties;
    }

    /**
     * The owners of a small network, sent once through Kafka; waits until the live projection has all of it. The last owner's
     * records are not where their key puts them: its profile and contacts are in partition 0 of their topics, its interactions
     * in partition 1, so that the rebuild's lanes (partition n of each topic in lane n modulo the lanes) both write its ties.
     */
    private static synchronized List<String> network() {
        if (owners != null) {
            return owners;
        }
        Random random = new Random(7);
        Location paris = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
        List<String> ids = new ArrayList<>();
        for (int o = 0; o < OWNERS; o++) {
            String owner = "replay-" + RUN + "-" + o;
            ids.add(owner);
            send(Topics.OWNERS, owner, EventTypes.OWNER_PROFILE_UPDATED, new OwnerProfileUpdated(owner,
                    new OwnerProfile("Owner " + o, "Coaching", null, null, List.of(), List.of(), paris, List.of(), "en", false)));
            for (int c = 0; c < CONTACTS; c++) {
                Contact contact = new Contact("Contact " + o + "." + c, List.of(), null, null, random.nextBoolean() ? "Software" : "Coaching",
                        List.of(), List.of(), paris, Origin.values()[random.nextInt(Origin.values().length)], List.of(), Source.LINKEDIN,
                        null, random.nextInt(6), List.of(), List.of());
                send(Topics.CONTACTS, owner, EventTypes.CONTACT_UPSERTED, new ContactUpserted(owner, "contact-" + c, contact));
            }
        }
        for (int i = 0; i < INTERACTIONS; i++) {
            String owner = ids.get(random.nextInt(OWNERS));
            Interaction interaction = new Interaction("i-" + RUN + "-" + i, "contact-" + random.nextInt(CONTACTS),
                    NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 900))), Channel.values()[random.nextInt(Channel.values().length)],
                    Direction.values()[random.nextInt(Direction.values().length)], null, Source.EMAIL);
            send(Topics.INTERACTIONS, owner, EventTypes.INTERACTION_RECORDED, new InteractionRecorded(owner, interaction));
        }
        KafkaTestClient.producer().flush();
        await().atMost(Replays.PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            long counted = 0;
            for (String owner : ids) {
                JsonPath page = given().queryParam("limit", 500).get("/v1/owners/{owner}/ties", owner)
                        .then().statusCode(200).extract().jsonPath();
                assertThat(page.getList("items")).hasSize(CONTACTS);
                counted += page.getList("items.interactionCount", Long.class).stream().mapToLong(Long::longValue).sum();
            }
            assertThat(counted).isEqualTo(INTERACTIONS);
        });
        owners = ids;
        return ids;
    }

    private static void send(String topic, String owner, String type, Object data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, straddlingPartition(topic, owner), owner, EventJson.write(data));
        record.headers().add("ce_id", Identifiers.randomId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:passerelle:test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        KafkaTestClient.producer().send(record);
    }

    /** The partition of the owner that straddles the rebuild's lanes (the last one), null for the others (their key decides). */
    private static Integer straddlingPartition(String topic, String owner) {
        if (!owner.equals("replay-" + RUN + "-" + (OWNERS - 1))) {
            return null;
        }
        return topic.equals(Topics.INTERACTIONS) ? 1 : 0;
    }

    private static void sendInteraction(String owner, Interaction interaction) {
        sendEvent(Topics.INTERACTIONS, owner, KafkaTestClient.newEventId(), EventTypes.INTERACTION_RECORDED,
                EventJson.write(new InteractionRecorded(owner, interaction)));
    }

    private static long networkVersion(String owner) throws Exception {
        return count("SELECT version FROM network_versions WHERE owner_id = ?", owner);
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("a row of %s", sql).isTrue();
                return row.getLong(1);
            }
        }
    }

    /** The first column of the first row, {@code none} without a row. */
    private static long count(String sql, String parameter, long none) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : none;
            }
        }
    }

    /** The projection tables' indexes in a schema, each as "name ON table (columns)" (the schema left out), in name order. */
    private static final String INDEX_DEFINITIONS = """
            SELECT i.indexname || ' ON ' || i.tablename || ' ' || substring(i.indexdef FROM '\\(.*$')
            FROM pg_indexes i WHERE i.schemaname = ? AND i.tablename IN ('owners', 'contacts', 'ties', 'processed_events')
            ORDER BY i.indexname""";

    private static List<String> strings(String sql, String parameter) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static void sql(String sql, String... parameters) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }
}
