package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import io.passerelle.localstack.demo.DemoNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranking inputs for the demo network. The graph service computes real tie strengths; here a simple
 * rule stands in for it, since the ranking is what is under test:
 * <ul>
 * <li>no interaction: NASCENT, strength 0.05;</li>
 * <li>last interaction more than three years ago: DORMANT, strength 0.1, formerly STRONG when there
 * were at least ten interactions, formerly WEAK otherwise;</li>
 * <li>FAMILY or FRIEND origin, or at least ten interactions: STRONG, strength 0.8;</li>
 * <li>otherwise WEAK, strength {@code min(0.6, 0.1 + 0.05 · interactions)}.</li>
 * </ul>
 * Scale: the owner's city, region or country, Europe, else the world. Mutual contacts: the contact's
 * declared {@code mutualContactIds}.
 */
final class DemoNetworkTies {
    private static final Set<String> EUROPE = Set.of("AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GB", "GR", "HR",
            "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");

    private DemoNetworkTies() {
    }

    static List<RankableTie> of(DemoNetwork network, Instant now) {
        Map<String, List<Interaction>> byContact = new HashMap<>();
        for (Interaction interaction : network.interactions()) {
            byContact.computeIfAbsent(interaction.contactId(), id -> new ArrayList<>()).add(interaction);
        }
        Location home = network.owner().location();
        List<RankableTie> ties = new ArrayList<>();
        network.contacts().forEach((contactId, contact) -> {
            List<Interaction> interactions = byContact.getOrDefault(contactId, List.of());
            Instant first = interactions.stream().map(Interaction::occurredAt).min(Instant::compareTo).orElse(null);
            Instant last = interactions.stream().map(Interaction::occurredAt).max(Instant::compareTo).orElse(null);
            int count = interactions.size();
            TieClass tieClass;
            TieClass previous = null;
            double strength;
            if (count == 0) {
                tieClass = TieClass.NASCENT;
                strength = 0.05;
            } else if (Duration.between(last, now).toDays() > 3 * 365) {
                tieClass = TieClass.DORMANT;
                previous = count >= 10 ? TieClass.STRONG : TieClass.WEAK;
                strength = 0.1;
            } else if (contact.origin() == Origin.FAMILY || contact.origin() == Origin.FRIEND || count >= 10) {
                tieClass = TieClass.STRONG;
                strength = 0.8;
            } else {
                tieClass = TieClass.WEAK;
                strength = Math.min(0.6, 0.1 + 0.05 * count);
            }
            int mutuals = contact.mutualContactIds() == null ? 0 : contact.mutualContactIds().size();
            Tie tie = new Tie(contactId, contact.displayName(), strength, tieClass, new TieDimensions(0, 0, 0, 0, 0, 0, 0, 0),
                    scale(home, contact.location()), contact.origin(), count, first, last, mutuals, strength, last, last, List.of(), now);
            ties.add(new RankableTie(tie, contact, previous));
        });
        return ties;
    }

    static Contact contact(DemoNetwork network, String contactId) {
        return network.contacts().get(contactId);
    }

    private static GeographicScale scale(Location home, Location there) {
        if (there == null || there.country() == null) {
            return GeographicScale.UNKNOWN;
        }
        if (there.city() != null && there.city().equals(home.city())) {
            return GeographicScale.CITY;
        }
        if (there.region() != null && there.region().equals(home.region())) {
            return GeographicScale.REGION;
        }
        if (there.country().equals(home.country())) {
            return GeographicScale.COUNTRY;
        }
        return EUROPE.contains(there.country()) ? GeographicScale.EUROPE : GeographicScale.WORLD;
    }
}
