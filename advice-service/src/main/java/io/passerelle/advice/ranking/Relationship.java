package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.TieClass;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the relationship between the owner and a contact allows (DOMAIN.md section 5, "the ask fits
 * the relationship"): a request that commits the contact needs a two-way exchange within the
 * reciprocity window (graph-service's {@code lastReciprocatedAt}: an exchange each way, or a mutual
 * one, on a channel more personal than a reaction or a public comment); a close tie never gets one
 * unless the owner opted in (DOMAIN.md C6).
 */
public final class Relationship {
    private static final Set<Origin> WITNESSES_OF_WORK = EnumSet.of(Origin.CLIENT, Origin.PARTNER, Origin.COLLEAGUE, Origin.FORMER_COLLEAGUE);

    private Relationship() {
    }

    /** Whether the tie had a reciprocated exchange no longer than {@code window} before {@code now}. */
    public static boolean reciprocated(RankableTie tie, Instant now, Duration window) {
        return reciprocatedSince(tie, now.minus(window));
    }

    /** Whether the tie had a reciprocated exchange at or after {@code since}. */
    static boolean reciprocatedSince(RankableTie tie, Instant since) {
        Instant last = tie.tie().lastReciprocatedAt();
        return last != null && !last.isBefore(since);
    }

    /** A STRONG tie, or family and friends whatever the strength. */
    public static boolean isClose(RankableTie tie) {
        Origin origin = tie.origin();
        return tie.tieClass() == TieClass.STRONG || (origin != null && origin.isClosePersonal());
    }

    /** Whether the owner may ask this tie for a committing favour at all. */
    public static boolean allowsCommitting(RankableTie tie, OwnerProfile owner, Instant now, Duration window) {
        boolean closeAllowed = !isClose(tie) || (owner != null && owner.strongTiesAllowedForCommitting());
        return closeAllowed && reciprocated(tie, now, window);
    }

    /** Someone who has seen the owner's work: a client, a partner, a colleague or a former one. */
    public static boolean witnessedTheOwnersWork(RankableTie tie) {
        Origin origin = tie.origin();
        Contact contact = tie.contact();
        return (origin != null && WITNESSES_OF_WORK.contains(origin))
                || (contact != null && contact.relationContexts() != null
                && (contact.relationContexts().contains(RelationContext.CUSTOMER) || contact.relationContexts().contains(RelationContext.PARTNER)));
    }

    /** A business partner of the owner: someone who works with them for the same clients. */
    public static boolean isPartner(RankableTie tie) {
        Contact contact = tie.contact();
        return tie.origin() == Origin.PARTNER
                || (contact != null && contact.relationContexts() != null && contact.relationContexts().contains(RelationContext.PARTNER));
    }

    /** An existing client of the owner. */
    public static boolean isClient(RankableTie tie) {
        Contact contact = tie.contact();
        return tie.origin() == Origin.CLIENT
                || (contact != null && contact.relationContexts() != null && contact.relationContexts().contains(RelationContext.CUSTOMER));
    }

    /**
     * A current colleague: same current company as the owner, a COLLEAGUE origin or an intra-company
     * relation. A job search never goes through them: it would reveal the search.
     */
    static boolean isCurrentColleague(RankableTie tie, String ownerCompanyKey, NormalizedText.Memo memo) {
        if (tie.origin() == Origin.COLLEAGUE) {
            return true;
        }
        Contact contact = tie.contact();
        if (contact == null) {
            return false;
        }
        if (contact.relationContexts() != null && contact.relationContexts().contains(RelationContext.INTRA_COMPANY)) {
            return true;
        }
        return sameCompany(ownerCompanyKey, memo.key(contact.company()));
    }

    /** "Acme" and "ACME SAS" are the same company; "Acme" and "Acmeo" are not (whole words, case and accents aside). */
    static boolean sameCompany(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return false;
        }
        String paddedA = " " + a + " ";
        String paddedB = " " + b + " ";
        return paddedA.contains(paddedB) || paddedB.contains(paddedA);
    }
}
