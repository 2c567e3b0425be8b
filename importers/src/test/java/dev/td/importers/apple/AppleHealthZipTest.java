package dev.td.importers.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.importers.Collected;
import dev.td.importers.Draft;
import dev.td.importers.ImportException;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export.zip the healthkit-to-sqlite test builds from {@code zip_contents/} (fixture {@code zip_file_with_gpx},
 * {@code tests/test_healthkit_to_sqlite.py} lines 29-45: once with {@code export.xml}, once with the XML renamed
 * {@code exportar.xml}, as a Spanish iPhone names it). Its workout references a route GPX dated 2019-06-11, years after
 * the 2016 run (survey §1 quirk).
 */
class AppleHealthZipTest {

    @TempDir
    Path dir;

    // Same workout as export.xml (lines 92-114), the route now by reference.
    @ParameterizedTest
    @ValueSource(strings = {"export.xml", "exportar.xml"})
    void theZipIsRecognisedAndItsWorkoutReadWhateverTheXmlIsCalled(String xmlName) {
        Path zip = Samples.exportZip(dir, xmlName);

        assertThat(new AppleHealthImporter().recognizes(SourceFile.of(zip))).isTrue();
        CollectingSink sink = Samples.read(zip);
        JsonNode run = sink.onlyWorkout().data();
        assertThat(run.get("sport").asText()).isEqualTo("run");
        assertThat(run.get("elapsed_s").asDouble()).isEqualTo(5.19412346680959 * 60);
        assertThat(run.get("distance").get("value").asDouble()).isEqualTo(0.4971749504535062);
        assertThat(run.get("distance").get("unit").asText()).isEqualTo("mi");
        assertThat(run.get("calories").asDouble()).isEqualTo(48.74499999999999);
        assertThat(run.get("device").asText()).isEqualTo("Apple Watch");
        assertThat(sink.onlyWorkout().timeZone()).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(sink.metric("body_mass_index").getFirst().data().get("value").asDouble())
                .isEqualTo(22.5312);
        assertThat(sink.metric("heart_rate").getFirst().data().get("value").asDouble())
                .isEqualTo(72.0);
        assertThat(sink.metric("active_energy", "2016-11-16")
                        .orElseThrow()
                        .data()
                        .get("value")
                        .asDouble())
                .isEqualTo(323.513);
        assertThat(Samples.schemaProblems(sink)).isEmpty();
    }

    // test_zip_file_with_gpx, lines 222-256: the GPX holds 3 points, "2019-06-11T22:00:42Z" twice and
    // "2019-06-11T22:00:43Z". The workout ran 2016-11-14 07:25:41 to 07:30:52 -0700: the route is left out, said why.
    @Test
    void aRouteDatedYearsAfterItsWorkoutIsLeftOutWithTheReason() {
        CollectingSink sink = Samples.read(Samples.exportZip(dir, "export.xml"));

        assertThat(sink.onlyWorkout().data().has("samples")).isFalse();
        assertThat(sink.skippedAt("Workout 2016-11-14 07:25:41 -0700"))
                .singleElement()
                .satisfies(skip -> {
                    assertThat(skip.where()).contains("/workout-routes/route_2019-06-11_3.00pm.gpx");
                    assertThat(skip.reason())
                            .isEqualTo("its 3 route points are dated 2019-06-11T22:00:42Z to 2019-06-11T22:00:43Z,"
                                    + " none between the workout's start and end; the route is left out");
                });
    }

