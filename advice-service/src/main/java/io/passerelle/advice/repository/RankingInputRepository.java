package io.passerelle.advice.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.passerelle.advice.ranking.RankableTie;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what the ranking needs from the projection the consumer maintains: an owner's ties and profile. */
@ApplicationScoped
public class RankingInputRepository {
    private final Pool pool;

    public RankingInputRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<RankableTie>> tiesOf(String ownerId) {
        return pool.preparedQuery("SELECT tie::text, contact::text, previous_tie_class FROM ties WHERE owner_id = $1 ORDER BY contact_id")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    List<RankableTie> ties = new ArrayList<>();
                    for (Row row : rows) {
                        String contact = row.getString(1);
                        String previous = row.getString(2);
                        ties.add(new RankableTie(read(row.getString(0), Tie.class),
                                contact == null ? null : read(contact, Contact.class),
                                previous == null ? null : TieClass.valueOf(previous)));
                    }
                    return ties;
                });
    }

    public Uni<Optional<OwnerProfile>> profileOf(String ownerId) {
        return pool.preparedQuery("SELECT profile::text FROM owners WHERE owner_id = $1")
                .execute(Tuple.of(ownerId))
                .map(rows -> {
                    var iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(read(iterator.next().getString(0), OwnerProfile.class)) : Optional.empty();
                });
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.read(json, type);
        } catch (JsonProcessingException e) {
            // Only the consumer writes these columns, from payloads it has already read successfully.
            throw new UncheckedIOException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
