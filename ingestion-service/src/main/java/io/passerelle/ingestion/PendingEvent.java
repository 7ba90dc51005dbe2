package io.passerelle.ingestion;

import java.util.Objects;

/**
 * An event ready to be published: where it goes, the record key that keeps the owner's events in
 * order, its CloudEvents id, type and subject, and its data.
 *
 * @param <T> the data record of the event type
 */
public record PendingEvent<T>(String topic, String key, String id, String type, String subject, T data) {

    public PendingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
