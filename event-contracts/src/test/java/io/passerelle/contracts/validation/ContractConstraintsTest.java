package io.passerelle.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The limits of every input field: lengths, control characters, plausible instants and dates. */
class ContractConstraintsTest {
    /** 2026-03-04T10:00:00Z: in UTC+14 it is already 2026-03-05. */
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .clockProvider(() -> Clock.fixed(NOW, ZoneOffset.UTC))
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final List<Class<? extends Record>> INPUTS = List.of(OwnerProfile.class, Contact.class, Location.class, Interaction.class);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void everyTextFieldAndListOfTheInputsHasAMaximum() {
        List<String> unbounded = new ArrayList<>();
        for (Class<? extends Record> type : INPUTS) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == String.class && !bounded(component.getAnnotatedType())) {
                    unbounded.add(type.getSimpleName() + "." + component.getName());
                }
                if (component.getType() == List.class) {
                    if (!component.getAnnotatedType().isAnnotationPresent(Size.class)) {
                        unbounded.add(type.getSimpleName() + "." + component.getName());
                    }
                    AnnotatedType element = ((AnnotatedParameterizedType) component.getAnnotatedType()).getAnnotatedActualTypeArguments()[0];
                    if (element.getType() == String.class && !bounded(element)) {
                        unbounded.add(type.getSimpleName() + "." + component.getName() + "[]");
                    }
                }
            }
        }
        assertThat(unbounded).as("fields without @Size or a bounded @Pattern").isEmpty();
    }

    @Test
    void everyFreeTextFieldOfTheInputsRefusesAControlCharacter() {
        Map<String, Object> invalid = Map.of(
                "profile", new OwnerProfile(bad(), bad(), bad(), bad(), List.of(bad()), List.of(bad()),
                        new Location(bad(), bad(), bad(), bad(), null, null, null), List.of(bad()), null, null),
                "contact", new Contact(bad(), List.of("a\u0007@example.org"), bad(), bad(), bad(), List.of(bad()), List.of(bad()),
                        null, null, null, null, null, null, List.of(bad()), List.of(bad())));
        assertThat(invalidFields(invalid.get("profile"))).containsExactlyInAnyOrder(
                "displayName", "sector", "role", "company", "pastCompanies[0].<list element>", "schools[0].<list element>",
                "location.city", "location.postalCode", "location.department", "location.region", "topics[0].<list element>");
        assertThat(invalidFields(invalid.get("contact"))).containsExactlyInAnyOrder(
                "displayName", "emails[0].<list element>", "company", "role", "sector", "pastCompanies[0].<list element>",
                "schools[0].<list element>", "mutualContactIds[0].<list element>", "tags[0].<list element>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\t", "\n", "\r", "\u001B", "\u007F", "\u0085", "\u009F"})
    void aNameRefusesEveryControlCharacter(String control) {
        Contact contact = contact("Jean" + control + "Martin");
        assertThat(VALIDATOR.validate(contact)).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("displayName");
            assertThat(v.getMessage()).startsWith("must not contain control characters")
                    .endsWith(String.format("found U+%04X at character 5", (int) control.charAt(0)));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë Lefèvre-Ñúñez", "Ærøskøbing 日本 👩‍💻", "O'Brien & Sons, \"Ltd\"", "a b\u00A0c", "\u200Bzero-width"})
    void printableTextInAnyScriptIsAccepted(String name) {
        assertThat(VALIDATOR.validate(contact(name))).isEmpty();
    }

    @Test
    void anUnpairedSurrogateIsRefusedAndAPairIsAccepted() {
        assertThat(messages(contact("ab\uD83D"))).containsExactly("must not contain an unpaired surrogate; found U+D83D at character 3");
        assertThat(messages(contact("\uDC69ab"))).containsExactly("must not contain an unpaired surrogate; found U+DC69 at character 1");
        assertThat(messages(contact("\uD83D\uDC69"))).isEmpty();
    }

    @Test
    void multilineTextAcceptsTabsAndLineBreaksOnly() {
        assertThat(PlainTextValidator.firstFault("line one\r\n\tline two", true)).isNull();
        assertThat(PlainTextValidator.firstFault("bell\u0007", true))
                .isEqualTo("must not contain control characters other than tabs and line breaks; found U+0007 at character 5");
        assertThat(PlainTextValidator.firstFault("line one\nline two", false)).contains("U+000A at character 9");
    }

    @Test
    void anInstantMustLieBetween1900AndNow() {
        assertThat(messages(interactionAt("1899-12-31T23:59:59Z"))).containsExactly("must not be before 1900-01-01");
        assertThat(messages(interactionAt("1900-01-01T00:00:00Z"))).isEmpty();
        assertThat(messages(interactionAt("2026-03-04T10:00:00Z"))).isEmpty();
        assertThat(messages(interactionAt("2026-03-04T10:00:01Z"))).containsExactly("must not be in the future");
        assertThat(messages(interactionAt("+10000-01-01T00:00:00Z"))).containsExactly("must not be in the future");
        assertThat(messages(interactionAt("-0001-01-01T00:00:00Z"))).containsExactly("must not be before 1900-01-01");
    }

    @Test
    void aDateMayBeTodayInTheMostAdvancedTimeZoneButNoLater() {
        assertThat(messages(contactConnectedOn(LocalDate.of(1899, 12, 31)))).containsExactly("must not be before 1900-01-01");
        assertThat(messages(contactConnectedOn(LocalDate.of(1900, 1, 1)))).isEmpty();
        // Already 2026-03-05 in Kiribati (UTC+14) at 10:00 UTC.
        assertThat(messages(contactConnectedOn(LocalDate.of(2026, 3, 5)))).isEmpty();
        assertThat(messages(contactConnectedOn(LocalDate.of(2026, 3, 6)))).containsExactly("must not be in the future");
    }

    @Test
    void nullListElementsAreRefusedNamingTheirIndex() {
        Contact contact = new Contact("Ada", java.util.Arrays.asList("ada@example.org", null), null, null, null, null, null,
                null, null, java.util.Arrays.asList((io.passerelle.contracts.model.RelationContext) null), null, null, null, null,
                java.util.Arrays.asList((String) null));
        assertThat(invalidFields(contact)).containsExactlyInAnyOrder(
                "emails[1].<list element>", "relationContexts[0].<list element>", "tags[0].<list element>");
    }

    static Stream<String> overLongFields() {
        return Stream.of("displayName", "company", "role", "sector", "tags");
    }

    @ParameterizedTest
    @MethodSource("overLongFields")
    void aValueOverItsLimitIsRefusedNamingTheField(String field) {
        String longText = "x".repeat(201);
        Contact contact = switch (field) {
            case "displayName" -> contact(longText);
            case "company" -> new Contact("A", null, longText, null, null, null, null, null, null, null, null, null, null, null, null);
            case "role" -> new Contact("A", null, null, longText, null, null, null, null, null, null, null, null, null, null, null);
            case "sector" -> new Contact("A", null, null, null, "x".repeat(121), null, null, null, null, null, null, null, null, null, null);
            default -> new Contact("A", null, null, null, null, null, null, null, null, null, null, null, null, null,
                    List.of("x".repeat(61)));
        };
        assertThat(VALIDATOR.validate(contact)).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).startsWith(field);
            assertThat(v.getMessage()).startsWith("size must be between 0 and");
        });
    }

    private static boolean bounded(AnnotatedType type) {
        if (type.isAnnotationPresent(Size.class)) {
            return true;
        }
        Pattern pattern = type.getAnnotation(Pattern.class);
        // a bounded repetition at the end ("[A-Z]{2}", "...{1,128}") or a list of words ("fr|en")
        return pattern != null && (pattern.regexp().matches(".*\\{\\d+(,\\d+)?}") || pattern.regexp().matches("[a-z|]+"));
    }

    private static String bad() {
        return "a\u0007b";
    }

    private static Contact contact(String displayName) {
        return new Contact(displayName, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Contact contactConnectedOn(LocalDate date) {
        return new Contact("Ada", null, null, null, null, null, null, null, null, null, null, date, null, null, null);
    }

    private static Interaction interactionAt(String instant) {
        return new Interaction(null, "c-1", Instant.parse(instant), Channel.CALL, null, null, null);
    }

    private static List<String> messages(Object value) {
        return VALIDATOR.validate(value).stream().map(ConstraintViolation::getMessage).toList();
    }

    private static java.util.Set<String> invalidFields(Object value) {
        return VALIDATOR.validate(value).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }
}
