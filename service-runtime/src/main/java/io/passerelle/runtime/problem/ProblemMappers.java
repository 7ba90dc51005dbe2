package io.passerelle.runtime.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an {@code application/problem+json} answer (API.md conventions): bad
 * input is a 4xx naming the field, and an unexpected error is a 500 that carries a correlation id
 * but never a stack trace, a class name or SQL.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder answer = Response.status(e.problem().status()).type(Problem.MEDIA_TYPE).entity(e.problem());
        if (e.retryAfter() != null) {
            answer.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        if (e.problem().status() >= 500) {
            Log.warnf("Answered %d: %s (%s)", e.problem().status(), e.problem().detail(),
                    e.getCause() == null ? "no cause" : e.getCause().toString());
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath(), "body"), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return answer(Problem.validation(detail, errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return answer(unreadableBody(e));
    }

    /** quarkus-rest-jackson maps this subtype itself (plain JSON); the more specific mapper here wins. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return answer(unreadableBody(e));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(unreadableBody(json));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 415) {
            return answer(unsupportedMediaType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), MediaType.APPLICATION_JSON));
        }
        if (status == 406) {
            return answer(notAcceptable(headers.getHeaderString(HttpHeaders.ACCEPT), MediaType.APPLICATION_JSON));
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String slug = type.getReasonPhrase().toLowerCase().replace(' ', '-');
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 413 -> "The request body is larger than this endpoint accepts.";
            default -> type.getReasonPhrase();
        };
        return answer(Problem.of(status, slug, type.getReasonPhrase(), detail));
    }

    /**
     * The 415 answer: names the {@code Content-Type} received and the one(s) expected. A service whose
     * endpoints expect other types maps {@link jakarta.ws.rs.NotSupportedException} itself with this.
     */
    public static Problem unsupportedMediaType(String received, String expected) {
        String what = received == null || received.isBlank() ? "No Content-Type" : "Content-Type " + shortened(received);
        String message = "must be " + expected;
        return Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                what + " is not accepted here; send " + expected + ".",
                List.of(new Problem.FieldError(HttpHeaders.CONTENT_TYPE, message)));
    }

    /** The 406 answer: names the {@code Accept} received and the type the endpoint answers with. */
    public static Problem notAcceptable(String received, String produced) {
        return Problem.of(406, "not-acceptable", "Not Acceptable",
                "This resource answers " + produced + " (errors as " + Problem.MEDIA_TYPE + "), which Accept "
                        + (received == null ? "" : shortened(received) + " ") + "does not include.",
                List.of(new Problem.FieldError(HttpHeaders.ACCEPT, "must include " + produced)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        String correlationId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error, correlationId=%s", correlationId);
        return answer(Problem.of(500, "internal-error", "Internal error",
                "The request could not be completed. Quote the correlation id when reporting it.")
                .withCorrelationId(correlationId));
    }

    static Problem unreadableBody(JsonProcessingException e) {
        JsonParseException syntax = syntaxErrorIn(e);
        if (syntax != null) {
            var at = syntax.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // A syntax error met while reading a field's value (an unescaped tab in a string) names that field.
            String field = e instanceof JsonMappingException mapping ? fieldOf(mapping.getPath(), "body") : "body";
            String reason = syntax.getOriginalMessage() == null ? "" : ": " + shortened(syntax.getOriginalMessage());
            return Problem.validation("The body is not valid JSON" + where + reason,
                    List.of(new Problem.FieldError(field, "malformed JSON" + where)));
        }
        Problem.FieldError error = fieldErrorOf(e, "body");
        return Problem.validation(error.field() + " " + error.message(), List.of(error));
    }

    private static JsonParseException syntaxErrorIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return parse;
            }
        }
        return null;
    }

    /**
     * The field a JSON value could not be mapped to, and what it must be, in words a client can act
     * on (never a Java type name). {@code wholeName} names the document when no field is at fault.
     */
    public static Problem.FieldError fieldErrorOf(JsonProcessingException e, String wholeName) {
        String field = e instanceof JsonMappingException mapping ? fieldOf(mapping.getPath(), wholeName) : wholeName;
        String message;
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            message = "must be " + describe(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + describe(mismatch.getTargetType());
        } else if (e.getCause() instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            message = "is out of range: must be " + describe(coercion.getTargetType()) + " between "
                    + rangeOf(coercion.getTargetType());
        } else {
            message = "cannot be read";
        }
        return new Problem.FieldError(field, message);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (java.time.Instant.class.equals(type)) {
            return "an ISO-8601 UTC instant such as 2026-03-04T10:00:00Z";
        }
        if (java.time.LocalDate.class.equals(type)) {
            return "a date such as 2026-03-04";
        }
        if (isWhole(type)) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (Boolean.class.equals(type) || boolean.class.equals(type)) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (String.class.equals(type)) {
            return "a string";
        }
        return "an object";
    }

    /** A header or parser message echoed in an answer, cut short: either may be kilobytes long. */
    private static String shortened(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static boolean isWhole(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class;
    }

    private static String rangeOf(Class<?> type) {
        if (type == Long.class || type == long.class) {
            return Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        }
        if (type == Short.class || type == short.class) {
            return Short.MIN_VALUE + " and " + Short.MAX_VALUE;
        }
        if (type == Byte.class || type == byte.class) {
            return Byte.MIN_VALUE + " and " + Byte.MAX_VALUE;
        }
        return Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
    }

    static String fieldOf(List<JsonMappingException.Reference> path, String wholeName) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? wholeName : field.toString();
    }

    /**
     * The field a constraint violation is about, as the client wrote it: "put.arg1.location.country"
     * becomes "location.country", "emails[0].&lt;list element&gt;" becomes "emails[0]", a path parameter
     * keeps its name, and {@code wholeName} stands for the whole document.
     */
    public static String fieldOf(Path path, String wholeName) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : wholeName;
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
