package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who is left out of the next rankings because of what the owner reported: nobody is recommended
 * again and again, and nobody contacted yesterday. A DISMISSED contact, or one the owner has
 * CONTACTED, REPLIED, MET or been HELPED by, rests for every objective of the owner (the owner
 * does not want to, or just did, reach out to them); NOT_RELEVANT rests the contact for that
 * objective only (they may well fit another one). A zero duration means no rest.
 */
public final class CoolDownPolicy {
    private final Map<Outcome, Duration> durations;

    public CoolDownPolicy(Map<Outcome, Duration> durations) {
        this.durations = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            Duration duration = Objects.requireNonNull(durations.get(outcome), "cool-down of " + outcome);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("cool-down of " + outcome + " must not be negative");
            }
            this.durations.put(outcome, duration);
        }
    }

    /** DISMISSED and NOT_RELEVANT: 90 days; CONTACTED, REPLIED, MET, HELPED: 30 days. */
    public static CoolDownPolicy defaults() {
        Map<Outcome, Duration> durations = new EnumMap<>(Outcome.class);
        durations.put(Outcome.DISMISSED, Duration.ofDays(90));
        durations.put(Outcome.NOT_RELEVANT, Duration.ofDays(90));
        for (Outcome contacted : new Outcome[] {Outcome.CONTACTED, Outcome.REPLIED, Outcome.MET, Outcome.HELPED}) {
            durations.put(contacted, Duration.ofDays(30));
        }
        return new CoolDownPolicy(durations);
    }

    /** One outcome the owner reported on a recommendation. */
    public record Feedback(String objectiveId, String contactId, Outcome outcome, Instant recordedAt) {
    }

    /** The contacts resting at {@code now} for the objective {@code objectiveId}. */
    public Set<String> coolingDown(String objectiveId, Collection<Feedback> feedback, Instant now) {
        Set<String> resting = new HashSet<>();
        for (Feedback reported : feedback) {
            if (reported.outcome() == Outcome.NOT_RELEVANT && !reported.objectiveId().equals(objectiveId)) {
                continue;
            }
            if (reported.recordedAt().plus(durations.get(reported.outcome())).isAfter(now)) {
                resting.add(reported.contactId());
            }
        }
        return resting;
    }

    /** The longest rest: feedback older than this cools nobody down any more. */
    public Duration longest() {
        return durations.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
