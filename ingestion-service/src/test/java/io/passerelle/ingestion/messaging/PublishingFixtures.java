package io.passerelle.ingestion.messaging;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.ingestion.PendingEvent;
import io.passerelle.ingestion.config.IngestionConfig;
import java.time.Duration;

/** What the publishers' unit tests share: an event to publish, and the settings they read (503s advise 7 s). */
final class PublishingFixtures {
    static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    private PublishingFixtures() {
    }

    static PendingEvent<OwnerProfileUpdated> profileEvent() {
        OwnerProfile profile = new OwnerProfile("Ada", null, null, null, null, null, null, null, "en", null);
        return new PendingEvent<>(Topics.OWNERS, "owner-1", "event-1", EventTypes.OWNER_PROFILE_UPDATED, "owner-1",
                new OwnerProfileUpdated("owner-1", profile));
    }

    static IngestionConfig config(Duration publishTimeout) {
        return new Settings(publishTimeout, RETRY_AFTER);
    }

    // A record rather than an anonymous class: the mapping's constraints give its methods Hibernate Validator's
    // interceptor binding, which ArC refuses on an anonymous class (a static nested class is ignored).
    private record Settings(Duration publishTimeout, Duration retryAfter) implements IngestionConfig {
    }
}
