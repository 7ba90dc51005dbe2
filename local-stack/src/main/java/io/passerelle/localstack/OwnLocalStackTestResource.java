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
 *
 * <p>With the argument {@value #POSTGRES_TLS} set to {@code required}
 * ({@code @WithTestResource(value = OwnLocalStackTestResource.class, initArgs = @ResourceArg(name = "postgres-tls", value = "required"))}),
 * its PostgreSQL accepts encrypted connections only and the application reaches it over TLS
 * ({@link LocalStack#startForTestsWithPostgresTls()}).
 */
public class OwnLocalStackTestResource implements QuarkusTestResourceLifecycleManager {
    /** The argument that asks for a PostgreSQL reached over TLS only. */
    public static final String POSTGRES_TLS = "postgres-tls";

    private LocalStack stack;
    private boolean postgresTls;

    @Override
    public void init(Map<String, String> initArgs) {
        String tls = initArgs.getOrDefault(POSTGRES_TLS, "off");
        if (!tls.equals("required") && !tls.equals("off")) {
            throw new IllegalArgumentException(POSTGRES_TLS + " is required or off, not " + tls);
        }
        postgresTls = tls.equals("required");
    }

    @Override
    public Map<String, String> start() {
        LocalIssuerTestResource.callAsThePlatform();
        stack = postgresTls ? LocalStack.startForTestsWithPostgresTls() : LocalStack.startForTests();
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
