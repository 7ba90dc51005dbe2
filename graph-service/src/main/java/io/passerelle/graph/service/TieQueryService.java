package io.passerelle.graph.service;

import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.graph.repository.TiePageReader;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.vocabulary.Language;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers tie reads. A listing reads one page through an index, in the order of the stored scores,
 * which the sweep keeps at most {@code passerelle.graph.sweep.rescore-after} old (TieClassSweep); a
 * single tie is computed as of the reading instant from its stored statistics. The explanations are
 * written at the read, from the same stored statistics, contact and profile, in the language asked,
 * else the owner's ({@link TieStrengthModel#languageOf}): nothing of them is stored, so every stored
 * tie answers in either language.
 */
@ApplicationScoped
public class TieQueryService {
    private final TiePageReader pages;
    private final TieStrengthModel model;

    public TieQueryService(TiePageReader pages, TieStrengthModel model) {
        this.pages = pages;
        this.model = model;
    }

    /**
     * A page of the owner's ties, read through an index in the stored order and explained in
     * {@code language} (empty: the owner's): only the page's rows and their contacts are read,
     * whatever the owner's size, with the owner's profile, in one statement (TiePageReader). Each tie is
     * described as of the instant its stored score was computed ({@code scored_at}), so that what a
     * page shows agrees with the order and the filters that chose it.
     */
    public Uni<TieListing> list(String ownerId, TieQuery query, Optional<Language> language) {
        return pages.page(ownerId, query, query.limit() + 1)
                .onItem().ifNull().failWith(() -> unknownOwner(ownerId))
                .map(found -> {
                    OwnerProfile owner = found.owner();
                    List<TiePageReader.StoredTie> rows = found.ties();
                    Language explained = language.orElseGet(() -> TieStrengthModel.languageOf(owner));
                    List<TiePageReader.StoredTie> page = rows.subList(0, Math.min(query.limit(), rows.size()));
                    List<Tie> items = new ArrayList<>(page.size());
                    for (TiePageReader.StoredTie row : page) {
                        items.add(describe(row, owner, row.scoredAt(), explained));
                    }
                    TiePageReader.StoredTie last = page.isEmpty() ? null : page.get(page.size() - 1);
                    TieCursor next = rows.size() > page.size() && last != null ? new TieCursor(last.strength(), last.contactId()) : null;
                    return new TieListing(items, next);
                });
    }

    /**
     * One tie, computed as of the reading instant from its stored statistics and explained in
     * {@code language} (empty: the owner's); one statement, like a page (TiePageReader).
     */
    public Uni<Tie> get(String ownerId, String contactId, Optional<Language> language) {
        Instant asOf = Instant.now();
        return pages.tie(ownerId, contactId)
                .onItem().ifNull().failWith(() -> unknownOwner(ownerId))
                .map(found -> {
                    if (found.ties().isEmpty()) {
                        throw ProblemException.notFound("Owner " + ownerId + " has no tie with contact " + contactId + ".");
                    }
                    TiePageReader.StoredTie row = found.ties().get(0);
                    Language explained = language.orElseGet(() -> TieStrengthModel.languageOf(found.owner()));
                    return describe(row, found.owner(), asOf, explained);
                });
    }

    private static ProblemException unknownOwner(String ownerId) {
        return ProblemException.notFound("No owner " + ownerId + ": an owner is known once one of its events has been received.");
    }

    private Tie describe(TiePageReader.StoredTie row, OwnerProfile owner, Instant asOf, Language language) {
        // Without a recorded peak (a row older than V9), the description takes the strength as of the last interaction.
        TiePeak peak = row.peak() == null ? TiePeak.NONE : row.peak();
        return model.describe(row.contactId(), row.statistics(), row.contact(),
                model.assess(row.statistics(), row.contact(), owner, asOf, language), peak, row.updatedAt());
    }
}
