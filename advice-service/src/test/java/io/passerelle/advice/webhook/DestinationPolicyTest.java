package io.passerelle.advice.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses webhooks may be sent to (server-side request forgery). */
class DestinationPolicyTest {
    private static InetAddress ip(String literal) {
        return AddressRange.literal(literal).orElseThrow();
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0|unspecified",
            "0.1.2.3|unspecified",
            "10.0.0.1|private (RFC 1918)",
            "10.255.255.255|private (RFC 1918)",
            "100.64.0.1|carrier-grade NAT",
            "127.0.0.1|loopback",
            "127.255.255.254|loopback",
            "169.254.169.254|link-local address (where cloud metadata",
            "169.254.0.1|link-local",
            "172.16.0.1|private (RFC 1918)",
            "172.31.255.255|private (RFC 1918)",
            "192.0.0.8|IETF protocol assignment",
            "192.0.2.10|documentation",
            "192.88.99.1|6to4 relay",
            "192.168.1.1|private (RFC 1918)",
            "198.18.0.1|benchmarking",
            "198.19.255.255|benchmarking",
            "198.51.100.7|documentation",
            "203.0.113.9|documentation",
            "224.0.0.1|multicast",
            "239.255.255.250|multicast",
            "240.0.0.1|reserved or broadcast",
            "255.255.255.255|reserved or broadcast",
            "::|unspecified",
            "::1|loopback",
            "::ffff:10.0.0.1|private (RFC 1918)",
            "::ffff:169.254.169.254|link-local",
            "::10.0.0.1|IPv4-compatible",
            "64:ff9b::a00:1|NAT64",
            "64:ff9b:1::1|NAT64",
            "100::1|discard-only",
            "2001:db8::1|documentation",
            "2001::1|Teredo",
            "2002:a00:1::1|6to4",
            "fc00::1|unique local",
            "fd00:ec2::254|unique local",
            "fe80::1|link-local",
            "febf::1|link-local",
            "fec0::1|site-local",
            "ff02::1|multicast",
    })
    void specialPurposeAddressesAreRefusedSayingWhatTheyAre(String address, String kind) {
        assertThat(DestinationPolicy.publicOnly().refusal(ip(address))).hasValueSatisfying(reason -> {
            assertThat(reason).startsWith(ip(address).getHostAddress() + " is ").contains(kind);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.167.255.255",
            "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255", "2a00:1450:4007:80e::200e", "2606:4700:4700::1111",
            "2001:4860:4860::8888", "2001:200::1"})
    void publicUnicastAddressesAreAllowed(String address) {
        assertThat(DestinationPolicy.publicOnly().refusal(ip(address))).isEmpty();
    }

    @Test
    void allowedRangesOpenOnlyThemselves() {
        DestinationPolicy loopbackOnly = new DestinationPolicy(false, List.of(AddressRange.parse("127.0.0.0/8"), AddressRange.parse("::1")));
        assertThat(loopbackOnly.refusal(ip("127.0.0.1"))).isEmpty();
        assertThat(loopbackOnly.refusal(ip("::1"))).isEmpty();
        assertThat(loopbackOnly.refusal(ip("10.0.0.1"))).isPresent();
        assertThat(loopbackOnly.refusal(ip("169.254.169.254"))).isPresent();
        assertThat(loopbackOnly.refusal(ip("0.0.0.0"))).isPresent();
        assertThat(loopbackOnly.refusal(ip("8.8.8.8"))).isEmpty();
    }

    @Test
    void allowingPrivateDestinationsAllowsEveryAddress() {
        DestinationPolicy open = new DestinationPolicy(true, List.of());
        for (String address : List.of("127.0.0.1", "10.0.0.1", "169.254.169.254", "fd00::1", "::", "8.8.8.8")) {
            assertThat(open.refusal(ip(address))).as(address).isEmpty();
        }
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIs() {
        DestinationPolicy policy = DestinationPolicy.publicOnly();
        assertThat(policy.refusal(List.of(ip("8.8.8.8"), ip("1.1.1.1")))).isEmpty();
        assertThat(policy.refusal(List.of(ip("8.8.8.8"), ip("10.1.2.3")))).hasValueSatisfying(reason -> assertThat(reason).startsWith("10.1.2.3"));
    }
}
