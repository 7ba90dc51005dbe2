package io.passerelle.ingestion.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** Turns the country of an address as people write it ("France", "Allemagne", "USA", "fr") into ISO 3166-1 alpha-2. */
final class CountryCodes {
    private static final Map<String, String> CODES = build();

    private CountryCodes() {
    }

    /** The alpha-2 code, or {@code null} when the text names no country this service knows. */
    static String of(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        return CODES.get(normalise(country));
    }

    private static Map<String, String> build() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            codes.put(normalise(code), code);
            try {
                codes.put(normalise(locale.getISO3Country()), code);
            } catch (MissingResourceException e) {
                // A few codes have no alpha-3 form in the JDK; the names still map.
            }
            codes.put(normalise(locale.getDisplayCountry(Locale.ENGLISH)), code);
            codes.put(normalise(locale.getDisplayCountry(Locale.FRENCH)), code);
        }
        codes.put("uk", "GB");
        codes.put("england", "GB");
        codes.put("angleterre", "GB");
        codes.put("great britain", "GB");
        codes.put("united states of america", "US");
        codes.put("etats unis", "US");
        codes.put("etats-unis", "US");
        codes.put("holland", "NL");
        return Map.copyOf(codes);
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('.', ' ')
                .replaceAll("\\s+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
