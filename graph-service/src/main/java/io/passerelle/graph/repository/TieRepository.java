package io.passerelle.graph.repository;

import io.passerelle.graph.TieEntity;
import io.passerelle.graph.TieId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads single ties (a listing's page is read by TiePageReader). */
@WithSession
@ApplicationScoped
public class TieRepository implements PanacheRepositoryBase<TieEntity, TieId> {
}
