package io.passerelle.runtime.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens whose signature, issuer and dates were verified recently, keyed by the exact
 * token string, so that a caller sending the same token on every request pays for one RSA signature
 * check per {@link #maxAge} instead of one per request (the largest share of a small write's cost).
 *
 * <ul>
 *   <li>A token is only ever cached after a full verification succeeded; a refused token is never
 *       cached, so every wrong token costs the full check.</li>
 *   <li>A cached token is given back only strictly before its {@code exp}: after it, the full
 *       verification runs again (and refuses it, its clock-skew allowance aside).</li>
 *   <li>An entry lives at most {@link #maxAge} even when the token is valid for longer: a token
 *       signed by a key the identity provider has since withdrawn from its JWKS stops being accepted
 *       within that time. Tokens have no revocation list here; a token is valid until its {@code exp}
 *       with or without the cache.</li>
 *   <li>At most {@link #maxSize} tokens are kept (Caffeine evicts the least useful ones beyond);
 *       {@code maxSize} 0 turns the cache off.</li>
 * </ul>
 *
 * Plain Java: the clock is given, so that expiry can be tested without waiting.
 */
public final class VerifiedTokens {

    /** The full verification of a token: signature, issuer, dates. Throws when the token is refused. */
    @FunctionalInterface
    public interface Verification<E extends Exception> {
        JsonWebToken verify(String token) throws E;
    }

    private final Clock clock;
    private final Duration maxAge;
    private final long maxSize;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokens(long maxSize, Duration maxAge, Clock clock) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must be 0 (no cache) or more, not " + maxSize);
        }
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxSize = maxSize;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new Expiry<String, JsonWebToken>() {
                    @Override
                    public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
                        return remainingNanos(jwt);
                    }

                    @Override
                    public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                        return remainingNanos(jwt);
                    }

                    @Override
                    public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                        return currentDuration; // reading a token never extends its stay
                    }
                })
                .build();
    }

    /** The token as verified now or earlier; {@code verification} runs unless a valid earlier result is cached. */
    public <E extends Exception> JsonWebToken get(String token, Verification<E> verification) throws E {
        if (maxSize == 0 || token == null) {
            return verification.verify(token);
        }
        JsonWebToken cached = verified.getIfPresent(token);
        if (cached != null && beforeExpiry(cached)) {
            return cached;
        }
        JsonWebToken fresh = verification.verify(token);
        // A token with no expiry, or already past it (accepted within the clock skew), is not kept.
        if (fresh != null && beforeExpiry(fresh)) {
            verified.put(token, fresh);
        }
        return fresh;
    }

    /** How many tokens are held (after pending evictions), for tests. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private boolean beforeExpiry(JsonWebToken jwt) {
        long exp = jwt.getExpirationTime();
        return exp > 0 && clock.millis() < TimeUnit.SECONDS.toMillis(exp);
    }

    private long remainingNanos(JsonWebToken jwt) {
        long untilExpiry = TimeUnit.SECONDS.toMillis(jwt.getExpirationTime()) - clock.millis();
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, Math.min(untilExpiry, maxAge.toMillis())));
    }
}
