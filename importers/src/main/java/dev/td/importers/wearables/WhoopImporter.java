package dev.td.importers.wearables;

import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * WHOOP's data export (WHOOP app: Menu → Export WHOOP Data): the zip e-mailed with physiological_cycles.csv,
 * sleeps.csv, workouts.csv and journal_entries.csv, or any one of those CSVs. Each file is known by its header row,
 * not its name; times are local to the cycle's {@code Cycle timezone} ({@code UTC-05:00}), which becomes the drafts'
 * zone.
 *
 * <p>Mapping, one {@code metric.recorded} per value and cycle, keyed {@code whoop:cycle:<cycle start>:<metric>} and
 * dated at the cycle's wake onset (see {@link CycleReadings}):
 *
 * <ul>
 *   <li>{@code Recovery score %} → {@code readiness} (a 0-100 score, no unit); {@code Resting heart rate (bpm)} →
 *       {@code resting_hr} bpm; {@code Heart rate variability (ms)} (WHOOP's HRV is RMSSD) → {@code hrv_rmssd} ms;
 *       {@code Blood oxygen %} → {@code spo2} %; {@code Respiratory rate (rpm)} (breaths) → {@code respiration_rate}
 *       brpm.
 *   <li>{@code Skin temp (celsius)} → the person's own metric {@code skin_temperature} °C, not td's
 *       {@code body_temperature}: the skin is 2-4 °C cooler than the core, and WHOOP's 31-34 °C lie below the core
 *       temperature's plausible range (33-43 °C).
 *   <li>{@code Day Strain} → the person's own metric {@code whoop_strain} (WHOOP's 0-21 scale, no unit).
 *   <li>{@code Asleep duration (min)} → {@code sleep_duration} min; {@code Sleep performance %} → {@code sleep_score}.
 *       Both files have the night's sleep under the same keys, so it is imported once; naps are left out.
 *   <li>workouts.csv → {@code activity.logged} keyed {@code whoop:workout:<start>} (see {@link WhoopWorkouts}).
 *   <li>Journal answers, energy burned and heart rates per cycle, sleep stages, need and debt are not imported.
 * </ul>
 */
public final class WhoopImporter implements Importer {

    static final String HOW_TO_EXPORT =
            "export it again in the WHOOP app (Menu → Export WHOOP Data) and import the zip from the e-mail unchanged";

    @Override
    public Format format() {
        return Format.WHOOP;
    }

    /** A CSV with a WHOOP export header, or a zip holding one. */
    @Override
    public boolean recognizes(SourceFile file) {
        if (file.isZip()) {
            try (ZipFile zip = new ZipFile(file.path().toFile(), StandardCharsets.UTF_8)) {
                return !parts(zip).isEmpty();
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return WhoopTable.of(Table.firstLine(file.headText())).isPresent();
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        WhoopExport export = new WhoopExport(options, sink);
        if (file.isZip()) {
            readZip(file, export);
        } else {
            readCsv(file, export);
        }
        if (export.rows() == 0) {
            throw ImportException.badFile(file.name() + " has no rows after its header, so there is nothing to import:"
                    + " export again once WHOOP has recorded a cycle");
        }
    }

    private static void readCsv(SourceFile file, WhoopExport export) {
        if (file.head().length == 0) {
            throw ImportException.badFile(file.name() + " is empty: " + HOW_TO_EXPORT);
        }
        WhoopTable kind = WhoopTable.of(Table.firstLine(file.headText()))
                .orElseThrow(() -> ImportException.badFile(file.name() + " is not a file of WHOOP's export: its first"
                        + " line is not the header of physiological_cycles.csv, sleeps.csv, workouts.csv or"
                        + " journal_entries.csv; " + HOW_TO_EXPORT));
        try (Table table = Table.open(Files.newInputStream(file.path()), file.name(), ',', HOW_TO_EXPORT)) {
            export.read(kind, table);
        } catch (IOException e) {
            throw ImportException.badFile(file.name() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void readZip(SourceFile file, WhoopExport export) {
        try (ZipFile zip = new ZipFile(file.path().toFile(), StandardCharsets.UTF_8)) {
            List<Part> parts = parts(zip);
            if (parts.isEmpty()) {
                throw ImportException.badFile(file.name() + " holds none of the CSV files of WHOOP's export"
                        + " (physiological_cycles.csv, sleeps.csv, workouts.csv, journal_entries.csv, known by their"
                        + " header rows); " + HOW_TO_EXPORT);
            }
            for (Part part : parts) {
                String name = file.name() + ": " + part.head().name();
                try (Table table = Table.open(zip.getInputStream(part.head().entry()), name, ',', HOW_TO_EXPORT)) {
                    export.read(part.kind(), table);
                }
            }
        } catch (ZipException e) {
            throw ImportException.badFile(
                    file.name() + " is not a readable zip (" + e.getMessage() + "): it is damaged or was cut short; "
                            + HOW_TO_EXPORT,
                    e);
        } catch (IOException e) {
            throw ImportException.badFile(file.name() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A CSV of the zip and which WHOOP file it is. */
    private record Part(ZipHeads.Head head, WhoopTable kind) {}

    /** The zip's WHOOP files, cycles first (workouts look up their cycle's zone), then in the zip's order. */
    private static List<Part> parts(ZipFile zip) throws IOException {
        return ZipHeads.of(zip).stream()
                .flatMap(head -> WhoopTable.of(Table.firstLine(head.text())).map(kind -> new Part(head, kind)).stream())
                .sorted(Comparator.comparing(Part::kind))
                .toList();
    }
}
