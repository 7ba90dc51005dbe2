package io.passerelle.tie;

import java.time.Instant;

/**
 * The strongest a tie has been, and when (API.md {@code Tie.peakStrength}, {@code peakStrengthAt}):
 * what "formerly strong" is read from (DOMAIN.md section 5), whatever the tie's class is now.
 *
 * @param strength in [0, 1]; 0 for a tie that never had an interaction
 * @param at       the instant the tie was that strong; null for a tie that never had an interaction
 */
public record TiePeak(double strength, Instant at) {
    /** The peak of a tie without any interaction. */
    public static final TiePeak NONE = new TiePeak(0.0, null);

    public TiePeak {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("a peak strength is in [0, 1]");
        }
        if (at == null && strength != 0) {
            throw new IllegalArgumentException("a peak above 0 has an instant");
        }
    }

    /** This peak, or the strength reached at {@code instant} if it is higher: the first instant a peak was reached is kept. */
    public TiePeak max(double reached, Instant instant) {
        if (instant == null || (at != null && !(reached > strength))) {
            return this;
        }
        return new TiePeak(reached, instant);
    }
}
