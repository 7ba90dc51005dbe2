package io.passerelle.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker started with {@link KafkaSasl} serves its user on the authenticating listener, refuses a wrong password there and
 * answers nothing to a client that does not authenticate; its plain listener stays open to the stack's own clients.
 */
class KafkaSaslTest {
    @TempDir
    Path workDirectory;

    @Test
    void theAuthenticatingListenerServesItsUserOnly() throws Exception {
        KafkaSasl sasl = KafkaSasl.forRun();
        try (KafkaBroker broker = KafkaBroker.start(workDirectory, sasl)) {
            String secured = broker.saslBootstrapServers().orElseThrow();
            assertThat(secured).isNotEqualTo(broker.bootstrapServers());

            assertThat(clusterNodes(broker.bootstrapServers(), Map.of())).as("the plain listener").isEqualTo(1);
            assertThat(clusterNodes(secured, sasl.clientConfiguration())).as("the user, authenticated").isEqualTo(1);

            KafkaSasl impostor = new KafkaSasl(sasl.username(), "not-" + sasl.password());
            assertThatThrownBy(() -> clusterNodes(secured, impostor.clientConfiguration())).as("a wrong password")
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
            assertThatThrownBy(() -> clusterNodes(secured, Map.of())).as("a client that does not authenticate")
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void withoutSaslTheBrokerHasNoAuthenticatingListener() {
        try (KafkaBroker broker = KafkaBroker.start(workDirectory)) {
            assertThat(broker.saslBootstrapServers()).isEmpty();
        }
    }

    private static int clusterNodes(String bootstrapServers, Map<String, String> security) throws Exception {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        }
    }
}
