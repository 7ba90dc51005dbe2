package io.passerelle.graph.map;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A network map parsed as XML (strictly: no DOCTYPE, no external entity), and what the tests read in it. */
public final class SvgDocument {
    public static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private final Document document;

    private SvgDocument(Document document) {
        this.document = document;
    }

    /** Parses the document; fails the test when it is not well-formed XML. */
    public static SvgDocument parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return new SvgDocument(builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    public Element root() {
        return document.getDocumentElement();
    }

    /** Every element of the document, in document order. */
    public List<Element> elements() {
        List<Element> all = new ArrayList<>();
        collect(document.getDocumentElement(), all);
        return all;
    }

    /** The elements whose class attribute holds {@code name} among its words. */
    public List<Element> withClass(String name) {
        return elements().stream().filter(element -> hasClass(element, name)).toList();
    }

    /** The dots of the rings (the legend's swatches excluded). */
    public List<Element> dots() {
        return withClass("tie");
    }

    public static boolean hasClass(Element element, String name) {
        for (String word : element.getAttribute("class").split(" ")) {
            if (word.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The text of the dot's {@code <title>}, null when it has none. */
    public static String title(Element dot) {
        NodeList children = dot.getElementsByTagNameNS(SVG_NAMESPACE, "title");
        return children.getLength() == 0 ? null : children.item(0).getTextContent();
    }

    /** The centre of a dot, whatever its shape (circle, diamond, square, triangle). */
    public static double[] centre(Element dot) {
        switch (dot.getLocalName()) {
            case "circle":
                return new double[] {number(dot, "cx"), number(dot, "cy")};
            case "rect":
                return new double[] {number(dot, "x") + number(dot, "width") / 2, number(dot, "y") + number(dot, "height") / 2};
            case "path": {
                // "M x y-h l ..." (diamond: l h h ..., centre h below the top; triangle: l s 1.5t ..., centre t below the top)
                String[] parts = dot.getAttribute("d").substring(1).split("[ lhz]+");
                double x = Double.parseDouble(parts[0]);
                double top = Double.parseDouble(parts[1]);
                double dy = Double.parseDouble(parts[3]);
                return new double[] {x, hasClass(dot, "weak") ? top + dy : top + dy / 1.5};
            }
            default:
                throw new AssertionError("not a dot: " + dot.getLocalName());
        }
    }

    /** The dot's size: a circle's radius, about the same for the other shapes. */
    public static double radius(Element dot) {
        return switch (dot.getLocalName()) {
            case "circle" -> number(dot, "r");
            case "rect" -> number(dot, "width") / 1.8;
            default -> {
                String[] parts = dot.getAttribute("d").substring(1).split("[ lhz]+");
                double dy = Double.parseDouble(parts[3]);
                yield hasClass(dot, "weak") ? dy / 1.3 : dy / 1.5 / 1.5;
            }
        };
    }

    /** How many ties the dot stands for. */
    public static int ties(Element dot) {
        return dot.hasAttribute("data-ties") ? Integer.parseInt(dot.getAttribute("data-ties")) : 1;
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static void collect(Element element, List<Element> all) {
        all.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collect(childElement, all);
            }
        }
    }
}
