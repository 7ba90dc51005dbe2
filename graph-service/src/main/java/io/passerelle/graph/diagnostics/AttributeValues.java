package io.passerelle.graph.diagnostics;

import io.passerelle.tie.GeographicScaleResolver;
import io.passerelle.vocabulary.Sector;
import io.passerelle.vocabulary.Vocabulary;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the attribute values of owners and contacts are compared: names without case, accents or
 * punctuation ("Société Générale" = "societe generale"), and sectors as the shared vocabulary's
 * canonical sector ("Conseil", "Consulting" and "Cabinet de conseil" are one sector, CONSULTING),
 * a sector name the vocabulary does not know being compared as a name. Networks repeat the same
 * spellings: each distinct one is read once. Not thread-safe: one instance per network read.
 */
public final class AttributeValues {
    /** Prefix of a canonical sector, so that it never equals a normalised name (those are lower case). */
    static final String SECTOR_PREFIX = "SECTOR:";

    private final Map<String, Optional<String>> names = new HashMap<>();
    private final Map<String, Optional<String>> sectors = new HashMap<>();

    /** A name in its compared form; null when blank. */
    public String name(String raw) {
        return names.computeIfAbsent(raw, v -> Optional.ofNullable(GeographicScaleResolver.normalized(v))).orElse(null);
    }

    /** A sector in its compared form: its canonical sector when the vocabulary knows it, else its name; null when blank. */
    public String sector(String raw) {
        return sectors.computeIfAbsent(raw, v -> Optional.ofNullable(canonicalSector(v).map(s -> SECTOR_PREFIX + s.name())
                .orElseGet(() -> name(v)))).orElse(null);
    }

    /**
     * The canonical sector of a sector name: read as a whole first ("Conseil"), else the longest known
     * phrase in it ("Conseil en stratégie" is CONSULTING), as advice-service reads target sectors.
     */
    public static Optional<Sector> canonicalSector(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Vocabulary.SECTORS.recognise(raw).or(() -> Vocabulary.SECTORS.find(raw));
    }

    /** The canonical sector a compared value stands for; empty for a name the vocabulary does not know. */
    public static Optional<Sector> sectorOf(String comparedValue) {
        if (comparedValue == null || !comparedValue.startsWith(SECTOR_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(Sector.valueOf(comparedValue.substring(SECTOR_PREFIX.length())));
    }
}
