package io.passerelle.advice.webhook;

/**
 * What one attempt came to: the receiver's status code and {@code Retry-After} header, or, when no
 * answer came (timeout, refused connection), the error.
 */
public record AttemptResult(Integer statusCode, String retryAfter, String error) {

    public static AttemptResult answered(int statusCode, String retryAfter) {
        return new AttemptResult(statusCode, retryAfter, null);
    }

    public static AttemptResult noAnswer(String error) {
        return new AttemptResult(null, null, error);
    }
}
