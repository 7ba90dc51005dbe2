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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import io.passerelle.graph.tie.GeographicScaleResolver;

/** Computes an owner's {@link Diagnostics} from the owner's profile and every contact with its tie class and scale. */
public final class NetworkDiagnostics {
    static final String UNKNOWN = "UNKNOWN";
    static final String NONE = "NONE";

    private NetworkDiagnostics() {
    }

    public static Diagnostics compute(String ownerId, OwnerProfile owner, List<NetworkMember> members, Instant computedAt) {
        int n = members.size();
        Map<String, Share> byClass = breakdown(members, TieClass.values(), NetworkMember::tieClass);
        Map<String, Share> byOrigin = breakdown(members, Origin.values(), NetworkMember::origin);
        Map<String, Share> byScale = breakdown(members, GeographicScale.values(), NetworkMember::geographicScale);
        Map<String, Share> bySource = breakdown(members, Source.values(), NetworkMember::source);
        Map<String, Share> byRelationContext = relationContexts(members);

        // Networks repeat the same cities, sectors, schools and companies: normalise each distinct spelling once.
        Map<String, Optional<String>> normalized = new HashMap<>();
        UnaryOperator<String> normalizer = value -> normalized
                .computeIfAbsent(value, v -> Optional.ofNullable(GeographicScaleResolver.normalized(v))).orElse(null);
        Map<String, HomophilyIndex> homophily = new LinkedHashMap<>();
        List<Set<String>> ownerValues = new ArrayList<>();
        List<List<Set<String>>> contactValues = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            contactValues.add(new ArrayList<>(Attribute.values().length));
        }
        for (Attribute attribute : Attribute.values()) {
            Set<String> ownerValue = attribute.of(owner, normalizer);
            ownerValues.add(ownerValue);
            List<Set<String>> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Set<String> value = attribute.of(members.get(i), normalizer);
                values.add(value);
                contactValues.get(i).add(value);
            }
            homophily.put(attribute.jsonName(), HomophilyIndex.of(ownerValue, values));
        }
        AlterEgoIndex alterEgos = AlterEgoIndex.of(ownerValues, contactValues);

        List<String> alterIds = new ArrayList<>(n);
        Map<String, List<String>> mutual = new HashMap<>(n * 2);
        for (NetworkMember member : members) {
            alterIds.add(member.contactId());
            if (member.mutualContactIds() != null) {
                mutual.put(member.contactId(), member.mutualContactIds());
            }
        }
        Brokerage brokerage = Brokerage.of(alterIds, mutual);

        return new Diagnostics(ownerId, n, byClass, byOrigin, byScale, bySource, byRelationContext,
                Collections.unmodifiableMap(homophily), alterEgos.index(), alterEgos, brokerage, computedAt);
    }

    private static <E extends Enum<E>> Map<String, Share> breakdown(List<NetworkMember> members, E[] values,
            Function<NetworkMember, E> key) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (E value : values) {
            counts.put(value.name(), 0);
        }
        for (NetworkMember member : members) {
            E value = key.apply(member);
            counts.merge(value == null ? UNKNOWN : value.name(), 1, Integer::sum);
        }
        return shares(counts, members.size());
    }

    private static Map<String, Share> relationContexts(List<NetworkMember> members) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RelationContext context : RelationContext.values()) {
            counts.put(context.name(), 0);
        }
        counts.put(NONE, 0);
        for (NetworkMember member : members) {
            List<RelationContext> contexts = member.relationContexts();
            if (contexts == null || contexts.isEmpty()) {
                counts.merge(NONE, 1, Integer::sum);
            } else {
                contexts.stream().filter(java.util.Objects::nonNull).distinct().forEach(context -> counts.merge(context.name(), 1, Integer::sum));
            }
        }
        return shares(counts, members.size());
    }

    private static Map<String, Share> shares(Map<String, Integer> counts, int total) {
        Map<String, Share> shares = new LinkedHashMap<>();
        counts.forEach((key, count) -> shares.put(key, new Share(count, total == 0 ? 0.0 : (double) count / total)));
        return Collections.unmodifiableMap(shares);
    }
}
