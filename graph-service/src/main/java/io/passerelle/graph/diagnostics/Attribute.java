package io.passerelle.graph.diagnostics;

import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import io.passerelle.vocabulary.Sector;

/**
 * The attributes on which homophily is measured (DOMAIN.md C2), each read as a set of normalised
 * values (case, accents and punctuation ignored; sectors as the vocabulary's canonical sector,
 * {@link AttributeValues}): sector and city have one value, schools and employers (current company
 * plus past companies) may have several. An empty set means unknown.
 */
public enum Attribute {
    SECTOR(Sector.values().length),
    CITY(null),
    SCHOOL(null),
    EMPLOYER(null);

    private final Integer categories;

    Attribute(Integer categories) {
        this.categories = categories;
    }

    /**
     * How many categories the attribute has in the owners' population, null when that is unknown: the
     * vocabulary's canonical sectors; cities, schools and employers are open lists. Blau's index is
     * normalised by it ({@link HomophilyIndex}).
     */
    public Integer categories() {
        return categories;
    }

    public Set<String> of(OwnerProfile owner) {
        return of(owner, new AttributeValues());
    }

    /** The owner's values, in the compared form of {@code values} (one instance per network read, it caches). */
    public Set<String> of(OwnerProfile owner, AttributeValues values) {
        if (owner == null) {
            return Set.of();
        }
        UnaryOperator<String> normalizer = values::name;
        return switch (this) {
            case SECTOR -> values(owner.sector(), values::sector);
            case CITY -> values(city(owner.location()), normalizer);
            case SCHOOL -> values(owner.schools(), normalizer);
            case EMPLOYER -> employers(owner.company(), owner.pastCompanies(), normalizer);
        };
    }

    /** The member's values, in the compared form of {@code values}. */
    public Set<String> of(NetworkMember member, AttributeValues values) {
        UnaryOperator<String> normalizer = values::name;
        return switch (this) {
            case SECTOR -> values(member.sector(), values::sector);
            case CITY -> values(member.city(), normalizer);
            case SCHOOL -> values(member.schools(), normalizer);
            case EMPLOYER -> employers(member.company(), member.pastCompanies(), normalizer);
        };
    }

    /** The name of the attribute in the Diagnostics JSON. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String city(Location location) {
        return location == null ? null : location.city();
    }

    /** The current company and the past ones, without building a list when there is only one of them. */
    private static Set<String> employers(String company, List<String> pastCompanies, UnaryOperator<String> normalizer) {
        if (pastCompanies == null || pastCompanies.isEmpty()) {
            return values(company, normalizer);
        }
        if (company == null) {
            return values(pastCompanies, normalizer);
        }
        List<String> all = new ArrayList<>(pastCompanies.size() + 1);
        all.add(company);
        all.addAll(pastCompanies);
        return values(all, normalizer);
    }

    private static Set<String> values(String value, UnaryOperator<String> normalizer) {
        String normalized = value == null ? null : normalizer.apply(value);
        return normalized == null ? Set.of() : Set.of(normalized);
    }

    private static Set<String> values(List<String> raw, UnaryOperator<String> normalizer) {
        if (raw == null || raw.isEmpty()) {
            return Set.of();
        }
        if (raw.size() == 1) {
            return values(raw.get(0), normalizer);
        }
        Set<String> set = new LinkedHashSet<>();
        for (String value : raw) {
            String normalized = value == null ? null : normalizer.apply(value);
            if (normalized != null) {
                set.add(normalized);
            }
        }
        return set;
    }
}
