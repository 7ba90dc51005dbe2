package io.passerelle.graph.repository;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.TieEntity;
import io.passerelle.graph.TieId;
import io.passerelle.graph.service.TieQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads ties. */
@WithSession
@ApplicationScoped
public class TieRepository implements PanacheRepositoryBase<TieEntity, TieId> {

    /**
     * Up to {@code rows} of the owner's ties that pass the query's filters, after its cursor, in the
     * listing order ({@code strength DESC, contact_id}) of the stored scores. Every condition on
     * strength is one the indexes of V1 and V12 can seek to ({@code strength <= cursor} starts the scan
     * at the cursor, {@code strength >= minStrength} ends it), so a page reads about its own rows,
     * whatever the owner's size.
     */
    public Uni<List<TieEntity>> page(String ownerId, TieQuery query, int rows) {
        StringBuilder where = new StringBuilder("ownerId = :owner");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (!query.classes().isEmpty()) {
            where.append(" and tieClass in :classes");
            parameters.and("classes", query.classes().stream().map(TieClass::name).toList());
        }
        if (!query.scales().isEmpty()) {
            where.append(" and geographicScale in :scales");
            parameters.and("scales", query.scales().stream().map(GeographicScale::name).toList());
        }
        if (query.minStrength() > 0) {
            where.append(" and strength >= :minStrength");
            parameters.and("minStrength", query.minStrength());
        }
        if (query.cursor() != null) {
            where.append(" and strength <= :cursorStrength and (strength < :cursorStrength or contactId > :cursorContact)");
            parameters.and("cursorStrength", query.cursor().strength()).and("cursorContact", query.cursor().contactId());
        }
        return find(where.toString(), Sort.descending("strength").and("contactId", Sort.Direction.Ascending), parameters)
                .page(Page.ofSize(rows))
                .list();
    }
}
