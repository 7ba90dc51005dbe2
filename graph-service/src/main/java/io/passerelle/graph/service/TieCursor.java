package io.passerelle.graph.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of ties ends: the instant the page was computed as of, and the strength and contact
 * id of its last item. The next page is computed as of the same instant, so that the order does not
 * shift between pages as time weakens ties. Opaque to clients (base64url).
 */
public record TieCursor(Instant asOf, double strength, String contactId) {
    private static final String VERSION = "v1";

    public String encode() {
        String plain = VERSION + "|" + asOf + "|" + strength + "|" + contactId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or empty when the text is not one this service produced. */
    public static Optional<TieCursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[3].isEmpty()) {
                return Optional.empty();
            }
            double strength = Double.parseDouble(parts[2]);
            if (!(strength >= 0 && strength <= 1)) {
                return Optional.empty();
            }
            return Optional.of(new TieCursor(Instant.parse(parts[1]), strength, parts[3]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a tie of this strength and contact id comes after the cursor in the listing order. */
    public boolean precedes(double otherStrength, String otherContactId) {
        int byStrength = Double.compare(otherStrength, strength);
        return byStrength < 0 || byStrength == 0 && otherContactId.compareTo(contactId) > 0;
    }
}
