package io.passerelle.runtime.messaging.consumer;

/**
 * Thrown by {@link EventBatchHandler#apply} when an event can never be applied, whatever the attempt:
 * the consumer then isolates it and sends it alone to the dead-letter topic with this message.
 */
public class EventRefusedException extends RuntimeException {
    public EventRefusedException(String reason) {
        super(reason);
    }
}
