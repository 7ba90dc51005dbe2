package io.passerelle.advice.coverage;

import io.passerelle.advice.ranking.TargetMatch;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The ties that reach one target of an objective.
 *
 * @param kind which list of the objective's targets (SECTOR, ROLE, COMPANY, LOCATION, SCALE, TOPIC, NEED)
 * @param target the objective's own wording of the target (a scale by its name)
 * @param ties how many ties reach it, whatever their class
 * @param byClass the same ties by class, every class present (0 when none)
 * @param byScale the same ties by the geographic scale of the tie, every scale present (0 when none)
 * @param nextStep what to do when no STRONG or WEAK tie reaches the target, else null (absent from the JSON)
 */
@Schema(description = "The ties that reach one target of the objective")
public record TargetCoverage(
        @Schema(description = "Which list of the objective's targets: SECTOR, ROLE, COMPANY, LOCATION, SCALE, TOPIC or NEED")
        TargetMatch.Kind kind,
        @Schema(description = "The objective's own wording of the target (a scale by its name)")
        String target,
        @Schema(description = "How many ties reach it, whatever their class")
        int ties,
        @Schema(description = "The same ties by class, every class present (0 when none)")
        Map<TieClass, Integer> byClass,
        @Schema(description = "The same ties by the geographic scale of the tie, every scale present (0 when none)")
        Map<GeographicScale, Integer> byScale,
        @Schema(description = "What to do when no STRONG or WEAK tie reaches the target; absent when one does")
        NextStep nextStep) {

    public TargetCoverage {
        byClass = Collections.unmodifiableMap(new EnumMap<>(byClass));
        byScale = Collections.unmodifiableMap(new EnumMap<>(byScale));
    }

    /** Whether a tie the owner could ask today (STRONG or WEAK) reaches the target. */
    public boolean reachedByAnActiveTie() {
        return byClass.getOrDefault(TieClass.STRONG, 0) + byClass.getOrDefault(TieClass.WEAK, 0) > 0;
    }
}
