package io.passerelle.runtime.security;

import io.passerelle.runtime.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Predicate;

/**
 * Whether the caller may see an owner's data: the platform may see every owner's, an owner only
 * their own. Anyone else is answered 404, as if the owner did not exist, so that a caller learns
 * nothing about other owners.
 */
@ApplicationScoped
public class OwnerAccess {
    private final SecurityIdentity caller;

    public OwnerAccess(SecurityIdentity caller) {
        this.caller = caller;
    }

    /** Whether the caller holds a role that reaches owners' data at all. */
    public boolean reachesOwners() {
        return caller.hasRole(Roles.PLATFORM) || caller.hasRole(Roles.OWNER);
    }

    public boolean permits(String ownerId) {
        if (caller.hasRole(Roles.PLATFORM)) {
            return true;
        }
        return caller.hasRole(Roles.OWNER) && ownerId != null && ownerId.equals(caller.getPrincipal().getName());
    }

    /**
     * The caller's reach as a plain predicate, taken now: for checks made later on another thread
     * (inside a database transaction), where the request's identity is no longer at hand.
     */
    public Predicate<String> visibleOwners() {
        if (caller.hasRole(Roles.PLATFORM)) {
            return ownerId -> true;
        }
        if (caller.hasRole(Roles.OWNER)) {
            String self = caller.getPrincipal().getName();
            return self::equals;
        }
        return ownerId -> false;
    }

    /** Throws a 404 problem unless the caller may see {@code ownerId}'s data. */
    public void require(String ownerId) {
        if (!permits(ownerId)) {
            throw notFound(ownerId);
        }
    }

    /** The answer to a caller who may not see {@code ownerId}: the same whether the owner exists or not. */
    public static ProblemException notFound(String ownerId) {
        return ProblemException.notFound("No owner " + ownerId + " is visible to this caller.");
    }
}
