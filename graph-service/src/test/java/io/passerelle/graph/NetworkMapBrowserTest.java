package io.passerelle.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import io.passerelle.graph.map.NetworkMapRenderer;
import io.passerelle.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo owner's network map as a real browser draws it: Debian's Chromium, headless, renders the
 * SVG served on the real stack to a PNG, and the picture is read back pixel by pixel: the seven ring
 * strokes where the rings are, blank space between them, and the dots of each class in its colour,
 * in proportion to the class's ties. Chromium is installed when absent (apt-get, as CI runs as
 * root); where it cannot be, the test is skipped and says why. The SVG and PNG stay in
 * {@code target/network-map/} (the README's picture is the English one).
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@Tag("browser")
class NetworkMapBrowserTest {
    private static final Path OUTPUT = Path.of("target", "network-map");
    private static final GeographicScale[] RINGS = {GeographicScale.NEIGHBOURHOOD, GeographicScale.CITY, GeographicScale.DEPARTMENT,
        GeographicScale.REGION, GeographicScale.COUNTRY, GeographicScale.EUROPE, GeographicScale.WORLD};
    /** Pixels of a class's colour per dot, at the least: a dot of the largest size has about 60 once outlined and anti-aliased. */
    private static final int PIXELS_PER_DOT = 10;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void findOrInstallChromium() throws Exception {
        Files.createDirectories(OUTPUT);
        HeadlessChromium.Found found = HeadlessChromium.installed(OUTPUT);
        if (found.chromium().isEmpty()) {
            String message = "NetworkMapBrowserTest skipped: " + found.reason();
            System.out.println(message);
            System.err.println(message);
            Assumptions.abort(message);
        }
        chromium = found.chromium().get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "en"})
    void theDemoOwnersMapShowsItsRingsAndTheDotsOfEachClass(String lang) throws Exception {
        String owner = DemoOwner.id();
        String svg = given().queryParam("lang", lang).get("/v1/owners/{owner}/network-map.svg", owner)
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        JsonPath diagnostics = given().get("/v1/owners/{owner}/diagnostics", owner).then().statusCode(200).extract().jsonPath();
        String name = "demo-network-map-" + (lang.isEmpty() ? "fr" : lang);
        Path file = OUTPUT.resolve(name + ".svg");
        Path png = OUTPUT.resolve(name + ".png");
        Files.writeString(file, svg, StandardCharsets.UTF_8);

        chromium.screenshot(file, png, NetworkMapRenderer.WIDTH, NetworkMapRenderer.HEIGHT);
        BufferedImage picture = ImageIO.read(png.toFile());

        assertThat(ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.contains("chromium")).orElse(false)))
                .as("chromium processes left behind").isEmpty();
        assertThat(picture.getWidth()).isEqualTo(NetworkMapRenderer.WIDTH);
        assertThat(picture.getHeight()).isEqualTo(NetworkMapRenderer.HEIGHT);
        for (int i = 0; i < RINGS.length; i++) {
            double radius = NetworkMapRenderer.ringRadius(RINGS[i]);
            assertThat(shareOnRing(picture, radius)).as("share of the %s ring drawn", RINGS[i]).isGreaterThan(0.5);
            if (i + 1 < RINGS.length) {
                assertThat(shareBlank(picture, radius + (NetworkMapRenderer.ringRadius(RINGS[i + 1]) - radius) / 2))
                        .as("blank between the %s ring and the next", RINGS[i]).isGreaterThan(0.95);
            }
        }
        for (TieClass tieClass : TieClass.values()) {
            int ties = diagnostics.getInt("byClass." + tieClass.name() + ".count");
            long pixels = pixelsOfColour(picture, NetworkMapRenderer.colour(tieClass));
            if (ties == 0) {
                assertThat(pixels).as("pixels of %s, which has no tie", tieClass).isZero();
            } else {
                assertThat(pixels).as("pixels of %s's %d ties", tieClass, ties).isGreaterThanOrEqualTo((long) PIXELS_PER_DOT * ties);
            }
        }
        // The owner at the centre.
        assertThat(near(picture.getRGB((int) NetworkMapRenderer.CENTRE_X, (int) NetworkMapRenderer.CENTRE_Y), 0x424242, 12)).isTrue();
        assertThat(Files.size(png)).isLessThan(300_000);
    }

    /** The share of points round the ring, away from its label at the top, where the ring's grey stroke shows. */
    private static double shareOnRing(BufferedImage picture, double radius) {
        double labelGap = Math.min(1.2, 70 / radius);
        int samples = 0;
        int drawn = 0;
        for (int step = 0; step < 720; step++) {
            double angle = step * Math.PI / 360;
            if (Math.abs(Math.IEEEremainder(angle, 2 * Math.PI)) < labelGap) {
                continue;
            }
            samples++;
            for (double offset = -1; offset <= 1; offset++) {
                int rgb = pixelAt(picture, radius + offset, angle);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) <= 12 && r >= 110 && r <= 225) {
                    drawn++;
                    break;
                }
            }
        }
        return (double) drawn / samples;
    }

    /** The share of points round a circle that are blank (white). */
    private static double shareBlank(BufferedImage picture, double radius) {
        int blank = 0;
        for (int step = 0; step < 720; step++) {
            if (near(pixelAt(picture, radius, step * Math.PI / 360), 0xFFFFFF, 10)) {
                blank++;
            }
        }
        return blank / 720.0;
    }

    /** Pixels of that colour above the legend, give or take a little for rendering. */
    private static long pixelsOfColour(BufferedImage picture, String hex) {
        int colour = Integer.parseInt(hex.substring(1), 16);
        long count = 0;
        for (int y = 0; y < NetworkMapRenderer.LEGEND_TOP; y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                if (near(picture.getRGB(x, y), colour, 12)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The pixel at a radius and an angle measured clockwise from the top of the rings. */
    private static int pixelAt(BufferedImage picture, double radius, double angle) {
        int x = (int) Math.round(NetworkMapRenderer.CENTRE_X + radius * Math.sin(angle));
        int y = (int) Math.round(NetworkMapRenderer.CENTRE_Y - radius * Math.cos(angle));
        return picture.getRGB(x, y);
    }

    private static boolean near(int rgb, int colour, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((colour >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
