package io.passerelle.tie;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.contracts.model.TieDimensions;
import io.passerelle.tie.OriginInference.EffectiveOrigin;
import io.passerelle.vocabulary.Language;
import java.time.Instant;
import java.util.List;

/**
 * What the model says about one tie as of one instant.
 *
 * @param strengthWhenLastActive    the strength as of the last substantive exchange (0 when none): what decides
 *                                  whether a long silence makes the tie DORMANT or merely WEAK
 * @param strengthAtLastInteraction the strength as of the last interaction of any kind (0 when none): the least the
 *                                  tie's peak can be
 * @param origin                    the contact's effective origin ({@link OriginInference})
 * @param explanation               two to four sentences saying why the tie has its class, in {@code explanationLanguage}
 * @param explanationLanguage       the language the explanation is written in
 */
public record TieAssessment(
        Instant asOf,
        double strength,
        TieClass tieClass,
        TieDimensions dimensions,
        double strengthWhenLastActive,
        double strengthAtLastInteraction,
        GeographicScale geographicScale,
        EffectiveOrigin origin,
        List<String> explanation,
        Language explanationLanguage) {
}
