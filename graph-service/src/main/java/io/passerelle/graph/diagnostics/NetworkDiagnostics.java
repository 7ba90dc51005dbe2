package io.passerelle.graph.diagnostics;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.Diagnostics.Share;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Computes an owner's {@link Diagnostics} from the owner's profile and every contact with its tie
 * class and scale, one contact at a time ({@link Accumulator}): a network of tens of thousands of
 * contacts is diagnosed as it is read, without being held in memory.
 */
public final class NetworkDiagnostics {
    static final String UNKNOWN = "UNKNOWN";
    static final String NONE = "NONE";
    /** {@code values()} copies the array at each call: once, not once per contact. */
    private static final Attribute[] ATTRIBUTES = Attribute.values();
    private static final TieClass[] TIE_CLASSES = TieClass.values();
    private static final Origin[] ORIGINS = Origin.values();
    private static final GeographicScale[] SCALES = GeographicScale.values();
    private static final Source[] SOURCES = Source.values();
    private static final RelationContext[] RELATION_CONTEXTS = RelationContext.values();

    private NetworkDiagnostics() {
    }

    /** The diagnostics with the default threshold of mutual-contact data for brokerage ({@link Brokerage#DEFAULT_MINIMUM_MUTUAL_DATA_SHARE}). */
    public static Diagnostics compute(String ownerId, OwnerProfile owner, List<NetworkMember> members, Instant computedAt) {
        return compute(ownerId, owner, members, computedAt, Brokerage.DEFAULT_MINIMUM_MUTUAL_DATA_SHARE);
    }

    /** @param minimumMutualDataShare the share of contacts with mutual-contact data below which brokerage is not given */
    public static Diagnostics compute(String ownerId, OwnerProfile owner, List<NetworkMember> members, Instant computedAt,
            double minimumMutualDataShare) {
        Accumulator accumulator = new Accumulator(owner, minimumMutualDataShare);
        members.forEach(accumulator);
        return accumulator.result(ownerId, computedAt);
    }

    /** The diagnostics of one owner's network, built one contact at a time, in any order. Not thread-safe. */
    public static final class Accumulator implements Consumer<NetworkMember> {
        private final int[] byClass = new int[TIE_CLASSES.length + 1];
        private final int[] byOrigin = new int[ORIGINS.length + 1];
        private final int[] byScale = new int[SCALES.length + 1];
        private final int[] bySource = new int[SOURCES.length + 1];
        private final int[] byRelationContext = new int[RELATION_CONTEXTS.length];
        private final boolean[] contextSeen = new boolean[RELATION_CONTEXTS.length];
        private int withoutRelationContext;
        private int contacts;
        // Networks repeat the same cities, sectors, schools and companies: normalise each distinct spelling once.
        private final AttributeValues normalizer = new AttributeValues();
        private final HomophilyIndex.Accumulator[] homophily = new HomophilyIndex.Accumulator[ATTRIBUTES.length];
        private final AlterEgoIndex.Accumulator alterEgos;
        private final Brokerage.Accumulator brokerage = new Brokerage.Accumulator();
        private final double minimumMutualDataShare;
        private final io.passerelle.vocabulary.Language language;

        /** @param owner the owner's profile, null until it arrived */
        public Accumulator(OwnerProfile owner) {
            this(owner, Brokerage.DEFAULT_MINIMUM_MUTUAL_DATA_SHARE);
        }

        /**
         * @param owner                  the owner's profile, null until it arrived
         * @param minimumMutualDataShare the share of contacts with mutual-contact data below which brokerage is not given
         */
        public Accumulator(OwnerProfile owner, double minimumMutualDataShare) {
            this.minimumMutualDataShare = minimumMutualDataShare;
            this.language = DiagnosticsSummary.languageOf(owner);
            List<Set<String>> ownerValues = new ArrayList<>(ATTRIBUTES.length);
            for (Attribute attribute : ATTRIBUTES) {
                Set<String> values = attribute.of(owner, normalizer);
                ownerValues.add(values);
                homophily[attribute.ordinal()] = new HomophilyIndex.Accumulator(values, attribute.categories());
            }
            alterEgos = new AlterEgoIndex.Accumulator(ownerValues);
        }

        @Override
        public void accept(NetworkMember member) {
            contacts++;
            count(byClass, member.tieClass());
            count(byOrigin, member.origin());
            count(byScale, member.geographicScale());
            count(bySource, member.source());
            countRelationContexts(member.relationContexts());
            List<Set<String>> values = new ArrayList<>(ATTRIBUTES.length);
            for (Attribute attribute : ATTRIBUTES) {
                Set<String> value = attribute.of(member, normalizer);
                values.add(value);
                homophily[attribute.ordinal()].add(value);
            }
            alterEgos.add(values);
            brokerage.add(member.contactId(), member.mutualContactIds());
        }

        /** The diagnostics of the contacts accepted so far. */
        public Diagnostics result(String ownerId, Instant computedAt) {
            Map<String, HomophilyIndex> byAttribute = new LinkedHashMap<>();
            for (Attribute attribute : ATTRIBUTES) {
                byAttribute.put(attribute.jsonName(), homophily[attribute.ordinal()].result());
            }
            AlterEgoIndex alterEgoIndex = alterEgos.result();
            Brokerage.Assessment assessment = brokerage.assess(minimumMutualDataShare);
            Diagnostics diagnostics = new Diagnostics(ownerId, contacts, breakdown(TIE_CLASSES, byClass), breakdown(ORIGINS, byOrigin),
                    breakdown(SCALES, byScale), breakdown(SOURCES, bySource), relationContexts(),
                    Collections.unmodifiableMap(byAttribute), alterEgoIndex.index(), alterEgoIndex, assessment.brokerage(),
                    assessment.unavailable(), null, null, computedAt);
            // Without change: each answer writes it again with its own (Diagnostics.withChange).
            return diagnostics.withSummary(DiagnosticsSummary.of(diagnostics, language));
        }

        /** Counts a value in its ordinal's slot, an unknown (null) one in the last. */
        private static void count(int[] counts, Enum<?> value) {
            counts[value == null ? counts.length - 1 : value.ordinal()]++;
        }

        /** A contact counts once per context, however often its list repeats it. */
        private void countRelationContexts(List<RelationContext> contexts) {
            if (contexts == null || contexts.isEmpty()) {
                withoutRelationContext++;
                return;
            }
            Arrays.fill(contextSeen, false);
            for (RelationContext context : contexts) {
                if (context != null && !contextSeen[context.ordinal()]) {
                    contextSeen[context.ordinal()] = true;
                    byRelationContext[context.ordinal()]++;
                }
            }
        }

        /** Every value with its count, zeros included, then UNKNOWN when some contacts do not say. */
        private Map<String, Share> breakdown(Enum<?>[] values, int[] counts) {
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (Enum<?> value : values) {
                byName.put(value.name(), counts[value.ordinal()]);
            }
            if (counts[values.length] > 0) {
                byName.put(UNKNOWN, counts[values.length]);
            }
            return shares(byName);
        }

        private Map<String, Share> relationContexts() {
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (RelationContext context : RELATION_CONTEXTS) {
                byName.put(context.name(), byRelationContext[context.ordinal()]);
            }
            byName.put(NONE, withoutRelationContext);
            return shares(byName);
        }

        private Map<String, Share> shares(Map<String, Integer> counts) {
            Map<String, Share> shares = new LinkedHashMap<>();
            counts.forEach((key, count) -> shares.put(key, new Share(count, contacts == 0 ? 0.0 : (double) count / contacts)));
            return Collections.unmodifiableMap(shares);
        }
    }
}
