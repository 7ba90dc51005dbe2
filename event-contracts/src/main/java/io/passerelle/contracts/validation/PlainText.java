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
 * Text a person wrote or would read: no control character (Unicode category Cc: U+0000 to U+001F and
 * U+007F to U+009F) and no unpaired surrogate. Such characters are invisible or break the places the
 * text ends up (log lines, CSV exports, terminals; PostgreSQL cannot store U+0000, and an unpaired
 * surrogate cannot be encoded as UTF-8). With {@code multiline}, TAB, LF and CR are allowed, for
 * free text such as notes; names, ids, e-mails and places are single-line. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    /** Whether TAB, LF and CR are allowed (free text over several lines). */
    boolean multiline() default false;

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
