package io.passerelle.advice.config;

import io.passerelle.advice.webhook.AddressRange;
import io.passerelle.advice.webhook.DestinationPolicy;
import io.passerelle.advice.webhook.SecretCipher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The webhook secrets' cipher and the destination policy, built once from {@code advice.webhooks.*}. */
public class WebhookSecurityProducer {

    @Produces
    @Singleton
    SecretCipher secretCipher(AdviceConfig config) {
        return SecretCipher.fromBase64(config.webhooks().secretKey(), config.webhooks().retiredSecretKeys().orElse(List.of()));
    }

    @Produces
    @Singleton
    DestinationPolicy destinationPolicy(AdviceConfig config) {
        List<AddressRange> allowed = config.webhooks().allowedDestinationRanges().orElse(List.of()).stream()
                .filter(range -> !range.isBlank()).map(AddressRange::parse).toList();
        return new DestinationPolicy(config.webhooks().allowPrivateDestinations(), allowed);
    }
}
