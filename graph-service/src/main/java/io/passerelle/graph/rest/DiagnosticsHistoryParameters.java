package io.passerelle.graph.rest;

import io.passerelle.runtime.problem.Problem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code from} and {@code to} of the diagnostics history: each an ISO-8601 instant with its
 * offset ({@code 2026-03-04T10:00:00Z}, {@code 2026-03-04T11:00:00+01:00}) or a date
 * ({@code 2026-03-04}, a UTC day: {@code from} its first instant, {@code to} its last, so that the day
 * is included), both optional and included. Every bad value is a 400 naming the parameter, all at once.
 */
final class DiagnosticsHistoryParameters {
    static final String FORMAT = "an ISO-8601 instant with an offset (2026-03-04T10:00:00Z) or a date (2026-03-04), years 0001 to 9999";

    private DiagnosticsHistoryParameters() {
    }

    /** The range asked for; either bound null when absent. */
    record Range(Instant from, Instant to) {
    }

    static Range parse(String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant start = bound("from", from, true, errors);
        Instant end = bound("to", to, false, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(new Problem.FieldError("from", "must not be after to (" + from.trim() + " is after " + to.trim() + ")"));
        }
        TieQueryParameters.failIfAny(errors);
        return new Range(start, end);
    }

    /** The first instant a bound includes ({@code from}) or the last ({@code to}), to the microsecond the database keeps. */
    private static Instant bound(String field, String text, boolean start, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            if (value.contains("T")) {
                OffsetDateTime dateTime = OffsetDateTime.parse(value);
                requireYear(dateTime.withOffsetSameInstant(ZoneOffset.UTC).getYear());
                Instant instant = dateTime.toInstant();
                Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
                return start && micros.isBefore(instant) ? micros.plus(1, ChronoUnit.MICROS) : micros;
            }
            LocalDate date = LocalDate.parse(value);
            requireYear(date.getYear());
            return start ? date.atStartOfDay(ZoneOffset.UTC).toInstant()
                    : date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError(field, "must be " + FORMAT + ", not '" + value + "'"));
            return null;
        }
    }

    private static void requireYear(int year) {
        if (year < 1 || year > 9999) {
            throw new DateTimeException("year " + year + " out of range");
        }
    }
}
