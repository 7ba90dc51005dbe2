package io.passerelle.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Origin;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo network is deterministic, valid against the contract, and shaped as the source document describes. */
class DemoNetworkTest {
    private static final Instant AS_OF = Instant.parse("2026-06-01T09:00:00Z");
    private final DemoNetwork network = DemoNetwork.asOf(AS_OF);

    @Test
    void theSameInstantGivesTheSameNetwork() {
        DemoNetwork again = DemoNetwork.asOf(AS_OF);
        assertThat(again.contacts()).isEqualTo(network.contacts());
        assertThat(again.interactions()).isEqualTo(network.interactions());
    }

    @Test
    void everyRecordSatisfiesTheContract() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(validator.validate(network.owner())).isEmpty();
            network.contacts().values().forEach(contact -> assertThat(validator.validate(contact)).as(contact.displayName()).isEmpty());
            network.interactions().forEach(interaction -> assertThat(validator.validate(interaction)).as(interaction.interactionId()).isEmpty());
        }
    }

    @Test
    void aboutOneHundredAndFiftyContactsWithInteractionsOnlyForKnownContactsAndNeverAfterTheReferenceInstant() {
        assertThat(network.contacts()).hasSizeBetween(140, 160);
        assertThat(network.interactions()).allSatisfy(i -> {
            assertThat(network.contacts()).containsKey(i.contactId());
            assertThat(i.occurredAt()).isBefore(AS_OF);
        });
        assertThat(network.interactions().stream().map(Interaction::interactionId).distinct()).hasSize(network.interactions().size());
    }

    @Test
    void mostlyFormerColleaguesAndSchoolMatesFromParis() {
        Map<Origin, Long> byOrigin = network.contacts().values().stream().collect(Collectors.groupingBy(Contact::origin, Collectors.counting()));
        long circle = byOrigin.get(Origin.FORMER_COLLEAGUE) + byOrigin.get(Origin.SCHOOL);
        assertThat(circle).isGreaterThan(network.contacts().size() / 2);
        assertThat(byOrigin.get(Origin.FAMILY)).isBetween(3L, 8L);
        assertThat(byOrigin.get(Origin.FRIEND)).isBetween(3L, 8L);
        long inParisRegion = network.contacts().values().stream()
                .filter(c -> c.location() != null && "Île-de-France".equals(c.location().region())).count();
        assertThat(inParisRegion).isGreaterThan(network.contacts().size() * 3 / 4);
        Set<String> countries = network.contacts().values().stream().map(c -> c.location().country()).collect(Collectors.toSet());
        assertThat(countries).contains("FR", "BE", "DE", "GB", "CA", "ES");
    }

    @Test
    void someTiesAreDormantSomeNascentAndInteractionsSpanSeveralMonthsAndChannels() {
        Map<String, Instant> lastByContact = network.interactions().stream()
                .collect(Collectors.toMap(Interaction::contactId, Interaction::occurredAt, (a, b) -> a.isAfter(b) ? a : b));
        long dormant = lastByContact.values().stream().filter(last -> last.isBefore(AS_OF.minus(Duration.ofDays(3 * 365)))).count();
        assertThat(dormant).isBetween(5L, 20L);
        assertThat(network.contacts().size() - lastByContact.size()).as("contacts never interacted with").isGreaterThan(5);
        Instant first = network.interactions().get(0).occurredAt();
        assertThat(Duration.between(first, AS_OF).toDays()).isGreaterThan(180);
        assertThat(network.interactions().stream().map(Interaction::channel).distinct().count()).isGreaterThanOrEqualTo(6);
        Map<String, Long> perContact = network.interactions().stream().collect(Collectors.groupingBy(Interaction::contactId, Collectors.counting()));
        assertThat(perContact.values().stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(5);
        assertThat(perContact.keySet().stream().map(network.contacts()::get).map(Contact::origin).collect(Collectors.toSet()))
                .contains(Origin.FAMILY, Origin.FRIEND, Origin.FORMER_COLLEAGUE, Origin.EVENT, Origin.ONLINE);
    }

    @Test
    void clustersShareMutualContacts() {
        long withMutuals = network.contacts().values().stream().filter(c -> !c.mutualContactIds().isEmpty()).count();
        assertThat(withMutuals).isGreaterThan(network.contacts().size() / 2);
        network.contacts().values().forEach(c -> assertThat(network.contacts().keySet()).containsAll(c.mutualContactIds()));
    }
}
