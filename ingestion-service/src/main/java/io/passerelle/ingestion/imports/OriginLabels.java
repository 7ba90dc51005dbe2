package io.passerelle.ingestion.imports;

import io.passerelle.contracts.model.Origin;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the relation words of address books become an {@link Origin}: vCard {@code RELATED;TYPE=}
 * values (RFC 6350 section 6.6.6) and the group labels of Google Contacts or vCard
 * {@code CATEGORIES}, in English and French.
 */
public final class OriginLabels {
    /** When a person carries several, the closest relation wins (a colleague who is a friend is a friend). */
    private static final List<Origin> CLOSEST_FIRST = List.of(Origin.FAMILY, Origin.FRIEND, Origin.FORMER_COLLEAGUE,
            Origin.COLLEAGUE, Origin.SCHOOL, Origin.CLIENT, Origin.PARTNER, Origin.NEIGHBOUR, Origin.EVENT,
            Origin.INTRODUCED, Origin.ONLINE, Origin.OTHER);

    private static final Map<String, Origin> RELATED_TYPES = Map.ofEntries(
            Map.entry("friend", Origin.FRIEND),
            Map.entry("sweetheart", Origin.FRIEND),
            Map.entry("crush", Origin.FRIEND),
            Map.entry("date", Origin.FRIEND),
            Map.entry("muse", Origin.FRIEND),
            Map.entry("co-resident", Origin.FRIEND),
            Map.entry("colleague", Origin.COLLEAGUE),
            Map.entry("co-worker", Origin.COLLEAGUE),
            Map.entry("neighbor", Origin.NEIGHBOUR),
            Map.entry("kin", Origin.FAMILY),
            Map.entry("parent", Origin.FAMILY),
            Map.entry("child", Origin.FAMILY),
            Map.entry("sibling", Origin.FAMILY),
            Map.entry("spouse", Origin.FAMILY),
            Map.entry("met", Origin.EVENT),
            Map.entry("acquaintance", Origin.OTHER),
            Map.entry("contact", Origin.OTHER),
            Map.entry("agent", Origin.OTHER));

    private static final Map<String, Origin> LABELS = Map.ofEntries(
            Map.entry("family", Origin.FAMILY), Map.entry("famille", Origin.FAMILY),
            Map.entry("friends", Origin.FRIEND), Map.entry("friend", Origin.FRIEND),
            Map.entry("amis", Origin.FRIEND), Map.entry("ami", Origin.FRIEND), Map.entry("amies", Origin.FRIEND),
            Map.entry("coworkers", Origin.COLLEAGUE), Map.entry("co-workers", Origin.COLLEAGUE),
            Map.entry("colleagues", Origin.COLLEAGUE), Map.entry("collegues", Origin.COLLEAGUE),
            Map.entry("work", Origin.COLLEAGUE), Map.entry("travail", Origin.COLLEAGUE),
            Map.entry("former colleagues", Origin.FORMER_COLLEAGUE), Map.entry("former coworkers", Origin.FORMER_COLLEAGUE),
            Map.entry("anciens collegues", Origin.FORMER_COLLEAGUE),
            Map.entry("school", Origin.SCHOOL), Map.entry("classmates", Origin.SCHOOL), Map.entry("alumni", Origin.SCHOOL),
            Map.entry("ecole", Origin.SCHOOL), Map.entry("promo", Origin.SCHOOL),
            Map.entry("clients", Origin.CLIENT), Map.entry("customers", Origin.CLIENT),
            Map.entry("partners", Origin.PARTNER), Map.entry("partenaires", Origin.PARTNER),
            Map.entry("suppliers", Origin.PARTNER), Map.entry("fournisseurs", Origin.PARTNER),
            Map.entry("neighbours", Origin.NEIGHBOUR), Map.entry("neighbors", Origin.NEIGHBOUR),
            Map.entry("voisins", Origin.NEIGHBOUR),
            Map.entry("events", Origin.EVENT), Map.entry("evenements", Origin.EVENT));

    private OriginLabels() {
    }

    /** The origin a vCard {@code RELATED;TYPE=} value implies, if any ({@code me}, {@code emergency} imply none). */
    public static Optional<Origin> ofRelatedType(String type) {
        return Optional.ofNullable(RELATED_TYPES.get(normalise(type)));
    }

    /** The origin a group label implies, if any. Google's system groups keep their {@code * } prefix. */
    public static Optional<Origin> ofLabel(String label) {
        String normalised = normalise(label);
        if (normalised.startsWith("* ")) {
            normalised = normalised.substring(2);
        }
        return Optional.ofNullable(LABELS.get(normalised));
    }

    /** The closest of several origins, or {@code null} for none. */
    public static Origin closest(Collection<Origin> origins) {
        return origins.stream().min(Comparator.comparingInt(CLOSEST_FIRST::indexOf)).orElse(null);
    }

    private static String normalise(String word) {
        return Normalizer.normalize(word.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
