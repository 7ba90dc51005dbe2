package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the owner's network already covers: how many of their ties work in each sector and live in
 * each region. A contact from a sector or region the network barely reaches is a bridge (Burt:
 * non-redundant contacts carry new information); one from the owner's own sector or region is not.
 */
final class NetworkProfile {
    private final Map<String, Integer> sectors = new HashMap<>();
    private final Map<String, Integer> places = new HashMap<>();
    // Novelty per distinct sector and place, remembered for the ranking (thousands of ties share a few hundred values).
    private final Map<String, Double> sectorNovelty = new HashMap<>();
    private final Map<Location, Double> placeNovelty = new HashMap<>();
    private final int size;
    private final String ownerSector;
    private final String ownerPlace;
    private final RankingParameters.Bridging weights;
    private final double halfMutuals;

    private NetworkProfile(List<RankableTie> ties, OwnerProfile owner, RankingParameters.Bridging weights, double halfMutuals,
                           NormalizedText.Memo memo) {
        this.weights = weights;
        this.halfMutuals = halfMutuals;
        this.size = ties.size();
        // Counted by the values as written first (one map operation per tie), then folded into normal forms:
        // tens of thousands of ties share a few hundred spellings.
        Map<String, int[]> rawSectors = new HashMap<>();
        Map<Location, int[]> rawPlaces = new HashMap<>();
        for (RankableTie tie : ties) {
            Contact contact = tie.contact();
            if (contact != null) {
                if (contact.sector() != null) {
                    rawSectors.computeIfAbsent(contact.sector(), k -> new int[1])[0]++;
                }
                if (contact.location() != null) {
                    rawPlaces.computeIfAbsent(contact.location(), k -> new int[1])[0]++;
                }
            }
        }
        rawSectors.forEach((sector, count) -> count(sectors, memo.key(sector), count[0]));
        rawPlaces.forEach((location, count) -> count(places, placeKey(location, memo), count[0]));
        this.ownerSector = owner == null ? "" : memo.key(owner.sector());
        this.ownerPlace = owner == null ? "" : placeKey(owner.location(), memo);
    }

    static NetworkProfile of(List<RankableTie> ties, OwnerProfile owner, RankingParameters parameters, NormalizedText.Memo memo) {
        return new NetworkProfile(ties, owner, parameters.bridging(), parameters.bridging().halfMutuals(), memo);
    }

    /** How far a tie bridges, in [0, 1], with its parts. */
    record Bridge(double value, double sectorNovelty, double placeNovelty) {
    }

    /**
     * @param countMutuals whether few mutual contacts count as bridging (reach into other clusters)
     * @param countPlace whether a place the network barely reaches counts
     */
    Bridge bridge(RankableTie tie, NormalizedText.Memo memo, boolean countMutuals, boolean countPlace) {
        int mutuals = Math.max(0, tie.tie().mutualContacts());
        double fewMutuals = halfMutuals / (halfMutuals + mutuals);
        Contact contact = tie.contact();
        double sector = contact == null || contact.sector() == null ? 0
                : sectorNovelty.computeIfAbsent(contact.sector(), value -> novelty(sectors, memo.key(value), ownerSector));
        double place = contact == null || contact.location() == null ? 0
                : placeNovelty.computeIfAbsent(contact.location(), value -> novelty(places, placeKey(value, memo), ownerPlace));
        double mutualsWeight = countMutuals ? weights.mutuals() : 0;
        double placeWeight = countPlace ? weights.placeNovelty() : 0;
        double total = mutualsWeight + weights.sectorNovelty() + placeWeight;
        double value = total <= 0 ? 0
                : (mutualsWeight * fewMutuals + weights.sectorNovelty() * sector + placeWeight * place) / total;
        return new Bridge(value, sector, countPlace ? place : 0);
    }

    private double novelty(Map<String, Integer> counts, String key, String owners) {
        if (key.isEmpty() || key.equals(owners) || size == 0) {
            return 0;
        }
        double share = counts.getOrDefault(key, 0) / (double) size;
        return Math.max(0, 1 - share / weights.commonShare());
    }

    /** Region within country; the city when the region is unknown. */
    static String placeKey(Location location, NormalizedText.Memo memo) {
        if (location == null) {
            return "";
        }
        String area = memo.key(location.region());
        if (area.isEmpty()) {
            area = memo.key(location.city());
        }
        String country = memo.key(location.country());
        return area.isEmpty() && country.isEmpty() ? "" : country + "|" + area;
    }

    /** The place a reason names: the region, else the city, else the country. */
    static String placeName(Location location) {
        if (location == null) {
            return "";
        }
        for (String name : new String[] {location.region(), location.city(), location.country()}) {
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return "";
    }

    private static void count(Map<String, Integer> counts, String key, int times) {
        if (!key.isEmpty()) {
            counts.merge(key, times, Integer::sum);
        }
    }
}
