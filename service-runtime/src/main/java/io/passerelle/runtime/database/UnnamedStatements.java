package io.passerelle.runtime.database;

import java.util.function.Predicate;

/**
 * Statements the pool prepares unnamed, so that PostgreSQL plans each execution for the values bound to it. Every other
 * statement is cached by name on its connection (Quarkus turns the client's cache on): parsed once, and after five
 * executions PostgreSQL may keep a generic plan, costed for average values, for all values. That is what a batch's
 * statements want, and what a statement whose best plan depends on its values must not get: an owner's page of ties,
 * for example, planned for an average owner, may read and sort all the ties of the largest. Such a statement starts
 * with {@link #MARKER} ({@link #sql}); the pool's cache filter ({@link StallDetectingPoolCreator}) leaves it out.
 */
public final class UnnamedStatements {
    /** The comment a statement starts with to be prepared unnamed; PostgreSQL ignores it. */
    public static final String MARKER = "/* planned for its values */ ";

    private UnnamedStatements() {
    }

    /** The statement, marked to be prepared unnamed. */
    public static String sql(String statement) {
        return MARKER + statement;
    }

    /** The pool's filter of the statements it caches: those {@code cacheable} accepts, unless marked. */
    static Predicate<String> cacheFilter(Predicate<String> cacheable) {
        return sql -> !sql.startsWith(MARKER) && (cacheable == null || cacheable.test(sql));
    }
}
