package io.passerelle.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens, on a clock the test moves and a verification that counts its calls. */
class VerifiedTokensTest {
    private static final Instant START = Instant.parse("2026-03-04T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final List<String> verifiedTokens = new ArrayList<>();

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCacheBeforeItsExpiry() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        JsonWebToken jwt = token("platform", START.plusSeconds(3600));

        for (int i = 0; i < 3; i++) {
            assertThat(tokens.get("token-a", acceptingAs(jwt))).isSameAs(jwt);
            clock.advance(Duration.ofSeconds(30));
        }

        assertThat(verifiedTokens).containsExactly("token-a");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndRefusedEvenThoughItWasCached() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        JsonWebToken jwt = token("platform", START.plusSeconds(60));
        tokens.get("token-a", acceptingAs(jwt));

        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.get("token-a", refusing())).isSameAs(jwt);

        clock.advance(Duration.ofSeconds(1)); // exactly exp: no longer valid
        assertThatThrownBy(() -> tokens.get("token-a", refusing())).isInstanceOf(GeneralSecurityException.class);
        assertThat(verifiedTokens).containsExactly("token-a", "token-a");
    }

    @Test
    void anotherTokenStringIsVerifiedOnItsOwnAndNeverAnsweredWithACachedOne() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        JsonWebToken platform = token("platform", START.plusSeconds(3600));
        JsonWebToken owner = token("owner-1", START.plusSeconds(3600));
        tokens.get("header.payload.signature", acceptingAs(platform));

        // A token differing by one character (a forged signature) gets the full check, and its refusal.
        assertThatThrownBy(() -> tokens.get("header.payload.signaturf", refusing())).isInstanceOf(GeneralSecurityException.class);
        assertThat(tokens.get("other.payload.signature", acceptingAs(owner))).isSameAs(owner);
        assertThat(tokens.get("header.payload.signature", refusing())).isSameAs(platform);
        assertThat(tokens.get("other.payload.signature", refusing())).isSameAs(owner);
    }

    @Test
    void aRefusedTokenIsNotCached() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);

        assertThatThrownBy(() -> tokens.get("token-a", refusing())).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> tokens.get("token-a", refusing())).isInstanceOf(GeneralSecurityException.class);

        assertThat(verifiedTokens).containsExactly("token-a", "token-a");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenValidForHoursIsVerifiedAgainAfterTheMaximumAge() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        JsonWebToken jwt = token("platform", START.plus(Duration.ofHours(12)));
        tokens.get("token-a", acceptingAs(jwt));

        clock.advance(Duration.ofMinutes(4));
        tokens.get("token-a", acceptingAs(jwt));
        assertThat(verifiedTokens).containsExactly("token-a");

        clock.advance(Duration.ofMinutes(1));
        tokens.get("token-a", acceptingAs(jwt));
        assertThat(verifiedTokens).containsExactly("token-a", "token-a");
    }

    @Test
    void aTokenAcceptedAfterItsExpiryWithinTheClockSkewIsNotCached() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        JsonWebToken lapsed = token("platform", START.minusSeconds(10));

        tokens.get("token-a", acceptingAs(lapsed));
        tokens.get("token-a", acceptingAs(lapsed));

        assertThat(verifiedTokens).containsExactly("token-a", "token-a");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void neverMoreThanTheMaximumNumberOfTokensAreKept() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);

        for (int i = 0; i < 200; i++) {
            tokens.get("token-" + i, acceptingAs(token("owner-" + i, START.plusSeconds(3600))));
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aMaximumSizeOfZeroVerifiesEveryTime() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(0, Duration.ofMinutes(5), clock);
        JsonWebToken jwt = token("platform", START.plusSeconds(3600));

        tokens.get("token-a", acceptingAs(jwt));
        tokens.get("token-a", acceptingAs(jwt));

        assertThat(verifiedTokens).containsExactly("token-a", "token-a");
    }

    private VerifiedTokens.Verification<GeneralSecurityException> acceptingAs(JsonWebToken jwt) {
        return token -> {
            verifiedTokens.add(token);
            return jwt;
        };
    }

    private VerifiedTokens.Verification<GeneralSecurityException> refusing() {
        return token -> {
            verifiedTokens.add(token);
            throw new GeneralSecurityException("not signed by the issuer");
        };
    }

    private static JsonWebToken token(String subject, Instant expiry) {
        Map<String, Object> claims = Map.of(Claims.sub.name(), subject, Claims.exp.name(), expiry.getEpochSecond());
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
