package io.passerelle.graph.projection;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.tie.TiePeak;
import io.passerelle.tie.TieStatistics;

/**
 * A tie as the database holds it before a batch: its statistics, the contact (null until the
 * contact's event arrives), the class, strength, scale and effective origin last published, and the
 * strongest the tie has been.
 *
 * @param peak null for a tie written before peaks were recorded (V9): it is then taken to be the
 *             strength as of the last interaction ({@link io.passerelle.tie.TieHistory#withoutRecordedPeak})
 */
public record StoredTie(
        TieKey key,
        TieStatistics statistics,
        Contact contact,
        TieClass tieClass,
        double strength,
        GeographicScale geographicScale,
        Origin origin,
        TiePeak peak) {
}
