package io.passerelle.advice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * For test classes that send ties and profiles to advice-service and read the recommendation events
 * it publishes, over the real broker: the clients are opened before the class and closed after it.
 */
abstract class BrokerClientsTestBase {
    static TestEvents events;
    static RecommendationEvents published;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
        published = new RecommendationEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
        published.close();
    }
}
