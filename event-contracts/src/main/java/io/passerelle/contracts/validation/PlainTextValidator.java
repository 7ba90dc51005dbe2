package io.passerelle.contracts.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;

/** Checks {@link PlainText}; the message says which character is at fault and where. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {
    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String fault = firstFault(value, multiline);
        if (fault == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // The message is built from hexadecimal digits and fixed words only: nothing in it can be read
        // as a message template expression.
        context.buildConstraintViolationWithTemplate(fault).addConstraintViolation();
        return false;
    }

    /** What is wrong with the text, in words, or {@code null} when it is plain. */
    public static String firstFault(CharSequence text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return (multiline ? "must not contain control characters other than tabs and line breaks"
                        : "must not contain control characters such as tabs or line breaks")
                        + "; found " + codePoint(c) + " at character " + (i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate; found " + codePoint(c) + " at character " + (i + 1);
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return "U+" + String.format(Locale.ROOT, "%04X", (int) c);
    }
}
