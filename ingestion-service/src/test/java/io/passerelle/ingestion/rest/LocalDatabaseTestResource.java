package io.passerelle.ingestion.rest;

import io.passerelle.localstack.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The local stack's PostgreSQL alone (the import jobs' database), for the profiles that point Kafka
 * somewhere unreachable on purpose: every key of the stack's configuration but the broker's.
 */
public class LocalDatabaseTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return LocalStack.shared().serviceConfiguration().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("postgres."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void stop() {
        // Shared across test classes; LocalStack.shared() stops it at JVM exit.
    }
}
