package io.passerelle.graph.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TieCursorTest {
    private final TieCursor cursor = new TieCursor(0.4567891234567, "c:42@x");

    @Test
    void decodesWhatItEncodesExactly() {
        assertThat(TieCursor.decode(cursor.encode())).contains(cursor);
        assertThat(TieCursor.decode(new TieCursor(0.0, "a|b").encode())).contains(new TieCursor(0.0, "a|b"));
    }

    @Test
    void stillReadsACursorOfTheFormerFormatWithoutItsInstant() {
        assertThat(TieCursor.decode(encoded("v1|2026-03-04T10:00:00.123Z|0.4567891234567|c:42@x"))).contains(cursor);
    }

    @Test
    void refusesWhatItDidNotProduce() {
        assertThat(TieCursor.decode("not base64 !")).isEmpty();
        assertThat(TieCursor.decode(encoded("v1|yesterday|0.5|c1"))).isEmpty();
        assertThat(TieCursor.decode(encoded("v2|1.5|c1"))).isEmpty();
        assertThat(TieCursor.decode(encoded("v2|0.5|"))).isEmpty();
        assertThat(TieCursor.decode(encoded("v2|NaN|c1"))).isEmpty();
        assertThat(TieCursor.decode(encoded("v1|2026-03-04T10:00:00Z|0.5|"))).isEmpty();
        assertThat(TieCursor.decode(encoded("v9|0.5|c1"))).isEmpty();
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
