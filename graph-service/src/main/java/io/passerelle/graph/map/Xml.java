package io.passerelle.graph.map;

/** Text made safe for an XML document: markup characters escaped, characters XML 1.0 cannot hold dropped. */
final class Xml {
    private Xml() {
    }

    /** {@code text} as XML character data or attribute value (quotes escaped too). */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (allowed(c)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** XML 1.0's Char production, without the line breaks and tabs a one-line label has no use for. */
    private static boolean allowed(int c) {
        return (c >= 0x20 && c <= 0xD7FF && !(c >= 0x7F && c <= 0x9F))
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
