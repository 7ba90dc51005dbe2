package io.passerelle.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.events.InteractionRecorded;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Source;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The JSON mapping and the validation rules of the contract. */
class EventContractsTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void eventsRoundTripThroughJsonWithIsoInstantsAndWithoutNulls() throws Exception {
        InteractionRecorded event = new InteractionRecorded("owner-1", new Interaction("i-1", "c-1",
                Instant.parse("2026-03-04T10:00:00Z"), Channel.MEETING, Direction.MUTUAL, null, Source.CALENDAR));
        String json = EventJson.write(event);
        assertThat(json).contains("\"occurredAt\":\"2026-03-04T10:00:00Z\"").doesNotContain("durationMinutes").doesNotContain("null");
        assertThat(EventJson.read(json, InteractionRecorded.class)).isEqualTo(event);
    }

    @Test
    void unknownFieldsAreIgnoredSoThatNewerProducersDoNotBreakOlderConsumers() throws Exception {
        Contact contact = EventJson.read("{\"displayName\":\"Ada\",\"favouriteColour\":\"green\"}", Contact.class);
        assertThat(contact.displayName()).isEqualTo("Ada");
    }

    @Test
    void theSamePartsAlwaysGiveTheSameIdAndDifferentPartsADifferentOne() {
        assertThat(Identifiers.stableId("owner-1", "i-1")).isEqualTo(Identifiers.stableId("owner-1", "i-1"));
        assertThat(Identifiers.stableId("owner-1", "i-1")).isNotEqualTo(Identifiers.stableId("owner-1", "i-2"));
        // the separator keeps ("ab", "c") apart from ("a", "bc")
        assertThat(Identifiers.stableId("ab", "c")).isNotEqualTo(Identifiers.stableId("a", "bc"));
    }

    @Test
    void aContactNeedsADisplayNameAndValidNestedValues() {
        Contact contact = new Contact(" ", List.of("not-an-email"), null, null, null, null, null,
                new Location("Paris", null, null, null, "France", null, null), null, null, null, null, 9, List.of("bad id with spaces"), null);
        assertThat(invalidFields(contact)).containsExactlyInAnyOrder(
                "displayName", "emails[0].<list element>", "location.country", "declaredCloseness", "mutualContactIds[0].<list element>");
    }

    @Test
    void anInteractionCannotLieInTheFutureAndNeedsItsContactAndChannel() {
        Interaction interaction = new Interaction(null, null, Instant.now().plusSeconds(3600), null, null, -1, null);
        assertThat(invalidFields(interaction)).containsExactlyInAnyOrder("contactId", "occurredAt", "channel", "durationMinutes");
    }

    @Test
    void identifiersFollowTheContractPatterns() {
        assertThat(Identifiers.OWNER_ID.matcher("owner_1.a-b").matches()).isTrue();
        assertThat(Identifiers.OWNER_ID.matcher("owner/1").matches()).isFalse();
        assertThat(Identifiers.OWNER_ID.matcher("x".repeat(65)).matches()).isFalse();
        assertThat(Identifiers.CONTACT_ID.matcher("linkedin:ada+lovelace@example.org").matches()).isTrue();
        assertThat(Identifiers.CONTACT_ID.matcher("ada lovelace").matches()).isFalse();
    }

    @Test
    void aProfileEventWrittenBeforeThePitchExistedIsStillReadWithoutOne() throws Exception {
        String older = "{\"ownerId\":\"owner-1\",\"profile\":{\"displayName\":\"Ada Lovelace\",\"sector\":\"Software\","
                + "\"language\":\"en\",\"allowStrongTiesForCommitting\":true}}";
        OwnerProfileUpdated event = EventJson.read(older, OwnerProfileUpdated.class);
        assertThat(event.profile().displayName()).isEqualTo("Ada Lovelace");
        assertThat(event.profile().strongTiesAllowedForCommitting()).isTrue();
        assertThat(event.profile().pitch()).isNull();
    }

    @Test
    void thePitchRoundTripsAndIsLeftOutWhenAbsent() throws Exception {
        OwnerProfile profile = new OwnerProfile("Ada Lovelace", "Software", null, null, null, null, null, null, "en", null,
                "Engineer in Lyon, looking for a product role in fintech.");
        String json = EventJson.write(new OwnerProfileUpdated("owner-1", profile));
        assertThat(json).contains("\"pitch\":\"Engineer in Lyon, looking for a product role in fintech.\"");
        assertThat(EventJson.read(json, OwnerProfileUpdated.class).profile()).isEqualTo(profile);
        assertThat(EventJson.write(profile.withPitch(null))).doesNotContain("pitch");
    }

    @Test
    void aTieEventWrittenBeforeTheExplanationLanguageExistedIsStillReadWithoutOne() throws Exception {
        String older = "{\"ownerId\":\"owner-1\",\"tie\":{\"contactId\":\"c-1\",\"displayName\":\"Camille\",\"strength\":0.3,"
                + "\"tieClass\":\"WEAK\",\"explanation\":[\"Strength 0.30 is below the strong-tie threshold of 0.60.\"],"
                + "\"updatedAt\":\"2026-03-04T10:00:00Z\"}}";
        TieUpdated event = EventJson.read(older, TieUpdated.class);
        assertThat(event.tie().explanation()).containsExactly("Strength 0.30 is below the strong-tie threshold of 0.60.");
        assertThat(event.tie().explanationLanguage()).isNull();
    }

    @Test
    void theExplanationLanguageRoundTripsAndIsLeftOutWhenAbsent() throws Exception {
        Instant at = Instant.parse("2026-03-04T10:00:00Z");
        Tie french = new Tie("c-1", "Camille", 0.3, TieClass.WEAK, null, null, null, 1, at, at, 0, 0.3, at, null,
                List.of("La force du lien, 0,30, reste sous le seuil d'un lien fort (0,60)."), at, "fr");
        String json = EventJson.write(new TieUpdated("owner-1", french, null, null));
        assertThat(json).contains("\"explanationLanguage\":\"fr\"");
        assertThat(EventJson.read(json, TieUpdated.class).tie()).isEqualTo(french);
        Tie without = new Tie("c-1", "Camille", 0.3, TieClass.WEAK, null, null, null, 1, at, at, 0, 0.3, at, null, List.of(), at);
        assertThat(without.explanationLanguage()).isNull();
        assertThat(EventJson.write(without)).doesNotContain("explanationLanguage");
    }

    @Test
    void aPitchIsOneLineOfAtMost280Characters() {
        OwnerProfile base = new OwnerProfile("Ada", null, null, null, null, null, null, null, "en", null);
        assertThat(invalidFields(base.withPitch("x".repeat(OwnerProfile.PITCH_MAX_LENGTH)))).isEmpty();
        assertThat(invalidFields(base.withPitch("x".repeat(OwnerProfile.PITCH_MAX_LENGTH + 1)))).containsExactly("pitch");
        assertThat(invalidFields(base.withPitch("Engineer.\nLooking for a role."))).containsExactly("pitch");
    }

    private static Set<String> invalidFields(Object value) {
        return VALIDATOR.validate(value).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
    }
}
