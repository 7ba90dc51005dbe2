package io.passerelle.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifier rules of API.md and the deterministic event ids that make retries idempotent. */
public final class Identifiers {
    public static final String OWNER_ID_REGEX = "[A-Za-z0-9._-]{1,64}";
    public static final String CONTACT_ID_REGEX = "[A-Za-z0-9._:@+-]{1,128}";
    /** Not fixed by API.md; the contactId alphabet, so that calendar and message ids fit. */
    public static final String INTERACTION_ID_REGEX = "[A-Za-z0-9._:@+-]{1,128}";
    public static final Pattern OWNER_ID = Pattern.compile(OWNER_ID_REGEX);
    public static final Pattern CONTACT_ID = Pattern.compile(CONTACT_ID_REGEX);

    private Identifiers() {
    }

    /**
     * A name-based (version 3) UUID: the same parts always give the same id. Used where a retried
     * request must produce the same event id, so that consumers skip the duplicate.
     */
    public static String stableId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String randomId() {
        return UUID.randomUUID().toString();
    }
}
