package io.passerelle.advice.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long ranking one objective takes for an owner with 30,000 ties. A benchmark, not a test: it
 * prints the figures and asserts nothing about time. Excluded from the normal build; run with
 * {@code mvn -pl advice-service test -Dgroups=benchmark -DexcludedGroups= -Dtest=RankingBenchmarkTest}.
 */
@Tag("benchmark")
class RankingBenchmarkTest {
    private static final int TIES = 30_000;
    private static final int WARM_UP = 100;
    private static final int RUNS = 300;
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    private static final String[] SECTORS = {"Software", "Fintech", "Banking", "Consulting", "Retail", "Healthcare", "Media", "Education",
        "Aerospace", "Energy", "Logistics", "Legal services", "Accounting", "Venture capital", "Real estate", "Food", "Telecommunications",
        "Public sector", "Human resources", "Insurance", "Automotive", "Tourism", "Luxury", "Construction", "Pharmaceuticals"};
    private static final String[] ROLES = {"Engineer", "Product manager", "Sales director", "CTO", "CEO", "Consultant", "Analyst",
        "Head of partnerships", "Recruiter", "Business lawyer", "Investment manager", "Procurement manager", "Designer", "Founder"};
    private static final String[][] CITIES = {{"Paris", "Île-de-France", "FR"}, {"Lyon", "Auvergne-Rhône-Alpes", "FR"},
        {"Marseille", "Provence-Alpes-Côte d'Azur", "FR"}, {"Lille", "Hauts-de-France", "FR"}, {"Nantes", "Pays de la Loire", "FR"},
        {"Bordeaux", "Nouvelle-Aquitaine", "FR"}, {"Toulouse", "Occitanie", "FR"}, {"Berlin", "Berlin", "DE"}, {"London", "England", "GB"},
        {"Brussels", "Brussels", "BE"}, {"Madrid", "Madrid", "ES"}, {"Montréal", "Québec", "CA"}, {"New York", "New York", "US"}};

    @Test
    void rankOneObjectiveForThirtyThousandTies() {
        List<RankableTie> ties = network(new Random(42));
        OwnerProfile owner = new OwnerProfile("Owner", "Consulting", "Coach", "Atelier", List.of(), List.of(),
                new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null), List.of("career", "digital"), "fr", false);
        Objective objective = new Objective("bench", "owner", ObjectiveType.JOB_SEARCH, new Objective.Targets(
                List.of("Software", "Fintech"), List.of("Product manager", "CTO"), List.of("Lydia", "Qonto"), List.of("Lyon", "Berlin"),
                List.of(GeographicScale.COUNTRY, GeographicScale.EUROPE), List.of("payments"), null), "fr", NOW, NOW);
        WeakTieRanker ranker = new WeakTieRanker(RankingParameters.defaults());
        RankingRequest request = new RankingRequest("owner", objective, owner, ties, 50, NOW);

        List<Recommendation> last = null;
        for (int i = 0; i < WARM_UP; i++) {
            last = ranker.rank(request);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            last = ranker.rank(request);
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        System.out.printf("Ranking one objective for %,d ties (limit 50), %d runs after %d warm-up runs:%n", TIES, RUNS, WARM_UP);
        System.out.printf("  median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                millis[RUNS / 2], millis[(int) (RUNS * 0.9)], millis[(int) (RUNS * 0.99)], millis[RUNS - 1]);
        // Only that the ranking did its work; the figures above are the result.
        assertThat(last).hasSize(50);
    }

    private static List<RankableTie> network(Random random) {
        List<RankableTie> ties = new ArrayList<>(TIES);
        TieClass[] classes = {TieClass.WEAK, TieClass.WEAK, TieClass.WEAK, TieClass.DORMANT, TieClass.NASCENT, TieClass.STRONG};
        for (int i = 0; i < TIES; i++) {
            String id = "c-" + i;
            String[] city = CITIES[random.nextInt(CITIES.length)];
            Origin origin = Origin.values()[random.nextInt(Origin.values().length)];
            Contact contact = new Contact("Contact " + i, List.of(), "Company " + random.nextInt(2_000), ROLES[random.nextInt(ROLES.length)],
                    SECTORS[random.nextInt(SECTORS.length)], List.of("Company " + random.nextInt(2_000)), List.of(),
                    new Location(city[0], null, null, city[1], city[2], null, null), origin, List.of(), null, null, null, List.of(),
                    random.nextInt(10) == 0 ? List.of("payments", "open banking") : List.of("networking"));
            TieClass tieClass = classes[random.nextInt(classes.length)];
            Tie tie = new Tie(id, contact.displayName(), random.nextDouble(), tieClass, new TieDimensions(0, 0, 0, 0, 0, 0, 0, 0),
                    GeographicScale.values()[random.nextInt(GeographicScale.values().length)], origin, random.nextInt(30), null, null,
                    random.nextInt(40), 0.6, null, null, List.of(), NOW);
            ties.add(new RankableTie(tie, contact, tieClass == TieClass.DORMANT && random.nextBoolean() ? TieClass.STRONG : null));
        }
        return ties;
    }
}
