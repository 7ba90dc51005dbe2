package io.passerelle.graph.tie;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Location;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Where a contact is relative to its owner (DOMAIN.md C4): the nearest level at which both
 * locations agree. Names are compared without case, accents or punctuation, so that
 * "Saint-Étienne" and "saint etienne" are the same city.
 */
public final class GeographicScaleResolver {

    /** Members of the Council of Europe and EEA/EFTA microstates: "Europe" as a person means it. */
    static final Set<String> EUROPEAN_COUNTRIES = Set.of(
            "AD", "AL", "AM", "AT", "AZ", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FO", "FR", "GB", "GE", "GI", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD",
            "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "SM", "UA", "UK", "VA", "XK");

    private GeographicScaleResolver() {
    }

    public static GeographicScale between(Location owner, Location contact) {
        if (owner == null || contact == null) {
            return GeographicScale.UNKNOWN;
        }
        String ownerCountry = normalized(owner.country());
        String contactCountry = normalized(contact.country());
        if (ownerCountry != null && contactCountry != null && !ownerCountry.equals(contactCountry)) {
            boolean bothEuropean = EUROPEAN_COUNTRIES.contains(ownerCountry.toUpperCase(Locale.ROOT))
                    && EUROPEAN_COUNTRIES.contains(contactCountry.toUpperCase(Locale.ROOT));
            return bothEuropean ? GeographicScale.EUROPE : GeographicScale.WORLD;
        }
        // Same country, or one of them unknown: compare the finer levels, nearest first.
        if (samePostalCode(owner.postalCode(), contact.postalCode())) {
            return GeographicScale.NEIGHBOURHOOD;
        }
        if (same(owner.city(), contact.city())) {
            return GeographicScale.CITY;
        }
        if (same(owner.department(), contact.department())) {
            return GeographicScale.DEPARTMENT;
        }
        if (same(owner.region(), contact.region())) {
            return GeographicScale.REGION;
        }
        if (ownerCountry != null && ownerCountry.equals(contactCountry)) {
            return GeographicScale.COUNTRY;
        }
        return GeographicScale.UNKNOWN;
    }

    /** Whether two place names denote the same place, ignoring case, accents and punctuation; unknown is never the same. */
    public static boolean same(String left, String right) {
        String a = normalized(left);
        return a != null && a.equals(normalized(right));
    }

    private static boolean samePostalCode(String left, String right) {
        String a = normalized(left);
        String b = normalized(right);
        return a != null && b != null && a.replace(" ", "").equals(b.replace(" ", ""));
    }

    static String normalized(String value) {
        if (value == null) {
            return null;
        }
        String stripped = Normalizer.normalize(value, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{Alnum}]+", " ")
                .trim();
        return stripped.isEmpty() ? null : stripped;
    }
}
