package io.passerelle.localstack;

import io.passerelle.localstack.security.LocalIssuerTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A stack of the test class's own instead of the JVM's shared one ({@link LocalStackTestResource}):
 * started with the class's application and stopped with it. For a test that reads the topics from
 * their beginning, a replay for instance, and must find only its own records there, not those every
 * other test class of the module sent before it. When the environment names external servers, they
 * are used, shared as they are.
 */
public class OwnLocalStackTestResource implements QuarkusTestResourceLifecycleManager {
    private LocalStack stack;

    @Override
    public Map<String, String> start() {
        LocalIssuerTestResource.callAsThePlatform();
        stack = LocalStack.startForTests();
        return stack.serviceConfiguration();
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
