package io.passerelle.graph.rest;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.service.TieCursor;
import io.passerelle.graph.service.TieQuery;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the query parameters of the ties listing. They arrive as text and are parsed here, so that
 * every bad value is a 400 naming the parameter (JAX-RS would answer 404 for an unconvertible
 * query parameter) and all bad values are reported at once.
 */
final class TieQueryParameters {
    private TieQueryParameters() {
    }

    static TieQuery parse(String classes, String scales, String minStrength, String limit, String cursor) {
        return parse(classes, scales, minStrength, limit, cursor, new ArrayList<>());
    }

    /** The same, reporting with the errors already found in the request's other parameters ({@code lang}). */
    static TieQuery parse(String classes, String scales, String minStrength, String limit, String cursor, List<Problem.FieldError> errors) {
        Set<TieClass> tieClasses = enums(classes, TieClass.class, "class", errors);
        Set<GeographicScale> geographicScales = enums(scales, GeographicScale.class, "scale", errors);
        double min = 0.0;
        if (present(minStrength)) {
            try {
                min = Double.parseDouble(minStrength.trim());
                if (!(min >= 0 && min <= 1)) {
                    errors.add(new Problem.FieldError("minStrength", "must be a number between 0 and 1"));
                }
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("minStrength", "must be a number between 0 and 1"));
            }
        }
        int size = TieQuery.DEFAULT_LIMIT;
        if (present(limit)) {
            try {
                size = Integer.parseInt(limit.trim());
                if (size < 1 || size > TieQuery.MAX_LIMIT) {
                    errors.add(new Problem.FieldError("limit", "must be an integer between 1 and " + TieQuery.MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("limit", "must be an integer between 1 and " + TieQuery.MAX_LIMIT));
            }
        }
        TieCursor position = null;
        if (present(cursor)) {
            position = TieCursor.decode(cursor.trim()).orElse(null);
            if (position == null) {
                errors.add(new Problem.FieldError("cursor", "must be a nextCursor returned by this endpoint"));
            }
        }
        failIfAny(errors);
        return new TieQuery(tieClasses, geographicScales, min, size, position);
    }

    static void requireOwnerId(String ownerId) {
        requireId("ownerId", ownerId, Identifiers.OWNER_ID);
    }

    static void requireContactId(String contactId) {
        requireId("contactId", contactId, Identifiers.CONTACT_ID);
    }

    private static void requireId(String field, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            failIfAny(List.of(new Problem.FieldError(field, "must match " + pattern.pattern())));
        }
    }

    /** A comma-separated list of enum names, case-insensitive; empty means any. */
    private static <E extends Enum<E>> Set<E> enums(String text, Class<E> type, String field, List<Problem.FieldError> errors) {
        Set<E> values = EnumSet.noneOf(type);
        if (!present(text)) {
            return values;
        }
        for (String part : text.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            try {
                values.add(Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())
                        + " (comma-separated), not '" + part.trim() + "'"));
                return values;
            }
        }
        return values;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    static void failIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(Problem.validation(detail, errors));
        }
    }
}
