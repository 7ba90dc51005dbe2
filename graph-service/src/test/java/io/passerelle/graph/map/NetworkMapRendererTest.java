package io.passerelle.graph.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.diagnostics.Diagnostics;
import io.passerelle.graph.diagnostics.NetworkDiagnostics;
import io.passerelle.localstack.demo.DemoNetwork;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

class NetworkMapRendererTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final GeographicScale[] RINGS = {GeographicScale.NEIGHBOURHOOD, GeographicScale.CITY, GeographicScale.DEPARTMENT,
        GeographicScale.REGION, GeographicScale.COUNTRY, GeographicScale.EUROPE, GeographicScale.WORLD};

    @Test
    void theDemoNetworkIsSevenRingsWithOneDotPerTieAndItsAlterEgosOutlined() {
        List<MappedTie> ties = DemoNetworkTies.ties(NOW, false);
        SvgDocument svg = SvgDocument.parse(NetworkMapRenderer.render(ties, MapLanguage.FR, false, "Une phrase."));

        assertThat(svg.root().getNamespaceURI()).isEqualTo(SvgDocument.SVG_NAMESPACE);
        assertThat(svg.root().getAttribute("viewBox")).isEqualTo("0 0 800 900");
        List<Element> rings = svg.withClass("ring");
        assertThat(rings).extracting(ring -> ring.getAttribute("data-scale"))
                .containsExactly("NEIGHBOURHOOD", "CITY", "DEPARTMENT", "REGION", "COUNTRY", "EUROPE", "WORLD");
        assertThat(rings).extracting(ring -> Double.parseDouble(ring.getAttribute("r"))).isSorted();

        List<Element> dots = svg.dots();
        assertThat(dots).hasSize(ties.size()).allSatisfy(dot -> assertThat(SvgDocument.ties(dot)).isEqualTo(1));
        for (TieClass tieClass : TieClass.values()) {
            long expected = ties.stream().filter(tie -> tie.tieClass() == tieClass).count();
            assertThat(dots.stream().filter(dot -> SvgDocument.hasClass(dot, tieClass.name().toLowerCase())).count())
                    .as(tieClass.name()).isEqualTo(expected);
        }
        // The same look-alikes as the diagnostics' alter-ego index counts.
        DemoNetwork demo = DemoNetwork.asOf(NOW);
        Diagnostics diagnostics = NetworkDiagnostics.compute(demo.ownerId(), demo.owner(), DemoNetworkTies.members(NOW), NOW);
        long outlined = dots.stream().filter(dot -> SvgDocument.hasClass(dot, "alter-ego")).count();
        assertThat(outlined).isEqualTo(diagnostics.alterEgos().alterEgos()).isEqualTo(ties.stream().filter(MappedTie::alterEgo).count())
                .isPositive();
        assertThat(outlined).isLessThan(ties.size());
    }

    @Test
    void eachDotLiesOnItsScalesRingAndNoTwoDotsOverlap() {
        // Names unique to each tie, so that a dot's tooltip tells which tie it is.
        List<MappedTie> ties = new ArrayList<>(DemoNetworkTies.ties(NOW, false).stream().map(tie -> new MappedTie(tie.contactId(),
                "Name of " + tie.contactId(), tie.tieClass(), tie.geographicScale(), tie.alterEgo())).toList());
        // A city ring full of small dots in several lanes, and a few ties without a known place.
        for (int i = 0; i < 200; i++) {
            ties.add(new MappedTie("city-" + i, "City " + i, TieClass.values()[i % 4], GeographicScale.CITY, i % 3 == 0));
        }
        for (int i = 0; i < 5; i++) {
            ties.add(new MappedTie("nowhere-" + i, "Nowhere " + i, TieClass.WEAK, GeographicScale.UNKNOWN, false));
        }
        SvgDocument svg = SvgDocument.parse(NetworkMapRenderer.render(ties, MapLanguage.EN, true, "A sentence."));

        Map<String, MappedTie> byName = ties.stream().collect(Collectors.toMap(MappedTie::displayName, tie -> tie));
        List<Element> dots = svg.dots();
        assertThat(dots).hasSize(ties.size());
        for (Element dot : dots) {
            MappedTie tie = byName.get(SvgDocument.title(dot));
            double[] centre = SvgDocument.centre(dot);
            double distance = Math.hypot(centre[0] - NetworkMapRenderer.CENTRE_X, centre[1] - NetworkMapRenderer.CENTRE_Y);
            assertThat(distance).as(tie.contactId()).isCloseTo(NetworkMapRenderer.ringRadius(tie.geographicScale()),
                    org.assertj.core.api.Assertions.within(RingLayout.BAND_HALF_WIDTH + 0.2));
            assertThat(SvgDocument.hasClass(dot, tie.tieClass().name().toLowerCase())).isTrue();
            assertThat(SvgDocument.hasClass(dot, "alter-ego")).isEqualTo(tie.alterEgo());
        }
        double[][] centres = dots.stream().map(SvgDocument::centre).toArray(double[][]::new);
        double[] radii = dots.stream().mapToDouble(SvgDocument::radius).toArray();
        double closest = Double.MAX_VALUE;
        for (int i = 0; i < centres.length; i++) {
            for (int j = i + 1; j < centres.length; j++) {
                // Edge to edge: negative when two dots overlap.
                closest = Math.min(closest, Math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]) - radii[i] - radii[j]);
            }
        }
        assertThat(closest).as("the closest two dots, edge to edge").isGreaterThanOrEqualTo(0.0);
        // Ties without a known place: a dashed band outside the world ring, labelled, and said in the legend.
        List<Element> unknown = svg.withClass("unknown");
        assertThat(unknown).hasSize(1);
        assertThat(Double.parseDouble(unknown.get(0).getAttribute("r")))
                .isGreaterThan(NetworkMapRenderer.ringRadius(GeographicScale.WORLD) + 2 * RingLayout.BAND_HALF_WIDTH);
        assertThat(labels(svg)).containsEntry("UNKNOWN", "place unknown · 5");
        assertThat(svg.withClass("legend").stream().map(Element::getTextContent)).contains("dashed band: place unknown");
    }

    @Test
    void aCrowdedRingGroupsTiesOfOneClassAndTheDocumentStaysBounded() {
        List<MappedTie> ties = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 60_000; i++) {
            GeographicScale scale = GeographicScale.values()[random.nextInt(GeographicScale.values().length)];
            ties.add(new MappedTie("c" + i, "Name " + i, TieClass.values()[random.nextInt(4)], scale, random.nextInt(3) == 0));
        }
        String rendered = NetworkMapRenderer.render(ties, MapLanguage.FR, true, "Une phrase.");
        SvgDocument svg = SvgDocument.parse(rendered);

        int mostDots = 0;
        for (GeographicScale scale : GeographicScale.values()) {
            mostDots += RingLayout.capacity(NetworkMapRenderer.ringRadius(scale), 0);
        }
        assertThat(mostDots).isLessThan(7_000);
        List<Element> dots = svg.dots();
        assertThat(dots.size()).isLessThanOrEqualTo(mostDots);
        assertThat(rendered.getBytes(StandardCharsets.UTF_8).length).isLessThan(700_000);
        // Every tie is counted once, in a dot of its own class and mark; grouped dots name nobody.
        Map<String, Integer> expected = new HashMap<>();
        ties.forEach(tie -> expected.merge(tie.tieClass() + "/" + tie.alterEgo(), 1, Integer::sum));
        Map<String, Integer> drawn = new HashMap<>();
        for (Element dot : dots) {
            String key = classOf(dot) + "/" + SvgDocument.hasClass(dot, "alter-ego");
            drawn.merge(key, SvgDocument.ties(dot), Integer::sum);
            assertThat(SvgDocument.title(dot)).isNull();
        }
        assertThat(drawn).isEqualTo(expected);
        assertThat(labels(svg).get("CITY")).matches("ville · \\d[\\d\u202f\u00a0]*\\d \\(×\\d+\\)");
        assertThat(svg.withClass("legend").stream().map(Element::getTextContent))
                .contains("(×n) : anneau chargé, un point pour n liens de même classe");
    }

    @Test
    void theLargestDocumentStaysUnder700Kilobytes() {
        // The longest dots (outlined diamonds standing for several ties each) on every ring filled to its capacity.
        List<MappedTie> ties = new ArrayList<>();
        for (GeographicScale scale : GeographicScale.values()) {
            for (int i = 0; i < 12_000; i++) {
                ties.add(new MappedTie(scale + "-" + i, null, TieClass.WEAK, scale, true));
            }
        }
        String rendered = NetworkMapRenderer.render(ties, MapLanguage.FR, true, "x".repeat(400));
        assertThat(rendered.getBytes(StandardCharsets.UTF_8).length).isLessThan(700_000);
        assertThat(SvgDocument.parse(rendered).dots().stream().mapToInt(SvgDocument::ties).sum()).isEqualTo(ties.size());
    }

    @Test
    void noNameNorIdIsWrittenUnlessNamesAreAskedFor() {
        List<MappedTie> named = DemoNetworkTies.ties(NOW, true);
        List<MappedTie> anonymous = DemoNetworkTies.ties(NOW, false);

        String withoutNames = NetworkMapRenderer.render(anonymous, MapLanguage.FR, false, "Une phrase.");
        for (MappedTie tie : named) {
            assertThat(withoutNames).doesNotContain(tie.displayName()).doesNotContain(tie.contactId());
        }
        assertThat(SvgDocument.parse(withoutNames).dots()).allSatisfy(dot -> assertThat(SvgDocument.title(dot)).isNull());
        // Names passed in are still not written when names are not asked for.
        assertThat(NetworkMapRenderer.render(named, MapLanguage.FR, false, "Une phrase.")).isEqualTo(withoutNames);

        SvgDocument withNames = SvgDocument.parse(NetworkMapRenderer.render(named, MapLanguage.FR, true, "Une phrase."));
        assertThat(withNames.dots()).extracting(SvgDocument::title)
                .containsExactlyInAnyOrderElementsOf(named.stream().map(MappedTie::displayName).toList());
    }

    @Test
    void hostileNamesAndCaptionsAreEscapedAndTheDocumentHasNothingActive() {
        List<String> hostile = List.of("<script>alert(1)</script>", "\" onload=\"alert(1)", "Tom & Jerry's <b>", "]]><svg onload=x>",
                "<a href=\"https://evil.example/\">x</a>", "<image href=\"https://evil.example/p.png\"/>", "Zoë \uD83D\uDE00 Ω");
        List<MappedTie> ties = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            ties.add(new MappedTie("h" + i, hostile.get(i), TieClass.values()[i % 4], RINGS[i % RINGS.length], i % 2 == 0));
        }
        ties.add(new MappedTie("control", "bell\u0007 and nul\u0000 and lone \uD800 surrogate", TieClass.WEAK, GeographicScale.CITY, false));
        String caption = "<script>alert('caption')</script> & \"quotes\"";
        String rendered = NetworkMapRenderer.render(ties, MapLanguage.EN, true, caption);
        SvgDocument svg = SvgDocument.parse(rendered);

        assertThat(svg.dots()).extracting(SvgDocument::title).containsAll(hostile)
                .contains("bell and nul and lone  surrogate");
        assertThat(svg.root().getElementsByTagNameNS(SvgDocument.SVG_NAMESPACE, "desc").item(0).getTextContent()).isEqualTo(caption);
        assertThat(rendered).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<a ")
                .doesNotContainIgnoringCase("<image").doesNotContain("url(").doesNotContain("@import");
        Set<String> inert = Set.of("svg", "title", "desc", "style", "rect", "circle", "path", "line", "text", "g");
        for (Element element : svg.elements()) {
            assertThat(element.getNamespaceURI()).isEqualTo(SvgDocument.SVG_NAMESPACE);
            assertThat(inert).as("element").contains(element.getLocalName());
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                assertThat(name.toLowerCase()).as("attribute of <%s>", element.getLocalName()).doesNotStartWith("on")
                        .isNotEqualTo("href").isNotEqualTo("src");
            }
        }
    }

    @Test
    void ringLabelsTitleAndLegendAreInTheLanguageAsked() {
        List<MappedTie> ties = DemoNetworkTies.ties(NOW, false);
        SvgDocument french = SvgDocument.parse(NetworkMapRenderer.render(ties, MapLanguage.FR, false, "Une phrase."));
        SvgDocument english = SvgDocument.parse(NetworkMapRenderer.render(ties, MapLanguage.EN, false, "A sentence."));

        Map<GeographicScale, Long> counts = new EnumMap<>(GeographicScale.class);
        ties.forEach(tie -> counts.merge(tie.geographicScale(), 1L, Long::sum));
        List<String> frenchNames = List.of("quartier", "ville", "département", "région", "pays", "Europe", "monde");
        List<String> englishNames = List.of("neighbourhood", "city", "département", "region", "country", "Europe", "world");
        for (int i = 0; i < RINGS.length; i++) {
            long count = counts.getOrDefault(RINGS[i], 0L);
            assertThat(labels(french)).containsEntry(RINGS[i].name(), frenchNames.get(i) + " · " + count);
            assertThat(labels(english)).containsEntry(RINGS[i].name(), englishNames.get(i) + " · " + count);
        }
        assertThat(french.root().getAttribute("xml:lang")).isEqualTo("fr");
        assertThat(english.root().getAttribute("xml:lang")).isEqualTo("en");
        assertThat(texts(french)).contains("Votre réseau, du quartier au monde", "Une phrase.", "vous")
                .anyMatch(text -> text.startsWith("lien faible · "))
                .anyMatch(text -> text.startsWith("contour foncé : alter ego"));
        assertThat(texts(english)).contains("Your network, from neighbourhood to world", "A sentence.", "you")
                .anyMatch(text -> text.startsWith("weak tie · "))
                .anyMatch(text -> text.startsWith("dark outline: alter ego"));
    }

    @Test
    void theSameTiesInAnyOrderGiveTheSamePicture() {
        List<MappedTie> ties = new ArrayList<>(DemoNetworkTies.ties(NOW, true));
        String first = NetworkMapRenderer.render(ties, MapLanguage.EN, true, "A sentence.");
        Collections.shuffle(ties, new Random(3));
        assertThat(NetworkMapRenderer.render(ties, MapLanguage.EN, true, "A sentence.")).isEqualTo(first);
    }

    @Test
    void anEmptyNetworkIsSevenEmptyRings() {
        SvgDocument svg = SvgDocument.parse(NetworkMapRenderer.render(List.of(), MapLanguage.EN,
                false, NetworkMapCaption.of(io.passerelle.graph.diagnostics.NetworkDiagnostics.compute("owner", null, List.of(), NOW),
                        MapLanguage.EN)));
        assertThat(svg.withClass("ring")).hasSize(7);
        assertThat(svg.dots()).isEmpty();
        assertThat(texts(svg)).contains("No contacts yet.");
    }

    @Test
    void aLongCaptionIsWrappedOnThreeLinesAtMost() {
        String sentence = "word ".repeat(200).strip();
        List<Element> lines = SvgDocument.parse(NetworkMapRenderer.render(List.of(), MapLanguage.EN, false, sentence))
                .withClass("caption");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).getTextContent()).endsWith("…");
        assertThat(lines).allSatisfy(line -> assertThat(line.getTextContent().length()).isLessThanOrEqualTo(96));
        assertThat(NetworkMapRenderer.wrap("short sentence.", 95, 3)).containsExactly("short sentence.");
    }

    private static String classOf(Element dot) {
        for (TieClass tieClass : TieClass.values()) {
            if (SvgDocument.hasClass(dot, tieClass.name().toLowerCase())) {
                return tieClass.name();
            }
        }
        throw new AssertionError("a dot without a class: " + dot.getAttribute("class"));
    }

    /** Each ring's label by scale. */
    private static Map<String, String> labels(SvgDocument svg) {
        return svg.withClass("label").stream().filter(label -> label.hasAttribute("data-scale"))
                .collect(Collectors.toMap(label -> label.getAttribute("data-scale"), Element::getTextContent));
    }

    private static List<String> texts(SvgDocument svg) {
        return svg.elements().stream().filter(element -> element.getLocalName().equals("text")).map(Element::getTextContent).toList();
    }
}
