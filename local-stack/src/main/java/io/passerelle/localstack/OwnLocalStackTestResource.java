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
 * <p>Its servers can be reached as production's secured ones are ({@link LocalStack.Security}), each with an argument set to
 * {@code required}: {@value #POSTGRES_TLS} (PostgreSQL accepts encrypted connections only) and {@value #KAFKA_SASL} (the
 * application reaches Kafka through a listener on which it authenticates), for instance
 * {@code @WithTestResource(value = OwnLocalStackTestResource.class, initArgs = @ResourceArg(name = "postgres-tls", value = "required"))}.
 */
public class OwnLocalStackTestResource implements QuarkusTestResourceLifecycleManager {
    /** The argument that asks for a PostgreSQL reached over TLS only. */
    public static final String POSTGRES_TLS = "postgres-tls";
    /** The argument that asks for Kafka reached through a listener on which clients authenticate. */
    public static final String KAFKA_SASL = "kafka-sasl";

    private LocalStack stack;
    private LocalStack.Security security = LocalStack.Security.NONE;

    @Override
    public void init(Map<String, String> initArgs) {
        security = new LocalStack.Security(required(initArgs, POSTGRES_TLS), required(initArgs, KAFKA_SASL));
    }

    private static boolean required(Map<String, String> initArgs, String name) {
        String value = initArgs.getOrDefault(name, "off");
        if (!value.equals("required") && !value.equals("off")) {
            throw new IllegalArgumentException(name + " is required or off, not " + value);
        }
        return value.equals("required");
    }

    @Override
    public Map<String, String> start() {
        LocalIssuerTestResource.callAsThePlatform();
        stack = LocalStack.startForTests(security);
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
