package io.passerelle.graph.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.events.ContactErased;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerErased;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.runtime.messaging.ReceivedEvent;
import io.passerelle.runtime.messaging.consumer.Decoded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a consumed record into an {@link IngestedEvent} under its CloudEvents id, or says in one line why it cannot be
 * applied (the reason the dead letter carries): missing headers, an unknown type, JSON that does
 * not fit the type, or a payload that breaks the contract's constraints.
 */
@ApplicationScoped
public class IngestedEventReader {
    private final Validator validator;

    public IngestedEventReader(Validator validator) {
        this.validator = validator;
    }

    /** The event, or the reason it cannot be applied; the record's broker timestamp is compared with erasure markers. */
    public Decoded<IngestedEvent> read(ReceivedEvent record) {
        Instant recordedAt = record.recordedAt();
        if (record.id() == null || record.id().isBlank()) {
            return Decoded.rejected("missing ce_id header");
        }
        if (record.type() == null || record.type().isBlank()) {
            return Decoded.rejected("missing ce_type header");
        }
        if (record.isTombstone()) {
            return Decoded.rejected("record has no value");
        }
        try {
            return switch (record.type()) {
                case EventTypes.OWNER_PROFILE_UPDATED -> profileUpdated(record, recordedAt);
                case EventTypes.CONTACT_UPSERTED -> contactUpserted(record, recordedAt);
                case EventTypes.INTERACTION_RECORDED -> interactionRecorded(record, recordedAt);
                case EventTypes.CONTACT_ERASED -> contactErased(record, recordedAt);
                case EventTypes.OWNER_ERASED -> ownerErased(record, recordedAt);
                default -> Decoded.rejected("unknown CloudEvents type '" + record.type() + "'");
            };
        } catch (JsonProcessingException e) {
            return Decoded.rejected("data is not a valid " + record.type() + " payload: " + e.getOriginalMessage());
        }
    }

    private Decoded<IngestedEvent> profileUpdated(ReceivedEvent record, Instant recordedAt) throws JsonProcessingException {
        OwnerProfileUpdated data = EventJson.read(record.data(), OwnerProfileUpdated.class);
        List<String> errors = new ArrayList<>();
        requireId(errors, "ownerId", data.ownerId(), Identifiers.OWNER_ID);
        requirePresent(errors, "profile", data.profile());
        validate(errors, "profile", data.profile());
        return errors.isEmpty()
                ? Decoded.accepted(record.id(), new IngestedEvent.ProfileUpdated(record.id(), data.ownerId(), data.profile(), recordedAt))
                : invalid(errors);
    }

    private Decoded<IngestedEvent> contactUpserted(ReceivedEvent record, Instant recordedAt) throws JsonProcessingException {
        ContactUpserted data = EventJson.read(record.data(), ContactUpserted.class);
        List<String> errors = new ArrayList<>();
        requireId(errors, "ownerId", data.ownerId(), Identifiers.OWNER_ID);
        requireId(errors, "contactId", data.contactId(), Identifiers.CONTACT_ID);
        requirePresent(errors, "contact", data.contact());
        validate(errors, "contact", data.contact());
        return errors.isEmpty()
                ? Decoded.accepted(record.id(), new IngestedEvent.ContactUpserted(record.id(), data.ownerId(), data.contactId(), data.contact(), recordedAt))
                : invalid(errors);
    }

    private Decoded<IngestedEvent> interactionRecorded(ReceivedEvent record, Instant recordedAt) throws JsonProcessingException {
        InteractionRecorded data = EventJson.read(record.data(), InteractionRecorded.class);
        List<String> errors = new ArrayList<>();
        requireId(errors, "ownerId", data.ownerId(), Identifiers.OWNER_ID);
        requirePresent(errors, "interaction", data.interaction());
        validate(errors, "interaction", data.interaction());
        return errors.isEmpty()
                ? Decoded.accepted(record.id(), new IngestedEvent.InteractionRecorded(record.id(), data.ownerId(), data.interaction(), recordedAt))
                : invalid(errors);
    }

    private Decoded<IngestedEvent> contactErased(ReceivedEvent record, Instant recordedAt) throws JsonProcessingException {
        ContactErased data = EventJson.read(record.data(), ContactErased.class);
        List<String> errors = new ArrayList<>();
        requireId(errors, "ownerId", data.ownerId(), Identifiers.OWNER_ID);
        requireId(errors, "contactId", data.contactId(), Identifiers.CONTACT_ID);
        return errors.isEmpty()
                ? Decoded.accepted(record.id(), new IngestedEvent.ContactErased(record.id(), data.ownerId(), data.contactId(), recordedAt))
                : invalid(errors);
    }

    private Decoded<IngestedEvent> ownerErased(ReceivedEvent record, Instant recordedAt) throws JsonProcessingException {
        OwnerErased data = EventJson.read(record.data(), OwnerErased.class);
        List<String> errors = new ArrayList<>();
        requireId(errors, "ownerId", data.ownerId(), Identifiers.OWNER_ID);
        return errors.isEmpty() ? Decoded.accepted(record.id(), new IngestedEvent.OwnerErased(record.id(), data.ownerId(), recordedAt)) : invalid(errors);
    }

    private static void requireId(List<String> errors, String field, String value, Pattern pattern) {
        if (value == null) {
            errors.add(field + " is required");
        } else if (!pattern.matcher(value).matches()) {
            errors.add(field + " must match " + pattern.pattern());
        }
    }

    private static void requirePresent(List<String> errors, String field, Object value) {
        if (value == null) {
            errors.add(field + " is required");
        }
    }

    private void validate(List<String> errors, String field, Object value) {
        if (value == null) {
            return;
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        violations.stream()
                .map(v -> field + "." + v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .forEach(errors::add);
    }

    private static Decoded<IngestedEvent> invalid(List<String> errors) {
        return Decoded.rejected("invalid payload: " + errors.stream().collect(Collectors.joining("; ")));
    }
}
