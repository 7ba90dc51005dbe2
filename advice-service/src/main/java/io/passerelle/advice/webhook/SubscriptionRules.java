package io.passerelle.advice.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a webhook subscription must be: an absolute http(s) url, known event types, a usable secret,
 * and, when it names owners, well-formed owner ids (API.md's rule).
 */
public final class SubscriptionRules {
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_OWNER_IDS = 1000;
    private static final Pattern OWNER_ID = io.passerelle.contracts.Identifiers.OWNER_ID;

    /** One field at fault and what it must be. */
    public record Violation(String field, String message) {
    }

    private SubscriptionRules() {
    }

    /** Every violation of a subscription request, in field order; empty when it is valid. {@code secret} may be null. */
    public static List<Violation> check(String url, List<String> eventTypes, String secret) {
        return check(url, eventTypes, secret, null);
    }

    /** As {@link #check(String, List, String)}, with the owner filter ({@code null}: every owner). */
    public static List<Violation> check(String url, List<String> eventTypes, String secret, List<String> ownerIds) {
        List<Violation> violations = new ArrayList<>();
        checkUrl(url).ifPresent(message -> violations.add(new Violation("url", message)));
        if (eventTypes == null || eventTypes.isEmpty()) {
            violations.add(new Violation("eventTypes", "must name at least one of " + WebhookEventType.wireNames()));
        } else {
            for (int i = 0; i < eventTypes.size(); i++) {
                if (WebhookEventType.fromWireName(eventTypes.get(i)).isEmpty()) {
                    violations.add(new Violation("eventTypes[" + i + "]", "must be one of " + WebhookEventType.wireNames()));
                }
            }
        }
        if (secret != null) {
            WebhookSecret.problemWith(secret).ifPresent(message -> violations.add(new Violation("secret", message)));
        }
        if (ownerIds != null) {
            if (ownerIds.isEmpty()) {
                violations.add(new Violation("ownerIds", "must name at least one owner, or be left out to receive every owner's events"));
            } else if (ownerIds.size() > MAX_OWNER_IDS) {
                violations.add(new Violation("ownerIds", "must name at most " + MAX_OWNER_IDS + " owners"));
            } else {
                for (int i = 0; i < ownerIds.size(); i++) {
                    String ownerId = ownerIds.get(i);
                    if (ownerId == null || !OWNER_ID.matcher(ownerId).matches()) {
                        violations.add(new Violation("ownerIds[" + i + "]", "must match " + OWNER_ID.pattern()));
                    }
                }
            }
        }
        return violations;
    }

    private static Optional<String> checkUrl(String url) {
        String expected = "must be an absolute http or https URL such as https://example.com/webhooks";
        if (url == null || url.isBlank()) {
            return Optional.of("is required; " + expected);
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of(expected);
            }
            if (uri.getRawFragment() != null) {
                return Optional.of("must not have a #fragment");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(expected);
        }
    }
}
