package io.passerelle.graph.projection;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.tie.TieAssessment;
import io.passerelle.tie.TieHistory;
import io.passerelle.tie.TieStrengthModel;
import io.passerelle.vocabulary.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a batch of new events, in record order, to the state loaded for it (see
 * {@link LoadPlan}) and tells what to write and publish. Pure: the caller loads, writes and
 * publishes inside one transaction.
 *
 * <p>A tie is published when it is new, its statistics or contact changed, or its class, scale,
 * effective origin, strength or peak (beyond {@code strengthEpsilon}) moved; the owner's profile
 * changing re-evaluates all of the owner's ties but publishes only those that moved, or all of them when
 * the profile's language changed: a published tie is explained in its owner's language.
 *
 * <p>Each tie's {@link TieHistory} is kept with its statistics: every interaction is folded with the
 * contact and profile known at that point of the batch, and every tie the batch touches is
 * reassessed as of its last interaction with what is known at the end, so that its peak (the
 * strongest it has been, and when) is what the interactions, in the order they were recorded, reached.
 *
 * <p>Erasures: an event recorded at or before an erasure of its owner or contact is held back
 * ({@link ErasureMarkers}); erasing a contact removes its id from the {@code mutualContactIds} of the
 * owner's other contacts (which re-scores their ties), and a contact upsert that predates the erasure
 * of a contact it lists loses that id too.
 */
public final class ProjectionBatch {
    private final TieStrengthModel model;
    private final Map<String, OwnerProfileHolder> owners = new HashMap<>();
    /** The owners whose rows exist in the database as loaded, less those the batch erased. */
    private final Set<String> storedOwners = new HashSet<>();
    private final Map<TieKey, WorkingTie> ties = new LinkedHashMap<>();
    /**
     * The owners whose rows the batch writes: new ones and those whose profile it applied. An owner's row
     * holds nothing an interaction or a contact changes, so rewriting it for those (every owner of every
     * batch) would only cost the database a row version, its index entries and its log.
     */
    private final Set<String> ownersToWrite = new LinkedHashSet<>();
    private final Set<String> erasedOwners = new LinkedHashSet<>();
    private final Set<TieKey> erasedTies = new LinkedHashSet<>();
    private final Map<String, Cause> profileCauses = new HashMap<>();
    /** The language each owner's ties were explained in before the batch's first profile update of that owner. */
    private final Map<String, Language> languagesBefore = new HashMap<>();
    private final ErasureMarkers markers;
    private final List<String> heldBack = new ArrayList<>();
    private long sequence;

    /** An owner as loaded: present in the database, with or without a profile. */
    public record StoredOwner(String ownerId, OwnerProfile profile) {
    }

    private record OwnerProfileHolder(OwnerProfile profile) {
    }

    private record Cause(long sequence, String eventId) {
    }

    private static final class WorkingTie {
        final TieKey key;
        final StoredTie stored;
        TieHistory history;
        Contact contact;
        Cause cause;

        WorkingTie(TieKey key, StoredTie stored, TieHistory history) {
            this.key = key;
            this.stored = stored;
            this.history = history;
            this.contact = stored == null ? null : stored.contact();
        }
    }

    public ProjectionBatch(TieStrengthModel model, Collection<StoredOwner> storedOwners, Collection<StoredTie> storedTies) {
        this(model, storedOwners, storedTies, ErasureMarkers.none());
    }

    /** @param markers the erasure markers of the batch's owners; the batch adds those of its erasures */
    public ProjectionBatch(TieStrengthModel model, Collection<StoredOwner> storedOwners, Collection<StoredTie> storedTies,
            ErasureMarkers markers) {
        this.model = Objects.requireNonNull(model, "model");
        this.markers = Objects.requireNonNull(markers, "markers");
        storedOwners.forEach(owner -> {
            owners.put(owner.ownerId(), new OwnerProfileHolder(owner.profile()));
            this.storedOwners.add(owner.ownerId());
        });
        storedTies.forEach(tie -> ties.put(tie.key(), new WorkingTie(tie.key(), tie, historyOf(tie))));
    }

