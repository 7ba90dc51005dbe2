package io.passerelle.tie;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import java.time.Instant;
import java.util.List;

/**
 * What the model says about one tie as of one instant.
 *
 * @param strengthWhenLastActive the strength as of the last interaction (0 when none): what decides
 *                               whether a long silence makes the tie DORMANT or merely WEAK
 */
public record TieAssessment(
        Instant asOf,
        double strength,
        TieClass tieClass,
        TieDimensions dimensions,
        double strengthWhenLastActive,
        GeographicScale geographicScale,
        List<String> explanation) {
}
