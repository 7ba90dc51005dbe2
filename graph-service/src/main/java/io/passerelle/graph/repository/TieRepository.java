package io.passerelle.graph.repository;

import io.passerelle.graph.TieEntity;
import io.passerelle.graph.TieId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads ties. */
@WithSession
@ApplicationScoped
public class TieRepository implements PanacheRepositoryBase<TieEntity, TieId> {

    public Uni<List<TieEntity>> listByOwner(String ownerId) {
        return list("ownerId", ownerId);
    }
}
