package io.passerelle.advice.ranking;

import io.passerelle.advice.Objective;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.ObjectiveType;
import io.passerelle.contracts.model.OwnerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Matches a contact's attributes against an objective's targets, case- and accent-insensitively:
 * sector, role, company (current, or past at a lower weight), location (city, department, region
 * or country, by ISO code or by English or French name), geographic scale, topics against the
 * contact's tags, and needs against role, sector and tags.
 */
public final class RelevanceMatcher {
    private final RankingParameters.TargetWeights weights;

    public RelevanceMatcher(RankingParameters.TargetWeights weights) {
        this.weights = weights;
    }

    public Relevance match(Objective objective, OwnerProfile owner, RankableTie tie) {
        Objective.Targets targets = objective.targets();
        Contact contact = tie.contact();
        List<TargetMatch> matches = new ArrayList<>();
        double weighted = 0;
        double named = 0;

        if (!targets.sectors().isEmpty()) {
            named += weights.sectors();
            Optional<String> sector = first(targets.sectors(), t -> contact != null && NormalizedText.overlaps(contact.sector(), t));
            if (sector.isPresent()) {
                matches.add(new TargetMatch(TargetMatch.Kind.SECTOR, sector.get(), 1.0));
                weighted += weights.sectors();
            }
        }
        if (!targets.roles().isEmpty()) {
            named += weights.roles();
            Optional<String> role = first(targets.roles(), t -> contact != null && NormalizedText.contains(contact.role(), t));
            if (role.isPresent()) {
                matches.add(new TargetMatch(TargetMatch.Kind.ROLE, role.get(), 1.0));
                weighted += weights.roles();
            }
        }
        if (!targets.companies().isEmpty()) {
            named += weights.companies();
            Optional<String> current = first(targets.companies(), t -> contact != null && NormalizedText.overlaps(contact.company(), t));
            Optional<String> past = first(targets.companies(),
                    t -> contact != null && orEmpty(contact.pastCompanies()).stream().anyMatch(c -> NormalizedText.overlaps(c, t)));
            if (current.isPresent()) {
                matches.add(new TargetMatch(TargetMatch.Kind.COMPANY, current.get(), 1.0));
                weighted += weights.companies();
            } else if (past.isPresent()) {
                matches.add(new TargetMatch(TargetMatch.Kind.PAST_COMPANY, past.get(), weights.pastCompanyFactor()));
                weighted += weights.companies() * Math.min(1.0, weights.pastCompanyFactor());
            }
        }
        if (!targets.locations().isEmpty()) {
            named += weights.locations();
            Location location = contact == null ? null : contact.location();
            Optional<String> place = first(targets.locations(), t -> isIn(location, t));
            if (place.isPresent()) {
                matches.add(new TargetMatch(TargetMatch.Kind.LOCATION, place.get(), 1.0));
                weighted += weights.locations();
            }
        }
        if (!targets.scales().isEmpty()) {
            named += weights.scales();
            if (tie.tie().geographicScale() != null && targets.scales().contains(tie.tie().geographicScale())) {
                matches.add(new TargetMatch(TargetMatch.Kind.SCALE, tie.tie().geographicScale().name(), 1.0));
                weighted += weights.scales();
            }
        }
        List<String> topics = topicsOf(objective, owner);
        if (!topics.isEmpty()) {
            named += weights.topics();
            Optional<String> topic = first(topics, t -> tagsOf(contact).anyMatch(tag -> NormalizedText.overlaps(tag, t)));
            if (topic.isPresent()) {
                matches.add(new TargetMatch(TargetMatch.Kind.TOPIC, topic.get(), 1.0));
                weighted += weights.topics();
            }
        }
        if (!targets.needs().isEmpty()) {
            named += weights.needs();
            Optional<String> need = first(targets.needs(), t -> contact != null
                    && (NormalizedText.contains(contact.role(), t) || NormalizedText.contains(contact.sector(), t)
                    || tagsOf(contact).anyMatch(tag -> NormalizedText.overlaps(tag, t))));
            if (need.isPresent()) {
                matches.add(new TargetMatch(TargetMatch.Kind.NEED, need.get(), 1.0));
                weighted += weights.needs();
            }
        }
        double score = named <= 0 ? 0 : Math.min(1.0, weighted / named);
        return new Relevance(score, matches);
    }

    /** Whether an objective names any target this matcher can score. */
    public boolean hasTargets(Objective objective, OwnerProfile owner) {
        return !objective.targets().isEmpty() || !topicsOf(objective, owner).isEmpty();
    }

    /**
     * An e-reputation objective without topics of its own aims at the owner's topics (DOMAIN.md:
     * "aligned with the owner's topics").
     */
    private static List<String> topicsOf(Objective objective, OwnerProfile owner) {
        if (!objective.targets().topics().isEmpty()) {
            return objective.targets().topics();
        }
        if (objective.type() == ObjectiveType.E_REPUTATION && owner != null && owner.topics() != null) {
            return owner.topics().stream().filter(t -> t != null && !t.isBlank()).toList();
        }
        return List.of();
    }

    static boolean isIn(Location location, String target) {
        if (location == null) {
            return false;
        }
        if (NormalizedText.contains(location.city(), target) || NormalizedText.contains(location.department(), target)
                || NormalizedText.contains(location.region(), target)) {
            return true;
        }
        String country = location.country();
        if (country == null || country.isBlank()) {
            return false;
        }
        String wanted = NormalizedText.normalize(target);
        if (wanted.equals(NormalizedText.normalize(country))) {
            return true;
        }
        try {
            Locale place = new Locale.Builder().setRegion(country.toUpperCase(Locale.ROOT)).build();
            return wanted.equals(NormalizedText.normalize(place.getDisplayCountry(Locale.ENGLISH)))
                    || wanted.equals(NormalizedText.normalize(place.getDisplayCountry(Locale.FRENCH)));
        } catch (java.util.IllformedLocaleException notACountryCode) {
            return false;
        }
    }

    private static Stream<String> tagsOf(Contact contact) {
        return contact == null ? Stream.empty() : orEmpty(contact.tags()).stream();
    }

    private static Optional<String> first(List<String> targets, Predicate<String> matches) {
        return targets.stream().filter(t -> t != null && !t.isBlank()).filter(matches).findFirst();
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
    }
}
