package io.passerelle.graph.map;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Draws an owner's network as an SVG document, 800 by 900 pixels: seven concentric rings from the
 * neighbourhood at the centre to the world outside, the owner at the centre, one dot per tie on its
 * scale's ring, its class told by colour and shape (Okabe and Ito's palette, chosen to stay apart for
 * colour-blind readers, and four shapes, for those who see no colour at all), alter egos outlined in
 * a dark stroke. Ties without a known place are drawn in a dashed band outside the world ring. The
 * title, the caption given, ring labels with their counts, and a legend make it readable on its own.
 *
 * <p>Dots are placed by {@link RingLayout}: deterministic, never overlapping, shrinking and spreading
 * over up to five lanes as a ring fills, and one dot for several ties of the same class when a ring
 * is crowded beyond that, so that a document never holds more than about 6,700 dots (under 700 kB)
 * whatever the size of the network.
 *
 * <p>Safe to serve and to embed: every string that comes from data (names, caption) is escaped, and
 * the document has no script, no event handler, no link and no reference to anything outside
 * itself. Names appear only when asked for, and only as the tooltip ({@code <title>}) of their dot;
 * contact ids never appear.
 */
public final class NetworkMapRenderer {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 900;
    public static final double CENTRE_X = 400;
    public static final double CENTRE_Y = 466;
    /** The rings' stroke colour. */
    public static final String RING_COLOUR = "#9E9E9E";
    /** Where the legend starts: nothing below it belongs to the rings. */
    public static final int LEGEND_TOP = 836;

    private static final double INNERMOST_RADIUS = 60;
    private static final double RING_SPACING = 41;
    private static final int LABEL_FONT_SIZE = 12;
    private static final int LEGEND_FONT_SIZE = 13;
    private static final int CAPTION_FONT_SIZE = 14;
    private static final int CAPTION_MAX_LINES = 3;
    private static final int CAPTION_LINE_CHARACTERS = 95;
    /** A generous average glyph width, in ems, for sans-serif text: labels are given at least the room they need. */
    private static final double GLYPH_WIDTH = 0.58;
    private static final GeographicScale[] SCALES = GeographicScale.values();
    private static final TieClass[] CLASSES = TieClass.values();

    private NetworkMapRenderer() {
    }

    /** The ring of a scale, UNKNOWN's being the dashed band outside the world's. */
    public static double ringRadius(GeographicScale scale) {
        return INNERMOST_RADIUS + scale.ordinal() * RING_SPACING;
    }

    /** The fill of a class's dots (Okabe and Ito's colour-blind-safe palette). */
    public static String colour(TieClass tieClass) {
        return switch (tieClass) {
            case STRONG -> "#D55E00";
            case WEAK -> "#0072B2";
            case DORMANT -> "#CC79A7";
            case NASCENT -> "#009E73";
        };
    }

    /**
     * @param ties     the owner's ties
     * @param language the language of the title, labels and legend
     * @param names    whether single-tie dots carry their contact's name as a tooltip
     * @param caption  the sentence under the title (see {@link NetworkMapCaption}), escaped here; null for none
     */
    public static String render(List<MappedTie> ties, MapLanguage language, boolean names, String caption) {
        Map<GeographicScale, List<MappedTie>> byScale = new EnumMap<>(GeographicScale.class);
        int[] byClass = new int[CLASSES.length];
        int alterEgos = 0;
        for (GeographicScale scale : SCALES) {
            byScale.put(scale, new ArrayList<>());
        }
        for (MappedTie tie : ties) {
            byScale.get(tie.geographicScale()).add(tie);
            byClass[tie.tieClass().ordinal()]++;
            if (tie.alterEgo()) {
                alterEgos++;
            }
        }

        StringBuilder svg = new StringBuilder(4096 + 90 * Math.min(ties.size(), 6000));
        String title = language.title();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" xml:lang=\"").append(language.code())
                .append("\" role=\"img\" aria-labelledby=\"map-title map-caption\"")
                .append(" font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\">\n")
                .append("<title id=\"map-title\">").append(Xml.escape(title)).append("</title>\n")
                .append("<desc id=\"map-caption\">").append(caption == null ? "" : Xml.escape(caption)).append("</desc>\n")
                .append("<style>")
                .append(".ring{fill:none;stroke:").append(RING_COLOUR).append(";stroke-width:1.2}")
                .append(".ring.unknown{stroke-dasharray:5 4}");
        for (TieClass tieClass : CLASSES) {
            svg.append('.').append(cssName(tieClass)).append("{fill:").append(colour(tieClass)).append('}');
        }
        svg.append(".alter-ego{stroke:#1A1A1A;stroke-width:1.5}")
                .append(".label{font-size:").append(LABEL_FONT_SIZE).append("px;fill:#424242;text-anchor:middle;")
                .append("stroke:#FFFFFF;stroke-width:4px;stroke-linejoin:round;paint-order:stroke}")
                .append(".legend{font-size:").append(LEGEND_FONT_SIZE).append("px;fill:#212121}")
                .append("</style>\n")
                .append("<rect width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#FFFFFF\"/>\n");

