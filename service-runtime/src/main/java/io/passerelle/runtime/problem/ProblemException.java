package io.passerelle.runtime.problem;

import java.time.Duration;

/** Thrown by resources and services to answer with a given problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null, null);
    }

    public ProblemException(Problem problem, Duration retryAfter, Throwable cause) {
        super(problem.detail(), cause);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    /** When set, the answer carries a {@code Retry-After} header (503 answers). */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(Problem.of(400, slug, title, detail));
    }

    public static ProblemException unavailable(String detail, Duration retryAfter, Throwable cause) {
        return new ProblemException(Problem.of(503, "unavailable", "Service temporarily unavailable", detail), retryAfter, cause);
    }
}
