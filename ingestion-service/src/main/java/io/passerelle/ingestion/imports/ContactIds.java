package io.passerelle.ingestion.imports;

import io.passerelle.contracts.Identifiers;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The contactId of an imported person, derived from the most stable natural key the file has, so
 * that importing the same file again addresses the same contacts: the LinkedIn profile URL, then the
 * vCard UID, then the e-mail address, then a hash of the name. A key that does not fit the
 * contactId pattern of API.md is replaced by its hash, under the same prefix.
 */
public final class ContactIds {
    private ContactIds() {
    }

    /** {@code linkedin:<profile slug>} from {@code https://www.linkedin.com/in/<slug>/}; {@code null} for a blank URL. */
    public static String fromLinkedInProfile(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return bounded("linkedin:", linkedInSlug(url.strip()));
    }

    /** {@code email:<address>}, lower-cased: the same address in any import is the same contact. */
    public static String fromEmail(String email) {
        return bounded("email:", email.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code vcard:<uid>}, without a {@code urn:uuid:} prefix. */
    public static String fromVCardUid(String uid) {
        String value = uid.strip();
        if (value.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            value = value.substring(9);
        }
        return bounded("vcard:", value);
    }

    /**
     * {@code name:<hash>} of the name as written, with case and spacing normalised. Scoped to the
     * format, because two files' "Jean Martin" need not be the same person.
     */
    public static String fromName(ImportFormat format, String displayName) {
        String normalised = Normalizer.normalize(displayName, Normalizer.Form.NFKC)
                .strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return "name:" + Identifiers.stableId(format.formatName(), normalised);
    }

    /** The profile's public slug, lower-cased; the whole URL when it has no {@code /in/<slug>} part. */
    static String linkedInSlug(String url) {
        String path;
        try {
            path = URI.create(url.replace(" ", "%20")).getPath();
        } catch (IllegalArgumentException e) {
            path = null;
        }
        if (path != null) {
            String[] segments = path.split("/");
            for (int i = 0; i + 1 < segments.length; i++) {
                if ((segments[i].equals("in") || segments[i].equals("pub")) && !segments[i + 1].isBlank()) {
                    return segments[i + 1].toLowerCase(Locale.ROOT);
                }
            }
        }
        return url.toLowerCase(Locale.ROOT);
    }

    private static String bounded(String prefix, String key) {
        String id = prefix + key;
        return Identifiers.CONTACT_ID.matcher(id).matches() ? id : prefix + Identifiers.stableId(key);
    }
}
