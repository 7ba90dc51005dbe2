package io.passerelle.advice.messaging;

import io.passerelle.advice.webhook.AddressRange;
import io.passerelle.advice.webhook.DestinationPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Applies the {@link DestinationPolicy} to a webhook url: resolves its host (on a worker thread, DNS
 * blocks) and says why it must not be called. Checked when a subscription is created or re-enabled,
 * and before every attempt, since a name may resolve elsewhere later.
 */
@ApplicationScoped
public class WebhookDestinations {
    private final DestinationPolicy policy;

    public WebhookDestinations(DestinationPolicy policy) {
        this.policy = policy;
    }

    /**
     * Why the url must not be called, or empty. A host that does not resolve is refused when
     * {@code unresolvableRefused} (before an attempt: there is nothing to call) and allowed otherwise
     * (at creation: a name may not be published yet; every attempt checks again).
     */
    public Uni<Optional<String>> refusal(String url, boolean unresolvableRefused) {
        String host = URI.create(url).getHost();
        Optional<InetAddress> literal = AddressRange.literal(host);
        if (literal.isPresent()) {
            return Uni.createFrom().item(policy.refusal(literal.get()).map(reason -> "the destination " + reason));
        }
        return Uni.createFrom().item(() -> {
            List<InetAddress> addresses;
            try {
                addresses = Arrays.asList(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                return unresolvableRefused ? Optional.of("the destination host " + host + " does not resolve") : Optional.<String>empty();
            }
            return policy.refusal(addresses).map(reason -> "the destination host " + host + " resolves to " + reason);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
