package io.passerelle.graph.projection;

import io.passerelle.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The erasure markers of the owners a batch touches, as loaded, plus those its erasures add. An event
 * is held back when the broker recorded it at or before the erasure of its owner or contact: it was
 * published before the erasure (a late record of another topic, or a replay of the topics) and must
 * not bring the person back. A later event (the platform adding the contact again) is applied.
 *
 * <p>Markers are keyed by SHA-256 hashes (hex): of the owner id for the whole owner, and of
 * {@code ownerId/contactId} for a contact, so that the same contact id under two owners gives two
 * unrelated hashes and no table holds an erased id in clear.
 */
public final class ErasureMarkers {
    private record Scope(String ownerHash, String contactHash) {
    }

    private final Map<Scope, Instant> erasedAsOf = new HashMap<>();
    /** The owners (hashed) with at least one marker: an event of any other owner is looked up without hashing its tie key. */
    private final Set<String> ownersWithMarkers = new HashSet<>();
    private final Map<Scope, Instant> added = new LinkedHashMap<>();
    private final Map<String, String> hashes = new HashMap<>();

    private ErasureMarkers() {
    }

    public static ErasureMarkers none() {
        return new ErasureMarkers();
    }

    public static ErasureMarkers of(Collection<ErasureMarker> stored) {
        ErasureMarkers markers = new ErasureMarkers();
        stored.forEach(marker -> {
            markers.erasedAsOf.merge(new Scope(marker.ownerHash(), marker.contactHash()), marker.erasedAsOf(), ErasureMarkers::later);
            markers.ownersWithMarkers.add(marker.ownerHash());
        });
        return markers;
    }

    /** SHA-256 of the owner id, in hexadecimal: the key of the owner's markers. */
    public static String ownerHash(String ownerId) {
        return sha256(ownerId);
    }

    /** SHA-256 of {@code ownerId/contactId}, in hexadecimal. */
    public static String contactHash(String ownerId, String contactId) {
        return sha256(Topics.tieKey(ownerId, contactId));
    }

    /**
     * The latest instant as of which the contact, or its whole owner, was erased; null if never.
     * With a null {@code contactId}, the owner's own erasure only.
     */
    public Instant erasedAsOf(String ownerId, String contactId) {
        String owner = hash(ownerId); // once per owner and batch
        if (!ownersWithMarkers.contains(owner)) {
            return null; // the common case: the owner has never been erased, nor any of its contacts
        }
        Instant wholeOwner = erasedAsOf.get(new Scope(owner, null));
        if (contactId == null) {
            return wholeOwner;
        }
        return later(wholeOwner, erasedAsOf.get(new Scope(owner, hash(Topics.tieKey(ownerId, contactId)))));
    }

    /** Whether an event of this owner (and contact, if not null) recorded at {@code recordedAt} predates an erasure of it. */
    public boolean holdsBack(String ownerId, String contactId, Instant recordedAt) {
        if (recordedAt == null) {
            return false;
        }
        Instant erased = erasedAsOf(ownerId, contactId);
        return erased != null && !recordedAt.isAfter(erased);
    }

    public void eraseOwner(String ownerId, Instant asOf) {
        add(new Scope(hash(ownerId), null), asOf);
    }

    public void eraseContact(String ownerId, String contactId, Instant asOf) {
        add(new Scope(hash(ownerId), hash(Topics.tieKey(ownerId, contactId))), asOf);
    }

    /** The markers this batch added or moved later, one per scope, to be written. */
    public List<ErasureMarker> added() {
        List<ErasureMarker> markers = new ArrayList<>(added.size());
        added.forEach((scope, asOf) -> markers.add(new ErasureMarker(scope.ownerHash(), scope.contactHash(), asOf)));
        return markers;
    }

    private void add(Scope scope, Instant asOf) {
        ownersWithMarkers.add(scope.ownerHash());
        Instant merged = erasedAsOf.merge(scope, asOf, ErasureMarkers::later);
        added.put(scope, merged);
    }

    private String hash(String value) {
        return hashes.computeIfAbsent(value, ErasureMarkers::sha256);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
