package dev.td.importers.track;

import dev.td.importers.ImportException;
import dev.td.importers.SourceFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A forward-only cursor over the elements of an XML file, streamed with the JDK's StAX parser configured securely: no
 * DTD processing and no external entities or DTDs fetched (a file that uses a declared entity fails as malformed instead
 * of reading a local file or expanding exponentially). Elements are matched by local name, whatever their namespace
 * prefix.
 *
 * <p>Use: {@code while (cursor.nextChild()) switch (cursor.name()) { case "trk" -> readTrack(); default ->
 * cursor.skip(); }}. Every handler leaves the cursor at the end of the element it was given ({@link #text()}, {@link
 * #skip()} and a {@link #nextChild()} loop all do). A parse error becomes {@link ImportException#badFile} naming the
 * line and column.
 */
final class XmlCursor implements AutoCloseable {

    private final SourceFile file;
    private final InputStream in;
    private final XMLStreamReader reader;

    private XmlCursor(SourceFile file, InputStream in, XMLStreamReader reader) {
        this.file = file;
        this.in = in;
        this.reader = reader;
    }

    /** The factory every importer of this package uses: the JDK's own StAX implementation, with DTDs off. */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** Opens the file and moves to its root element; an empty or non-XML file throws {@link ImportException}. */
    static XmlCursor open(SourceFile file) {
        InputStream in;
        try {
            if (Files.size(file.path()) == 0) {
                throw ImportException.badFile(file.name() + " is empty (0 bytes): export it again");
            }
            in = new BufferedInputStream(Files.newInputStream(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            XmlCursor cursor = new XmlCursor(file, in, secureFactory().createXMLStreamReader(in));
            cursor.toRoot();
            return cursor;
        } catch (XMLStreamException e) {
            closeQuietly(in);
            throw malformed(file, e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private void toRoot() throws XMLStreamException {
        while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            reader.next();
        }
    }

    /** The local name of the current element. */
    String name() {
        return reader.getLocalName();
    }

    /** The line of the current element, for messages. */
    int line() {
        return reader.getLocation().getLineNumber();
    }

    /** An attribute of the current element by local name, in any namespace. */
    Optional<String> attribute(String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return Optional.of(reader.getAttributeValue(i).strip());
            }
        }
        return Optional.empty();
    }

    /**
     * Moves to the next child element of the current element; false (at the current element's end) when there is none.
     */
    boolean nextChild() {
        try {
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(file, e);
        }
    }

    /** The stripped text of the current element (text inside nested elements is left out); moves to its end. */
    String text() {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        try {
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth-- == 0) {
                            return text.toString().strip();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth == 0) {
                            text.append(reader.getText());
                        }
                    }
                    default -> {}
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(file, e);
        }
    }

    /** The current element's text as a finite number; anything else is a bad file. */
    double number() {
        String element = name();
        int line = line();
        String text = text();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the element and line
        }
        throw bad(line, "<" + element + "> is '" + text + "', not a number");
    }

    /** The current element's text as a number, or NaN when it is not one (for optional extension values). */
    double numberOrNaN() {
        try {
            double value = Double.parseDouble(text());
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The current element's text as an xs:dateTime; a time without an offset is read as UTC (GPX and TCX are UTC). */
    Instant time() {
        String element = name();
        int line = line();
        return parseTime(text()).orElseThrow(() -> bad(line, "<" + element + "> is not a date and time"));
    }

    /** An xs:dateTime ({@code 2012-12-26T21:29:53Z}, with millis or an offset, or without a zone meaning UTC). */
    static Optional<Instant> parseTime(String text) {
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(
                    parsed instanceof OffsetDateTime offset
                            ? offset.toInstant()
                            : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Skips the current element and everything in it; moves to its end. */
    void skip() {
        int depth = 0;
        try {
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
                    return;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(file, e);
        }
    }

    /** Reads to the end of the document, so that garbage after the root element is reported. */
    void finish() {
        try {
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw malformed(file, e);
        }
    }

    /** A bad file at a line: "{@code run.gpx line 12: <what>; export it again}". */
    ImportException bad(int line, String what) {
        return ImportException.badFile(
                file.name() + " line " + line + ": " + what + ". Export the file again from the app or device");
    }

    private static ImportException malformed(SourceFile file, XMLStreamException e) {
        Location at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        return ImportException.badFile(
                file.name() + " is not well-formed XML" + where + " (" + reason(e)
                        + "): the file is damaged or cut short; export it again from the app or device",
                e);
    }

    /** The parser's own sentence, without the "ParseError at [row,col]" prefix the JDK puts before it. */
    private static String reason(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.lastIndexOf("Message: ");
        return (at < 0 ? message : message.substring(at + "Message: ".length())).strip();
    }

    private static void closeQuietly(@Nullable InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            // the file was only read; nothing to recover
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // closing a reader that was only read cannot lose data
        }
        closeQuietly(in);
    }
}
