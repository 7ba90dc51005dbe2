package io.passerelle.contracts.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A moment of a professional life: on or after 1900-01-01 and not in the future. "Now" is the
 * validator's {@link jakarta.validation.ClockProvider}, so a service that tolerates some clock skew
 * (service-runtime's provider) accepts an instant that far ahead. A date is compared with the
 * current date in the most advanced time zone (UTC+14), so that no caller's "today" is in the future.
 * Applies to {@link java.time.Instant} and {@link java.time.LocalDate}; {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = {PlausiblePastValidator.ForInstant.class, PlausiblePastValidator.ForLocalDate.class})
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlausiblePast {

    String message() default "must be between 1900-01-01 and now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
