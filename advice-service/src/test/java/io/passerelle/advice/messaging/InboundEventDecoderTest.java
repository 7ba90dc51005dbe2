package io.passerelle.advice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.advice.webhook.ImportCompletion;
import io.passerelle.advice.webhook.WebhookEvent;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.passerelle.runtime.messaging.consumer.Decoded;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class InboundEventDecoderTest {
    private final InboundEventDecoder decoder = new InboundEventDecoder();

    static Tie tie(String contactId, Instant updatedAt) {
        return new Tie(contactId, "Camille", 0.3, TieClass.WEAK, null, null, null, 1, null, null, 0, 0, null, null, List.of(), updatedAt);
    }

    private static ReceivedEvent event(String topic, String key, String id, String type, String data) {
        return new ReceivedEvent(topic, 1, 42, key, id, type, "/graph", data, new RecordHeaders(), Instant.now());
    }

    private static String reasonOf(Decoded<ProjectionChange> decoded) {
        assertThat(decoded.isAccepted()).isFalse();
        return decoded.rejection();
    }

    @Test
    void tieUpdatedBecomesASnapshot() {
        TieUpdated update = new TieUpdated("o-1", tie("c-1", Instant.parse("2026-03-04T10:00:00Z")), TieClass.NASCENT, null);
        Decoded<ProjectionChange> accepted = decoder.decode(event(Topics.TIES, "o-1/c-1", "e-1", EventTypes.TIE_UPDATED, EventJson.write(update)));

        assertThat(accepted.isAccepted()).isTrue();
        assertThat(accepted.eventId()).isEqualTo("e-1");
        assertThat(accepted.event()).isEqualTo(new ProjectionChange.TieSnapshot(update));
    }

    @Test
    void tombstoneBecomesARemovalWithAnIdDerivedFromItsPosition() {
        ReceivedEvent tombstone = event(Topics.TIES, "o-1/c:1@x", null, null, null);
        Decoded<ProjectionChange> first = decoder.decode(tombstone);
        Decoded<ProjectionChange> again = decoder.decode(tombstone);
        Decoded<ProjectionChange> elsewhere = decoder.decode(new ReceivedEvent(Topics.TIES, 1, 43, "o-1/c:1@x", null, null, null, null, new RecordHeaders(), Instant.now()));

        assertThat(first.event()).isEqualTo(new ProjectionChange.TieRemoval(new ProjectionChange.TieKey("o-1", "c:1@x")));
        assertThat(first.eventId()).isEqualTo(again.eventId()).isNotEqualTo(elsewhere.eventId());
    }

    @Test
    void profileAndErasureAreRead() {
        OwnerProfile profile = new OwnerProfile("O", null, null, null, null, null, null, null, "fr", true);
        Decoded<ProjectionChange> updated = decoder.decode(event(Topics.OWNERS, "o-1", "e-2", EventTypes.OWNER_PROFILE_UPDATED,
                EventJson.write(new OwnerProfileUpdated("o-1", profile))));
        Decoded<ProjectionChange> erased = decoder.decode(event(Topics.OWNERS, "o-1", "e-3", EventTypes.OWNER_ERASED,
                EventJson.write(new OwnerErased("o-1"))));

        assertThat(updated.event()).isEqualTo(new ProjectionChange.ProfileUpdate("o-1", profile));
        assertThat(erased.event()).isEqualTo(new ProjectionChange.OwnerErasure("o-1"));
    }

    @Test
    void badRecordsAreRejectedWithAReasonAPersonCanActOn() {
        String valid = EventJson.write(new TieUpdated("o-1", tie("c-1", Instant.now()), null, null));

        assertThat(reasonOf(decoder.decode(event(Topics.TIES, "o-1/c-1", "e", EventTypes.TIE_UPDATED, "{not json"))))
                .startsWith("bad JSON for TieUpdated");
        assertThat(reasonOf(decoder.decode(event(Topics.TIES, "o-1/c-1", "e", "passerelle.tie.exploded", valid))))
                .contains("unknown CloudEvents type 'passerelle.tie.exploded'");
        assertThat(reasonOf(decoder.decode(event(Topics.OWNERS, "o-1", "e", EventTypes.TIE_UPDATED, valid))))
                .contains("unknown CloudEvents type");
        assertThat(reasonOf(decoder.decode(event(Topics.TIES, "o-1/c-1", null, EventTypes.TIE_UPDATED, valid))))
                .contains("missing ce_id");
        assertThat(reasonOf(decoder.decode(event(Topics.TIES, "o-1/c-1", "e", null, valid))))
                .contains("missing ce_type");
        assertThat(reasonOf(decoder.decode(event(Topics.TIES, "o-1/c-1", "e", EventTypes.TIE_UPDATED, "null"))))
                .contains("JSON null");
        assertThat(reasonOf(decoder.decode(event(Topics.TIES, "o-2/c-1", "e", EventTypes.TIE_UPDATED, valid))))
                .contains("does not match");
        assertThat(reasonOf(decoder.decode(event(Topics.TIES, "nokey", null, null, null))))
                .contains("tombstone key must be ownerId/contactId");
        assertThat(reasonOf(decoder.decode(event(Topics.OWNERS, "o-1", null, null, null))))
                .contains("no tombstones");
    }

    @Test
    void invalidPayloadsNameTheField() {
        Instant now = Instant.now();
        assertThat(reasonOf(tieEvent(new TieUpdated("bad owner!", tie("c-1", now), null, null)))).contains("data.ownerId");
        assertThat(reasonOf(tieEvent(new TieUpdated("o-1", null, null, null)))).contains("data.tie is required");
        assertThat(reasonOf(tieEvent(new TieUpdated("o-1", tie("c 1", now), null, null)))).contains("data.tie.contactId");
        assertThat(reasonOf(tieEvent(new TieUpdated("o-1", tie("c-1", null), null, null)))).contains("data.tie.updatedAt");
        Tie noClass = new Tie("c-1", "C", 0.3, null, null, null, null, 0, null, null, 0, 0, null, null, List.of(), now);
        assertThat(reasonOf(tieEvent(new TieUpdated("o-1", noClass, null, null)))).contains("data.tie.tieClass");
        Tie tooStrong = new Tie("c-1", "C", 1.5, TieClass.STRONG, null, null, null, 0, null, null, 0, 0, null, null, List.of(), now);
        assertThat(reasonOf(tieEvent(new TieUpdated("o-1", tooStrong, null, null)))).contains("data.tie.strength");
        Tie nul = new Tie("c-1", "Ca\u0000mille", 0.3, TieClass.WEAK, null, null, null, 0, null, null, 0, 0, null, null, List.of(), now);
        assertThat(reasonOf(tieEvent(new TieUpdated("o-1", nul, null, null)))).contains("NUL");
        assertThat(reasonOf(decoder.decode(event(Topics.OWNERS, "o-1", "e", EventTypes.OWNER_PROFILE_UPDATED,
                EventJson.write(new OwnerProfileUpdated("o-1", null)))))).contains("data.profile is required");
    }

    private Decoded<ProjectionChange> tieEvent(TieUpdated update) {
        return decoder.decode(event(Topics.TIES, null, "e", EventTypes.TIE_UPDATED, EventJson.write(update)));
    }

    private static ImportCompleted completed(String ownerId, String importId, Instant finishedAt) {
        return new ImportCompleted(importId, ownerId, "vcard", 3, 1, 0, 512, Instant.parse("2026-03-04T10:00:00Z"), finishedAt);
    }

    private Decoded<WebhookEvent> importEvent(String key, String id, String type, String data) {
        return decoder.decodeImportCompletion(event(Topics.IMPORTS, key, id, type, data));
    }

    private static String reasonOfImport(Decoded<WebhookEvent> decoded) {
        assertThat(decoded.isAccepted()).isFalse();
        return decoded.rejection();
    }

    @Test
    void importCompletedBecomesItsWebhookEventUnderTheRecordsId() {
        ImportCompleted completed = completed("o-1", "imp-1", Instant.parse("2026-03-04T10:00:07Z"));
        Decoded<WebhookEvent> accepted = importEvent("o-1", "e-9", EventTypes.IMPORT_COMPLETED, EventJson.write(completed));

        assertThat(accepted.isAccepted()).isTrue();
        assertThat(accepted.eventId()).isEqualTo("e-9");
        assertThat(accepted.event()).isEqualTo(ImportCompletion.webhookEvent("e-9", completed));
    }

    @Test
    void badImportCompletionsAreRejectedNamingWhatIsWrong() {
        String valid = EventJson.write(completed("o-1", "imp-1", Instant.now()));

        assertThat(reasonOfImport(importEvent("o-1", "e", EventTypes.IMPORT_COMPLETED, "{not json")))
                .startsWith("bad JSON for ImportCompleted");
        assertThat(reasonOfImport(importEvent("o-1", "e", "passerelle.import.started", valid)))
                .contains("unknown CloudEvents type 'passerelle.import.started'");
        assertThat(reasonOfImport(importEvent("o-1", null, EventTypes.IMPORT_COMPLETED, valid))).contains("missing ce_id");
        assertThat(reasonOfImport(importEvent("o-1", "e", EventTypes.IMPORT_COMPLETED, null))).contains("no tombstones");
        assertThat(reasonOfImport(importEvent("o-2", "e", EventTypes.IMPORT_COMPLETED, valid))).contains("does not match data.ownerId");
        assertThat(reasonOfImport(importEvent(null, "e", EventTypes.IMPORT_COMPLETED,
                EventJson.write(completed("bad owner!", "imp-1", Instant.now()))))).contains("data.ownerId");
        assertThat(reasonOfImport(importEvent(null, "e", EventTypes.IMPORT_COMPLETED,
                EventJson.write(completed("o-1", " ", Instant.now()))))).contains("data.importId");
        assertThat(reasonOfImport(importEvent(null, "e", EventTypes.IMPORT_COMPLETED,
                EventJson.write(completed("o-1", "imp-1", null))))).contains("data.finishedAt");
        assertThat(reasonOfImport(decoder.decodeImportCompletion(event(Topics.TIES, "o-1", "e", EventTypes.IMPORT_COMPLETED, valid))))
                .contains("does not carry import completions");
    }
}