        header(svg, title, caption);

        svg.append("<g class=\"rings\">\n");
        for (GeographicScale scale : SCALES) {
            if (scale != GeographicScale.UNKNOWN || !byScale.get(scale).isEmpty()) {
                svg.append("<circle class=\"ring").append(scale == GeographicScale.UNKNOWN ? " unknown" : "")
                        .append("\" data-scale=\"").append(scale.name()).append("\" cx=\"").append(num(CENTRE_X))
                        .append("\" cy=\"").append(num(CENTRE_Y)).append("\" r=\"").append(num(ringRadius(scale))).append("\"/>\n");
            }
        }
        svg.append("</g>\n");
        svg.append("<circle cx=\"").append(num(CENTRE_X)).append("\" cy=\"").append(num(CENTRE_Y)).append("\" r=\"7\" fill=\"#424242\"/>\n")
                .append("<text class=\"label\" x=\"").append(num(CENTRE_X)).append("\" y=\"").append(num(CENTRE_Y + 24)).append("\">")
                .append(Xml.escape(language.owner())).append("</text>\n");

        boolean crowded = false;
        StringBuilder labels = new StringBuilder();
        svg.append("<g class=\"ties\">\n");
        for (GeographicScale scale : SCALES) {
            List<MappedTie> ring = byScale.get(scale);
            if (scale == GeographicScale.UNKNOWN && ring.isEmpty()) {
                continue;
            }
            String label = language.scale(scale) + " · " + language.count(ring.size());
            RingLayout layout = RingLayout.of(ring, CENTRE_X, CENTRE_Y, ringRadius(scale), labelHalfWidth(label), names);
            if (layout.tiesPerDot() > 1) {
                // A crowded ring's label says how many ties a dot stands for: its gap widens for it (one digit more, should the
                // narrower arc raise n).
                crowded = true;
                String longest = label + " (×" + language.count(layout.tiesPerDot() * 10L) + ")";
                layout = RingLayout.of(ring, CENTRE_X, CENTRE_Y, ringRadius(scale), labelHalfWidth(longest), names);
                label += " (×" + language.count(layout.tiesPerDot()) + ")";
            }
            for (RingLayout.Dot dot : layout.dots()) {
                dot(svg, "tie", dot);
            }
            // A white plate under the label hides the ring's line (no dot lies there: RingLayout leaves the gap).
            double plate = textWidth(label, LABEL_FONT_SIZE) + 6;
            labels.append("<rect x=\"").append(num(CENTRE_X - plate / 2)).append("\" y=\"").append(num(CENTRE_Y - ringRadius(scale) - 8))
                    .append("\" width=\"").append(num(plate)).append("\" height=\"15\" rx=\"4\" fill=\"#FFFFFF\"/>\n");
            labels.append("<text class=\"label\" data-scale=\"").append(scale.name()).append("\" x=\"").append(num(CENTRE_X))
                    .append("\" y=\"").append(num(CENTRE_Y - ringRadius(scale) + 4)).append("\">").append(Xml.escape(label))
                    .append("</text>\n");
        }
        svg.append("</g>\n<g class=\"labels\">\n").append(labels).append("</g>\n");

