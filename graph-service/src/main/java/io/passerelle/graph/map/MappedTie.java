package io.passerelle.graph.map;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import java.util.Objects;

/**
 * One tie as the network map draws it: where (its scale's ring), how (its class's colour and shape,
 * outlined when the contact is an alter ego of the owner) and, only when names are asked for, who.
 *
 * @param contactId       orders the dots on a ring (through a stable hash); never written into the picture
 * @param displayName     the contact's name, null unless the map is drawn with names
 * @param tieClass        the tie's class
 * @param geographicScale the tie's scale; UNKNOWN ties are drawn in a dashed band outside the rings
 * @param alterEgo        whether the contact looks like the owner (the diagnostics' alter-ego rule)
 */
public record MappedTie(String contactId, String displayName, TieClass tieClass, GeographicScale geographicScale, boolean alterEgo) {
    public MappedTie {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(tieClass, "tieClass");
        Objects.requireNonNull(geographicScale, "geographicScale");
    }
}
