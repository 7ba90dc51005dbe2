package io.passerelle.ingestion.rate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The rate limits of the write endpoints, one resilience4j {@link AtomicRateLimiter} per caller and
 * per owner and class of request, kept in a Caffeine cache: a limiter unused for
 * {@link Settings#idleExpiry()} (never less than its window, after which it would be full again
 * anyway) is dropped, and there are never more than {@link Settings#maxKeys()}, so that neither
 * callers nor owner ids make memory grow without bound. Plain Java: the clock is given, so that the
 * policy can be tested without waiting.
 */
public final class RateLimits {

    /** The four limits and the bounds of the cache. */
    public record Settings(Rate writesPerCaller, Rate writesPerOwner, Rate importsPerCaller, Rate importsPerOwner,
                           Duration idleExpiry, long maxKeys) {

        public Rate rate(LimitClass limitClass, Scope scope) {
            return switch (limitClass) {
                case WRITES -> scope == Scope.CALLER ? writesPerCaller : writesPerOwner;
                case IMPORTS -> scope == Scope.CALLER ? importsPerCaller : importsPerOwner;
            };
        }
    }

    private record Key(LimitClass limitClass, Scope scope, String id) {
    }

    private final Settings settings;
    private final Map<LimitClass, Map<Scope, RateLimiterConfig>> configs = new EnumMap<>(LimitClass.class);
    private final Cache<Key, AtomicRateLimiter> limiters;
    private final LongSupplier nanoTime;

    public RateLimits(Settings settings) {
        this(settings, System::nanoTime);
    }

    public RateLimits(Settings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        Duration longestWindow = Duration.ZERO;
        for (LimitClass limitClass : LimitClass.values()) {
            Map<Scope, RateLimiterConfig> byScope = new EnumMap<>(Scope.class);
            for (Scope scope : Scope.values()) {
                Rate rate = settings.rate(limitClass, scope);
                byScope.put(scope, RateLimiterConfig.custom()
                        .limitForPeriod(rate.burst())
                        .limitRefreshPeriod(rate.window())
                        // Never wait for a permit: refuse at once, and say how long to wait.
                        .timeoutDuration(Duration.ZERO)
                        .build());
                if (rate.window().compareTo(longestWindow) > 0) {
                    longestWindow = rate.window();
                }
            }
            configs.put(limitClass, byScope);
        }
        Duration idle = settings.idleExpiry().compareTo(longestWindow) >= 0 ? settings.idleExpiry() : longestWindow;
        this.limiters = Caffeine.newBuilder()
                .expireAfterAccess(idle)
                .maximumSize(settings.maxKeys())
                .ticker(nanoTime::getAsLong)
                // Eviction work is a few map operations: done by the calling thread, no pool needed.
                .executor(Runnable::run)
                .build();
    }

    /**
     * Takes a permit from the caller's limiter (when {@code caller} is not null) and then from the
     * owner's (when {@code ownerId} is not null). The first one without a permit refuses the request;
     * a request refused by its owner's limit has still used one of its caller's permits.
     */
    public RateLimitDecision check(LimitClass limitClass, String caller, String ownerId) {
        if (caller != null) {
            RateLimitDecision decision = take(limitClass, Scope.CALLER, caller);
            if (!decision.allowed()) {
                return decision;
            }
        }
        if (ownerId != null) {
            return take(limitClass, Scope.OWNER, ownerId);
        }
        return RateLimitDecision.ALLOWED;
    }

    private RateLimitDecision take(LimitClass limitClass, Scope scope, String id) {
        AtomicRateLimiter limiter = limiters.get(new Key(limitClass, scope, id), key -> new AtomicRateLimiter(
                key.limitClass().configName() + "." + key.scope().configName(),
                configs.get(key.limitClass()).get(key.scope()),
                nanoTime::getAsLong));
        if (limiter.acquirePermission()) {
            return RateLimitDecision.ALLOWED;
        }
        return RateLimitDecision.refused(limitClass, scope, settings.rate(limitClass, scope),
                limiter.getDetailedMetrics().getNanosToWait());
    }

    /** How many limiters are held (after pending evictions); for tests and metrics. */
    public long size() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }
}
