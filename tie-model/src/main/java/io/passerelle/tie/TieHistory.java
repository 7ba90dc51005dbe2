package io.passerelle.tie;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.OwnerProfile;
import java.util.Objects;

/**
 * A tie's statistics with the strongest it has been ({@link TiePeak}), folded one interaction at a
 * time in the order the interactions become known. After each interaction the strength is evaluated
 * as of the tie's latest interaction, with the statistics, the contact and the owner's profile known
 * then: in chronological order, that is the strength as of each interaction; an interaction older
 * than the latest one, arriving late, is evaluated as of the latest one (the statistics do not
 * remember what the tie was at an earlier instant), so that the peak is never more than the tie
 * really reached. {@link #reassessed} evaluates again as of the latest interaction with what is known
 * now (a contact that arrived after its interactions, a new profile). Statistics are folded
 * order-independently; the peak depends on the order in which things became known, and folding the
 * same interactions, contact and profile in the same order gives the same peak.
 */
public record TieHistory(TieStatistics statistics, TiePeak peak) {
    private static final TieHistory EMPTY = new TieHistory(TieStatistics.empty(), TiePeak.NONE);

    public TieHistory {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(peak, "peak");
    }

    public static TieHistory empty() {
        return EMPTY;
    }

    /** The history of a tie whose interactions became known in this order, the contact and the owner being known from the start. */
    public static TieHistory of(Iterable<Interaction> interactions, Contact contact, OwnerProfile owner, TieStrengthModel model) {
        TieHistory history = EMPTY;
        for (Interaction interaction : interactions) {
            history = history.after(interaction, contact, owner, model);
        }
        return history;
    }

    /**
     * Statistics kept without their peak (stored before peaks were): the peak is taken to be the
     * strength as of the last interaction, with the contact and profile known now, until a replay
     * folds the interactions again.
     */
    public static TieHistory withoutRecordedPeak(TieStatistics statistics, Contact contact, OwnerProfile owner, TieStrengthModel model) {
        return new TieHistory(statistics, TiePeak.NONE).reassessed(contact, owner, model);
    }

    /** This history with one more interaction, the peak evaluated as of the tie's latest interaction after it. */
    public TieHistory after(Interaction interaction, Contact contact, OwnerProfile owner, TieStrengthModel model) {
        return new TieHistory(statistics.plus(interaction, model.parameters()), peak).reassessed(contact, owner, model);
    }

    /** The peak evaluated again as of the latest interaction, with this contact and owner's profile. */
    public TieHistory reassessed(Contact contact, OwnerProfile owner, TieStrengthModel model) {
        if (!statistics.hasInteractions()) {
            return this;
        }
        TiePeak reached = peak.max(model.strengthAtLastInteraction(statistics, contact, owner), statistics.lastInteractionAt());
        return reached == peak ? this : new TieHistory(statistics, reached);
    }
}
