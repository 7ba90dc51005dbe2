package io.passerelle.advice.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}; a bare address is
 * a block of one). Plain Java: no library on the classpath matches CIDR blocks, and parsing is
 * restricted to IP literals so that a range never causes a DNS lookup.
 */
public record AddressRange(byte[] network, int prefixLength, String text) {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Parses {@code address[/prefix]}; IllegalArgumentException naming the text when it is not one. */
    public static AddressRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress parsed = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address range (CIDR such as 10.0.0.0/8 or ::1): " + text));
        int bits = parsed.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address range (bad prefix length): " + text);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("not an IP address range (prefix length must be 0 to " + bits + "): " + text);
        }
        return new AddressRange(parsed.getAddress(), prefix, trimmed);
    }

    /**
     * The address a host names when it is an IP literal ({@code 127.0.0.1}, {@code ::1}, {@code [::1]}),
     * without any DNS lookup; empty for a host name. IPv4-mapped IPv6 literals come back as IPv4.
     */
    public static Optional<InetAddress> literal(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = IPV4_LITERAL.matcher(bare).matches();
        boolean ipv6 = bare.indexOf(':') >= 0 && bare.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // Given a literal, getByName only parses it.
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.prefixLength == prefixLength && java.util.Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }
}
