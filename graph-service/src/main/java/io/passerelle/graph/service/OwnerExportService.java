package io.passerelle.graph.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.graph.repository.OwnerExportStore;
import io.passerelle.graph.repository.OwnerExportStore.StoredOwner;
import io.passerelle.runtime.database.DatabaseSettings;
import io.passerelle.runtime.export.ExportSnapshot;
import io.passerelle.runtime.export.StreamedJsonObject;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStrengthModel;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Duration;
import java.time.Instant;

/**
 * Gathers an owner's data for a data-subject access request (GDPR article 15), written as it is
 * read: the shape is {@link GraphExport}'s, and memory stays flat whatever the owner's size.
 */
@ApplicationScoped
public class OwnerExportService {
    private final OwnerExportStore store;
    private final TieStrengthModel model;
    private final Pool pool;
    private final ObjectMapper mapper;
    private final Duration timeout;

    public OwnerExportService(OwnerExportStore store, TieStrengthModel model, Pool pool, ObjectMapper mapper, DatabaseSettings database) {
        this.store = store;
        this.model = model;
        this.pool = pool;
        this.mapper = mapper;
        // Longer than the stall detection, so that a hung database is reported as such rather than as a timeout here.
        this.timeout = database.stallTimeout().plusSeconds(5);
    }

    /**
     * The owner's export, to be written by a worker thread; a 404 problem, before anything is
     * written, when the graph does not know the owner. Blocking.
     */
    public StreamingOutput export(String ownerId) {
        if (store.owner(ownerId).await().atMost(timeout).isEmpty()) {
            throw notFound(ownerId);
        }
        return out -> {
            try (ExportSnapshot snapshot = ExportSnapshot.open(pool, timeout)) {
                // Erased between the check and the snapshot: the export would be empty, and a 200 already left.
                StoredOwner owner = store.owner(snapshot, ownerId).orElseThrow(() -> notFound(ownerId));
                Instant asOf = Instant.now();
                StreamedJsonObject json = StreamedJsonObject.start(mapper, out)
                        .field("ownerId", ownerId)
                        .field("profile", owner.profile())
                        .field("firstSeenAt", owner.firstSeenAt())
                        .field("updatedAt", owner.updatedAt())
                        .array("contacts", write -> store.forEachContact(snapshot, ownerId,
                                c -> write.accept(new GraphExport.ExportedContact(c.contactId(), c.contact(), c.updatedAt()))))
                        .array("ties", write -> store.forEachTie(snapshot, ownerId, t -> write.accept(new GraphExport.ExportedTie(
                                model.describe(t.contactId(), t.statistics(), t.contact(),
                                        model.assess(t.statistics(), t.contact(), owner.profile(), asOf),
                                        t.peak() == null ? TiePeak.NONE : t.peak(), t.updatedAt()),
                                t.statistics()))));
                json.field("exportedAt", asOf).finish();
            }
        };
    }

    private static ProblemException notFound(String ownerId) {
        return ProblemException.notFound("graph-service holds nothing about owner " + ownerId + ".");
    }
}
