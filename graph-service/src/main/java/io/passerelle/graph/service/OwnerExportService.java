package io.passerelle.graph.service;

import io.passerelle.graph.repository.OwnerExportStore;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Gathers an owner's data for a data-subject access request (GDPR article 15). */
@ApplicationScoped
public class OwnerExportService {
    private final OwnerExportStore store;
    private final TieStrengthModel model;

    public OwnerExportService(OwnerExportStore store, TieStrengthModel model) {
        this.store = store;
        this.model = model;
    }

    /** The owner's export; a 404 problem when the graph does not know the owner. */
    public Uni<GraphExport> export(String ownerId) {
        Instant asOf = Instant.now();
        return store.owner(ownerId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("graph-service holds nothing about owner " + ownerId + ".")))
                .chain(owner -> store.contacts(ownerId)
                        .chain(contacts -> store.ties(ownerId).map(ties -> new GraphExport(ownerId, owner.profile(),
                                owner.firstSeenAt(), owner.updatedAt(),
                                contacts.stream().map(c -> new GraphExport.ExportedContact(c.contactId(), c.contact(), c.updatedAt())).toList(),
                                ties.stream().map(t -> new GraphExport.ExportedTie(
                                        model.describe(t.contactId(), t.statistics(), t.contact(),
                                                model.assess(t.statistics(), t.contact(), owner.profile(), asOf),
                                                t.peak() == null ? TiePeak.NONE : t.peak(), t.updatedAt()),
                                        t.statistics())).toList(),
                                asOf))));
    }
}
