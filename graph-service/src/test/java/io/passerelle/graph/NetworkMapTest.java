package io.passerelle.graph;

import static io.passerelle.graph.KafkaTestClient.newEventId;
import static io.passerelle.graph.KafkaTestClient.sendEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.passerelle.contracts.EventTypes;
import io.passerelle.contracts.Topics;
import io.passerelle.contracts.events.ContactUpserted;
import io.passerelle.contracts.events.OwnerProfileUpdated;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.OwnerProfile;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.map.SvgDocument;
import io.passerelle.localstack.LocalStackTestResource;
import io.passerelle.localstack.security.LocalTokenIssuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** {@code GET /v1/owners/{ownerId}/network-map.svg} on the real stack: the demo network's picture, languages, names, errors. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class NetworkMapTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void theDemoOwnersMapDrawsEveryTieOfItsNetworkAsTheDiagnosticsCountIt() {
        String owner = DemoOwner.id();
        Response answer = given().get("/v1/owners/{owner}/network-map.svg", owner);

        answer.then().statusCode(200).contentType("image/svg+xml")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("Cache-Control", "private, no-store");
        String body = answer.asString();
        SvgDocument svg = SvgDocument.parse(body);
        JsonPath diagnostics = given().get("/v1/owners/{owner}/diagnostics", owner).then().statusCode(200).extract().jsonPath();

        assertThat(svg.withClass("ring")).hasSize(7);
        List<Element> dots = svg.dots();
        assertThat(dots).hasSize(diagnostics.getInt("contacts"));
        for (TieClass tieClass : TieClass.values()) {
            assertThat(dots.stream().filter(dot -> SvgDocument.hasClass(dot, tieClass.name().toLowerCase(Locale.ROOT))).count())
                    .as(tieClass.name()).isEqualTo(diagnostics.getLong("byClass." + tieClass.name() + ".count"));
        }
        assertThat(dots.stream().filter(dot -> SvgDocument.hasClass(dot, "alter-ego")).count())
                .isEqualTo(diagnostics.getLong("alterEgos.alterEgos")).isPositive();
        Map<String, String> labels = svg.withClass("label").stream().filter(label -> label.hasAttribute("data-scale"))
                .collect(Collectors.toMap(label -> label.getAttribute("data-scale"), Element::getTextContent));
        // The demo owner's profile is in French: so is the map unless another language is asked for.
        assertThat(labels).containsEntry("NEIGHBOURHOOD", "quartier · " + diagnostics.getInt("byScale.NEIGHBOURHOOD.count"))
                .containsEntry("CITY", "ville · " + diagnostics.getInt("byScale.CITY.count"))
                .containsEntry("WORLD", "monde · " + diagnostics.getInt("byScale.WORLD.count"));
        // The caption is the first sentence of the diagnostics' summary, in the owner's language.
        assertThat(svg.root().getElementsByTagNameNS(SvgDocument.SVG_NAMESPACE, "desc").item(0).getTextContent())
                .isEqualTo(diagnostics.getString("summary.sentences[0]")).startsWith("Sur les ");
        assertThat(diagnostics.getString("summary.language")).isEqualTo("fr");
        // No name, no contact id.
        DemoOwner.network().contacts().forEach((id, contact) ->
                assertThat(body).doesNotContain(contact.displayName()).doesNotContain(id));
        assertThat(dots).allSatisfy(dot -> assertThat(SvgDocument.title(dot)).isNull());
    }

    @Test
    void namesAndAnotherLanguageWhenAskedFor() {
        String owner = DemoOwner.id();
        String body = given().queryParam("names", "true").queryParam("lang", "en").get("/v1/owners/{owner}/network-map.svg", owner)
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        SvgDocument svg = SvgDocument.parse(body);

        List<String> names = given().queryParam("limit", 500).get("/v1/owners/{owner}/ties", owner)
                .then().statusCode(200).extract().jsonPath().getList("items.displayName", String.class);
        assertThat(svg.dots()).extracting(SvgDocument::title).containsExactlyInAnyOrderElementsOf(names);
        assertThat(svg.root().getAttribute("xml:lang")).isEqualTo("en");
        assertThat(svg.withClass("label")).extracting(Element::getTextContent).anyMatch(text -> text.startsWith("neighbourhood · "));
        assertThat(svg.withClass("caption").get(0).getTextContent()).startsWith("Of the ");
    }

    @Test
    void theLanguageIsTheOwnersOwnByDefaultElseFrenchAndHostileNamesAreEscaped() {
        String english = "map-en-" + UUID.randomUUID().toString().substring(0, 8);
        Location paris = new Location("Paris", "75011", "Paris", "Île-de-France", "FR", null, null);
        sendEvent(Topics.OWNERS, english, newEventId(), EventTypes.OWNER_PROFILE_UPDATED, EventJson.write(new OwnerProfileUpdated(english,
                new OwnerProfile("Alex", "Coaching", "Coach", "Atelier", null, null, paris, null, "en", false))));
        String hostile = "<script>alert(1)</script> \" onload=\"alert(2)";
        sendEvent(Topics.CONTACTS, english, newEventId(), EventTypes.CONTACT_UPSERTED, EventJson.write(new ContactUpserted(english, "x",
                new Contact(hostile, null, null, null, null, null, null, paris, null, null, null, null, null, null, null))));
        // An owner known from a contact only: no profile, no language.
        String unknownLanguage = "map-none-" + UUID.randomUUID().toString().substring(0, 8);
        sendEvent(Topics.CONTACTS, unknownLanguage, newEventId(), EventTypes.CONTACT_UPSERTED, EventJson.write(new ContactUpserted(
                unknownLanguage, "y", new Contact("Camille", null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null))));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/x", english)
                .then().statusCode(200).body("displayName", equalTo(hostile)).body("geographicScale", equalTo("NEIGHBOURHOOD")));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/v1/owners/{owner}/ties/y", unknownLanguage).then().statusCode(200));

        String body = given().queryParam("names", "TRUE").get("/v1/owners/{owner}/network-map.svg", english)
                .then().statusCode(200).extract().asString();
        SvgDocument svg = SvgDocument.parse(body);
        assertThat(svg.root().getAttribute("xml:lang")).isEqualTo("en");
        assertThat(svg.dots()).extracting(SvgDocument::title).containsExactly(hostile);
        assertThat(body).doesNotContain("<script").doesNotContain("\" onload=\"");

        SvgDocument french = SvgDocument.parse(given().get("/v1/owners/{owner}/network-map.svg", unknownLanguage)
                .then().statusCode(200).extract().asString());
        assertThat(french.root().getAttribute("xml:lang")).isEqualTo("fr");
        assertThat(french.withClass("label")).extracting(Element::getTextContent).contains("lieu inconnu · 1");
        assertThat(french.withClass("unknown")).hasSize(1);
    }

    @Test
    void badParametersAre400sNamingThemAndAnUnknownOwnerIsA404() {
        String owner = DemoOwner.id();
        given().queryParam("lang", "de").get("/v1/owners/{owner}/network-map.svg", owner)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("lang")).body("errors[0].message", equalTo("must be fr or en"));
        given().queryParam("names", "yes").get("/v1/owners/{owner}/network-map.svg", owner)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("names")).body("errors[0].message", equalTo("must be true or false"));
        given().queryParam("lang", "x").queryParam("names", "1").get("/v1/owners/{owner}/network-map.svg", owner)
                .then().statusCode(400).body("errors", hasSize(2)).body("errors.field", containsInAnyOrder("lang", "names"));
        given().get("/v1/owners/{owner}/network-map.svg", "bad owner")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("ownerId"));
        given().get("/v1/owners/{owner}/network-map.svg", "nobody-" + UUID.randomUUID().toString().substring(0, 8))
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void anOwnerDrawsTheirOwnMapAndNobodyElses() {
        String owner = DemoOwner.id();
        given().auth().oauth2(LocalTokenIssuer.local().owner(owner)).get("/v1/owners/{owner}/network-map.svg", owner)
                .then().statusCode(200).contentType("image/svg+xml");
        given().auth().oauth2(LocalTokenIssuer.local().owner("someone-else")).get("/v1/owners/{owner}/network-map.svg", owner)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().none().get("/v1/owners/{owner}/network-map.svg", owner).then().statusCode(401);
    }
}
