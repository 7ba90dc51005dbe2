package io.passerelle.graph.projection;

import java.time.Instant;

/**
 * What the graph keeps of an erasure so that a replay or a late event cannot bring the person back:
 * hashes only, never an id in clear. {@code contactHash} is null when the whole owner was erased;
 * events of that scope recorded by the broker at or before {@code erasedAsOf} are not applied.
 */
public record ErasureMarker(String ownerHash, String contactHash, Instant erasedAsOf) {

    public boolean coversWholeOwner() {
        return contactHash == null;
    }
}
