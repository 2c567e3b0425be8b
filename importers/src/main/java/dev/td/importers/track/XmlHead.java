package dev.td.importers.track;

import dev.td.importers.SourceFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the first bytes of a file say about it as XML: the local name of its root element, found by skipping a byte
 * order mark, the XML declaration, comments, processing instructions and a DOCTYPE. Recognition only; reading is {@link
 * XmlCursor}'s.
 */
final class XmlHead {

    private XmlHead() {}

    /** The root element's local name ({@code gpx}, {@code TrainingCenterDatabase}), when the head shows it. */
    static Optional<String> rootName(SourceFile file) {
        byte[] head = file.head();
        String text = decode(head);
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (true) {
            i = skipSpace(text, i);
            if (text.startsWith("<?", i)) {
                i = after(text, "?>", i);
            } else if (text.startsWith("<!--", i)) {
                i = after(text, "-->", i);
            } else if (text.startsWith("<!", i)) {
                i = afterDeclaration(text, i);
            } else if (text.startsWith("<", i)) {
                return elementName(text, i + 1);
            } else {
                return Optional.empty();
            }
            if (i < 0) {
                return Optional.empty();
            }
        }
    }

    /**
     * Whether the head could be XML whose root it does not show: empty, or markup whose first element lies past the
     * head. A binary or CSV head is not.
     */
    static boolean mayBeXml(SourceFile file) {
        String text = decode(file.head());
        int i = skipSpace(text, text.startsWith("\uFEFF") ? 1 : 0);
        return i >= text.length() || text.charAt(i) == '<';
    }

    private static String decode(byte[] head) {
        Charset charset = StandardCharsets.ISO_8859_1;
        if (startsWith(head, 0xfe, 0xff) || startsWith(head, 0, '<')) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(head, 0xff, 0xfe) || startsWith(head, '<', 0)) {
            charset = StandardCharsets.UTF_16LE;
        } else if (startsWith(head, 0xef, 0xbb, 0xbf)) {
            return new String(head, 3, head.length - 3, StandardCharsets.ISO_8859_1);
        }
        return new String(head, charset);
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int after(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    /** After a {@code <!DOCTYPE …>}, including an internal subset in brackets. */
    private static int afterDeclaration(String text, int from) {
        int close = text.indexOf('>', from);
        int bracket = text.indexOf('[', from);
        if (bracket >= 0 && (close < 0 || bracket < close)) {
            int end = text.indexOf(']', bracket);
            return end < 0 ? -1 : after(text, ">", end);
        }
        return close < 0 ? -1 : close + 1;
    }

    private static Optional<String> elementName(String text, int from) {
        int end = from;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (Character.isWhitespace(c) || c == '>' || c == '/') {
                break;
            }
            end++;
        }
        if (end == from || end == text.length()) {
            return Optional.empty();
        }
        String qualified = text.substring(from, end);
        return Optional.of(qualified.substring(qualified.indexOf(':') + 1));
    }
}
