package io.passerelle.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.graph.repository.ProjectionStore;
import io.passerelle.graph.repository.RebuildStore;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a projection batch reads costs what the batch names, not what the projection holds: with
 * 6,000 ties of 600 owners in the table, the statement reading a batch's ties finds them through
 * the keys, for the pairs an interaction names as for the owners whose every tie is read. Likewise
 * a replay's page of ties to publish, in the middle of 20,000, looks up its contacts and former
 * classes by key.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ProjectionReadPlanTest {
    private static final int OWNERS = 600;
    private static final int TIES_PER_OWNER = 10;

    @Test
    void aBatchReadsItsTiesThroughTheKeysNotTheWholeTable() throws Exception {
        String run = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = GraphDatabase.connect(); Statement statement = connection.createStatement()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale,
                                      interaction_count, mutual_contacts, last_event_id, updated_at)
                    SELECT ? || '-' || (i / ?), 'c' || (i % ?), 'Contact ' || i, '{}'::jsonb, random(), 'WEAK', 'CITY',
                           1, 0, 'synthetic', now()
                    FROM generate_series(0, ? - 1) AS i""")) {
                insert.setString(1, run);
                insert.setInt(2, TIES_PER_OWNER);
                insert.setInt(3, TIES_PER_OWNER);
                insert.setInt(4, OWNERS * TIES_PER_OWNER);
                assertThat(insert.executeUpdate()).isEqualTo(OWNERS * TIES_PER_OWNER);
            }
            statement.execute("ANALYZE ties");
            statement.execute("ANALYZE contacts");
            // Planned for its values, as PostgreSQL plans the first five executions of a statement the pool keeps prepared.
            statement.execute("SET plan_cache_mode = force_custom_plan");
            statement.execute("PREPARE named_ties(text[], text[], text[]) AS " + ProjectionStore.NAMED_TIES);
            String plan = plan(statement, "EXPLAIN EXECUTE named_ties('{" + run + "-1}', '{" + run + "-2," + run + "-3," + run
                    + "-4}', '{c1,c2,c3}')");
            assertThat(plan).as(plan).contains("Index").doesNotContain("Seq Scan on ties");

            statement.execute("SET plan_cache_mode = force_generic_plan");
            String generic = plan(statement, "EXPLAIN EXECUTE named_ties('{" + run + "-1}', '{" + run + "-2}', '{c1}')");
            assertThat(generic).as(generic).contains("Index").doesNotContain("Seq Scan on ties");
        } finally {
            // Owners without a profile or contacts: nothing else of the projection should see them.
            try (Connection connection = GraphDatabase.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM ties WHERE owner_id LIKE '" + run + "-%'");
                statement.execute("DELETE FROM network_versions WHERE owner_id LIKE '" + run + "-%'");
            }
        }
    }

    @Test
    void aBatchLooksUpItsOwnersAndTheirErasureMarkersByKeyWhateverThePlan() throws Exception {
        String run = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        int owners = 2_000;
        try (Connection connection = GraphDatabase.connect(); Statement statement = connection.createStatement()) {
            // A small table that stays small: owners' rows are written once, not at every batch.
            statement.execute("""
                    INSERT INTO owners (owner_id, updated_at) SELECT '%s-' || i, now() FROM generate_series(0, %d - 1) AS i"""
                    .formatted(run, owners));
            statement.execute("""
                    INSERT INTO erasure_markers (owner_hash, contact_hash, erased_as_of)
                    SELECT '%s-' || i, 'contact', now() FROM generate_series(0, %d - 1) AS i""".formatted(run, owners));
            statement.execute("ANALYZE owners");
            statement.execute("ANALYZE erasure_markers");
            // The owners of a batch of 500 interactions over 2,000 owners: about 280.
            String batch = "'{" + String.join(",", IntStream.range(0, 280).mapToObj(i -> run + "-" + (i * 7)).toList()) + "}'";
            statement.execute("PREPARE batch_owners(text[]) AS " + ProjectionStore.BATCH_OWNERS);
            statement.execute("PREPARE batch_markers(text[]) AS " + ProjectionStore.BATCH_ERASURE_MARKERS);
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                statement.execute("SET plan_cache_mode = " + mode);
                for (String execute : List.of("EXECUTE batch_owners(" + batch + ")", "EXECUTE batch_markers(" + batch + ")")) {
                    String plan = plan(statement, "EXPLAIN " + execute);
                    // "= ANY" in a filter compares every row read with every id of the batch, one after the other.
                    assertThat(plan).as(mode + "\n" + plan).doesNotContain("ANY");
                    assertThat(count(statement, execute)).as(execute).isEqualTo(280);
                }
            }
        } finally {
            try (Connection connection = GraphDatabase.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM erasure_markers WHERE owner_hash LIKE '" + run + "-%'");
                statement.execute("DELETE FROM owners WHERE owner_id LIKE '" + run + "-%'");
            }
        }
    }

    private static int count(Statement statement, String query) throws Exception {
        int rows = 0;
        try (ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }

    @Test
    void aPageOfTiesToRepublishLooksUpItsContactsAndFormerClassesByKey() throws Exception {
        String run = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        String schema = "plan_rebuild_" + run.substring(5);
        int ties = 20_000;
        try (Connection connection = GraphDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO ties (owner_id, contact_id, display_name, statistics, strength, tie_class, geographic_scale,
                                      interaction_count, mutual_contacts, last_event_id, updated_at)
                    SELECT '%1$s-' || lpad((i / 250)::text, 3, '0'), 'c' || (i %% 250), 'Contact ' || i, '{}'::jsonb, random(),
                           'WEAK', 'CITY', 1, 0, 'synthetic', now()
                    FROM generate_series(0, %2$d - 1) AS i""".formatted(run, ties));
            statement.execute("""
                    INSERT INTO contacts (owner_id, contact_id, contact, display_name, updated_at)
                    SELECT owner_id, contact_id, '{"displayName": "Contact"}'::jsonb, display_name, now()
                    FROM ties WHERE owner_id LIKE '%s-%%'""".formatted(run));
            // What the switch leaves for the publication: the former keys and classes, a primary key, no statistics yet.
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("CREATE TABLE " + schema + ".retired_ties AS SELECT owner_id, contact_id, tie_class FROM ties");
            statement.execute("ALTER TABLE " + schema + ".retired_ties ADD PRIMARY KEY (owner_id, contact_id)");
            statement.execute("ANALYZE ties");
            statement.execute("ANALYZE contacts");
            // A page of 500 keys from the middle of the table.
            String owners = "'{" + String.join(",", Collections.nCopies(500, run + "-040")) + "}'";
            String contacts = "'{" + String.join(",", IntStream.range(0, 500).mapToObj(i -> "c" + (i % 250)).toList()) + "}'";

            statement.execute("SET plan_cache_mode = force_custom_plan");
            statement.execute("PREPARE details(text[], text[]) AS " + RebuildStore.CONTACTS_AND_FORMER_CLASSES.formatted(schema));
            String custom = plan(statement, "EXPLAIN EXECUTE details(" + owners + ", " + contacts + ")");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            String generic = plan(statement, "EXPLAIN EXECUTE details(" + owners + ", " + contacts + ")");
            for (String plan : List.of(custom, generic)) {
                // A merge or hash join would read contacts or retired_ties beyond the page's keys, for each page.
                assertThat(plan).as(plan).doesNotContain("Merge").doesNotContain("Hash").doesNotContain("Seq Scan")
                        .contains("Index Scan using contacts_pkey").contains("Index Scan using retired_ties_pkey");
            }

            // A lane's page, from the middle of the table: both of its bounds are conditions of the key's index, in its order.
            statement.execute("PREPARE lane_page(text, text, int, text, text) AS " + RebuildStore.LANE_PAGE);
            String lanePage = "EXPLAIN EXECUTE lane_page('" + run + "-040', 'c0', 500, '" + run + "-060', 'c0')";
            String genericLanePage = plan(statement, lanePage);
            statement.execute("SET plan_cache_mode = force_custom_plan");
            for (String plan : List.of(plan(statement, lanePage), genericLanePage)) {
                assertThat(plan).as(plan).contains("Index Scan using ties_pkey").doesNotContain("Sort").doesNotContain("Seq Scan")
                        .containsPattern("Index Cond: .*> .*AND .*<= ");
            }
        } finally {
            try (Connection connection = GraphDatabase.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("DELETE FROM contacts WHERE owner_id LIKE '" + run + "-%'");
                statement.execute("DELETE FROM ties WHERE owner_id LIKE '" + run + "-%'");
                statement.execute("DELETE FROM network_versions WHERE owner_id LIKE '" + run + "-%'");
            }
        }
    }

    private static String plan(Statement statement, String explain) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
