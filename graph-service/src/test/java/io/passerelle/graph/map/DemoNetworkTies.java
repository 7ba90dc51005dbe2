package io.passerelle.graph.map;

import io.passerelle.graph.diagnostics.AlterEgos;
import io.passerelle.graph.diagnostics.NetworkMember;
import io.passerelle.graph.projection.IngestedEvent;
import io.passerelle.graph.projection.ProjectionBatch;
import io.passerelle.graph.projection.ProjectionOutcome;
import io.passerelle.localstack.demo.DemoNetwork;
import io.passerelle.tie.TieParameters;
import io.passerelle.tie.TieStrengthModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The demo network projected by the projection's own code, as the map reads it. */
final class DemoNetworkTies {
    private DemoNetworkTies() {
    }

    /** Its members as the diagnostics read them. */
    static List<NetworkMember> members(Instant asOf) {
        DemoNetwork demo = DemoNetwork.asOf(asOf);
        List<IngestedEvent> events = new ArrayList<>();
        int sequence = 0;
        events.add(new IngestedEvent.ProfileUpdated("e" + ++sequence, demo.ownerId(), demo.owner()));
        for (var entry : demo.contacts().entrySet()) {
            events.add(new IngestedEvent.ContactUpserted("e" + ++sequence, demo.ownerId(), entry.getKey(), entry.getValue()));
        }
        for (var interaction : demo.interactions()) {
            events.add(new IngestedEvent.InteractionRecorded("e" + ++sequence, demo.ownerId(), interaction));
        }
        ProjectionOutcome outcome = new ProjectionBatch(new TieStrengthModel(TieParameters.defaults()), List.of(), List.of())
                .applyAll(events).outcome(asOf, 0.01);
        return outcome.changedTies().stream()
                .map(change -> new NetworkMember(change.key().contactId(), change.contact(), change.assessment().tieClass(),
                        change.assessment().geographicScale()))
                .toList();
    }

    /** Its ties as the map draws them, with names when asked for. */
    static List<MappedTie> ties(Instant asOf, boolean names) {
        DemoNetwork demo = DemoNetwork.asOf(asOf);
        AlterEgos alterEgos = new AlterEgos(demo.owner());
        return members(asOf).stream()
                .map(member -> new MappedTie(member.contactId(), names ? demo.contacts().get(member.contactId()).displayName() : null,
                        member.tieClass(), member.geographicScale(), alterEgos.isAlterEgo(member)))
                .toList();
    }
}
