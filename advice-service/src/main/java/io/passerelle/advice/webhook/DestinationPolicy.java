package io.passerelle.advice.webhook;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to (protection against server-side request forgery): a
 * subscription must not make the service call its own loopback, the private network it runs in, the
 * cloud metadata endpoint (169.254.169.254, link-local) or any other special-purpose block
 * (IANA special-purpose registries, RFC 6890). Public unicast addresses are allowed. Operators may
 * allow some special blocks ({@code allowedRanges}, e.g. loopback for local runs) or every address
 * ({@code allowPrivate}, for a deployment whose egress is restricted elsewhere).
 */
public final class DestinationPolicy {
    /** A special-purpose block and what it is, as an integrator will read it in a 400. */
    record SpecialBlock(AddressRange range, String kind) {
        static SpecialBlock of(String range, String kind) {
            return new SpecialBlock(AddressRange.parse(range), kind);
        }
    }

    // The most specific first, so that the reason names the right kind (::1 is loopback before it is in ::/96).
    static final List<SpecialBlock> SPECIAL_BLOCKS = List.of(
            SpecialBlock.of("0.0.0.0/8", "an unspecified (\"this network\") address"),
            SpecialBlock.of("10.0.0.0/8", "a private (RFC 1918) address"),
            SpecialBlock.of("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            SpecialBlock.of("127.0.0.0/8", "a loopback address"),
            SpecialBlock.of("169.254.0.0/16", "a link-local address (where cloud metadata services answer)"),
            SpecialBlock.of("172.16.0.0/12", "a private (RFC 1918) address"),
            SpecialBlock.of("192.0.0.0/24", "an IETF protocol assignment"),
            SpecialBlock.of("192.0.2.0/24", "a documentation address"),
            SpecialBlock.of("192.88.99.0/24", "a 6to4 relay anycast address"),
            SpecialBlock.of("192.168.0.0/16", "a private (RFC 1918) address"),
            SpecialBlock.of("198.18.0.0/15", "a benchmarking address"),
            SpecialBlock.of("198.51.100.0/24", "a documentation address"),
            SpecialBlock.of("203.0.113.0/24", "a documentation address"),
            SpecialBlock.of("224.0.0.0/4", "a multicast address"),
            SpecialBlock.of("240.0.0.0/4", "a reserved or broadcast address"),
            SpecialBlock.of("::/128", "the unspecified address"),
            SpecialBlock.of("::1/128", "a loopback address"),
            SpecialBlock.of("::/96", "an IPv4-compatible address (deprecated)"),
            SpecialBlock.of("64:ff9b::/96", "a NAT64 address (it reaches IPv4 through a translator)"),
            SpecialBlock.of("64:ff9b:1::/48", "a NAT64 address (it reaches IPv4 through a translator)"),
            SpecialBlock.of("100::/64", "a discard-only address"),
            SpecialBlock.of("2001:db8::/32", "a documentation address"),
            SpecialBlock.of("2001::/23", "an IETF protocol assignment (Teredo among them)"),
            SpecialBlock.of("2002::/16", "a 6to4 address (it reaches IPv4 through a relay)"),
            SpecialBlock.of("fc00::/7", "a unique local (private) address"),
            SpecialBlock.of("fe80::/10", "a link-local address"),
            SpecialBlock.of("fec0::/10", "a site-local address (deprecated)"),
            SpecialBlock.of("ff00::/8", "a multicast address"));

    private final boolean allowPrivate;
    private final List<AddressRange> allowedRanges;

    public DestinationPolicy(boolean allowPrivate, List<AddressRange> allowedRanges) {
        this.allowPrivate = allowPrivate;
        this.allowedRanges = List.copyOf(allowedRanges);
    }

    /** The policy of production: public unicast addresses only. */
    public static DestinationPolicy publicOnly() {
        return new DestinationPolicy(false, List.of());
    }

    /** Why a webhook must not be sent to this address, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowPrivate || allowedRanges.stream().anyMatch(range -> range.contains(address))) {
            return Optional.empty();
        }
        return SPECIAL_BLOCKS.stream().filter(block -> block.range().contains(address)).findFirst()
                .map(block -> address.getHostAddress() + " is " + block.kind());
    }

    /**
     * Why a webhook must not be sent to a host that resolves to these addresses, or empty when it may: every
     * address must be allowed, since the client may connect to any of them.
     */
    public Optional<String> refusal(List<InetAddress> addresses) {
        return addresses.stream().map(this::refusal).flatMap(Optional::stream).findFirst();
    }
}
