package io.passerelle.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.NetworkDiagnostics;
import io.passerelle.graph.repository.DiagnosticsStore;
import io.passerelle.graph.service.DiagnosticsService;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two computations of one network version (a request and the background refresh, or requests on
 * two instances) each write the cache: whichever writes second answers the entry written first, so
 * that every answer for one version is the same document. The interleavings are played one step
 * after the other against the real database, not left to timing; the owners are created claimed
 * by nobody's refresh, so that the background refresh stays out of them.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DiagnosticsCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DiagnosticsStore store;

    @Inject
    DiagnosticsService service;

    @Test
    void theComputationWrittenSecondAnswersTheEntryWrittenFirstInEitherOrder() throws Exception {
        Instant earlier = Instant.now().minusSeconds(1);
        Instant later = Instant.now();
        for (boolean earlierFirst : new boolean[] {true, false}) {
            String owner = newOwner();
            long version = version(owner);
            Diagnostics first = computedAt(owner, earlierFirst ? earlier : later);
            Diagnostics second = computedAt(owner, earlierFirst ? later : earlier);

            assertThat(store.store(owner, version, first).await().atMost(WAIT)).as("the first write is stored").contains(first);
            assertThat(store.store(owner, version, second).await().atMost(WAIT)).as("the second write answers the first").contains(first);
            assertThat(store.lookup(owner).await().atMost(WAIT).orElseThrow().current()).as("the cached entry").isEqualTo(first);
        }
    }

    @Test
    void aRequestComputingAVersionTheRefreshHasJustCachedAnswersTheCachedEntry() throws Exception {
        String owner = newOwner();
        // The refresh computes and stores; a request that found no entry a moment before computes the same version and stores after it.
        Diagnostics refreshed = service.refresh(owner).await().atMost(WAIT).orElseThrow();
        Diagnostics requested = service.refresh(owner).await().atMost(WAIT).orElseThrow();

        assertThat(requested).as("the request answers the refresh's entry").isEqualTo(refreshed);
        assertThat(service.diagnose(owner).await().atMost(WAIT)).as("and so does the next request, from the cache").isEqualTo(refreshed);
    }

    @Test
    void aComputationStoredAfterTheNetworkChangedAnswersTheEntryOfItsVersionIfAnyIsLeft() throws Exception {
        String owner = newOwner();
        long version = version(owner);
        Diagnostics cached = computedAt(owner, Instant.now().minusSeconds(1));
        assertThat(store.store(owner, version, cached).await().atMost(WAIT)).contains(cached);

        changeProfile(owner);
        long next = version(owner);
        assertThat(next).isNotEqualTo(version);
        assertThat(store.store(owner, version, computedAt(owner, Instant.now())).await().atMost(WAIT))
                .as("a late computation of the old version answers the entry cached for it").contains(cached);

        Diagnostics current = computedAt(owner, Instant.now());
        assertThat(store.store(owner, next, current).await().atMost(WAIT)).contains(current);
        assertThat(store.store(owner, version, computedAt(owner, Instant.now())).await().atMost(WAIT))
                .as("nothing is cached for the old version any more: its computation answers its own").isEmpty();
        assertThat(store.lookup(owner).await().atMost(WAIT).orElseThrow().current()).isEqualTo(current);
    }

    private static Diagnostics computedAt(String owner, Instant computedAt) {
        return NetworkDiagnostics.compute(owner, null, List.of(), computedAt);
    }

    /** A known owner with no contact, whose refresh is claimed for an hour, so that only the test writes its cache entry. */
    private static String newOwner() throws Exception {
        String owner = "cache-race-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = GraphDatabase.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO owners (owner_id, updated_at) VALUES (?, now())");
                    PreparedStatement claim = connection.prepareStatement(
                            "UPDATE network_versions SET refresh_claimed_until = now() + interval '1 hour' WHERE owner_id = ?")) {
                insert.setString(1, owner);
                insert.executeUpdate();
                claim.setString(1, owner);
                assertThat(claim.executeUpdate()).as("the owner's network version").isEqualTo(1);
            }
            connection.commit();
        }
        return owner;
    }

    private static long version(String owner) throws Exception {
        try (Connection connection = GraphDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT version FROM network_versions WHERE owner_id = ?")) {
            statement.setString(1, owner);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    private static void changeProfile(String owner) throws Exception {
        try (Connection connection = GraphDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "UPDATE owners SET profile = jsonb_build_object('displayName', 'Changed'), updated_at = now() WHERE owner_id = ?")) {
            statement.setString(1, owner);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
