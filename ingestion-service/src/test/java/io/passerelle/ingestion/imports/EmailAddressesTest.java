package io.passerelle.ingestion.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Contact;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an import keeps as an e-mail address: never one the contract would refuse. */
class EmailAddressesTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator CONTRACT = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jean.martin@example.org", "Jean.Martin+linkedin@Example.ORG", "j_m-1@sub.example.co.uk",
            "éléonore@société.example", "o'brien@example.ie", "x@a-b.fr"})
    void addressesAreKeptAndTheContractAcceptsThem(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
        assertThat(contractAccepts(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "jean@", "@example.org", "jean@@example.org", "jean martin@example.org",
            "jean..martin@example.org", ".jean@example.org", "jean@example..org", "jean@-example.org", "jean@example.org.",
            "jean@example-.org", "<jean@example.org>", "jean@exa mple.org"})
    void whatTheContractRefusesIsNotKept(String address) {
        assertThat(EmailAddresses.isValid(address)).isFalse();
        assertThat(contractAccepts(address)).isFalse();
    }

    @Test
    void aDomainWithoutADotIsNotKeptThoughTheContractWouldAcceptIt() {
        // jean.martin@gmail (the .com forgotten) cannot receive mail: an import leaves it out.
        assertThat(EmailAddresses.isValid("jean.martin@gmail")).isFalse();
        assertThat(contractAccepts("jean.martin@gmail")).isTrue();
    }

    @Test
    void anAddressLongerThanTheContractAllowsIsNotKept() {
        String address = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "fr";
        assertThat(address).hasSizeGreaterThan(254);
        assertThat(EmailAddresses.isValid(address)).isFalse();
        assertThat(EmailAddresses.isValid("a".repeat(65) + "@example.org")).isFalse();
    }

    private static boolean contractAccepts(String address) {
        return CONTRACT.validate(new Contact("Jean", List.of(address), null, null, null, null, null, null, null, null,
                null, null, null, null, null)).isEmpty();
    }
}
