package io.passerelle.runtime.messaging.consumer;

/**
 * What a service made of one consumed record: an event to apply under its CloudEvents id, or the
 * reason it cannot be applied, which goes with the record to the dead-letter topic and must let an
 * operator act.
 */
public record Decoded<E>(String eventId, E event, String rejection) {

    public static <E> Decoded<E> accepted(String eventId, E event) {
        if (eventId == null || eventId.isBlank() || event == null) {
            throw new IllegalArgumentException("an accepted record needs an event id and an event");
        }
        return new Decoded<>(eventId, event, null);
    }

    public static <E> Decoded<E> rejected(String reason) {
        return new Decoded<>(null, null, reason == null || reason.isBlank() ? "unreadable record" : reason);
    }

    public boolean isAccepted() {
        return rejection == null;
    }
}
