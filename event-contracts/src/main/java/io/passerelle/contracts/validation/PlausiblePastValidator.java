package io.passerelle.contracts.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Checks {@link PlausiblePast} on instants and dates; the message says which bound is passed. */
public final class PlausiblePastValidator {
    /** The earliest date accepted. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final String TOO_EARLY = "must not be before 1900-01-01";
    static final String IN_THE_FUTURE = "must not be in the future";
    /** The time zone whose date is the furthest ahead: a date after its today is in the future everywhere. */
    private static final ZoneOffset MOST_ADVANCED_ZONE = ZoneOffset.ofHours(14);

    private PlausiblePastValidator() {
    }

    /** For {@link Instant}: the validator's clock (with its skew tolerance) is "now". */
    public static class ForInstant implements ConstraintValidator<PlausiblePast, Instant> {
        private static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.isBefore(EARLIEST_INSTANT)) {
                return refuse(context, TOO_EARLY);
            }
            if (value.isAfter(clock(context).instant())) {
                return refuse(context, IN_THE_FUTURE);
            }
            return true;
        }
    }

    /** For {@link LocalDate}: today is the date in UTC+14 at the validator's "now". */
    public static class ForLocalDate implements ConstraintValidator<PlausiblePast, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.isBefore(EARLIEST)) {
                return refuse(context, TOO_EARLY);
            }
            if (value.isAfter(LocalDate.ofInstant(clock(context).instant(), MOST_ADVANCED_ZONE))) {
                return refuse(context, IN_THE_FUTURE);
            }
            return true;
        }
    }

    private static Clock clock(ConstraintValidatorContext context) {
        return context.getClockProvider().getClock();
    }

    private static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
