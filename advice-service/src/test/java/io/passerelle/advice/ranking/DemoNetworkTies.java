package io.passerelle.advice.ranking;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Tie;
import io.passerelle.localstack.demo.DemoNetwork;
import io.passerelle.tie.TieHistory;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStrengthModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranking inputs for the demo network, as graph-service would project them: each contact's
 * interactions folded in time order into its history with the real tie model (module tie-model,
 * default parameters: statistics and peak strength), described as of the ranking instant.
 */
final class DemoNetworkTies {
    private static final TieStrengthModel MODEL = new TieStrengthModel(TieParameters.defaults());

    private DemoNetworkTies() {
    }

    static List<RankableTie> of(DemoNetwork network, Instant now) {
        Map<String, List<Interaction>> byContact = new HashMap<>();
        for (Interaction interaction : network.interactions()) {
            byContact.computeIfAbsent(interaction.contactId(), id -> new ArrayList<>()).add(interaction);
        }
        List<RankableTie> ties = new ArrayList<>();
        network.contacts().forEach((contactId, contact) -> {
            List<Interaction> interactions = new ArrayList<>(byContact.getOrDefault(contactId, List.of()));
            interactions.sort(Comparator.comparing(Interaction::occurredAt));
            TieHistory history = TieHistory.of(interactions, contact, network.owner(), MODEL);
            Tie tie = MODEL.describe(contactId, history, contact, network.owner(), now, now);
            ties.add(new RankableTie(tie, contact, null));
        });
        return ties;
    }

    static Contact contact(DemoNetwork network, String contactId) {
        return network.contacts().get(contactId);
    }
}
