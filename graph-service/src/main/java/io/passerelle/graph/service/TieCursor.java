package io.passerelle.graph.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of ties ends: the stored strength and the contact id of its last item, the listing's
 * order ({@code strength DESC, contact_id}). Stored strengths are re-scored in the background, not at
 * each read, so the order holds between pages without pinning an instant. Opaque to clients
 * (base64url); a cursor of the former format (which also named the instant of the page) is still read.
 */
public record TieCursor(double strength, String contactId) {
    private static final String VERSION = "v2";
    private static final String FORMER_VERSION = "v1";

    public String encode() {
        String plain = VERSION + "|" + strength + "|" + contactId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or empty when the text is not one this service produced. */
    public static Optional<TieCursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            // The contact id comes last and may itself hold "|": the fields before it are split off, not it.
            String version = plain.substring(0, Math.max(0, plain.indexOf('|')));
            String[] parts = VERSION.equals(version) ? plain.split("\\|", 3)
                    : FORMER_VERSION.equals(version) ? plain.split("\\|", 4) : new String[0];
            String strength;
            String contactId;
            if (parts.length == 3) {
                strength = parts[1];
                contactId = parts[2];
            } else if (parts.length == 4) {
                Instant.parse(parts[1]); // a v1 cursor named the instant of its page: still well-formed, no longer needed
                strength = parts[2];
                contactId = parts[3];
            } else {
                return Optional.empty();
            }
            double value = Double.parseDouble(strength);
            if (contactId.isEmpty() || !(value >= 0 && value <= 1)) {
                return Optional.empty();
            }
            return Optional.of(new TieCursor(value, contactId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
