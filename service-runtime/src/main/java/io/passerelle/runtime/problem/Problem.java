package io.passerelle.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer (API.md conventions). {@code errors}
 * names each invalid field; {@code correlationId} ties a server error to its log line.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        List<FieldError> errors,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://passerelle.io/problems/";

    /** One invalid field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of(), null);
    }

    /** A problem that names the fields (or headers) at fault. */
    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.copyOf(errors), null);
    }

    public static Problem validation(String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + "validation", "Invalid request", 400, detail, List.copyOf(errors), null);
    }

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, errors, id);
    }
}
