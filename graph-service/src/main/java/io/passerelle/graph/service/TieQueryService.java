package io.passerelle.graph.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.graph.TieEntity;
import io.passerelle.graph.TieId;
import io.passerelle.graph.repository.ContactRepository;
import io.passerelle.graph.repository.OwnerRepository;
import io.passerelle.graph.repository.TieRepository;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.runtime.problem.ProblemException;
import io.passerelle.vocabulary.Language;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers tie reads. Strength and class are computed as of the reading instant from the stored
 * statistics, so time passing weakens silent ties without any event; that is also why the listing
 * is filtered and sorted here rather than in SQL. The explanations are written at the same time, from
 * the same stored statistics, contact and profile, in the language asked, else the owner's
 * ({@link TieStrengthModel#languageOf}): nothing of them is stored, so every stored tie answers in
 * either language.
 */
@ApplicationScoped
public class TieQueryService {
    static final Comparator<Tie> STRONGEST_FIRST = Comparator.comparingDouble(Tie::strength).reversed()
            .thenComparing(Tie::contactId);

    private final OwnerRepository owners;
    private final TieRepository ties;
    private final ContactRepository contacts;
    private final TieStrengthModel model;

    public TieQueryService(OwnerRepository owners, TieRepository ties, ContactRepository contacts, TieStrengthModel model) {
        this.owners = owners;
        this.ties = ties;
        this.contacts = contacts;
        this.model = model;
    }

    /** A page of the owner's ties, explained in {@code language} (empty: the owner's). */
    @WithSession
    public Uni<TieListing> list(String ownerId, TieQuery query, Optional<Language> language) {
        Instant asOf = query.cursor() == null ? Instant.now() : query.cursor().asOf();
        return knownOwner(ownerId).chain(owner -> ties.listByOwner(ownerId)
                .chain(tieRows -> contacts.listByOwner(ownerId).map(contactRows -> {
                    Language explained = language.orElseGet(() -> TieStrengthModel.languageOf(owner));
                    Map<String, Contact> contactById = new HashMap<>();
                    contactRows.forEach(row -> contactById.put(row.contactId, read(row.contactJson, Contact.class)));
                    List<Tie> matching = tieRows.stream()
                            .map(row -> describe(row, contactById.get(row.contactId), owner, asOf, explained))
                            .filter(tie -> query.classes().isEmpty() || query.classes().contains(tie.tieClass()))
                            .filter(tie -> query.scales().isEmpty() || query.scales().contains(tie.geographicScale()))
                            .filter(tie -> tie.strength() >= query.minStrength())
                            .filter(tie -> query.cursor() == null || query.cursor().precedes(tie.strength(), tie.contactId()))
                            .sorted(STRONGEST_FIRST)
                            .toList();
                    List<Tie> page = matching.subList(0, Math.min(query.limit(), matching.size()));
                    TieCursor next = matching.size() > page.size() && !page.isEmpty()
                            ? new TieCursor(asOf, page.get(page.size() - 1).strength(), page.get(page.size() - 1).contactId())
                            : null;
                    return new TieListing(List.copyOf(page), next);
                })));
    }

    /** One tie, explained in {@code language} (empty: the owner's). */
    @WithSession
    public Uni<Tie> get(String ownerId, String contactId, Optional<Language> language) {
        Instant asOf = Instant.now();
        TieId id = new TieId(ownerId, contactId);
        return knownOwner(ownerId).chain(owner -> ties.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Owner " + ownerId + " has no tie with contact " + contactId + "."))
                .chain(tie -> contacts.findById(id)
                        .map(contact -> describe(tie, contact == null ? null : read(contact.contactJson, Contact.class), owner, asOf,
                                language.orElseGet(() -> TieStrengthModel.languageOf(owner))))));
    }

    private Uni<OwnerProfile> knownOwner(String ownerId) {
        return owners.findById(ownerId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "No owner " + ownerId + ": an owner is known once one of its events has been received."))
                .map(owner -> read(owner.profileJson, OwnerProfile.class));
    }

    private Tie describe(TieEntity row, Contact contact, OwnerProfile owner, Instant asOf, Language language) {
        TieStatistics statistics = read(row.statisticsJson, TieStatistics.class);
        // Without a recorded peak (a row older than V9), the description takes the strength as of the last interaction.
        TiePeak peak = row.peakStrength == null ? TiePeak.NONE : new TiePeak(row.peakStrength, row.peakStrengthAt);
        return model.describe(row.contactId, statistics, contact, model.assess(statistics, contact, owner, asOf, language), peak,
                row.updatedAt);
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.read(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
