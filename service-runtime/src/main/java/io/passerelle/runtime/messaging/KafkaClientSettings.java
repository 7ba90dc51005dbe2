package io.passerelle.runtime.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings a Kafka client a service creates itself (outside SmallRye's channels) starts from: the service's own
 * {@code kafka.*} settings, as Quarkus gathers them for every channel ({@code @Identifier("default-kafka-broker")}): the
 * bootstrap servers and how to reach them (TLS, SASL and their credentials: deploy's {@code kafka-scram-tls} component
 * sets them as {@code KAFKA_*} variables). A client made from the bootstrap servers alone would not connect to a secured
 * listener. Only the keys the kind of client knows are kept (a consumer's settings mean nothing to an admin client, and
 * Kafka warns of every unknown one); the caller then sets its own on top.
 */
public final class KafkaClientSettings {
    private KafkaClientSettings() {
    }

    /**
     * @param serviceKafka the service's {@code kafka.*} settings, keys without the prefix
     * @param clientConfigNames what the kind of client knows ({@code ConsumerConfig.configNames()}, {@code AdminClientConfig.configNames()}...)
     */
    public static Map<String, Object> forClient(Map<String, Object> serviceKafka, Set<String> clientConfigNames) {
        Map<String, Object> settings = new HashMap<>();
        serviceKafka.forEach((key, value) -> {
            if (clientConfigNames.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