        legend(svg, language, byClass, alterEgos, !byScale.get(GeographicScale.UNKNOWN).isEmpty(), crowded);
        return svg.append("</svg>\n").toString();
    }

    private static void header(StringBuilder svg, String title, String caption) {
        svg.append("<text x=\"20\" y=\"32\" font-size=\"20\" font-weight=\"bold\" fill=\"#212121\">").append(Xml.escape(title))
                .append("</text>\n");
        List<String> lines = wrap(caption == null ? "" : caption.strip(), CAPTION_LINE_CHARACTERS, CAPTION_MAX_LINES);
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<text class=\"caption\" x=\"20\" y=\"").append(56 + 18 * i).append("\" font-size=\"").append(CAPTION_FONT_SIZE)
                    .append("\" fill=\"#424242\">").append(Xml.escape(lines.get(i))).append("</text>\n");
        }
    }

    /** A dot of the rings ({@code kind} "tie") or of the legend ("swatch"). */
    private static void dot(StringBuilder svg, String kind, RingLayout.Dot dot) {
        String classes = kind + " " + cssName(dot.tieClass()) + (dot.alterEgo() ? " alter-ego" : "");
        double x = dot.x();
        double y = dot.y();
        double r = dot.radius();
        switch (dot.tieClass()) {
            case STRONG -> svg.append("<circle class=\"").append(classes).append("\" cx=\"").append(num(x)).append("\" cy=\"")
                    .append(num(y)).append("\" r=\"").append(num(r)).append('"');
            case WEAK -> {
                double h = r * 1.3;
                svg.append("<path class=\"").append(classes).append("\" d=\"M").append(num(x)).append(' ').append(num(y - h))
                        .append('l').append(num(h)).append(' ').append(num(h)).append(' ').append(num(-h)).append(' ').append(num(h))
                        .append(' ').append(num(-h)).append(' ').append(num(-h)).append("z\"");
            }
            case DORMANT -> {
                double half = r * 0.9;
                svg.append("<rect class=\"").append(classes).append("\" x=\"").append(num(x - half)).append("\" y=\"")
                        .append(num(y - half)).append("\" width=\"").append(num(2 * half)).append("\" height=\"")
                        .append(num(2 * half)).append('"');
            }
            case NASCENT -> {
                double t = r * 1.5;
                double side = t * 0.866;
                svg.append("<path class=\"").append(classes).append("\" d=\"M").append(num(x)).append(' ').append(num(y - t))
                        .append('l').append(num(side)).append(' ').append(num(1.5 * t)).append('h').append(num(-2 * side))
                        .append("z\"");
            }
        }
        if (dot.ties() > 1) {
            svg.append(" data-ties=\"").append(dot.ties()).append('"');
        }
        if (dot.name() != null) {
            svg.append("><title>").append(Xml.escape(dot.name())).append("</title></").append(element(dot.tieClass())).append(">\n");
        } else {
            svg.append("/>\n");
        }
    }

    private static void legend(StringBuilder svg, MapLanguage language, int[] byClass, int alterEgos, boolean unknown, boolean crowded) {
        svg.append("<g class=\"legend\">\n");
        double x = 28;
        double row = LEGEND_TOP + 12;
        for (TieClass tieClass : CLASSES) {
            dot(svg, "swatch", new RingLayout.Dot(x, row - 4, 6, tieClass, false, 1, null));
            String text = language.tieClass(tieClass) + " · " + language.count(byClass[tieClass.ordinal()]);
            svg.append("<text class=\"legend\" x=\"").append(num(x + 12)).append("\" y=\"").append(num(row)).append("\">")
                    .append(Xml.escape(text)).append("</text>\n");
            x += 12 + textWidth(text, LEGEND_FONT_SIZE) + 22;
        }
        row += 20;
        svg.append("<circle class=\"swatch alter-ego\" cx=\"28\" cy=\"").append(num(row - 4)).append("\" r=\"6\" fill=\"#BDBDBD\"/>\n")
                .append("<text class=\"legend\" x=\"40\" y=\"").append(num(row)).append("\">")
                .append(Xml.escape(language.alterEgoLegend() + " · " + language.count(alterEgos))).append("</text>\n");
        row += 20;
        x = 28;
        if (unknown) {
            svg.append("<line x1=\"").append(num(x - 8)).append("\" y1=\"").append(num(row - 4)).append("\" x2=\"").append(num(x + 8))
                    .append("\" y2=\"").append(num(row - 4)).append("\" stroke=\"").append(RING_COLOUR)
                    .append("\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/>\n")
                    .append("<text class=\"legend\" x=\"").append(num(x + 12)).append("\" y=\"").append(num(row)).append("\">")
                    .append(Xml.escape(language.unknownLegend())).append("</text>\n");
            x += 12 + textWidth(language.unknownLegend(), LEGEND_FONT_SIZE) + 22;
        }
        if (crowded) {
            svg.append("<text class=\"legend\" x=\"").append(num(x - 8)).append("\" y=\"").append(num(row)).append("\">")
                    .append(Xml.escape(language.groupedLegend())).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    /** Words into at most {@code maxLines} lines of about {@code width} characters; what does not fit ends in an ellipsis. */
    static List<String> wrap(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                if (lines.size() == maxLines - 1) {
                    lines.add(ellipsis(line + " " + String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)), width));
                    return lines;
                }
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.length() > width ? ellipsis(line.toString(), width) : line.toString());
        }
        return lines;
    }

    private static String ellipsis(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int cut = text.lastIndexOf(' ', width - 1);
        return text.substring(0, cut > width / 2 ? cut : width - 1).stripTrailing() + "…";
    }

    private static double labelHalfWidth(String label) {
        return textWidth(label, LABEL_FONT_SIZE) / 2 + 4;
    }

    private static double textWidth(String text, int fontSize) {
        return text.codePointCount(0, text.length()) * GLYPH_WIDTH * fontSize;
    }

    private static String cssName(TieClass tieClass) {
        return tieClass.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String element(TieClass tieClass) {
        return switch (tieClass) {
            case STRONG -> "circle";
            case WEAK, NASCENT -> "path";
            case DORMANT -> "rect";
        };
    }

    /** A coordinate to a tenth of a pixel, without exponent or locale. */
    private static String num(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
