package io.passerelle.advice.webhook;

/**
 * Where a delivery stands: PENDING until a 2xx (SUCCEEDED) or the last attempt of the schedule
 * (FAILED); CANCELLED when its subscription was disabled before it could be delivered.
 */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED, CANCELLED
}
