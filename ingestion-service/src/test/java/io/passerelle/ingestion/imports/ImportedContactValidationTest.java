package io.passerelle.ingestion.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A file's contact keeps its name and loses, with a warning, only the optional values the contract refuses. */
class ImportedContactValidationTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final ImportedContactValidation validation = new ImportedContactValidation(FACTORY.getValidator());

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aValidContactIsPublishedAsRead() {
        ContactRecord record = new ContactRecord(4, "linkedin:nadia-roche", contact("Nadia Roche", null, "Doctolib",
                LocalDate.of(2024, 4, 4), null), List.of(new LineError("Email Address", "left out")));

        assertThat(validation.validate(record)).isSameAs(record);
    }

    @Test
    void aDateInTheFutureIsLeftOutWithAWarningAfterTheReadersOwn() {
        ContactRecord record = new ContactRecord(7, "linkedin:nadia-roche", contact("Nadia Roche", null, "Doctolib",
                LocalDate.of(2999, 2, 7), null), List.of(new LineError("Email Address", "left out")));

        ContactRecord kept = (ContactRecord) validation.validate(record);

        assertThat(kept.contact()).isEqualTo(contact("Nadia Roche", null, "Doctolib", null, null));
        assertThat(kept.contactId()).isEqualTo("linkedin:nadia-roche");
        assertThat(kept.warnings()).containsExactly(new LineError("Email Address", "left out"),
                new LineError("connectedOn", "\"2999-02-07\" must not be in the future: the contact is kept without it"));
    }

    @Test
    void aCompanyTooLongAndACityWithAControlCharacterAreLeftOutAndTheRestOfTheLocationKept() {
        Location location = new Location("Ly\u0007on", "69001", null, "Auvergne-Rhône-Alpes", "FR", null, null);
        ContactRecord record = new ContactRecord(3, "email:a@example.org",
                contact("Ada", null, "x".repeat(201), null, location), List.of());

        ContactRecord kept = (ContactRecord) validation.validate(record);

        assertThat(kept.contact().company()).isNull();
        assertThat(kept.contact().location()).isEqualTo(new Location(null, "69001", null, "Auvergne-Rhône-Alpes", "FR", null, null));
        assertThat(kept.warnings()).extracting(LineError::field).containsExactly("company", "location.city");
        assertThat(kept.warnings().get(0).message()).isEqualTo("size must be between 0 and 200: the contact is kept without it");
        assertThat(kept.warnings().get(1).message())
                .startsWith("must not contain control characters")
                .endsWith(": the contact is kept without it");
    }

    @Test
    void moreAddressesThanAContactHoldsAreCutToTheFirstOnes() {
        List<String> emails = IntStream.rangeClosed(1, 23).mapToObj(i -> "p" + i + "@example.org").toList();
        ContactRecord record = new ContactRecord(2, "email:p1@example.org", contact("Ada", emails, null, null, null), List.of());

        ContactRecord kept = (ContactRecord) validation.validate(record);

        assertThat(kept.contact().emails()).isEqualTo(emails.subList(0, 20));
        assertThat(kept.warnings()).containsExactly(new LineError("emails",
                "size must be between 0 and 20: the first 20 of its 23 are kept"));
    }

    @Test
    void aLocationWithNothingValidLeftIsDropped() {
        ContactRecord record = new ContactRecord(2, "email:a@example.org",
                contact("Ada", null, null, null, new Location("x".repeat(121), null, null, null, null, null, null)), List.of());

        assertThat(((ContactRecord) validation.validate(record)).contact().location()).isNull();
    }

    @Test
    void aNameTheContractRefusesRejectsTheLineWithEveryError() {
        ContactRecord record = new ContactRecord(9, "name:x", contact("n".repeat(201), null, "c".repeat(201), null, null),
                List.of());

        assertThat(validation.validate(record)).isInstanceOfSatisfying(RejectedRecord.class, rejected -> {
            assertThat(rejected.line()).isEqualTo(9);
            assertThat(rejected.errors()).extracting(LineError::field).containsExactly("company", "displayName");
        });
    }

    private static Contact contact(String name, List<String> emails, String company, LocalDate connectedOn, Location location) {
        return new Contact(name, emails, company, "Head of Partnerships", null, null, null, location, null,
                List.of(RelationContext.NETWORK), Source.LINKEDIN, connectedOn, null, null, null);
    }
}
