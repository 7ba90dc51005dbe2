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
 * {@code mvn -pl advice-service test -Dgroups=benchmark -DexcludedGroups= -Dtest=RankingBenchmarkTest}. The goal is
 * under 100 ms; the floor printed beside it is one pass over the same ties.
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
    void rankEachObjectiveForThirtyThousandTies() {
        List<RankableTie> ties = network(new Random(42));
        OwnerProfile owner = new OwnerProfile("Owner", "Consulting", "Coach", "Atelier", List.of(), List.of(),
                new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null), List.of("career", "digital"), "fr", false);
        Objective.Targets targets = new Objective.Targets(
                List.of("Software", "Fintech"), List.of("Product manager", "CTO"), List.of("Lydia", "Qonto"), List.of("Lyon", "Berlin"),
                List.of(GeographicScale.COUNTRY, GeographicScale.EUROPE), List.of("payments"), List.of("investor", "legal", "supplier"));
        WeakTieRanker ranker = new WeakTieRanker(RankingParameters.defaults());
        System.out.printf("Ranking one objective for %,d ties (limit 50, warm paths through mutual contacts), %d runs after %d warm-up runs;%n",
                TIES, RUNS, WARM_UP);
        System.out.println("the floor is one pass over the same ties reading what the ranking reads (no matching, no scoring):");
        for (ObjectiveType type : ObjectiveType.values()) {
            Objective objective = new Objective("bench", "owner", type, targets, "fr", NOW, NOW);
            RankingRequest request = new RankingRequest("owner", objective, owner, ties, 50, NOW);
            List<Recommendation> last = null;
            for (int i = 0; i < WARM_UP; i++) {
                last = ranker.rank(request);
                floor(ties);
            }
            double[] millis = new double[RUNS];
            double[] floor = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                last = ranker.rank(request);
                millis[i] = (System.nanoTime() - start) / 1_000_000.0;
                start = System.nanoTime();
                floor(ties);
                floor[i] = (System.nanoTime() - start) / 1_000_000.0;
            }
            Arrays.sort(millis);
            Arrays.sort(floor);
            long paths = last.stream().filter(r -> r.introductionTo() != null).count();
            System.out.printf("  %-22s median %6.2f ms, p90 %6.2f ms, p99 %6.2f ms, max %6.2f ms | floor median %5.2f ms | ratio %.1f | %d warm paths in the top 50%n",
                    type, millis[RUNS / 2], millis[(int) (RUNS * 0.9)], millis[(int) (RUNS * 0.99)], millis[RUNS - 1], floor[RUNS / 2],
                    millis[RUNS / 2] / floor[RUNS / 2], paths);
            // Only that the ranking did its work; the figures above are the result.
            assertThat(last).hasSize(50);
        }
    }

    private static volatile int sink;

    /** Reads every field the ranking reads, once: what any ranking must at least pay. */
    private static void floor(List<RankableTie> ties) {
        int hash = 0;
        for (RankableTie tie : ties) {
            Contact contact = tie.contact();
            hash += tie.tie().mutualContacts() + tie.tieClass().ordinal() + contact.role().length() + contact.sector().length()
                    + contact.company().length() + contact.location().city().length() + contact.mutualContactIds().size()
                    + (tie.tie().lastReciprocatedAt() == null ? 0 : 1) + (int) (tie.tie().dimensions().intensity() * 10);
        }
        sink = hash;
    }

    private static List<RankableTie> network(Random random) {
        List<RankableTie> ties = new ArrayList<>(TIES);
        TieClass[] classes = {TieClass.WEAK, TieClass.WEAK, TieClass.WEAK, TieClass.DORMANT, TieClass.NASCENT, TieClass.STRONG};
        for (int i = 0; i < TIES; i++) {
            String id = "c-" + i;
            String[] city = CITIES[random.nextInt(CITIES.length)];
            Origin origin = Origin.values()[random.nextInt(Origin.values().length)];
            // Each person knows up to forty others of the owner's contacts: what warm paths go through.
            List<String> knows = new ArrayList<>();
            for (int k = random.nextInt(41); k > 0; k--) {
                knows.add("c-" + random.nextInt(TIES));
            }
            Contact contact = new Contact("Contact " + i, List.of(), "Company " + random.nextInt(2_000), ROLES[random.nextInt(ROLES.length)],
                    SECTORS[random.nextInt(SECTORS.length)], List.of("Company " + random.nextInt(2_000)), List.of(),
                    new Location(city[0], null, null, city[1], city[2], null, null), origin, List.of(), null, null, null, knows,
                    random.nextInt(10) == 0 ? List.of("payments", "open banking") : List.of("networking"));
            TieClass tieClass = classes[random.nextInt(classes.length)];
            Instant reciprocated = tieClass != TieClass.NASCENT && random.nextBoolean() ? NOW.minusSeconds(86_400L * random.nextInt(1_000)) : null;
            Tie tie = new Tie(id, contact.displayName(), random.nextDouble(), tieClass,
                    new TieDimensions(random.nextDouble(), 0, 0, 0, 0, 0, 0, 0),
                    GeographicScale.values()[random.nextInt(GeographicScale.values().length)], origin, random.nextInt(30), null, null,
                    knows.size(), random.nextDouble(), null, reciprocated, List.of(), NOW);
            ties.add(new RankableTie(tie, contact, tieClass == TieClass.DORMANT && random.nextBoolean() ? TieClass.STRONG : null));
        }
        return ties;
    }
}
