package io.passerelle.graph.service;

import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.NetworkDiagnostics;
import io.passerelle.graph.diagnostics.NetworkMember;
import io.passerelle.graph.repository.NetworkStore;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes an owner's diagnostics from the stored tie classes and scales: the projection writes
 * them with every change and the sweep moves the classes that change with time, so they are those
 * of now to within one sweep period, and a network of tens of thousands of contacts is diagnosed
 * without re-running the model on every tie.
 */
@ApplicationScoped
public class DiagnosticsService {
    private final NetworkStore network;

    public DiagnosticsService(NetworkStore network) {
        this.network = network;
    }

    public Uni<Diagnostics> diagnose(String ownerId) {
        Instant asOf = Instant.now();
        return network.owner(ownerId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound(
                        "No owner " + ownerId + ": an owner is known once one of its events has been received.")))
                .chain(owner -> network.network(ownerId).map(rows -> {
                    OwnerProfile profile = owner.profile();
                    List<NetworkMember> members = new ArrayList<>(rows.size());
                    for (NetworkStore.NetworkRow row : rows) {
                        members.add(new NetworkMember(row.contactId(), row.contact(), row.tieClass(), row.geographicScale()));
                    }
                    return NetworkDiagnostics.compute(ownerId, profile, members, asOf);
                }));
    }
}
