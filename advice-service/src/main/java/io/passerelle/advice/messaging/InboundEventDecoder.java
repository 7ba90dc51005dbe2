package io.passerelle.advice.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.passerelle.advice.webhook.ImportCompletion;
import io.passerelle.advice.webhook.WebhookEvent;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ImportCompleted;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Tie;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.passerelle.runtime.messaging.consumer.Decoded;

/**
 * Reads a consumed record into a {@link ProjectionChange} (or, for {@code passerelle.imports.v1}, into the
 * webhook event it announces), or says in words why it cannot: the
 * reason goes with the record to the dead-letter topic, so it must let an operator act.
 */
public final class InboundEventDecoder {

    /** The change a record asks for under its event id (a redelivery keeps it), or the reason it cannot be applied. */
    public Decoded<ProjectionChange> decode(ReceivedEvent event) {
        try {
            return switch (event.topic()) {
                case Topics.TIES -> event.isTombstone() ? tombstone(event) : tieEvent(event);
                case Topics.OWNERS -> ownerEvent(event);
                default -> Decoded.rejected("topic " + event.topic() + " is not consumed by the advice service");
            };
        } catch (InvalidEvent e) {
            return Decoded.rejected(e.getMessage());
        }
    }

    /**
     * The {@code import.completed} webhook event a record of {@code passerelle.imports.v1} announces, under
     * the record's event id, or the reason it cannot be delivered.
     */
    public Decoded<WebhookEvent> decodeImportCompletion(ReceivedEvent event) {
        try {
            if (!Topics.IMPORTS.equals(event.topic())) {
                throw new InvalidEvent("topic " + event.topic() + " does not carry import completions; expected " + Topics.IMPORTS);
            }
            if (event.isTombstone()) {
                throw new InvalidEvent("null value on " + Topics.IMPORTS + ", which has no tombstones");
            }
            requireHeaders(event);
            if (!EventTypes.IMPORT_COMPLETED.equals(event.type())) {
                throw new InvalidEvent("unknown CloudEvents type " + quoted(event.type()) + " on " + Topics.IMPORTS
                        + "; expected " + EventTypes.IMPORT_COMPLETED);
            }
            ImportCompleted completed = read(event, ImportCompleted.class);
            requireOwnerId(completed.ownerId(), "data.ownerId");
            requireText(completed.importId(), "data.importId");
            requireText(completed.format(), "data.format");
            if (completed.startedAt() == null) {
                throw new InvalidEvent("invalid payload: data.startedAt is required");
            }
            if (completed.finishedAt() == null) {
                throw new InvalidEvent("invalid payload: data.finishedAt is required");
            }
            if (event.key() != null && !event.key().equals(completed.ownerId())) {
                throw new InvalidEvent("record key " + quoted(event.key()) + " does not match data.ownerId " + quoted(completed.ownerId()));
            }
            return Decoded.accepted(event.id(), ImportCompletion.webhookEvent(event.id(), completed));
        } catch (InvalidEvent e) {
            return Decoded.rejected(e.getMessage());
        }
    }

    /**
     * The id of a tombstone: tombstones carry no CloudEvents headers, so the id is derived from the
     * record's position, which a redelivery keeps.
     */
    public static String tombstoneId(ReceivedEvent event) {
        return Identifiers.stableId("tombstone", event.topic(), Integer.toString(event.partition()), Long.toString(event.offset()));
    }

