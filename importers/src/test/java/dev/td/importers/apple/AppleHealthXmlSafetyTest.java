package dev.td.importers.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.importers.ImportException;
import dev.td.importers.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prolog of real exports: an internal DTD (well-formed up to iOS 15, malformed by iOS 16), and what an attacker
 * could put there instead. The DOCTYPE is cut out before parsing, so no entity is ever declared, expanded or fetched.
 */
class AppleHealthXmlSafetyTest {

    @TempDir
    Path dir;

    /** The sample's body (dogsheep/healthkit-to-sqlite export.xml) after the given prolog. */
    private Path exportWith(String prolog) throws IOException {
        String body = Files.readString(Samples.EXPORT_XML, StandardCharsets.UTF_8);
        return Samples.write(dir.resolve("export.xml"), prolog + body);
    }

    @Test
    void anExportOpeningWithTheRealInternalDtdImportsAsWithout() throws IOException {
        Path file = exportWith(AppleExportGenerator.DTD);

        assertThat(new AppleHealthImporter().recognizes(SourceFile.of(file))).isTrue();
        CollectingSink sink = Samples.read(file);
        assertThat(sink.drafts).hasSize(7);
        assertThat(sink.onlyWorkout().data().get("calories").asDouble()).isEqualTo(48.74499999999999);
        assertThat(sink.metric("body_mass_index").getFirst().data().get("value").asDouble())
                .isEqualTo(22.5312);
    }

    /**
     * HealthKit Export Version 12 (iOS 16) leaves the {@code ATTLIST} of VisionPrescription unclosed, so RightEye and
     * LeftEye end up inside it (reported in markwk/qs_ledger#23, fedecalendino/apple-health#1: "syntax error: line
     * 156"). This fixture reproduces that shape.
     */
    private static final String IOS16_DTD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE HealthData [
            <!-- HealthKit Export Version: 12 -->
            <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
            <!ATTLIST HealthData
              locale CDATA #REQUIRED
            >
            <!ELEMENT VisionPrescription ((RightEye|LeftEye|Attachment|MetadataEntry)*)>
            <!ATTLIST VisionPrescription
              type             CDATA #REQUIRED
              dateIssued       CDATA #REQUIRED
              expirationDate   CDATA #IMPLIED
              brand            CDATA #IMPLIED
            <!ELEMENT RightEye EMPTY>
            <!ATTLIST RightEye
              sphere           CDATA #IMPLIED
              sphereUnit       CDATA #IMPLIED
            <!ELEMENT LeftEye EMPTY>
            <!ATTLIST LeftEye
              sphere           CDATA #IMPLIED
              sphereUnit       CDATA #IMPLIED
            >
            <!ELEMENT MetadataEntry EMPTY>
            <!ATTLIST MetadataEntry
              key   CDATA #REQUIRED
              value CDATA #REQUIRED
            >
            ]>
            """;

    @Test
    void theMalformedDtdOfIos16IsCutOutAndTheExportImports() throws IOException {
        Path file = exportWith(IOS16_DTD);

        assertThatThrownBy(() -> parseWithDtd(file))
                .as("the fixture is malformed for a parser that reads the DTD")
                .isInstanceOf(XMLStreamException.class);
        CollectingSink sink = Samples.read(file);
        assertThat(sink.drafts).hasSize(7);
    }

    private static void parseWithDtd(Path file) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(Files.readAllBytes(file)));
        while (reader.hasNext()) {
            reader.next();
        }
    }

    @Test
    void anExternalEntityIsNeverReadNorFetched() throws IOException {
        Path secret = Samples.write(dir.resolve("secret.txt"), "the-secret-4711");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd";
            Path file = Samples.write(
                    dir.resolve("export.xml"),
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData SYSTEM \"" + url + "\" [\n"
                            + "<!ENTITY % remote SYSTEM \"" + url + "\">\n%remote;\n"
                            + "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                            + "<HealthData locale=\"en_US\">\n"
                            + " <Record type=\"HKQuantityTypeIdentifierBodyMass\" sourceName=\"&xxe;\" unit=\"kg\""
                            + " startDate=\"2020-01-01 08:00:00 +0000\" endDate=\"2020-01-01 08:00:00 +0000\""
                            + " value=\"70\"/>\n</HealthData>\n");

            assertThatThrownBy(() -> Samples.read(file))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("\"xxe\" was referenced, but not declared")
                    .message()
                    .doesNotContain("the-secret-4711");
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept)
                    .as("nothing connected to the DTD's URL")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void nestedEntitiesAreNotExpanded() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [\n");
        laughs.append("<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            laughs.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<HealthData locale=\"&lol9;\"/>\n");
        Path file = Samples.write(dir.resolve("export.xml"), laughs.toString());

        assertThatThrownBy(() -> Samples.read(file))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("\"lol9\" was referenced, but not declared");
    }

    @Test
    void aDoctypeThatNeverEndsIsRefused() {
        Path file = Samples.write(
                dir.resolve("export.xml"),
                "<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [\n" + "<!-- padding -->\n".repeat(70_000));

        assertThatThrownBy(() -> Samples.read(file))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("export.xml: its DOCTYPE does not end within the first 1 MB");
    }

    // Older exports carry U+000B (vertical tab), which XML 1.0 forbids, in text they copied from devices.
    @Test
    void aForbiddenControlCharacterReadsAsASpace() throws IOException {
        String body = Files.readString(Samples.EXPORT_XML, StandardCharsets.UTF_8)
                .replace("Apple\u00a0Watch\" sourceVersion=\"3.1\"", "Apple\u000bWatch\" sourceVersion=\"3.1\"");
        assertThat(body).contains("\u000b");
        Path file = Samples.write(dir.resolve("export.xml"), body);

        assertThat(Samples.read(file).onlyWorkout().data().get("device").asText())
                .isEqualTo("Apple Watch");
    }

    // Parse errors name the line in the file as written, DTD lines included.
    @Test
    void lineNumbersCountTheCutDtdsLines() throws IOException {
        String prolog = AppleExportGenerator.DTD;
        int prologLines = (int) prolog.chars().filter(c -> c == '\n').count();
        Path file = Samples.write(
                dir.resolve("export.xml"),
                prolog + "<HealthData locale=\"en_US\">\n <Record type=\"x\" value=1/>\n</HealthData>\n");

        assertThatThrownBy(() -> Samples.read(file))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("export.xml is not well-formed XML at line " + (prologLines + 2) + ",");
    }
}
