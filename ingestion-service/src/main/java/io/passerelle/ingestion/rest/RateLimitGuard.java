package io.passerelle.ingestion.rest;

import io.passerelle.ingestion.config.RateLimitConfig;
import io.passerelle.ingestion.rate.LimitClass;
import io.passerelle.ingestion.rate.RateLimitDecision;
import io.passerelle.ingestion.rate.RateLimits;
import io.passerelle.ingestion.rate.Scope;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.runtime.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The service's {@link RateLimits}, built from {@link RateLimitConfig}, and the 429 answer. A bean of
 * its own (rather than state of {@link RateLimitFilter}) because Quarkus REST creates filters before
 * the runtime configuration is available; this one is created at the first limited request.
 */
@ApplicationScoped
public class RateLimitGuard {
    private final boolean enabled;
    private final boolean exemptPlatformCaller;
    private final RateLimits limits;

    public RateLimitGuard(RateLimitConfig config) {
        this.enabled = config.enabled();
        this.exemptPlatformCaller = config.exemptPlatformCaller();
        this.limits = config.enabled() ? new RateLimits(config.toSettings()) : null;
    }

    /** Throws a 429 problem when the caller or the owner is beyond its rate for this class of request. */
    public void require(LimitClass limitClass, SecurityIdentity identity, String ownerId) {
        if (!enabled) {
            return;
        }
        String caller = exemptPlatformCaller && identity.hasRole(Roles.PLATFORM) ? null : callerOf(identity);
        RateLimitDecision decision = limits.check(limitClass, caller, ownerId);
        if (!decision.allowed()) {
            throw tooManyRequests(decision, ownerId);
        }
    }

    /** The bearer token's subject; null for an anonymous request (none reaches a write: every one needs a role). */
    private static String callerOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    static ProblemException tooManyRequests(RateLimitDecision decision, String ownerId) {
        boolean owner = decision.scope() == Scope.OWNER;
        String limit = decision.limitName();
        String detail = "Too many " + decision.limitClass().configName() + (owner ? " for owner " + ownerId : " by this caller")
                + ": the " + limit + " limit (passerelle.ingestion.rate-limit." + limit + ") allows "
                + decision.rate().describe() + ". Nothing was done; retry after " + decision.retryAfterSeconds() + " s.";
        Problem.FieldError error = owner
                ? new Problem.FieldError("ownerId", "has reached its " + limit + " limit")
                : new Problem.FieldError("Authorization", "the token's subject has reached its " + limit + " limit");
        Problem problem = Problem.of(429, "rate-limited", "Too Many Requests", detail, List.of(error));
        return new ProblemException(problem, Duration.ofSeconds(decision.retryAfterSeconds()), null);
    }
}
