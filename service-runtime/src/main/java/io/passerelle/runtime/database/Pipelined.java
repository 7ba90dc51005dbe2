package io.passerelle.runtime.database;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Statements of one transaction that do not need each other's answers, sent to PostgreSQL together.
 *
 * <p>The reactive client pipelines the statements of a connection: what is subscribed is written at
 * once, PostgreSQL runs it in the order it arrives, and the answers come back in that order. Awaiting
 * each statement before sending the next costs a wait per statement: a wake-up of the server process,
 * then of the event loop, each of which queues for a core on a busy machine. Sent together, the
 * statements cost one wait. They still run one after the other, in the order of the list, so a
 * statement may rely on what an earlier one did in the database (a lock taken, a row deleted), never
 * on its answer in Java.
 *
 * <p>The first failure fails the whole: in a transaction, the statements after a failed one fail too
 * ("current transaction is aborted"), and their answers come after the first failure's, which is the
 * one reported (so that a refusal of the data is recognised as such, not as an aborted transaction).
 */
public final class Pipelined {
    private Pipelined() {
    }

    /**
     * Subscribes to every statement at once, in list order, and completes when all have answered;
     * each {@code Uni} must send its statement when subscribed, as the client's {@code execute} does.
     */
    public static Uni<Void> inOrder(List<? extends Uni<?>> statements) {
        if (statements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (statements.size() == 1) {
            return statements.get(0).replaceWithVoid();
        }
        return Uni.combine().all().unis(statements).discardItems();
    }
}
