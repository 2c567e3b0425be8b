package dev.td.importers.wearables;

import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Oura's exports, each known by its content: the data export's zip or its {@code App Data} CSVs (semicolons, API v2
 * field names, nested objects as JSON: {@code sleepmodel.csv}, {@code dailysleep.csv}, {@code dailyreadiness.csv},
 * {@code dailyactivity.csv}, {@code dailyspo2.csv}), a JSON export ({@code {"sleep": [...], "daily_readiness": [...]}}
 * with v2 entries, or the v1 cloud export's {@code sleep}/{@code readiness}/{@code activity}), and the older
 * dashboard's trends CSV.
 *
 * <p>Mapping, one {@code metric.recorded} per day and metric, keyed {@code oura:<metric>:<day>} (see {@link OuraDays}
 * for dating): total sleep → {@code sleep_duration} (in s, as Oura gives it); sleep score → {@code sleep_score};
 * the night's lowest heart rate → {@code resting_hr} and its average → {@code avg_sleeping_hr} (Oura reports both,
 * and calls the lowest the resting heart rate); average HRV (RMSSD) → {@code hrv_rmssd} ms; breathing rate →
 * {@code respiration_rate} brpm; readiness score → {@code readiness}; temperature deviation from the person's
 * baseline → the person's own metric {@code temperature_deviation} °C; steps → {@code steps}; SpO2 → {@code spo2} %.
 * Naps, sleep stages, contributors, calories, workouts and tags are not imported. Details by source:
 * {@link OuraRecords}, {@link OuraV1}, {@link OuraTrends}.
 */
public final class OuraImporter implements Importer {

    static final String HOW_TO_EXPORT = "export your data again from your Oura account and import the file unchanged";

    /** The shapes of Oura file td reads. */
    private enum Shape {
        JSON,
        TRENDS_CSV,
        APP_DATA_CSV;

        static Optional<Shape> of(String head) {
            if (OuraJson.recognizes(head)) {
                return Optional.of(JSON);
            }
            if (OuraTrends.recognizes(head)) {
                return Optional.of(TRENDS_CSV);
            }
            return appDataKind(List.of(Table.firstLine(head).split(";", -1))).map(kind -> APP_DATA_CSV);
        }
    }

    @Override
    public Format format() {
        return Format.OURA;
    }

    /** An Oura JSON or CSV by its first bytes, or a zip holding one. */
    @Override
    public boolean recognizes(SourceFile file) {
        if (file.isZip()) {
            try (ZipFile zip = new ZipFile(file.path().toFile(), StandardCharsets.UTF_8)) {
                return ZipHeads.of(zip).stream()
                        .anyMatch(head -> Shape.of(head.text()).isPresent());
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return Shape.of(file.headText()).isPresent();
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        OuraDays days = new OuraDays(file.name(), sink);
        if (file.isZip()) {
            readZip(file, days);
        } else {
            if (file.head().length == 0) {
                throw ImportException.badFile(file.name() + " is empty: " + HOW_TO_EXPORT);
            }
            Shape shape = Shape.of(file.headText())
                    .orElseThrow(() -> ImportException.badFile(file.name() + " is not an Oura export: it is neither an"
                            + " Oura JSON (an object of \"sleep\", \"daily_readiness\"… arrays), nor an App Data CSV,"
                            + " nor a trends CSV (a header starting with date); " + HOW_TO_EXPORT));
            try {
                read(shape, Files.newInputStream(file.path()), file.name(), days);
            } catch (IOException e) {
                throw ImportException.badFile(file.name() + " cannot be read: " + e.getMessage(), e);
            }
        }
        if (days.records() == 0) {
            throw ImportException.badFile(file.name() + " has no sleep, readiness or activity records, so there is"
                    + " nothing to import: export again once the ring has recorded a night");
        }
        days.emit(options.zone());
    }

    private static void readZip(SourceFile file, OuraDays days) {
        try (ZipFile zip = new ZipFile(file.path().toFile(), StandardCharsets.UTF_8)) {
            boolean found = false;
            for (ZipHeads.Head head : ZipHeads.of(zip)) {
                Optional<Shape> shape = Shape.of(head.text());
                if (shape.isPresent()) {
                    found = true;
                    read(shape.get(), zip.getInputStream(head.entry()), file.name() + ": " + head.name(), days);
                }
            }
            if (!found) {
                throw ImportException.badFile(file.name() + " holds no Oura export file (App Data CSVs such as"
                        + " dailysleep.csv, a JSON export or a trends CSV, known by their content); " + HOW_TO_EXPORT);
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

    private static void read(Shape shape, InputStream in, String name, OuraDays days) throws IOException {
        switch (shape) {
            case JSON -> {
                try (in) {
                    OuraJson.read(in, name, days);
                }
            }
            case TRENDS_CSV -> {
                try (Table table = Table.open(in, name, ',', HOW_TO_EXPORT)) {
                    OuraTrends.read(table, days);
                }
            }
            case APP_DATA_CSV -> {
                try (Table table = Table.open(in, name, ';', HOW_TO_EXPORT)) {
                    OuraRecords.Kind kind = appDataKind(table.header())
                            .orElseThrow(() -> ImportException.badFile(
                                    name + " is not an Oura App Data CSV td reads; " + HOW_TO_EXPORT));
                    for (Optional<Row> row = table.next(); row.isPresent(); row = table.next()) {
                        OuraRecords.read(kind, new Fields.Csv(row.get(), table), days);
                    }
                }
            }
        }
    }

    /** The kind of record an App Data CSV with this header holds. */
    private static Optional<OuraRecords.Kind> appDataKind(List<String> header) {
        if (header.size() < 2) {
            return Optional.empty();
        }
        Set<String> names = header.stream()
                .map(name -> name.replace("\uFEFF", "")
                        .replace("\u00EF\u00BB\u00BF", "")
                        .replace("\"", "")
                        .strip()
                        .toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return OuraRecords.Kind.of(names);
    }
}
