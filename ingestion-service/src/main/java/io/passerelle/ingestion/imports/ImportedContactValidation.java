package io.passerelle.ingestion.imports;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import io.passerelle.runtime.problem.ProblemMappers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a contact read from an exported file with the contract's rules, keeping the person when
 * only an optional value breaks them: that value (an e-mail address, a company over 200 characters, a
 * {@code connectedOn} in the future, a city with a control character, ...) is left out and named in a
 * warning. Only a contact whose name breaks them is rejected, because without it the line is useless.
 * A file is what a person exported, often re-saved by a spreadsheet: losing a whole connection for a
 * value it could do without would be worse than importing it without. NDJSON batches, written by a
 * program, are validated strictly instead, like the single-item endpoints.
 */
public final class ImportedContactValidation {
    private static final String KEPT_WITHOUT_IT = ": the contact is kept without it";

    private final Validator validator;

    public ImportedContactValidation(Validator validator) {
        this.validator = validator;
    }

    /** The record as it can be published, with a warning per value left out, or the rejected line. */
    public ImportedRecord validate(ContactRecord record) {
        Set<ConstraintViolation<Contact>> violations = validator.validate(record.contact());
        if (violations.isEmpty()) {
            return record;
        }
        List<ConstraintViolation<Contact>> sorted = violations.stream()
                .sorted(Comparator.comparing(ImportedContactValidation::field).thenComparing(ConstraintViolation::getMessage))
                .toList();
        if (sorted.stream().anyMatch(v -> field(v).equals("displayName"))) {
            return new RejectedRecord(record.line(), sorted.stream().map(v -> new LineError(field(v), v.getMessage())).toList());
        }
        Map<String, Integer> left = new HashMap<>();
        List<LineError> warnings = new ArrayList<>(record.warnings());
        for (ConstraintViolation<Contact> violation : sorted) {
            left.put(field(violation), largestSize(violation));
            warnings.add(new LineError(field(violation), warning(violation)));
        }
        Contact kept = without(record.contact(), left);
        Set<ConstraintViolation<Contact>> remaining = validator.validate(kept);
        if (!remaining.isEmpty()) {
            // Not expected: every field of Contact is handled by without(). Rejecting is the safe answer.
            return new RejectedRecord(record.line(), remaining.stream().map(v -> new LineError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(LineError::field).thenComparing(LineError::message)).toList());
        }
        return new ContactRecord(record.line(), record.contactId(), kept, warnings);
    }

    private static String field(ConstraintViolation<?> violation) {
        return ProblemMappers.fieldOf(violation.getPropertyPath(), "line");
    }

    private static String warning(ConstraintViolation<Contact> violation) {
        if (violation.getInvalidValue() instanceof Collection<?> values) {
            return violation.getMessage() + ": the first " + largestSize(violation) + " of its " + values.size() + " are kept";
        }
        Object value = violation.getInvalidValue();
        String shown = value == null ? null : value.toString();
        boolean quotable = shown != null && shown.codePoints().noneMatch(Character::isISOControl) && shown.length() <= 200;
        return (quotable ? LineError.quote(shown) + " " : "") + violation.getMessage() + KEPT_WITHOUT_IT;
    }

    /** The {@code max} of a violated {@code @Size}, which is how much of a list too long is kept; 0 otherwise. */
    private static int largestSize(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof Size size ? size.max() : 0;
    }

    /**
     * The contact without the values named (such as {@code company}, {@code emails[2]}, {@code location.city}),
     * a list named as a whole being cut to the size given.
     */
    private static Contact without(Contact contact, Map<String, Integer> left) {
        Location location = contact.location();
        if (location != null) {
            location = new Location(
                    left.containsKey("location.city") ? null : location.city(),
                    left.containsKey("location.postalCode") ? null : location.postalCode(),
                    left.containsKey("location.department") ? null : location.department(),
                    left.containsKey("location.region") ? null : location.region(),
                    left.containsKey("location.country") ? null : location.country(),
                    left.containsKey("location.latitude") ? null : location.latitude(),
                    left.containsKey("location.longitude") ? null : location.longitude());
            if (location.equals(new Location(null, null, null, null, null, null, null))) {
                location = null;
            }
        }
        return new Contact(contact.displayName(),
                list(contact.emails(), "emails", left),
                left.containsKey("company") ? null : contact.company(),
                left.containsKey("role") ? null : contact.role(),
                left.containsKey("sector") ? null : contact.sector(),
                list(contact.pastCompanies(), "pastCompanies", left),
                list(contact.schools(), "schools", left),
                location,
                contact.origin(),
                list(contact.relationContexts(), "relationContexts", left),
                contact.source(),
                left.containsKey("connectedOn") ? null : contact.connectedOn(),
                left.containsKey("declaredCloseness") ? null : contact.declaredCloseness(),
                list(contact.mutualContactIds(), "mutualContactIds", left),
                list(contact.tags(), "tags", left));
    }

    /** A list without its elements left out, cut to its largest size when the list itself is too long. */
    private static <T> List<T> list(List<T> values, String name, Map<String, Integer> left) {
        if (values == null) {
            return null;
        }
        List<T> kept = new ArrayList<>();
        for (int index = 0; index < values.size(); index++) {
            if (!left.containsKey(name + "[" + index + "]")) {
                kept.add(values.get(index));
            }
        }
        Integer largest = left.get(name);
        if (largest != null && kept.size() > largest) {
            kept = kept.subList(0, largest);
        }
        return kept.isEmpty() ? null : List.copyOf(kept);
    }
}
