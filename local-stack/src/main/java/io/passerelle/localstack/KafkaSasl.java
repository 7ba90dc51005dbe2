package io.passerelle.localstack;

import java.util.Map;
import java.util.UUID;

/**
 * A listener of the embedded broker on which clients must authenticate (SASL, mechanism PLAIN, one user), beside its plain
 * one: the services are pointed at it with their credentials, as at a production cluster's secured listener (deploy's
 * {@code kafka-scram-tls} component), while the stack's own clients (topic creation, readiness) keep the plain listener.
 * A client a service makes from the bootstrap servers alone cannot read or write through it.
 */
public record KafkaSasl(String username, String password) {
    /** The listener's name, which is also its security protocol (Kafka's default mapping). */
    static final String LISTENER = "SASL_PLAINTEXT";

    /** A user of the run's own, with a random password. */
    public static KafkaSasl forRun() {
        return new KafkaSasl("passerelle", UUID.randomUUID().toString());
    }

    /** A client's settings to authenticate as this user (keys of Kafka's client configuration). */
    public Map<String, String> clientConfiguration() {
        return Map.of(
                "security.protocol", LISTENER,
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + username
                        + "\" password=\"" + password + "\";");
    }

    /** The broker's settings for the {@link #LISTENER} listener: PLAIN, this user alone. */
    Map<String, String> brokerConfiguration() {
        String name = LISTENER.toLowerCase(java.util.Locale.ROOT);
        return Map.of(
                "listener.name." + name + ".sasl.enabled.mechanisms", "PLAIN",
                "listener.name." + name + ".plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + username + "=\"" + password + "\";");
    }
}
