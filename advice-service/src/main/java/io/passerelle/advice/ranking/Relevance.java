package io.passerelle.advice.ranking;

import java.util.List;
import java.util.Optional;

/**
 * How relevant a contact is to an objective's targets.
 *
 * @param score the weighted mean match over the kinds of target the objective names, in [0, 1]
 * @param matches the best match of each kind that matched, in the order sector, role, company,
 *                past company, location, scale, topic, need
 */
public record Relevance(double score, List<TargetMatch> matches) {

    public Relevance {
        matches = List.copyOf(matches);
    }

    public Optional<TargetMatch> match(TargetMatch.Kind kind) {
        return Optional.ofNullable(first(kind));
    }

    public boolean has(TargetMatch.Kind kind) {
        return first(kind) != null;
    }

    /** Whether the contact's own sector (not only a sector their role names) is a target sector. */
    public boolean inOwnSector() {
        return inOwnSector(matches);
    }

    static boolean inOwnSector(List<TargetMatch> matches) {
        for (TargetMatch match : matches) {
            if (match.kind() == TargetMatch.Kind.SECTOR && match.quality() >= 1.0) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the matches is of this kind. */
    static boolean has(List<TargetMatch> matches, TargetMatch.Kind kind) {
        return first(matches, kind) != null;
    }

    private TargetMatch first(TargetMatch.Kind kind) {
        return first(matches, kind);
    }

    // A loop rather than a stream: a ranking asks this of tens of thousands of contacts.
    private static TargetMatch first(List<TargetMatch> matches, TargetMatch.Kind kind) {
        for (TargetMatch match : matches) {
            if (match.kind() == kind) {
                return match;
            }
        }
        return null;
    }
}
