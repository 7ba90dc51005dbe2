package io.passerelle.graph.service;

import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.graph.diagnostics.AlterEgos;
import io.passerelle.graph.diagnostics.DiagnosticsSummary;
import io.passerelle.graph.diagnostics.NetworkMember;
import io.passerelle.graph.map.MapLanguage;
import io.passerelle.graph.map.MappedTie;
import io.passerelle.graph.map.NetworkMapCaption;
import io.passerelle.graph.map.NetworkMapRenderer;
import io.passerelle.graph.repository.NetworkMapStore;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An owner's network map: the stored class and scale of every tie (as the diagnostics read them),
 * each contact judged alter ego or not as its row is read (the diagnostics' rule, {@link AlterEgos}),
 * drawn by {@link NetworkMapRenderer} in the language asked, else the owner's, else French. The
 * caption is the first sentence of the diagnostics' summary ({@link NetworkMapCaption}), from the
 * diagnostics as {@link DiagnosticsService#diagnose} answers them (cached for the network's version).
 */
@ApplicationScoped
public class NetworkMapService {
    private final NetworkMapStore store;
    private final DiagnosticsService diagnostics;

    public NetworkMapService(NetworkMapStore store, DiagnosticsService diagnostics) {
        this.store = store;
        this.diagnostics = diagnostics;
    }

    /**
     * The map as an SVG document; a 404 problem when the owner is unknown.
     *
     * @param language the language asked for, empty for the owner's own
     * @param names    whether the dots carry their contacts' names
     */
    public Uni<String> render(String ownerId, Optional<MapLanguage> language, boolean names) {
        return store.snapshot(ownerId, names, profile -> new Collected(profile, names)).chain(found -> {
            NetworkMapStore.MapSnapshot<Collected> snapshot = found.orElseThrow(() -> ProblemException.notFound(
                    "No owner " + ownerId + ": an owner is known once one of its events has been received."));
            MapLanguage chosen = language.orElseGet(() -> ownersLanguage(snapshot.profile()));
            List<MappedTie> ties = snapshot.ties().ties;
            // Placing and writing tens of thousands of dots takes tens of milliseconds: not on the event loop.
            return diagnostics.diagnose(ownerId).map(diagnosed -> NetworkMapCaption.of(diagnosed, chosen))
                    .chain(caption -> Uni.createFrom().item(() -> NetworkMapRenderer.render(ties, chosen, names, caption))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
        });
    }

    /** The language of the owner's profile, French when the profile or its language is not known (the summary's rule). */
    static MapLanguage ownersLanguage(OwnerProfile profile) {
        return MapLanguage.of(DiagnosticsSummary.languageOf(profile).code()).orElseThrow();
    }

    /** Keeps of each tie only what the map draws. */
    private static final class Collected implements BiConsumer<NetworkMember, String> {
        private final AlterEgos alterEgos;
        private final boolean names;
        private final List<MappedTie> ties = new ArrayList<>();

        Collected(OwnerProfile profile, boolean names) {
            this.alterEgos = new AlterEgos(profile);
            this.names = names;
        }

        @Override
        public void accept(NetworkMember member, String displayName) {
            ties.add(new MappedTie(member.contactId(), names ? displayName : null, member.tieClass(), member.geographicScale(),
                    alterEgos.isAlterEgo(member)));
        }
    }
}
