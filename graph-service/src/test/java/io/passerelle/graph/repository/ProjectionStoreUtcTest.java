package io.passerelle.graph.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectionStoreUtcTest {

    @Test
    void anInstantIsBoundAsTheSameInstantAtUtc() {
        Random random = new Random(7L);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
            assertThat(ProjectionStore.utc(instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        }
        assertThat(ProjectionStore.utc(null)).isNull();
    }
}
