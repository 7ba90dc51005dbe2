package io.passerelle.localstack;

import io.passerelle.localstack.security.LocalIssuerTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real Kafka broker and PostgreSQL of the local stack (or the
 * external ones the environment names). The stack is shared by every test class of the JVM and
 * stopped when the JVM exits. The service accepts the tokens of {@link LocalTokenIssuer#local()},
 * and every rest-assured request carries the platform's unless the test says otherwise
 * ({@code given().auth().none()}, {@code given().auth().oauth2(other)}), so that tests about
 * behaviour need not repeat authentication and tests about authentication state theirs.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        LocalIssuerTestResource.callAsThePlatform();
        return LocalStack.shared().serviceConfiguration();
    }

    @Override
    public void stop() {
        // Shared across test classes; LocalStack.shared() stops it at JVM exit.
    }
}
