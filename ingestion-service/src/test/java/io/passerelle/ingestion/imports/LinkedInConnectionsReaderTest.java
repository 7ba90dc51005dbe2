package io.passerelle.ingestion.imports;

import static io.passerelle.ingestion.imports.ImportFixtures.at;
import static io.passerelle.ingestion.imports.ImportFixtures.readAll;
import static io.passerelle.ingestion.imports.ImportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connections.csv as LinkedIn exports it: BOM, CRLF, notes above the header, quoted commas and line breaks. */
class LinkedInConnectionsReaderTest {
    private final List<ImportedRecord> records = readAll(ImportFormat.LINKEDIN_CONNECTIONS, "linkedin-connections.csv");

    @Test
    void everyRowBelowTheNotesIsReadWithTheLineItStartsOn() {
        assertThat(records).extracting(ImportedRecord::line).containsExactly(5, 6, 7, 9, 10, 11, 12, 13);
        assertThat(records.stream().filter(ContactRecord.class::isInstance)).hasSize(6);
    }

    @Test
    void aConnectionIsALinkedInContactWithItsCompanyAndRoleNamedByItsProfileUrl() {
        ContactRecord jean = at(records, 5, ContactRecord.class);

        assertThat(jean.contactId()).isEqualTo("linkedin:jean-martin-8a1b2c3");
        assertThat(jean.contact()).isEqualTo(new Contact("Jean Martin", null, "Renault Group", "Ingénieur méthodes", null,
                null, null, null, null, List.of(RelationContext.NETWORK), Source.LINKEDIN,
                LocalDate.of(2025, 12, 7), null, null, null));
    }

    @Test
    void theOriginIsLeftToGraphServiceBecauseTheFileDoesNotSayHowTheOwnerKnowsThem() {
        assertThat(records.stream().filter(ContactRecord.class::isInstance).map(r -> ((ContactRecord) r).contact()))
                .hasSize(6)
                .allSatisfy(contact -> {
                    assertThat(contact.origin()).isNull();
                    assertThat(contact.source()).isEqualTo(Source.LINKEDIN);
                });
    }

    @Test
    void thePositionIsTheRoleAsWrittenWithItsSeniorityWordsAndTrimmed() {
        List<ImportedRecord> read = readAll(ImportFormat.LINKEDIN_CONNECTIONS, text("""
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Nadia,Roche,https://www.linkedin.com/in/nadia-roche,,  Doctolib ,"  Head of Partnerships ",04 Apr 2024
                Hugo,Blanc,https://www.linkedin.com/in/hugo-blanc,,Ubisoft,Senior Software Engineer,05 Apr 2024
                Lina,Faure,https://www.linkedin.com/in/lina-faure,,BNP Paribas,VP Sales EMEA,06 Apr 2024
                """), ImportOptions.NONE);

        assertThat(read).map(r -> ((ContactRecord) r).contact().role())
                .containsExactly("Head of Partnerships", "Senior Software Engineer", "VP Sales EMEA");
        assertThat(read).map(r -> ((ContactRecord) r).contact().company())
                .containsExactly("Doctolib", "Ubisoft", "BNP Paribas");
    }

    @Test
    void quotedCommasAccentsAndTheRareEmailAreKept() {
        Contact eleonore = at(records, 6, ContactRecord.class).contact();

        assertThat(eleonore.displayName()).isEqualTo("Éléonore Lefèvre");
        assertThat(eleonore.company()).isEqualTo("Dupont, Martin & Associés");
        assertThat(eleonore.emails()).containsExactly("eleonore.lefevre@example.fr");
        assertThat(eleonore.connectedOn()).isEqualTo(LocalDate.of(2024, 3, 12));
    }

    @Test
    void aQuotedLineBreakBecomesASpaceAndTheNextRowKeepsItsLineNumber() {
        ContactRecord karim = at(records, 7, ContactRecord.class);

        // A role is single-line text: the line break written in LinkedIn's field is folded into a space.
        assertThat(karim.contact().role()).isEqualTo("Directeur des opérations Logistique urbaine");
        assertThat(karim.contactId()).isEqualTo("linkedin:karim-benali-42");
        assertThat(karim.contact().connectedOn()).isEqualTo(LocalDate.of(2019, 1, 3));
        assertThat(at(records, 9, ContactRecord.class).contact().displayName()).isEqualTo("Sophie");
    }

