package io.passerelle.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real Kafka broker and PostgreSQL of the local stack (or the
 * external ones the environment names). The stack is shared by every test class of the JVM and
 * stopped when the JVM exits.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return LocalStack.shared().serviceConfiguration();
    }

    @Override
    public void stop() {
        // Shared across test classes; LocalStack.shared() stops it at JVM exit.
    }
}