    /** The stored tie's history; one stored before peaks were recorded starts from the strength as of its last interaction. */
    private TieHistory historyOf(StoredTie tie) {
        return tie.peak() != null
                ? new TieHistory(tie.statistics(), tie.peak())
                : TieHistory.withoutRecordedPeak(tie.statistics(), tie.contact(), profileOf(tie.key().ownerId()), model);
    }

    public ProjectionBatch applyAll(List<IngestedEvent> events) {
        events.forEach(this::apply);
        return this;
    }

    public void apply(IngestedEvent event) {
        Cause cause = new Cause(++sequence, event.eventId());
        // An erasure is always applied (again, on a replay: it finds nothing left); anything else that
        // predates an erasure of its owner or contact would bring the person back.
        if (!event.erases() && markers.holdsBack(event.ownerId(), event.contactId(), event.recordedAt())) {
            heldBack.add(event.eventId());
            return;
        }
        if (event instanceof IngestedEvent.ProfileUpdated e) {
            languagesBefore.putIfAbsent(e.ownerId(), TieStrengthModel.languageOf(profileOf(e.ownerId())));
            owners.put(e.ownerId(), new OwnerProfileHolder(e.profile()));
            ownersToWrite.add(e.ownerId());
            profileCauses.put(e.ownerId(), cause);
        } else if (event instanceof IngestedEvent.ContactUpserted e) {
            WorkingTie tie = touch(new TieKey(e.ownerId(), e.contactId()), cause);
            tie.contact = withoutErasedMutualContacts(e.ownerId(), e.contact(), e.recordedAt());
        } else if (event instanceof IngestedEvent.InteractionRecorded e) {
            WorkingTie tie = touch(new TieKey(e.ownerId(), e.interaction().contactId()), cause);
            tie.history = tie.history.after(e.interaction(), tie.contact, profileOf(e.ownerId()), model);
        } else if (event instanceof IngestedEvent.ContactErased e) {
            TieKey key = new TieKey(e.ownerId(), e.contactId());
            ties.remove(key);
            erasedTies.add(key);
            if (e.recordedAt() != null) {
                markers.eraseContact(e.ownerId(), e.contactId(), e.recordedAt());
            }
            forgetMutualContact(key, cause);
        } else if (event instanceof IngestedEvent.OwnerErased e) {
            if (e.recordedAt() != null) {
                markers.eraseOwner(e.ownerId(), e.recordedAt());
            }
            owners.remove(e.ownerId());
            storedOwners.remove(e.ownerId());
            ownersToWrite.remove(e.ownerId());
            profileCauses.remove(e.ownerId());
            languagesBefore.remove(e.ownerId());
            erasedOwners.add(e.ownerId());
            for (Iterator<TieKey> keys = ties.keySet().iterator(); keys.hasNext(); ) {
                TieKey key = keys.next();
                if (key.ownerId().equals(e.ownerId())) {
                    keys.remove();
                    erasedTies.add(key);
                }
            }
        }
    }