    private Decoded<ProjectionChange> tombstone(ReceivedEvent event) {
        String key = event.key();
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash < 0) {
            throw new InvalidEvent("tombstone key must be ownerId/contactId, got " + quoted(key));
        }
        String ownerId = key.substring(0, slash);
        String contactId = key.substring(slash + 1);
        requireOwnerId(ownerId, "tombstone key ownerId");
        requireContactId(contactId, "tombstone key contactId");
        return Decoded.accepted(tombstoneId(event), new ProjectionChange.TieRemoval(new ProjectionChange.TieKey(ownerId, contactId)));
    }

    private Decoded<ProjectionChange> tieEvent(ReceivedEvent event) {
        requireHeaders(event);
        if (!EventTypes.TIE_UPDATED.equals(event.type())) {
            throw new InvalidEvent("unknown CloudEvents type " + quoted(event.type()) + " on " + Topics.TIES
                    + "; expected " + EventTypes.TIE_UPDATED);
        }
        TieUpdated update = read(event, TieUpdated.class);
        requireOwnerId(update.ownerId(), "data.ownerId");
        Tie tie = update.tie();
        if (tie == null) {
            throw new InvalidEvent("invalid payload: data.tie is required");
        }
        requireContactId(tie.contactId(), "data.tie.contactId");
        if (tie.tieClass() == null) {
            throw new InvalidEvent("invalid payload: data.tie.tieClass is required");
        }
        if (tie.updatedAt() == null) {
            throw new InvalidEvent("invalid payload: data.tie.updatedAt is required");
        }
        if (!(tie.strength() >= 0 && tie.strength() <= 1)) {
            throw new InvalidEvent("invalid payload: data.tie.strength must be between 0 and 1, got " + tie.strength());
        }
        String expectedKey = Topics.tieKey(update.ownerId(), tie.contactId());
        if (event.key() != null && !event.key().equals(expectedKey)) {
            throw new InvalidEvent("record key " + quoted(event.key()) + " does not match data (" + expectedKey + ")");
        }
        return Decoded.accepted(event.id(), new ProjectionChange.TieSnapshot(update));
    }

    private Decoded<ProjectionChange> ownerEvent(ReceivedEvent event) {
        if (event.isTombstone()) {
            throw new InvalidEvent("null value on " + Topics.OWNERS + ", which has no tombstones");
        }
        requireHeaders(event);
        ProjectionChange change;
        if (EventTypes.OWNER_PROFILE_UPDATED.equals(event.type())) {
            OwnerProfileUpdated update = read(event, OwnerProfileUpdated.class);
            requireOwnerId(update.ownerId(), "data.ownerId");
            if (update.profile() == null) {
                throw new InvalidEvent("invalid payload: data.profile is required");
            }
            change = new ProjectionChange.ProfileUpdate(update.ownerId(), update.profile());
        } else if (EventTypes.OWNER_ERASED.equals(event.type())) {
            OwnerErased erased = read(event, OwnerErased.class);
            requireOwnerId(erased.ownerId(), "data.ownerId");
            change = new ProjectionChange.OwnerErasure(erased.ownerId());
        } else {
            throw new InvalidEvent("unknown CloudEvents type " + quoted(event.type()) + " on " + Topics.OWNERS);
        }
        if (event.key() != null && !event.key().equals(change.ownerId())) {
            throw new InvalidEvent("record key " + quoted(event.key()) + " does not match data.ownerId " + quoted(change.ownerId()));
        }
        return Decoded.accepted(event.id(), change);
    }

    private static void requireHeaders(ReceivedEvent event) {
        if (event.id() == null || event.id().isBlank()) {
            throw new InvalidEvent("missing ce_id header (binary-mode CloudEvents expected)");
        }
        if (event.id().length() > 256) {
            throw new InvalidEvent("ce_id header longer than 256 characters");
        }
        if (event.type() == null || event.type().isBlank()) {
            throw new InvalidEvent("missing ce_type header (binary-mode CloudEvents expected)");
        }
    }

    private static <T> T read(ReceivedEvent event, Class<T> type) {
        // PostgreSQL cannot store U+0000 in text or jsonb: such a record would fail its transaction for ever.
        if (event.data().contains("\\u0000") || event.data().indexOf('\u0000') >= 0) {
            throw new InvalidEvent("invalid payload: contains the NUL character (U+0000)");
        }
        try {
            T value = EventJson.read(event.data(), type);
            if (value == null) {
                throw new InvalidEvent("invalid payload: data is JSON null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidEvent("bad JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private static void requireOwnerId(String ownerId, String field) {
        if (ownerId == null || !Identifiers.OWNER_ID.matcher(ownerId).matches()) {
            throw new InvalidEvent("invalid payload: " + field + " must match " + Identifiers.OWNER_ID_REGEX + ", got " + quoted(ownerId));
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEvent("invalid payload: " + field + " is required");
        }
        if (value.length() > 256) {
            throw new InvalidEvent("invalid payload: " + field + " is longer than 256 characters");
        }
    }

    private static void requireContactId(String contactId, String field) {
        if (contactId == null || !Identifiers.CONTACT_ID.matcher(contactId).matches()) {
            throw new InvalidEvent("invalid payload: " + field + " must match " + Identifiers.CONTACT_ID_REGEX + ", got " + quoted(contactId));
        }
    }

    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }

    /** Carries a rejection reason out of nested checks. */
    private static final class InvalidEvent extends RuntimeException {
        InvalidEvent(String reason) {
            super(reason, null, false, false);
        }
    }
}
