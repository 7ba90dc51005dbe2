package io.passerelle.graph.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.graph.repository.StatisticsJson;
import io.passerelle.tie.TieAssessment;
import io.passerelle.tie.TieHistory;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStrengthModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The processor time of the projection's plain-Java work per event, apart from the database and the
 * broker: reading an interaction's JSON, folding a batch of 500 into ties loaded with a few years of
 * history (ProjectionBatch), writing each changed tie's statistics, and the JSON of its published
 * update. Prints microseconds per event for each step; asserts only that every event changed a tie.
 * Run with {@code mvn -pl graph-service -am test -Dgroups=benchmark -DexcludedGroups=none -Dtest=ProjectionFoldBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ProjectionFoldBenchmarkTest {
    private static final int OWNERS = 100;
    private static final int CONTACTS = 300;
    private static final int BATCH = 500;
    private static final int ROUNDS = Integer.getInteger("benchmark.fold.rounds", 400);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final TieStrengthModel model = new TieStrengthModel(TieParameters.defaults());
    private final Random random = new Random(7);

    @Test
    void foldOfBatches() throws Exception {
        List<OwnerProfile> profiles = new ArrayList<>();
        List<List<StoredTie>> network = new ArrayList<>();
        for (int o = 0; o < OWNERS; o++) {
            OwnerProfile profile = new OwnerProfile("Owner " + o, "software", "engineer", "Acme " + o, List.of("Globex"), List.of("INSA Lyon"),
                    new Location("Lyon", "69001", null, null, "FR", null, null), null, o % 2 == 0 ? "fr" : "en", null);
            profiles.add(profile);
            List<StoredTie> ties = new ArrayList<>();
            for (int c = 0; c < CONTACTS; c++) {
                Contact contact = new Contact("Contact " + c, List.of("c" + c + "@example.org"), "Company " + (c % 40), "role", c % 3 == 0 ? "software" : "retail",
                        List.of("Company " + (c % 17)), c % 5 == 0 ? List.of("INSA Lyon") : null,
                        new Location(c % 4 == 0 ? "Lyon" : "Paris", null, null, null, "FR", null, null), Origin.values()[c % Origin.values().length],
                        List.of(RelationContext.values()[c % RelationContext.values().length]), Source.LINKEDIN, null, null,
                        List.of("contact-" + ((c + 1) % CONTACTS), "contact-" + ((c + 7) % CONTACTS)), null);
                TieHistory history = TieHistory.empty();
                for (int i = 0; i < 1 + random.nextInt(20); i++) {
                    history = history.after(interaction("h-" + o + "-" + c + "-" + i, "contact-" + c), contact, profile, model);
                }
                TieAssessment assessment = model.assess(history.statistics(), contact, profile, NOW);
                ties.add(new StoredTie(new TieKey("owner-" + o, "contact-" + c), history.statistics(), contact, assessment.tieClass(),
                        assessment.strength(), assessment.geographicScale(), assessment.origin().origin(), history.peak()));
            }
            network.add(ties);
        }

        long decode = 0;
        long fold = 0;
        long statistics = 0;
        long publish = 0;
        long events = 0;
        long changed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<String> json = new ArrayList<>(BATCH);
            List<Integer> ownerOf = new ArrayList<>(BATCH);
            for (int e = 0; e < BATCH; e++) {
                int o = random.nextInt(OWNERS);
                ownerOf.add(o);
                json.add(EventJson.write(new InteractionRecorded("owner-" + o, interaction("r" + round + "-" + e, "contact-" + random.nextInt(CONTACTS)))));
            }
            long t0 = System.nanoTime();
            List<IngestedEvent> batch = new ArrayList<>(BATCH);
            for (int e = 0; e < BATCH; e++) {
                InteractionRecorded data = EventJson.read(json.get(e), InteractionRecorded.class);
                batch.add(new IngestedEvent.InteractionRecorded("id-" + round + "-" + e, data.ownerId(), data.interaction(), NOW));
            }
            long t1 = System.nanoTime();
            LoadPlan plan = LoadPlan.of(batch);
            List<ProjectionBatch.StoredOwner> owners = new ArrayList<>();
            List<StoredTie> loaded = new ArrayList<>();
            for (String owner : plan.owners()) {
                int o = Integer.parseInt(owner.substring("owner-".length()));
                owners.add(new ProjectionBatch.StoredOwner(owner, profiles.get(o)));
            }
            for (TieKey key : plan.ties()) {
                int o = Integer.parseInt(key.ownerId().substring("owner-".length()));
                loaded.add(network.get(o).get(Integer.parseInt(key.contactId().substring("contact-".length()))));
            }
            long t2 = System.nanoTime();
            ProjectionOutcome outcome = new ProjectionBatch(model, owners, loaded).applyAll(batch).outcome(NOW, 0.001);
            long t3 = System.nanoTime();
            int length = 0;
            for (ProjectionOutcome.TieChange change : outcome.changedTies()) {
                length += StatisticsJson.write(change.statistics()).length();
            }
            long t4 = System.nanoTime();
            for (ProjectionOutcome.TieChange change : outcome.changedTies()) {
                length += EventJson.write(new TieUpdated(change.key().ownerId(), change.tie(), change.previousTieClass(), change.contact())).length();
            }
            long t5 = System.nanoTime();
            assertThat(length).isPositive();
            if (round >= ROUNDS / 2) { // the second half, compiled
                decode += t1 - t0;
                fold += t3 - t2;
                statistics += t4 - t3;
                publish += t5 - t4;
                events += BATCH;
                changed += outcome.changedTies().size();
            }
        }
        assertThat(changed).isPositive();
        System.out.printf("%nProjection fold, %,d events in batches of %d over %d owners of %d contacts (%.0f%% of events changed a tie)%n",
                events, BATCH, OWNERS, CONTACTS, 100.0 * changed / events);
        System.out.printf("  read the interaction JSON   : %6.1f µs/event%n", decode / 1e3 / events);
        System.out.printf("  fold, assess, describe      : %6.1f µs/event%n", fold / 1e3 / events);
        System.out.printf("  statistics JSON             : %6.1f µs/event%n", statistics / 1e3 / events);
        System.out.printf("  published tie JSON          : %6.1f µs/event%n", publish / 1e3 / events);
    }

    private Interaction interaction(String id, String contactId) {
        return new Interaction(id, contactId, NOW.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 365 * 3))),
                Channel.values()[random.nextInt(Channel.values().length)], Direction.values()[random.nextInt(Direction.values().length)],
                random.nextInt(4) == 0 ? 30 : null, Source.EMAIL);
    }
}
