package io.passerelle.advice.repository;

import io.passerelle.advice.StoredObjective;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Objectives of owners, through Hibernate Reactive Panache. */
@ApplicationScoped
@WithSession
public class ObjectiveRepository implements PanacheRepositoryBase<StoredObjective, StoredObjective.Key> {

    public Uni<List<StoredObjective>> listForOwner(String ownerId) {
        return list("id.ownerId = ?1 order by id.objectiveId", ownerId);
    }
}
