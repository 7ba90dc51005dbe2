package io.passerelle.graph.repository;

import io.passerelle.graph.OwnerEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads owners. */
@WithSession
@ApplicationScoped
public class OwnerRepository implements PanacheRepositoryBase<OwnerEntity, String> {
}
