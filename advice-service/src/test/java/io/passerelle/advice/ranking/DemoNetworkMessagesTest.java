package io.passerelle.advice.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.Recommendation;
import io.passerelle.localstack.demo.DemoNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The messages of the demo network (its owner, every objective of {@link DemoNetworkRankingTest},
 * the top ten, in French and in English) compared with the reviewed files under
 * {@code src/test/resources/golden/demo-messages}, and checked against the rules of
 * {@link MessageRules}. After a deliberate change of the messages, regenerate the files and review
 * the diff line by line:
 *
 * <pre>mvn -o -pl advice-service -am test -Dtest=DemoNetworkMessagesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true</pre>
 */
class DemoNetworkMessagesTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final DemoNetwork NETWORK = DemoNetwork.asOf(NOW);
    private static final List<RankableTie> TIES = DemoNetworkTies.of(NETWORK, NOW);
    private static final Map<String, RankableTie> BY_ID = TIES.stream().collect(Collectors.toMap(RankableTie::contactId, Function.identity()));
    private static final WeakTieRanker RANKER = new WeakTieRanker(RankingParameters.defaults());
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "demo-messages");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** The objectives of the demo, as {@link DemoNetworkRankingTest} states them. */
    static Stream<Arguments> objectives() {
        List<Arguments> arguments = new ArrayList<>();
        Map<String, Objective.Targets> targets = new java.util.LinkedHashMap<>();
        targets.put("job-search", new Objective.Targets(List.of("Software", "Fintech", "Digital media"), null, null, null, null, null, null));
        targets.put("commercial-prospecting", new Objective.Targets(List.of("Retail", "Food"), null, null,
                List.of("Hauts-de-France", "Île-de-France"), null, null, null));
        targets.put("business-creation", new Objective.Targets(null, null, null, null, null, null,
                List.of("legal", "finance", "investor", "mentor", "co-founder", "supplier")));
        targets.put("e-reputation", new Objective.Targets(null, null, null, null, null,
                List.of("digital", "media", "e-reputation", "job search", "employer brand"), null));
        targets.put("information", new Objective.Targets(List.of("Consulting", "Human resources"), null, null, null, null, null, null));
        for (Map.Entry<String, Objective.Targets> entry : targets.entrySet()) {
            for (String language : List.of("fr", "en")) {
                arguments.add(Arguments.of(entry.getKey(), entry.getValue(), language));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("objectives")
    void theDemosMessagesAreTheReviewedOnesAndFollowTheRules(String name, Objective.Targets targets, String language) throws IOException {
        ObjectiveType type = ObjectiveType.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        // French is the owner's language: the French run names no language and lets the profile decide.
        Objective objective = new Objective("demo-" + name, NETWORK.ownerId(), type, targets, "fr".equals(language) ? null : language, NOW, NOW);
        List<Recommendation> ranked = RANKER.rank(new RankingRequest(NETWORK.ownerId(), objective, NETWORK.owner(), TIES, 10, NOW));
        assertThat(ranked).isNotEmpty();

        StringBuilder text = new StringBuilder();
        text.append("# ").append(type).append(", ").append(language).append(", ").append(describe(targets)).append('\n');
        int rank = 0;
        for (Recommendation r : ranked) {
            Contact contact = BY_ID.get(r.contactId()).contact();
            text.append('\n').append("## ").append(++rank).append(". ").append(r.displayName()).append(" (").append(r.contactId()).append(", ")
                    .append(contact.role()).append(", ").append(contact.company()).append("): ").append(r.action()).append(", ")
                    .append(r.requestKind()).append(", ").append(r.tieClass())
                    .append(r.introductionTo() == null ? "" : ", to " + r.introductionTo().displayName()).append('\n')
                    .append(r.message().text()).append('\n');
            assertThat(r.message().language()).isEqualTo(language);
            MessageRules.check(r, BY_ID.get(r.contactId()), r.introductionTo() == null ? null : BY_ID.get(r.introductionTo().contactId()),
                    NETWORK.owner(), NOW);
        }

        Path file = GOLDEN.resolve(name + "." + language + ".txt");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + ": generate it with -Dgolden.update=true and review it");
        }
        assertThat(text.toString()).as("the messages of %s differ from %s (after a deliberate change: -Dgolden.update=true, then review the diff)",
                name, file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String describe(Objective.Targets targets) {
        List<String> parts = new ArrayList<>();
        add(parts, "sectors", targets.sectors());
        add(parts, "locations", targets.locations());
        add(parts, "topics", targets.topics());
        add(parts, "needs", targets.needs());
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + ": " + String.join(", ", values));
        }
    }

    static {
        if (UPDATE) {
            try {
                Files.createDirectories(GOLDEN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
