package io.passerelle.tie;

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

    /**
     * "Europe" as a person means it, by ISO 3166-1 alpha-2 code: the members of the Council of Europe
     * (which include Türkiye and the South Caucasus), Russia and Belarus, the microstates (Andorra,
     * Monaco, San Marino, the Holy See, Liechtenstein), the Crown dependencies, the Faroe Islands,
     * Gibraltar, Åland, Svalbard, and Kosovo (XK, user-assigned); "UK" is accepted for GB.
     */
    public static final Set<String> EUROPEAN_COUNTRIES = Set.of(
            "AD", "AL", "AM", "AT", "AX", "AZ", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES",
            "FI", "FO", "FR", "GB", "GE", "GG", "GI", "GR", "HR", "HU", "IE", "IM", "IS", "IT", "JE", "LI", "LT",
            "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SJ",
            "SK", "SM", "TR", "UA", "UK", "VA", "XK");

    /** Two places this close are one neighbourhood, whatever their postal codes: a walk of a quarter of an hour. */
    public static final double NEIGHBOURHOOD_RADIUS_KM = 1.0;

    private static final double EARTH_RADIUS_KM = 6371.0088;

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
        if (samePostalCode(owner.postalCode(), contact.postalCode()) || withinNeighbourhood(owner, contact)) {
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

    /** Both locations have coordinates and lie within {@link #NEIGHBOURHOOD_RADIUS_KM} of each other. */
    static boolean withinNeighbourhood(Location a, Location b) {
        if (a.latitude() == null || a.longitude() == null || b.latitude() == null || b.longitude() == null) {
            return false;
        }
        return distanceKm(a.latitude(), a.longitude(), b.latitude(), b.longitude()) <= NEIGHBOURHOOD_RADIUS_KM;
    }

    /** Great-circle distance by the haversine formula, on the mean Earth radius. */
    public static double distanceKm(double latitude1, double longitude1, double latitude2, double longitude2) {
        double phi1 = Math.toRadians(latitude1);
        double phi2 = Math.toRadians(latitude2);
        double deltaPhi = Math.toRadians(latitude2 - latitude1);
        double deltaLambda = Math.toRadians(longitude2 - longitude1);
        double h = Math.sin(deltaPhi / 2) * Math.sin(deltaPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(deltaLambda / 2) * Math.sin(deltaLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
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

    /**
     * Lower case, accents removed, every run of other characters than letters and digits made one
     * space, trimmed; null when nothing is left. A single pass over the characters: this runs for
     * every attribute of every contact when a whole network is diagnosed.
     */
    public static String normalized(String value) {
        if (value == null) {
            return null;
        }
        String decomposed = isAscii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(Character.toLowerCase(c));
            } else {
                pendingSpace = true;
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
