package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.readAll;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.events.TieUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.Tie;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ties' explanations on the real stack: the REST answer in the language asked ({@code lang}), else the
 * owner's, else French (the diagnostics summary's rule); the {@code passerelle.tie.updated} event in the
 * owner's language, again when that language changes; a tie stored before explanations had a language
 * answering in both; a 400 naming {@code lang} for anything but fr or en.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TieExplanationLanguageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Location PARIS = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
    /** A school mate without any exchange logged: a dormant tie to reactivate. */
    private static final Contact SCHOOL_MATE = new Contact("Yann", null, null, null, null, null, null, PARIS, Origin.SCHOOL, null, null,
            null, null, null, null);
    private static final String FRENCH_REASON = "Aucun échange enregistré, mais vous avez fait vos études ensemble : un lien dormant à réactiver.";
    private static final String ENGLISH_REASON = "No exchange logged, but you were at school together: a dormant tie to reactivate.";

    private String owner;

    @BeforeEach
    void newOwner() {
        owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anEnglishSpeakingOwnersTiesAreExplainedInEnglishUnlessFrenchIsAsked() throws Exception {
        sendProfile(owner, "en");
        sendContact(owner, "yann", SCHOOL_MATE);
        Tie byDefault = awaitTie(owner, "yann", null, tie -> tie.tieClass() == TieClass.DORMANT && "en".equals(tie.explanationLanguage()));
        assertThat(byDefault.explanation()).containsExactly(ENGLISH_REASON, "Met at school.");

        Tie french = tie(owner, "yann", "fr");
        assertThat(french.explanationLanguage()).isEqualTo("fr");
        assertThat(french.explanation()).containsExactly(FRENCH_REASON, "Une connaissance du temps des études.");
        assertThat(french.strength()).isEqualTo(byDefault.strength());
        assertThat(tie(owner, "yann", " EN ").explanation()).as("the code's case and blanks do not matter").containsExactly(ENGLISH_REASON,
                "Met at school.");

        List<Tie> listedInFrench = list(owner, "fr");
        assertThat(listedInFrench).singleElement().satisfies(tie -> {
            assertThat(tie.explanationLanguage()).isEqualTo("fr");
            assertThat(tie.explanation()).first().isEqualTo(FRENCH_REASON);
        });
        assertThat(list(owner, null)).singleElement().satisfies(tie -> assertThat(tie.explanation()).first().isEqualTo(ENGLISH_REASON));

        // On the ties topic, in the owner's language.
        assertThat(awaitPublished(owner, "yann", update -> "en".equals(update.tie().explanationLanguage())).tie().explanation())
                .containsExactly(ENGLISH_REASON, "Met at school.");
    }

    @Test
    void aFrenchSpeakingOwnersTiesAreExplainedAndPublishedInFrenchAndAgainInEnglishOnceTheProfileSaysSo() {
        sendProfile(owner, "fr");
        sendContact(owner, "yann", SCHOOL_MATE);
        Tie byDefault = awaitTie(owner, "yann", null, tie -> tie.tieClass() == TieClass.DORMANT);
        assertThat(byDefault.explanationLanguage()).isEqualTo("fr");
        assertThat(byDefault.explanation()).containsExactly(FRENCH_REASON, "Une connaissance du temps des études.");
        assertThat(tie(owner, "yann", "en").explanation()).containsExactly(ENGLISH_REASON, "Met at school.");
        TieUpdated published = awaitPublished(owner, "yann", update -> "fr".equals(update.tie().explanationLanguage()));
        assertThat(published.tie().explanation()).containsExactly(FRENCH_REASON, "Une connaissance du temps des études.");

        // The owner now writes English: nothing else moved, yet the tie is published again, explained in English.
        sendProfile(owner, "en");
        TieUpdated again = awaitPublished(owner, "yann", update -> "en".equals(update.tie().explanationLanguage()));
        assertThat(again.tie().explanation()).containsExactly(ENGLISH_REASON, "Met at school.");
        assertThat(again.tie().tieClass()).isEqualTo(TieClass.DORMANT);
        assertThat(awaitTie(owner, "yann", null, tie -> "en".equals(tie.explanationLanguage())).explanation()).first()
                .isEqualTo(ENGLISH_REASON);
    }

    @Test
    void withoutAProfileTheTiesAreExplainedInFrenchAsTheDiagnosticsSummaryIsWritten() {
        sendContact(owner, "yann", SCHOOL_MATE);
        Tie tie = awaitTie(owner, "yann", null, t -> t.tieClass() == TieClass.DORMANT);
        assertThat(tie.explanationLanguage()).isEqualTo("fr");
        assertThat(tie.explanation()).first().isEqualTo(FRENCH_REASON);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/diagnostics", owner)
                .then().statusCode(200).body("summary.language", equalTo(tie.explanationLanguage())));
        assertThat(awaitPublished(owner, "yann", update -> "fr".equals(update.tie().explanationLanguage())).tie().explanation()).first()
                .isEqualTo(FRENCH_REASON);
    }

    @Test
    void aTieStoredBeforeExplanationsHadALanguageAnswersInBoth() throws Exception {
        Instant last = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String statistics = "{\"interactionCount\":1,\"firstInteractionAt\":\"" + last + "\",\"lastInteractionAt\":\"" + last
                + "\",\"channelCounts\":{\"CALL\":1},\"inboundCount\":0,\"outboundCount\":0,\"mutualCount\":1,"
                + "\"servicesCount\":0,\"decayedVolume\":1.0,\"volumeReferenceAt\":\"" + last + "\"}";
        GraphDatabase.insertTieStoredBeforePeaks(owner, "stored", statistics, 1);

        Tie french = tie(owner, "stored", "fr");
        Tie english = tie(owner, "stored", "en");
        assertThat(french.explanationLanguage()).isEqualTo("fr");
        assertThat(french.explanation()).contains("Un appel téléphonique (1 interaction au total).",
                "Les informations sur ce contact ne sont pas encore arrivées.");
        assertThat(english.explanationLanguage()).isEqualTo("en");
        assertThat(english.explanation()).contains("Talked on the phone once (1 interaction in all).",
                "The contact's details have not arrived yet.");
        assertThat(tie(owner, "stored", null).explanationLanguage()).as("no profile: French").isEqualTo("fr");
    }

    @Test
    void aLanguageOtherThanFrenchOrEnglishIsA400NamingLang() {
        sendContact(owner, "yann", SCHOOL_MATE);
        awaitTie(owner, "yann", null, tie -> true);
        for (String path : List.of("/v1/owners/{owner}/ties", "/v1/owners/{owner}/ties/yann")) {
            for (String lang : List.of("de", "fr-FR", "english")) {
                given().queryParam("lang", lang).get(path, owner)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("status", equalTo(400))
                        .body("errors.field", containsInAnyOrder("lang"))
                        .body("errors[0].message", equalTo("must be fr or en"));
            }
        }
        // Reported with the listing's other bad parameters, all at once.
        given().queryParam("lang", "x").queryParam("limit", "0").get("/v1/owners/{owner}/ties", owner)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("lang", "limit"));
        given().queryParam("lang", "").get("/v1/owners/{owner}/ties/yann", owner).then().statusCode(200)
                .body("explanationLanguage", equalTo("fr"));
    }

    @Test
    void theOpenApiDocumentDescribesLang() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(document).contains("Language of each tie's explanation: fr or en; default: the owner's profile language, else fr.")
                .contains("explanationLanguage (fr or en) says which.");
    }

    private static Tie tie(String ownerId, String contactId, String lang) {
        RequestSpecification request = given().accept(ContentType.JSON);
        if (lang != null) {
            request = request.queryParam("lang", lang);
        }
        String body = request.get("/v1/owners/{owner}/ties/{contact}", ownerId, contactId).then().statusCode(200).extract().asString();
        try {
            return EventJson.read(body, Tie.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Tie> list(String ownerId, String lang) throws Exception {
        RequestSpecification request = given().accept(ContentType.JSON);
        if (lang != null) {
            request = request.queryParam("lang", lang);
        }
        String body = request.get("/v1/owners/{owner}/ties", ownerId).then().statusCode(200).extract().asString();
        return List.of(EventJson.mapper().treeToValue(EventJson.mapper().readTree(body).get("items"), Tie[].class));
    }

    private static Tie awaitTie(String ownerId, String contactId, String lang, Predicate<Tie> condition) {
        Tie[] found = new Tie[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            RequestSpecification request = given().accept(ContentType.JSON);
            if (lang != null) {
                request = request.queryParam("lang", lang);
            }
            var response = request.get("/v1/owners/{owner}/ties/{contact}", ownerId, contactId);
            assertThat(response.statusCode()).isEqualTo(200);
            Tie tie = EventJson.read(response.asString(), Tie.class);
            assertThat(condition).accepts(tie);
            found[0] = tie;
        });
        return found[0];
    }

    /** The latest tie update of the tie on the ties topic once one satisfies {@code condition}. */
    private static TieUpdated awaitPublished(String ownerId, String contactId, Predicate<TieUpdated> condition) {
        String key = Topics.tieKey(ownerId, contactId);
        TieUpdated[] found = new TieUpdated[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<TieUpdated> updates = readAll(Topics.TIES).stream()
                    .filter(record -> key.equals(record.key()) && record.value() != null)
                    .map(record -> {
                        try {
                            return EventJson.read(record.value(), TieUpdated.class);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .toList();
            assertThat(updates).isNotEmpty();
            TieUpdated latest = updates.get(updates.size() - 1);
            assertThat(condition).accepts(latest);
            found[0] = latest;
        });
        return found[0];
    }

    private static void sendProfile(String ownerId, String language) {
        OwnerProfile profile = new OwnerProfile("Alex Durand", "software", "coach", "Self", null, null, PARIS, null, language, null);
        sendEvent(Topics.OWNERS, ownerId, newEventId(), EventTypes.OWNER_PROFILE_UPDATED,
                EventJson.write(new OwnerProfileUpdated(ownerId, profile)));
    }

    private static void sendContact(String ownerId, String contactId, Contact contact) {
        sendEvent(Topics.CONTACTS, ownerId, newEventId(), EventTypes.CONTACT_UPSERTED,
                EventJson.write(new ContactUpserted(ownerId, contactId, contact)));
    }
}
