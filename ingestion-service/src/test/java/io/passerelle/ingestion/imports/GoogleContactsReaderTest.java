package io.passerelle.ingestion.imports;

import static io.passerelle.ingestion.imports.ImportFixtures.at;
import static io.passerelle.ingestion.imports.ImportFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Source;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Google Contacts CSV in the current and the older header style: labels, multi-value cells, addresses. */
class GoogleContactsReaderTest {
    private final List<ImportedRecord> records = readAll(ImportFormat.GOOGLE_CONTACTS, "google-contacts.csv");

    @Test
    void aFamilyLabelSetsTheOriginAndTheAddressBecomesALocation() {
        ContactRecord helene = at(records, 2, ContactRecord.class);

        assertThat(helene.contactId()).isEqualTo("email:helene.garnier@example.fr");
        assertThat(helene.contact()).isEqualTo(new Contact("Hélène Garnier", List.of("helene.garnier@example.fr"), null, null,
                null, null, null, new Location("Lyon", "69003", null, "Auvergne-Rhône-Alpes", "FR", null, null),
                Origin.FAMILY, null, Source.GOOGLE, null, null, null, null));
    }

    @Test
    void severalEmailsInOneCellAndInSeveralColumnsAreAllKeptAndOtherLabelsBecomeTags() {
        ContactRecord thomas = at(records, 5, ContactRecord.class);

        assertThat(thomas.contact().displayName()).isEqualTo("Thomas J. Nguyen");
        assertThat(thomas.contact().emails())
                .containsExactly("thomas.nguyen@example.com", "tom.nguyen@example.org", "t.nguyen@example.net");
        assertThat(thomas.contact().company()).isEqualTo("Capgemini");
        assertThat(thomas.contact().role()).isEqualTo("Data engineer");
        assertThat(thomas.contact().origin()).isEqualTo(Origin.COLLEAGUE);
        assertThat(thomas.contact().tags()).containsExactly("Running club");
    }

    @Test
    void anOrganisationWithoutAPersonIsNamedAfterItAndIdentifiedByAHashOfTheName() {
        ContactRecord bakery = at(records, 6, ContactRecord.class);

        assertThat(bakery.contact().displayName()).isEqualTo("Boulangerie Lefort");
        assertThat(bakery.contactId()).isEqualTo(ContactIds.fromName(ImportFormat.GOOGLE_CONTACTS, "Boulangerie Lefort"));
        assertThat(bakery.contact().location()).isEqualTo(new Location("Villeurbanne", "69100", null, null, "FR", null, null));
    }

    @Test
    void theClosestOfSeveralRelationLabelsWins() {
        Contact ines = at(records, 7, ContactRecord.class).contact();

        assertThat(ines.origin()).isEqualTo(Origin.FRIEND);
        assertThat(ines.location()).isEqualTo(new Location("Paris", "75011", null, "Île-de-France", null, null, null));
    }

    @Test
    void aRowWithNothingToNameThePersonIsReported() {
        assertThat(at(records, 8, RejectedRecord.class).errors()).extracting(LineError::field).containsExactly("First Name");
    }

    @Test
    void aValueThatIsNotAnEmailAddressIsLeftOutWithAWarningNamingItsColumn() {
        ContactRecord marc = at(records, 9, ContactRecord.class);

        assertThat(marc.contact().displayName()).isEqualTo("Marc Roux");
        assertThat(marc.contact().emails()).isNull();
        assertThat(marc.contactId()).isEqualTo(ContactIds.fromName(ImportFormat.GOOGLE_CONTACTS, "Marc Roux"));
        assertThat(marc.warnings()).containsExactly(new LineError("E-mail 1 - Value",
                "\"not-an-email\" is not an e-mail address: the contact is kept without it"));
        assertThat(at(records, 5, ContactRecord.class).warnings()).isEmpty();
    }

    @Test
    void theValidAddressesOfACellAreKeptBesideAnInvalidOneAndOnlyAValidOneNamesTheContact() {
        List<ImportedRecord> read = readAll(ImportFormat.GOOGLE_CONTACTS, ImportFixtures.text("""
                First Name,Last Name,Birthday,Labels,E-mail 1 - Value,E-mail 2 - Value
                Léa,Simon,31/02/1980,* myContacts ::: Friends,lea@@example.org ::: lea.simon@example.org,lea.simon@gmail
                ,,--12-25,* myContacts,not an address,
                """), ImportOptions.NONE);

        // Birthday is not a field of Contact: it is never read, so an impossible one does not reject Léa.
        ContactRecord lea = (ContactRecord) read.get(0);
        assertThat(lea.contactId()).isEqualTo("email:lea.simon@example.org");
        assertThat(lea.contact().emails()).containsExactly("lea.simon@example.org");
        assertThat(lea.contact().origin()).isEqualTo(Origin.FRIEND);
        assertThat(lea.warnings()).containsExactly(
                new LineError("E-mail 1 - Value", "\"lea@@example.org\" is not an e-mail address: the contact is kept without it"),
                new LineError("E-mail 2 - Value", "\"lea.simon@gmail\" is not an e-mail address: the contact is kept without it"));
        // An address that is not one cannot name the person either: with nothing else, the row is useless.
        assertThat(read.get(1)).isInstanceOfSatisfying(RejectedRecord.class,
                rejected -> assertThat(rejected.errors()).extracting(LineError::field).containsExactly("First Name"));
    }

    @Test
    void aContactWithoutARelationLabelHasNoOriginForGraphServiceToInferOne() {
        // Only Google's system group, or no label at all: the file does not say how the owner knows them.
        assertThat(at(records, 6, ContactRecord.class).contact().origin()).isNull();
        assertThat(at(records, 9, ContactRecord.class).contact().origin()).isNull();
    }

    @Test
    void theOlderHeaderStyleReadsGroupMembershipAndOrganization1() {
        List<ImportedRecord> old = readAll(ImportFormat.GOOGLE_CONTACTS, "google-contacts-old.csv");

        Contact julien = at(old, 2, ContactRecord.class).contact();
        assertThat(julien.displayName()).isEqualTo("Julien Fabre");
        assertThat(julien.origin()).isEqualTo(Origin.FRIEND);
        assertThat(julien.company()).isEqualTo("SNCF");
        assertThat(julien.role()).isEqualTo("Contrôleur");
        assertThat(julien.location()).isEqualTo(new Location("Marseille", "13001", null, null, "FR", null, null));
        Contact claire = at(old, 3, ContactRecord.class).contact();
        assertThat(claire.origin()).isEqualTo(Origin.CLIENT);
        assertThat(claire.company()).isEqualTo("Dupuis Conseil");
    }

    @Test
    void aLinkedInExportPostedAsGoogleContactsIsRefused() {
        assertThatThrownBy(() -> readAll(ImportFormat.GOOGLE_CONTACTS, "linkedin-connections.csv"))
                .isInstanceOf(NotTheDeclaredFormatException.class)
                .hasMessageContaining("is not a Google Contacts CSV export")
                .hasMessageContaining("use format=linkedin-connections");
    }
}