    /** Re-evaluates what changed as of {@code now} and lists the writes and publications. */
    public ProjectionOutcome outcome(Instant now, double strengthEpsilon) {
        List<ProjectionOutcome.OwnerRow> ownerRows = new ArrayList<>();
        for (String ownerId : ownersToWrite) {
            ownerRows.add(new ProjectionOutcome.OwnerRow(ownerId, profileOf(ownerId)));
        }
        List<ProjectionOutcome.ContactRow> contactRows = new ArrayList<>();
        List<ProjectionOutcome.TieChange> changes = new ArrayList<>();
        for (WorkingTie tie : ties.values()) {
            Cause profileCause = profileCauses.get(tie.key.ownerId());
            if (tie.cause == null && profileCause == null) {
                continue;
            }
            StoredTie stored = tie.stored;
            boolean contactChanged = tie.contact != null && (stored == null || !Objects.equals(stored.contact(), tie.contact));
            if (contactChanged) {
                contactRows.add(new ProjectionOutcome.ContactRow(tie.key, tie.contact));
            }
            OwnerProfile owner = profileOf(tie.key.ownerId());
            tie.history = tie.history.reassessed(tie.contact, owner, model);
            TieAssessment assessment = model.assess(tie.history.statistics(), tie.contact, owner, now);
            Tie projected = model.describe(tie.key.contactId(), tie.history.statistics(), tie.contact, assessment, tie.history.peak(), now);
            // A tie is published in its owner's language: when the profile's language changed, every tie is published again in it.
            boolean languageChanged = profileCause != null && languagesBefore.containsKey(tie.key.ownerId())
                    && languagesBefore.get(tie.key.ownerId()) != assessment.explanationLanguage();
            boolean changed = stored == null
                    || contactChanged
                    || languageChanged
                    || !stored.statistics().equals(tie.history.statistics())
                    || stored.tieClass() != assessment.tieClass()
                    || stored.geographicScale() != assessment.geographicScale()
                    || stored.origin() != projected.origin()
                    || Math.abs(stored.strength() - assessment.strength()) > strengthEpsilon
                    || stored.peak() == null
                    || Math.abs(stored.peak().strength() - projected.peakStrength()) > strengthEpsilon;
            if (!changed) {
                continue;
            }
            Cause cause = later(tie.cause, profileCause);
            changes.add(new ProjectionOutcome.TieChange(tie.key, tie.history.statistics(), tie.contact, assessment, projected,
                    stored == null ? null : stored.tieClass(), cause.eventId(),
                    model.nextClassChange(tie.history.statistics(), tie.contact, owner, now)));
        }
        List<TieKey> tombstones = erasedTies.stream().filter(key -> !ties.containsKey(key)).toList();
        return new ProjectionOutcome(List.copyOf(erasedOwners), List.copyOf(erasedTies), List.copyOf(ownerRows),
                List.copyOf(contactRows), List.copyOf(changes), tombstones, markers.added(), List.copyOf(heldBack));
    }

    /** Removes an erased contact from the mutual contacts of the owner's other contacts: their ties are re-scored. */
    private void forgetMutualContact(TieKey erased, Cause cause) {
        List<WorkingTie> mentioning = ties.values().stream()
                .filter(tie -> tie.key.ownerId().equals(erased.ownerId()) && mentions(tie.contact, erased.contactId()))
                .toList();
        for (WorkingTie tie : mentioning) {
            tie.contact = withMutualContactIds(tie.contact, tie.contact.mutualContactIds().stream()
                    .filter(id -> !id.equals(erased.contactId())).toList());
            touch(tie.key, cause);
        }
    }

    /** The contact without the mutual contacts erased after this version of it was recorded. */
    private Contact withoutErasedMutualContacts(String ownerId, Contact contact, Instant recordedAt) {
        if (contact == null || contact.mutualContactIds() == null || recordedAt == null) {
            return contact;
        }
        List<String> kept = contact.mutualContactIds().stream()
                .filter(id -> !markers.holdsBack(ownerId, id, recordedAt))
                .toList();
        return kept.size() == contact.mutualContactIds().size() ? contact : withMutualContactIds(contact, kept);
    }

    private static boolean mentions(Contact contact, String contactId) {
        return contact != null && contact.mutualContactIds() != null && contact.mutualContactIds().contains(contactId);
    }

    private static Contact withMutualContactIds(Contact c, List<String> mutualContactIds) {
        return new Contact(c.displayName(), c.emails(), c.company(), c.role(), c.sector(), c.pastCompanies(), c.schools(),
                c.location(), c.origin(), c.relationContexts(), c.source(), c.connectedOn(), c.declaredCloseness(),
                List.copyOf(mutualContactIds), c.tags());
    }

    private WorkingTie touch(TieKey key, Cause cause) {
        touchOwner(key.ownerId());
        WorkingTie tie = ties.computeIfAbsent(key, k -> new WorkingTie(k, null, TieHistory.empty()));
        tie.cause = cause;
        return tie;
    }

    private void touchOwner(String ownerId) {
        owners.putIfAbsent(ownerId, new OwnerProfileHolder(null));
        if (!storedOwners.contains(ownerId)) {
            ownersToWrite.add(ownerId);
        }
    }

    private OwnerProfile profileOf(String ownerId) {
        OwnerProfileHolder holder = owners.get(ownerId);
        return holder == null ? null : holder.profile();
    }

    private static Cause later(Cause a, Cause b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.sequence() >= b.sequence() ? a : b;
    }
}
