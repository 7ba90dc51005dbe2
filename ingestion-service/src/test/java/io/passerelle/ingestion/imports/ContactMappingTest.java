package io.passerelle.ingestion.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Origin;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contact ids, origin words, country names and the size limit. */
class ContactMappingTest {

    @Test
    void linkedInIdsComeFromTheProfileSlugWhateverTheUrlLooksLike() {
        assertThat(ContactIds.fromLinkedInProfile("https://www.linkedin.com/in/Jean-Martin-8a1b2c3/")).isEqualTo("linkedin:jean-martin-8a1b2c3");
        assertThat(ContactIds.fromLinkedInProfile("http://linkedin.com/in/jean-martin-8a1b2c3?trk=x")).isEqualTo("linkedin:jean-martin-8a1b2c3");
        assertThat(ContactIds.fromLinkedInProfile("  ")).isNull();
        assertThat(ContactIds.fromLinkedInProfile("not a url at all")).matches(Identifiers.CONTACT_ID_REGEX).startsWith("linkedin:");
    }

    @Test
    void emailsAndNamesAreNormalisedSoThatCaseAndSpacingDoNotMakeANewContact() {
        assertThat(ContactIds.fromEmail(" Jean.Martin@Example.org ")).isEqualTo("email:jean.martin@example.org");
        assertThat(ContactIds.fromName(ImportFormat.VCARD, "Jean  Martin")).isEqualTo(ContactIds.fromName(ImportFormat.VCARD, "jean martin"));
        assertThat(ContactIds.fromName(ImportFormat.VCARD, "Jean Martin")).isNotEqualTo(ContactIds.fromName(ImportFormat.GOOGLE_CONTACTS, "Jean Martin"));
        assertThat(ContactIds.fromVCardUid("urn:uuid:4FBE8971-0bc3")).isEqualTo("vcard:4FBE8971-0bc3");
        assertThat(ContactIds.fromVCardUid("x".repeat(200))).matches(Identifiers.CONTACT_ID_REGEX);
    }

    @Test
    void relatedTypesAndLabelsMapToOrigins() {
        assertThat(OriginLabels.ofRelatedType("co-worker")).contains(Origin.COLLEAGUE);
        assertThat(OriginLabels.ofRelatedType("Spouse")).contains(Origin.FAMILY);
        assertThat(OriginLabels.ofRelatedType("neighbor")).contains(Origin.NEIGHBOUR);
        assertThat(OriginLabels.ofRelatedType("met")).contains(Origin.EVENT);
        assertThat(OriginLabels.ofRelatedType("acquaintance")).contains(Origin.OTHER);
        assertThat(OriginLabels.ofRelatedType("me")).isEmpty();
        assertThat(OriginLabels.ofLabel("* Friends")).contains(Origin.FRIEND);
        assertThat(OriginLabels.ofLabel("Collègues")).contains(Origin.COLLEAGUE);
        assertThat(OriginLabels.ofLabel("* myContacts")).isEmpty();
        assertThat(OriginLabels.closest(List.of(Origin.COLLEAGUE, Origin.FAMILY, Origin.EVENT))).isEqualTo(Origin.FAMILY);
        assertThat(OriginLabels.closest(List.of())).isNull();
    }

    @Test
    void countriesAreReadInEnglishFrenchOrAsCodes() {
        assertThat(CountryCodes.of("France")).isEqualTo("FR");
        assertThat(CountryCodes.of("allemagne")).isEqualTo("DE");
        assertThat(CountryCodes.of("Royaume-Uni")).isEqualTo("GB");
        assertThat(CountryCodes.of("USA")).isEqualTo("US");
        assertThat(CountryCodes.of("be")).isEqualTo("BE");
        assertThat(CountryCodes.of("Atlantis")).isNull();
        assertThat(CountryCodes.of(null)).isNull();
    }

    @Test
    void theSizeLimitStopsAStreamOnceItIsPassed() throws Exception {
        InputStream limited = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[100]), 64);

        assertThat(limited.read(new byte[64])).isEqualTo(64);
        assertThatThrownBy(() -> limited.read(new byte[64])).isInstanceOf(BodyTooLargeException.class);
        assertThat(new SizeLimitedInputStream(new ByteArrayInputStream(new byte[64]), 64).readAllBytes()).hasSize(64);
    }
}