    // The same GPX, with the workout moved to when the route was recorded (2019-06-11 15:00:40 to 15:05:40 -0700,
    // i.e. 22:00:40Z): the points of lines 222-256 become samples 2, 2 and 3 s in, at the altitudes 4.076904, 4.083609
    // and 4.085232 the test asserts.
    @Test
    void aRouteFileWithinItsWorkoutBecomesTheWorkoutsSamples() {
        Map<String, String> edits = new LinkedHashMap<>();
        edits.put("startDate=\"2016-11-14 07:25:41 -0700\"", "startDate=\"2019-06-11 15:00:40 -0700\"");
        edits.put("endDate=\"2016-11-14 07:30:52 -0700\"", "endDate=\"2019-06-11 15:05:40 -0700\"");
        CollectingSink sink = Samples.read(Samples.exportZip(dir, "exportar.xml", edits));

        Draft run = sink.onlyWorkout();
        assertThat(run.occurredAt()).isEqualTo(Instant.parse("2019-06-11T22:00:40Z"));
        JsonNode samples = run.data().get("samples");
        assertThat(samples.get("time_s")).extracting(JsonNode::asDouble).containsExactly(2.0, 2.0, 3.0);
        assertThat(samples.get("altitude_m"))
                .extracting(JsonNode::asDouble)
                .containsExactly(4.076904, 4.083609, 4.085232);
        List<Double> distance =
                samples.get("distance_m").valueStream().map(JsonNode::asDouble).toList();
        assertThat(distance.getFirst()).isEqualTo(0.0);
        assertThat(distance).isSorted();
        // 37.781672,-122.396397 to 37.781670,-122.396394: about 0.3 m in all
        assertThat(distance.getLast()).isBetween(0.2, 0.5);
        assertThat(sink.skippedAt("Workout")).isEmpty();
        assertThat(Samples.schemaProblems(sink)).isEmpty();
    }

    // The zip's export.xml read on its own: the route's file is not there.
    @Test
    void aBareExportXmlSaysItsRouteFileIsInTheZip() {
        CollectingSink sink = Samples.read(Samples.ZIP_XML);

        assertThat(sink.onlyWorkout().data().has("samples")).isFalse();
        assertThat(sink.skippedAt("Workout 2016-11-14 07:25:41 -0700"))
                .extracting(Collected.Skip::reason)
                .containsExactly("its route /workout-routes/route_2019-06-11_3.00pm.gpx is a file of the"
                        + " export.zip, not of export.xml: import the zip to get the route");
    }

    // The XML is found by role: not export_cda.xml, not macOS's __MACOSX copies, whatever the phone's language.
    @Test
    void theHealthXmlIsFoundAmongItsNeighboursByItsRoot() throws IOException {
        String xml = Files.readString(Samples.EXPORT_XML, StandardCharsets.UTF_8);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("__MACOSX/apple_health_export/._export.xml", "\u0000\u0005\u0016\u0007");
        entries.put("apple_health_export/export_cda.xml", "<?xml version=\"1.0\"?><ClinicalDocument/>");
        entries.put("apple_health_export/\u5bfc\u51fa.xml", xml);
        entries.put("apple_health_export/electrocardiograms/ecg_2020-01-01.csv", "Name,Test\n");
        Path zip = Samples.zip(dir.resolve("export.zip"), entries);

        CollectingSink sink = Samples.read(zip);

        assertThat(sink.onlyWorkout().data().get("calories").asDouble()).isEqualTo(48.74499999999999);
    }

    @Test
    void aZipWithoutTheHealthXmlIsRefusedWithHowToExport() {
        Path zip = Samples.zip(
                dir.resolve("export.zip"),
                Map.of("apple_health_export/export_cda.xml", "<?xml version=\"1.0\"?><ClinicalDocument/>"));

        assertThat(new AppleHealthImporter().recognizes(SourceFile.of(zip))).isFalse();
        assertThatThrownBy(() -> Samples.read(zip))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.callerMustChoose()).isFalse())
                .hasMessage("export.zip has no Apple Health export.xml; export from the Health app: profile → Export"
                        + " All Health Data");
    }

    @Test
    void aZipWhoseXmlEntryIsDamagedIsRefused() throws IOException {
        Path xml = dir.resolve("generated.xml");
        AppleExportGenerator.write(xml, 2 << 20, 7);
        Path zip = Samples.zip(
                dir.resolve("export.zip"),
                Map.of("apple_health_export/export.xml", Files.readString(xml, StandardCharsets.UTF_8)));
        byte[] bytes = Files.readAllBytes(zip);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(zip, bytes);

        assertThatThrownBy(() -> Samples.read(zip))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("export.zip: apple_health_export/export.xml ")
                .hasMessageContaining("export it again");
    }

    @Test
    void aTruncatedZipIsRefusedAsDamaged() throws IOException {
        Path zip = Samples.exportZip(dir, "export.xml");
        byte[] bytes = Files.readAllBytes(zip);
        Path cut = Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> Samples.read(cut))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("cut.zip")
                .hasMessageContaining("export it again");
    }
}
