package io.passerelle.advice.evaluation;

import io.passerelle.advice.ranking.RankableTie;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Tie;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStatistics;
import io.passerelle.tie.TieStrengthModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The ties the product would compute for a network, with the real tie model (module tie-model,
 * default parameters) as of the network's {@code now}: each contact's interactions folded into its
 * statistics, then described. The only place the evaluation touches the tie model.
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
        TieStatistics statistics = TieStatistics.empty();
        for (Interaction interaction : network.interactionsOf(contactId)) {
            statistics = statistics.plus(interaction, PARAMETERS);
        }
        return MODEL.describe(contactId, statistics, contact, network.owner(), network.now(), network.now());
    }
}
