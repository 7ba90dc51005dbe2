package io.passerelle.advice.ranking;

/**
 * One target a contact matches.
 *
 * @param kind which list of the objective's targets matched
 * @param target the objective's own wording of the target, reused in reasons and messages
 * @param quality how well it matches, in (0, 1] (a city is a better match than a country)
 */
public record TargetMatch(Kind kind, String target, double quality) {

    /** The lists of an objective's targets. */
    public enum Kind {
        SECTOR, ROLE, COMPANY, PAST_COMPANY, LOCATION, SCALE, TOPIC, NEED
    }
}
