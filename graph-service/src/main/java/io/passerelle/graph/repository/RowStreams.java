package io.passerelle.graph.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.util.function.BiConsumer;
import java.util.stream.Collector;

/** Queries whose rows go to a sink as they are decoded, never kept as a row set (a whole network may be large). */
final class RowStreams {
    private RowStreams() {
    }

    /**
     * Runs {@code sql} and gives each row to {@code accept} with the sink, on the connection's event
     * loop (it must be quick and must not block); answers the sink. The Mutiny API does not offer
     * collecting, its delegate does.
     */
    static <S> Uni<S> eachRow(SqlConnection connection, String sql, Tuple arguments, S sink, BiConsumer<S, Row> accept) {
        Collector<Row, S, S> toSink = Collector.of(() -> sink, accept, (left, right) -> left, Collector.Characteristics.IDENTITY_FINISH);
        return Uni.createFrom().completionStage(() -> connection.getDelegate().preparedQuery(sql)
                .collecting(toSink)
                .execute(arguments)
                .map(SqlResult::value)
                .toCompletionStage());
    }
}
