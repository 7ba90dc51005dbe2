package io.passerelle.graph.repository;

import io.passerelle.graph.ContactEntity;
import io.passerelle.graph.TieId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads contacts. */
@WithSession
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<ContactEntity, TieId> {

}
