package io.passerelle.advice.evaluation;

import io.passerelle.advice.ranking.RankableTie;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Tie;
import io.passerelle.tie.TieHistory;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStrengthModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ties the product would compute for a network, with the real tie model (module tie-model,
 * default parameters) as of the network's {@code now}: each contact's interactions folded in time
 * order into its history (statistics and peak strength, as graph-service folds them), then described.
 * The only place the evaluation touches the tie model.
 */
final class EvaluationTies {
    private static final TieParameters PARAMETERS = TieParameters.defaults();
    private static final TieStrengthModel MODEL = new TieStrengthModel(PARAMETERS);

    private EvaluationTies() {
    }

    static List<RankableTie> of(Network network) {
        List<RankableTie> ties = new ArrayList<>();
        network.contacts().forEach((contactId, contact) -> ties.add(new RankableTie(tie(network, contactId, contact), contact, null)));
        return ties;
    }

    static Tie tie(Network network, String contactId, Contact contact) {
        List<Interaction> interactions = new ArrayList<>(network.interactionsOf(contactId));
        interactions.sort(Comparator.comparing(Interaction::occurredAt));
        TieHistory history = TieHistory.of(interactions, contact, network.owner(), MODEL);
        return MODEL.describe(contactId, history, contact, network.owner(), network.now(), network.now());
    }
}
