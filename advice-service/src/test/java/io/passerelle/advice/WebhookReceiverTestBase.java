package io.passerelle.advice;

import static io.restassured.RestAssured.given;

import io.passerelle.localstack.security.LocalTokenIssuer;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * For test classes that subscribe a real HTTP receiver on loopback to advice-service's webhooks and send it
 * events over the real broker: the producer and the receiver are opened before the class and closed after
 * it, and every subscription a test records in {@link #subscriptions} is deleted after that test.
 */
abstract class WebhookReceiverTestBase {
    static TestEvents events;
    static WebhookReceiver receiver;
    final List<String> subscriptions = new ArrayList<>();

    /** Subscriptions and deliveries are operators' business. */
    static RequestSpecification asOperator() {
        return given().auth().oauth2(LocalTokenIssuer.local().operator());
    }

    @BeforeAll
    static void openEventsAndReceiver() {
        events = new TestEvents();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void closeEventsAndReceiver() {
        events.close();
        receiver.close();
    }

    @AfterEach
    void deleteSubscriptions() {
        // Unfiltered subscriptions receive every owner's events: none is left behind for the other tests.
        subscriptions.forEach(id -> asOperator().delete("/v1/webhook-subscriptions/{id}", id));
        subscriptions.clear();
    }
}
