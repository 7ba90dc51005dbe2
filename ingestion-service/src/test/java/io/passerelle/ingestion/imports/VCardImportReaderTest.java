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

/** vCard 4.0 and 3.0 files with several cards, folded lines, RELATED types and categories. */
class VCardImportReaderTest {
    private final List<ImportedRecord> v4 = readAll(ImportFormat.VCARD, "contacts-v4.vcf");

    @Test
    void everyCardIsReadWithTheLineOfItsBegin() {
        assertThat(v4).extracting(ImportedRecord::line).containsExactly(1, 16, 28, 33);
    }

    @Test
    void aCardMapsItsUidOrgTitleAddressCategoriesAndRelatedType() {
        ContactRecord jeanne = at(v4, 1, ContactRecord.class);

        assertThat(jeanne.contactId()).isEqualTo("vcard:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
        assertThat(jeanne.contact()).isEqualTo(new Contact("Jeanne Lambert", List.of("jeanne.lambert@example.fr"),
                "Mairie de Lyon", "Cheffe de service", null, null, null,
                new Location("Lyon", "69001", null, null, "FR", null, null), Origin.NEIGHBOUR, null, Source.PHONE,
                null, null, null, List.of("Neighbours", "Association du quartier")));
    }

    @Test
    void foldedLinesAreUnfoldedAndTheClosestRelationWins() {
        Contact fx = at(v4, 16, ContactRecord.class).contact();

        assertThat(fx.displayName()).isEqualTo("François-Xavier d'Aubigné");
        assertThat(fx.role()).isEqualTo("Chargé d'affaires entreprises");
        assertThat(fx.emails()).containsExactly("fx.daubigne@example.com", "fx@aubigne.example.org");
        assertThat(fx.origin()).isEqualTo(Origin.FRIEND);
    }

    @Test
    void aCardWithoutAnyNameIsReportedAndTheNextOneIsStillRead() {
        assertThat(at(v4, 28, RejectedRecord.class).errors()).extracting(LineError::field).containsExactly("FN");
        ContactRecord ana = at(v4, 33, ContactRecord.class);
        assertThat(ana.contact().origin()).isEqualTo(Origin.FAMILY);
        assertThat(ana.contact().location()).isEqualTo(new Location("São Paulo", "01304-000", null, "SP", "BR", null, null));
        assertThat(ana.contactId()).isEqualTo(ContactIds.fromName(ImportFormat.VCARD, "Ana Souza"));
    }

    @Test
    void aCardWithoutRelationOrRelationCategoryHasNoOrigin() {
        List<ImportedRecord> read = readAll(ImportFormat.VCARD, ImportFixtures.text("""
                BEGIN:VCARD
                VERSION:4.0
                FN:Paul Marchand
                ORG:Veolia
                CATEGORIES:Salon 2024
                RELATED;TYPE=me:urn:uuid:11111111-2222-3333-4444-555555555555
                END:VCARD
                """), ImportOptions.NONE);

        assertThat(((ContactRecord) read.get(0)).contact().origin()).isNull();
        assertThat(((ContactRecord) read.get(0)).contact().tags()).containsExactly("Salon 2024");
    }

    @Test
    void anEmailThatIsNotAnAddressIsLeftOutWithAWarningAndMalformedDatesRejectNothing() {
        List<ImportedRecord> read = readAll(ImportFormat.VCARD, ImportFixtures.text("""
                BEGIN:VCARD
                VERSION:4.0
                FN:Paul Marchand
                EMAIL:paul.marchand at veolia
                EMAIL:paul.marchand@veolia.example
                BDAY:31/02/1980
                ANNIVERSARY:not a date
                REV:garbage
                CATEGORIES:Clients
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Sarah Klein
                EMAIL;TYPE=INTERNET:sarah@
                BDAY:1980-13-45
                END:VCARD
                """), ImportOptions.NONE);

        ContactRecord paul = (ContactRecord) read.get(0);
        assertThat(paul.contact().emails()).containsExactly("paul.marchand@veolia.example");
        assertThat(paul.contactId()).isEqualTo("email:paul.marchand@veolia.example");
        assertThat(paul.contact().origin()).isEqualTo(Origin.CLIENT);
        assertThat(paul.warnings()).containsExactly(new LineError("EMAIL",
                "\"paul.marchand at veolia\" is not an e-mail address: the contact is kept without it"));
        ContactRecord sarah = (ContactRecord) read.get(1);
        assertThat(sarah.line()).isEqualTo(11);
        assertThat(sarah.contact().emails()).isNull();
        assertThat(sarah.contactId()).isEqualTo(ContactIds.fromName(ImportFormat.VCARD, "Sarah Klein"));
        assertThat(sarah.warnings()).extracting(LineError::field).containsExactly("EMAIL");
    }

    @Test
    void lineBreaksTypedInAValueAreFoldedIntoASpaceAsInTheCsvFormats() {
        List<ImportedRecord> read = readAll(ImportFormat.VCARD, ImportFixtures.text("""
                BEGIN:VCARD
                VERSION:4.0
                FN:Karim\\nBenali
                ORG:Transports Benali
                TITLE:Directeur des opérations\\nLogistique urbaine
                ADR:;;;Lyon\\n7e;;69007;France
                END:VCARD
                """), ImportOptions.NONE);

        Contact karim = ((ContactRecord) read.get(0)).contact();
        assertThat(karim.displayName()).isEqualTo("Karim Benali");
        assertThat(karim.role()).isEqualTo("Directeur des opérations Logistique urbaine");
        assertThat(karim.location()).isEqualTo(new Location("Lyon 7e", "69007", null, null, "FR", null, null));
    }

    @Test
    void aVersion3FileWithBomCrlfAndAFoldedAddressIsRead() {
        List<ImportedRecord> v3 = readAll(ImportFormat.VCARD, "contacts-v3.vcf");

        assertThat(v3).extracting(ImportedRecord::line).containsExactly(1, 13);
        ContactRecord olivier = at(v3, 1, ContactRecord.class);
        assertThat(olivier.contactId()).isEqualTo("email:olivier.bernard@example.com");
        assertThat(olivier.contact().company()).isEqualTo("Decathlon");
        assertThat(olivier.contact().location())
                .isEqualTo(new Location("Villeneuve-d'Ascq", "59650", null, "Hauts-de-France", "FR", null, null));
        assertThat(olivier.contact().origin()).isEqualTo(Origin.CLIENT);
        assertThat(olivier.contact().tags()).containsExactly("Clients", "Salon 2024");
        Contact camille = at(v3, 13, ContactRecord.class).contact();
        assertThat(camille.displayName()).isEqualTo("Camille Morel");
        assertThat(camille.origin()).isEqualTo(Origin.FAMILY);
    }

    @Test
    void aCsvPostedAsVCardIsRefusedNamingWhatItIs() {
        assertThatThrownBy(() -> readAll(ImportFormat.VCARD, "linkedin-connections.csv"))
                .isInstanceOf(NotTheDeclaredFormatException.class)
                .hasMessageContaining("expected a first line BEGIN:VCARD")
                .hasMessageContaining("it starts with \"Notes:\"");
        assertThatThrownBy(() -> readAll(ImportFormat.VCARD, "google-contacts.csv"))
                .hasMessageContaining("use format=google-contacts");
    }
}
