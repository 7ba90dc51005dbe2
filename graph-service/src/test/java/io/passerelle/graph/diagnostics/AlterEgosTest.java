package io.passerelle.graph.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.demo.DemoNetwork;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlterEgosTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final Location PARIS = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
    private static final OwnerProfile OWNER = new OwnerProfile("Alex", "Coaching", "Coach", "Atelier", List.of("Viadeo"),
            List.of("ESCP"), PARIS, null, "fr", false);

    private static NetworkMember member(String sector, String city, String company) {
        Location location = city == null ? null : new Location(city, null, null, null, "FR", null, null);
        return new NetworkMember("c", new Contact("Someone", null, company, null, sector, null, null, location, null, null, null, null,
                null, null, null), TieClass.WEAK, GeographicScale.CITY);
    }

    @Test
    void aContactIsAnAlterEgoWhenItMatchesMostComparableAttributesIgnoringCaseAndAccents() {
        AlterEgos alterEgos = new AlterEgos(OWNER);
        assertThat(alterEgos.isAlterEgo(member("coaching", "PARIS", "Somewhere"))).isTrue();
        assertThat(alterEgos.isAlterEgo(member("Coaching", "Lyon", "Viadéo"))).isTrue();
        assertThat(alterEgos.isAlterEgo(member("Retail", "Paris", "Somewhere"))).isFalse();
        // One comparable attribute is not enough to call anyone a look-alike.
        assertThat(alterEgos.isAlterEgo(member(null, "Paris", null))).isFalse();
        assertThat(new AlterEgos(null).isAlterEgo(member("Coaching", "Paris", "Viadeo"))).isFalse();
    }

    @Test
    void theContactsItMarksAreThoseTheAlterEgoIndexCounts() {
        DemoNetwork demo = DemoNetwork.asOf(NOW);
        List<NetworkMember> members = NetworkDiagnosticsTest.demoMembers(NOW);
        AlterEgos alterEgos = new AlterEgos(demo.owner());

        long marked = members.stream().filter(alterEgos::isAlterEgo).count();

        assertThat(marked).isPositive()
                .isEqualTo(NetworkDiagnostics.compute(demo.ownerId(), demo.owner(), members, NOW).alterEgos().alterEgos());
    }
}
