package dev.td.importers.apple;

import dev.td.importers.ImportException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * How the export's XML (and its route GPX files) reach the StAX parser, safely and fast.
 *
 * <ul>
 *   <li>The DOCTYPE is cut out of the bytes before parsing (its lines kept as empty lines, so parse errors still name
 *       the right line). Real exports open with an internal DTD, and iOS 16 ("HealthKit Export Version: 12") writes
 *       one with unclosed {@code ATTLIST} declarations that every conforming parser rejects; the DTD declares nothing
 *       td needs. With it gone no entity can be declared, so none is ever expanded or fetched (an entity reference such as "&amp;xxe;" in the
 *       file is an undeclared entity: a parse error). The factory refuses DTDs and external entities as well, and
 *       its resolver returns nothing.
 *   <li>Control characters that XML 1.0 forbids (older exports carry U+000B in text) become spaces. They are single
 *       bytes below 0x20 in UTF-8, never part of a multi-byte character, so this works on bytes.
 * </ul>
 */
final class XmlInput {

    /** How far into the file the DOCTYPE must end (real ones are about 10 KB). */
    static final int PROLOG_LIMIT = 1 << 20;

    private static final String JAXP_PROPERTIES = "http://www.oracle.com/xml/jaxp/properties/";
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private XmlInput() {}

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> new ByteArrayInputStream(new byte[0]));
        // JDK 24+ counts the predefined entities (the &lt; of every device="&lt;&lt;HKDevice: …&gt;") toward these
        // limits and stops a real export after 100,000 characters of them. With the DTD cut out no other entity can
        // exist, so the limits guard nothing here.
        factory.setProperty(JAXP_PROPERTIES + "maxGeneralEntitySizeLimit", "0");
        factory.setProperty(JAXP_PROPERTIES + "totalEntitySizeLimit", "0");
        return factory;
    }

    /**
     * A StAX reader over {@code raw} without its DOCTYPE and forbidden control characters.
     *
     * @param name the file's name for messages
     */
    static XMLStreamReader open(InputStream raw, String name) throws IOException {
        byte[] prolog = raw.readNBytes(PROLOG_LIMIT);
        blankControlCharacters(prolog, 0, prolog.length);
        InputStream rest = new ControlCharacterFilter(raw);
        InputStream cleaned = new SequenceInputStream(new ByteArrayInputStream(withoutDoctype(prolog, name)), rest);
        try {
            // A factory per file: the JDK's may reuse reader state, and imports can run side by side.
            return factory().createXMLStreamReader(cleaned);
        } catch (XMLStreamException e) {
            throw malformed(e, name);
        }
    }

    /** The prolog with its DOCTYPE (if any, before the root element) replaced by the newlines it spanned. */
    static byte[] withoutDoctype(byte[] prolog, String name) {
        int start = indexOf(prolog, DOCTYPE, 0);
        if (start < 0 || startsElementBefore(prolog, start)) {
            return prolog;
        }
        int end = doctypeEnd(prolog, start + DOCTYPE.length);
        if (end < 0) {
            throw ImportException.badFile(name + ": its DOCTYPE does not end within the first "
                    + (PROLOG_LIMIT >> 20) + " MB; the file is damaged or not an Apple Health export: export it again"
                    + " from the Health app (profile → Export All Health Data)");
        }
        int newlines = 0;
        for (int i = start; i <= end; i++) {
            if (prolog[i] == '\n') {
                newlines++;
            }
        }
        byte[] out = new byte[prolog.length - (end + 1 - start) + newlines];
        System.arraycopy(prolog, 0, out, 0, start);
        for (int i = 0; i < newlines; i++) {
            out[start + i] = '\n';
        }
        System.arraycopy(prolog, end + 1, out, start + newlines, prolog.length - end - 1);
        return out;
    }

    /** The index of the DOCTYPE's closing {@code >}: the first one, or the one after {@code ]} when it has a subset. */
    private static int doctypeEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '>') {
                return i;
            }
            if (bytes[i] == '[') {
                for (int j = i + 1; j < bytes.length; j++) {
                    if (bytes[j] == ']') {
                        int k = j + 1;
                        while (k < bytes.length && isSpace(bytes[k])) {
                            k++;
                        }
                        if (k < bytes.length && bytes[k] == '>') {
                            return k;
                        }
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    /** Whether an element starts ({@code <} and a name) before {@code limit}: a DOCTYPE after it is not the prolog's. */
    private static boolean startsElementBefore(byte[] bytes, int limit) {
        for (int i = 0; i + 1 < limit; i++) {
            if (bytes[i] == '<' && bytes[i + 1] != '?' && bytes[i + 1] != '!') {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void blankControlCharacters(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if ((b & 0xE0) == 0 && b != '\n' && b != '\r' && b != '\t') {
                bytes[i] = ' ';
            }
        }
    }

    /** The file's problem as an import error: where the parser stopped and what to do. */
    static ImportException malformed(XMLStreamException e, String name) {
        Location at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        String what = e.getNestedException() instanceof IOException ? " cannot be read" : " is not well-formed XML";
        return ImportException.badFile(
                name + what + where + " (" + parserMessage(e)
                        + "): the file is damaged or was cut short; export it again from the Health app"
                        + " (profile → Export All Health Data)",
                e);
    }

    /** The parser's own words without its "ParseError at [row,col]" preamble. */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.lastIndexOf("Message: ");
        String text = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        @Nullable Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if ((text.isBlank() || text.equals("null")) && cause != null) {
            text = String.valueOf(cause.getMessage());
        }
        return text.strip();
    }

    /** Turns the bytes XML forbids into spaces as they stream past. */
    private static final class ControlCharacterFilter extends FilterInputStream {

        ControlCharacterFilter(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' ? ' ' : b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                blankControlCharacters(buffer, offset, offset + n);
            }
            return n;
        }
    }
}
