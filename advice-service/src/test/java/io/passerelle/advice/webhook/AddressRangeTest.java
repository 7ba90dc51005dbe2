package io.passerelle.advice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CIDR blocks and IP literals, without DNS. */
class AddressRangeTest {
    private static InetAddress ip(String literal) {
        return AddressRange.literal(literal).orElseThrow();
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.0.0.0, true",
            "10.0.0.0/8, 10.255.255.255, true",
            "10.0.0.0/8, 11.0.0.0, false",
            "10.0.0.0/8, 9.255.255.255, false",
            "172.16.0.0/12, 172.16.0.1, true",
            "172.16.0.0/12, 172.31.255.255, true",
            "172.16.0.0/12, 172.32.0.0, false",
            "172.16.0.0/12, 172.15.255.255, false",
            "100.64.0.0/10, 100.127.255.255, true",
            "100.64.0.0/10, 100.128.0.0, false",
            "127.0.0.1, 127.0.0.1, true",
            "127.0.0.1, 127.0.0.2, false",
            "0.0.0.0/0, 8.8.8.8, true",
            "0.0.0.0/0, ::1, false",
            "::1, ::1, true",
            "::1, ::2, false",
            "fc00::/7, fd12:3456::1, true",
            "fc00::/7, fe00::1, false",
            "fe80::/10, febf:ffff::1, true",
            "fe80::/10, fec0::1, false",
            "::/0, 2a00:1450::1, true",
            "::/0, 8.8.8.8, false",
    })
    void contains(String range, String address, boolean expected) {
        assertThat(AddressRange.parse(range).contains(ip(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "10.0.0.0/33", "::1/129", "10.0.0.0/-1", "10.0.0.0/x", "", "10.0.0", "300.1.1.1"})
    void whatIsNotARangeIsRefusedNamingIt(String text) {
        assertThatThrownBy(() -> AddressRange.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }

    @Test
    void literalsAreParsedWithoutDnsAndNamesAreNot() {
        assertThat(AddressRange.literal("[::1]")).contains(ip("::1"));
        assertThat(AddressRange.literal("127.0.0.1")).isPresent();
        // An IPv4-mapped IPv6 literal is the IPv4 address: it cannot slip past IPv4 blocks.
        assertThat(AddressRange.literal("::ffff:127.0.0.1")).contains(ip("127.0.0.1"));
        assertThat(AddressRange.literal("localhost")).isEmpty();
        assertThat(AddressRange.literal("face.example")).isEmpty();
        assertThat(AddressRange.literal("cafe")).isEmpty();
        assertThat(AddressRange.literal(null)).isEmpty();
    }
}
