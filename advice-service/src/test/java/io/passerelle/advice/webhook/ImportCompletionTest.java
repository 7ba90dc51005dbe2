package io.passerelle.advice.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.json.EventJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImportCompletionTest {
    private static final ImportCompleted COMPLETED = new ImportCompleted("6f1c2a8e-0b7d-4c1e-9a53-2f4d8e1b7c90", "o-1",
            "linkedin-connections", 148, 2, 5, 40_960, Instant.parse("2026-03-04T10:00:00Z"), Instant.parse("2026-03-04T10:00:07Z"));

    @Test
    void carriesWhatTheEventSaysTheCompletedStateAndTheJobsLocation() {
        ImportCompletion data = ImportCompletion.of(COMPLETED);

        assertThat(data).isEqualTo(new ImportCompletion("6f1c2a8e-0b7d-4c1e-9a53-2f4d8e1b7c90", "o-1", "linkedin-connections",
                "COMPLETED", 148, 2, 5, 40_960, Instant.parse("2026-03-04T10:00:00Z"), Instant.parse("2026-03-04T10:00:07Z"),
                "/v1/owners/o-1/imports/6f1c2a8e-0b7d-4c1e-9a53-2f4d8e1b7c90"));
    }

    @Test
    void theWebhookEventIsTheConsumedEventsUnderItsIdAboutTheOwnerAndNoContact() throws Exception {
        WebhookEvent event = ImportCompletion.webhookEvent("ev-1", COMPLETED);

        assertThat(event.eventId()).isEqualTo("ev-1");
        assertThat(event.type()).isEqualTo(WebhookEventType.IMPORT_COMPLETED);
        assertThat(event.ownerId()).isEqualTo("o-1");
        assertThat(event.contactId()).isNull();
        JsonNode body = EventJson.read(event.payload(), JsonNode.class);
        assertThat(body.path("type").asText()).isEqualTo("import.completed");
        assertThat(body.path("timestamp").asText()).isEqualTo("2026-03-04T10:00:07Z");
        JsonNode data = body.path("data");
        assertThat(data.path("importId").asText()).isEqualTo("6f1c2a8e-0b7d-4c1e-9a53-2f4d8e1b7c90");
        assertThat(data.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(data.path("accepted").asLong()).isEqualTo(148);
        assertThat(data.path("rejectedCount").asLong()).isEqualTo(2);
        assertThat(data.path("startedAt").asText()).isEqualTo("2026-03-04T10:00:00Z");
        assertThat(data.path("location").asText()).isEqualTo("/v1/owners/o-1/imports/6f1c2a8e-0b7d-4c1e-9a53-2f4d8e1b7c90");
        // The same event always gives the same bytes: every retry sends the body that was signed first.
        assertThat(ImportCompletion.webhookEvent("ev-1", COMPLETED).payload()).isEqualTo(event.payload());
    }

    @Test
    void importCompletedIsASubscribableType() {
        assertThat(WebhookEventType.fromWireName("import.completed")).contains(WebhookEventType.IMPORT_COMPLETED);
        assertThat(WebhookEventType.wireNames()).contains("import.completed");
    }
}