    @Test
    void doubledQuotesAndAPercentEncodedAccentedSlugAreHandled() {
        ContactRecord zoe = at(records, 13, ContactRecord.class);

        assertThat(zoe.contact().company()).isEqualTo("Le \"Petit\" Atelier");
        assertThat(zoe.contactId()).isEqualTo("linkedin:" + Identifiers.stableId("zoë-château"))
                .matches(Identifiers.CONTACT_ID_REGEX);
    }

    @Test
    void malformedRowsAreReportedWithTheirLineAndWhatIsWrong() {
        assertThat(at(records, 10, RejectedRecord.class).errors()).singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("line");
                    assertThat(error.message()).contains("has 5 fields where the header has 7");
                });
        assertThat(at(records, 12, RejectedRecord.class).errors()).extracting(LineError::field).containsExactly("First Name");
    }

    @Test
    void aDateThatCannotBeReadLeavesTheConnectionWithoutItsDateAndAWarning() {
        ContactRecord anne = at(records, 11, ContactRecord.class);

        assertThat(anne.contact().connectedOn()).isNull();
        assertThat(anne.contact().company()).isEqualTo("Orange");
        assertThat(anne.contact().role()).isEqualTo("Chef de projet");
        assertThat(anne.warnings()).containsExactly(new LineError("Connected On",
                "\"sometime in 2020\" is not a date such as 07 Dec 2025: the connection is kept without its date"));
        assertThat(at(records, 5, ContactRecord.class).warnings()).isEmpty();
    }

    @Test
    void aSpreadsheetReSavedDateIsAWarningNotARejection() {
        List<ImportedRecord> read = readAll(ImportFormat.LINKEDIN_CONNECTIONS, text("""
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Nadia,Roche,https://www.linkedin.com/in/nadia-roche,,Doctolib,Head of Partnerships,7-Feb-22
                Hugo,Blanc,https://www.linkedin.com/in/hugo-blanc,,Ubisoft,Senior Software Engineer,2022-02-07
                """), ImportOptions.NONE);

        ContactRecord nadia = (ContactRecord) read.get(0);
        assertThat(nadia.contactId()).isEqualTo("linkedin:nadia-roche");
        assertThat(nadia.contact()).isEqualTo(new Contact("Nadia Roche", null, "Doctolib", "Head of Partnerships", null,
                null, null, null, null, List.of(RelationContext.NETWORK), Source.LINKEDIN, null, null, null, null));
        assertThat(nadia.warnings()).containsExactly(new LineError("Connected On",
                "\"7-Feb-22\" is not a date such as 07 Dec 2025: the connection is kept without its date"));
        // An ISO date (another re-save) is read.
        assertThat(((ContactRecord) read.get(1)).contact().connectedOn()).isEqualTo(LocalDate.of(2022, 2, 7));
    }

    @Test
    void anEmailAddressThatIsNotOneIsLeftOutWithAWarningAndTheIdComesFromWhatRemains() {
        List<ImportedRecord> read = readAll(ImportFormat.LINKEDIN_CONNECTIONS, text("""
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Nadia,Roche,https://www.linkedin.com/in/nadia-roche,nadia.roche@,Doctolib,Head of Partnerships,07 Dec 2025
                Hugo,Blanc,,n/a,Ubisoft,Senior Software Engineer,not a date
                Lina,Faure,,lina.faure@example.fr,BNP Paribas,VP Sales EMEA,06 Apr 2024
                """), ImportOptions.NONE);

        ContactRecord nadia = (ContactRecord) read.get(0);
        assertThat(nadia.contact().emails()).isNull();
        assertThat(nadia.contactId()).isEqualTo("linkedin:nadia-roche");
        assertThat(nadia.warnings()).containsExactly(new LineError("Email Address",
                "\"nadia.roche@\" is not an e-mail address: the connection is kept without it"));
        ContactRecord hugo = (ContactRecord) read.get(1);
        assertThat(hugo.contactId()).isEqualTo(ContactIds.fromName(ImportFormat.LINKEDIN_CONNECTIONS, "Hugo Blanc"));
        assertThat(hugo.warnings()).extracting(LineError::field).containsExactly("Connected On", "Email Address");
        ContactRecord lina = (ContactRecord) read.get(2);
        assertThat(lina.contactId()).isEqualTo("email:lina.faure@example.fr");
        assertThat(lina.contact().emails()).containsExactly("lina.faure@example.fr");
        assertThat(lina.warnings()).isEmpty();
    }

    @Test
    void aRowWithoutANameIsStillRejectedWhateverElseItHas() {
        List<ImportedRecord> read = readAll(ImportFormat.LINKEDIN_CONNECTIONS, text("""
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                ,,https://www.linkedin.com/in/someone,someone@example.org,ACME,CEO,7-Feb-22
                """), ImportOptions.NONE);

        assertThat(read).singleElement().isInstanceOfSatisfying(RejectedRecord.class, rejected -> assertThat(rejected.errors())
                .containsExactly(new LineError("First Name", "is empty, and so is Last Name: a connection needs a name")));
    }

    @Test
    void anOlderExportWithoutUrlNamesContactsByEmailThenByName() {
        List<ImportedRecord> old = readAll(ImportFormat.LINKEDIN_CONNECTIONS, "linkedin-connections-old.csv");

        assertThat(old).hasSize(2).allMatch(ContactRecord.class::isInstance);
        ContactRecord paul = (ContactRecord) old.get(0);
        ContactRecord marie = (ContactRecord) old.get(1);
        assertThat(paul.line()).isEqualTo(5);
        assertThat(paul.contactId()).isEqualTo("email:paul.girard@example.com");
        assertThat(paul.contact().connectedOn()).isEqualTo(LocalDate.of(2017, 2, 14));
        assertThat(marie.contactId()).isEqualTo(ContactIds.fromName(ImportFormat.LINKEDIN_CONNECTIONS, "Marie Dubois"))
                .startsWith("name:");
        assertThat(marie.contact().company()).isEqualTo("Crédit Agricole");
    }

    @Test
    void readingTheSameFileTwiceGivesTheSameContacts() {
        assertThat(readAll(ImportFormat.LINKEDIN_CONNECTIONS, "linkedin-connections.csv")).isEqualTo(records);
    }

    @Test
    void aQuoteNeverClosedIsReportedAndTheRowsBeforeItAreKept() {
        List<ImportedRecord> read = readAll(ImportFormat.LINKEDIN_CONNECTIONS, text("""
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Jean,Martin,https://www.linkedin.com/in/jm,,Renault,Ingénieur,07 Dec 2025
                Anne,Petit,https://www.linkedin.com/in/ap,,"Orange,Chef,01 Jan 2020
                Luc,Moreau,https://www.linkedin.com/in/lm,,ACME,CEO,02 Jan 2020
                """), ImportOptions.NONE);

        assertThat(read).hasSize(2);
        assertThat(read.get(0)).isInstanceOf(ContactRecord.class);
        assertThat(read.get(1)).isInstanceOfSatisfying(RejectedRecord.class, rejected -> {
            assertThat(rejected.line()).isEqualTo(3);
            assertThat(rejected.errors().get(0).message()).startsWith("cannot be read as CSV from here on");
        });
    }

    @Test
    void otherFormatsPostedAsConnectionsAreRefusedNamingWhatTheyAre() {
        assertThatThrownBy(() -> readAll(ImportFormat.LINKEDIN_CONNECTIONS, "contacts-v4.vcf"))
                .isInstanceOf(NotTheDeclaredFormatException.class)
                .hasMessageContaining("is not LinkedIn's Connections.csv")
                .hasMessageContaining("First Name,Last Name,URL")
                .hasMessageContaining("use format=vcard");
        assertThatThrownBy(() -> readAll(ImportFormat.LINKEDIN_CONNECTIONS, "google-contacts.csv"))
                .hasMessageContaining("use format=google-contacts");
        assertThatThrownBy(() -> readAll(ImportFormat.LINKEDIN_CONNECTIONS, "linkedin-messages.csv"))
                .hasMessageContaining("use format=linkedin-messages");
        assertThatThrownBy(() -> readAll(ImportFormat.LINKEDIN_CONNECTIONS, text(""), ImportOptions.NONE))
                .hasMessageContaining("the file is empty");
    }
}
