package dev.td.importers.apple;

import dev.td.importers.DraftSink;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * One pass over an export's XML: workouts and sparse readings go to the sink as they come, dense streams are summed
 * per day and handed over at the end, and every record type td does not import is counted and reported once.
 *
 * <p>Only the children of {@code <HealthData>} are read: the records inside a {@code <Correlation>} (blood pressure,
 * food) also appear at the top level, so reading both would count them twice.
 */
final class ExportReader {

    private final String name;
    private final ImportOptions options;
    private final DraftSink sink;
    private final DailyReadings days = new DailyReadings();
    private final WorkoutReader workouts;
    /** Per type or element not imported: how many, in the order first seen. */
    private final Map<String, long[]> notImported = new LinkedHashMap<>();
    /** Per "type: problem": how many records had it. */
    private final Map<String, long[]> problems = new LinkedHashMap<>();
    /** The record types seen, each resolved once. */
    private final Map<String, Optional<RecordType>> types = new HashMap<>();

    private OptionalLong exportDay = OptionalLong.empty();
    private long zeroSummaries;

    ExportReader(String name, ImportOptions options, DraftSink sink, RouteFiles routes) {
        this.name = name;
        this.options = options;
        this.sink = sink;
        this.workouts = new WorkoutReader(sink, routes, days);
    }

    /** Reads the whole XML, then hands over the day readings and the counts of what was left out. */
    void read(InputStream xml) {
        try {
            XMLStreamReader reader = XmlInput.open(xml, name);
            try {
                root(reader);
                while (reader.next() != XMLStreamConstants.END_ELEMENT) {
                    if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
                        element(reader);
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw XmlInput.malformed(e, name);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
        days.emit(sink, options.zone(), exportDay);
        report();
    }

    private ImportException unreadable(Exception e) {
        return ImportException.badFile(
                name + " cannot be read (" + e.getMessage() + "): the file is damaged or was cut short; export it"
                        + " again from the Health app (profile → Export All Health Data)",
                e);
    }

    private void root(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: declaration, comments, whitespace
        }
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw ImportException.badFile(name + " is empty: " + AppleHealthImporter.HOW_TO_EXPORT);
        }
        if (!reader.getLocalName().equals("HealthData")) {
            throw ImportException.badFile(name + " is XML but not an Apple Health export (its root element is <"
                    + reader.getLocalName() + ">, not <HealthData>): " + AppleHealthImporter.HOW_TO_EXPORT);
        }
    }

    private void element(XMLStreamReader reader) throws XMLStreamException {
        switch (reader.getLocalName()) {
            case "Record" -> record(reader);
            case "Workout" -> workouts.read(reader);
            case "ActivitySummary" -> summary(reader);
            case "ExportDate" -> {
                exportDate(reader.getAttributeValue(null, "value"));
                skipElement(reader);
            }
            case "Me" -> {
                sink.skipped("Me", "the profile (date of birth, biological sex, blood type) is not imported");
                skipElement(reader);
            }
            case "Correlation" -> skipElement(reader);
            default -> {
                count(notImported, reader.getLocalName());
                skipElement(reader);
            }
        }
    }

    private void exportDate(@Nullable String value) {
        try {
            if (value != null) {
                exportDay = OptionalLong.of(HealthDate.parse(value).localEpochDay());
            }
        } catch (DateTimeException e) {
            exportDay = OptionalLong.empty();
        }
    }

    /** The hot path: most of a large export is records of types td sums per day or does not import. */
    private void record(XMLStreamReader reader) throws XMLStreamException {
        int count = reader.getAttributeCount();
        String typeName = null;
        for (int i = 0; i < count && typeName == null; i++) {
            if (reader.getAttributeLocalName(i).equals("type")) {
                typeName = reader.getAttributeValue(i);
            }
        }
        Optional<RecordType> type =
                typeName == null ? Optional.empty() : types.computeIfAbsent(typeName, RecordType::of);
        if (type.isEmpty() || type.get().kind() == RecordType.Kind.NOT_IMPORTED) {
            count(notImported, typeName == null ? "Record without a type" : typeName);
            skipElement(reader);
            return;
        }
        String unit = null;
        String value = null;
        String source = null;
        String start = null;
        String end = null;
        for (int i = 0; i < count; i++) {
            switch (reader.getAttributeLocalName(i)) {
                case "unit" -> unit = reader.getAttributeValue(i);
                case "value" -> value = reader.getAttributeValue(i);
                case "sourceName" -> source = reader.getAttributeValue(i);
                case "startDate" -> start = reader.getAttributeValue(i);
                case "endDate" -> end = reader.getAttributeValue(i);
                default -> {}
            }
        }
        skipElement(reader);
        RecordFields fields = new RecordFields(type.get(), unit, value, source == null ? "" : source, start, end);
        Optional<String> problem = fields.apply(days, sink);
        if (problem.isPresent()) {
            count(problems, type.get().identifier() + ": " + problem.get());
        }
    }

    private void summary(XMLStreamReader reader) throws XMLStreamException {
        String date = reader.getAttributeValue(null, "dateComponents");
        Optional<Double> energy = number(reader.getAttributeValue(null, "activeEnergyBurned"));
        String energyUnit = String.valueOf(reader.getAttributeValue(null, "activeEnergyBurnedUnit"));
        Optional<Double> exercise = number(reader.getAttributeValue(null, "appleExerciseTime"));
        Optional<Double> stand = number(reader.getAttributeValue(null, "appleStandHours"));
        skipElement(reader);
        LocalDate day;
        try {
            day = LocalDate.parse(String.valueOf(date));
        } catch (DateTimeException e) {
            count(problems, "ActivitySummary: no readable dateComponents");
            return;
        }
        if (energy.orElse(0.0) == 0 && exercise.orElse(0.0) == 0 && stand.orElse(0.0) == 0) {
            zeroSummaries++;
            return;
        }
        boolean energyUnitKnown = energyUnit.equals("kcal") || energyUnit.equals("Cal") || energyUnit.equals("kJ");
        if (energy.isPresent() && !energyUnitKnown) {
            count(
                    problems,
                    "ActivitySummary: active energy in " + energyUnit + ", not kcal or kJ (the energy is left out)");
        }
        days.summary(day, energyUnitKnown ? energy.orElse(null) : null, energyUnit, exercise.orElse(null));
    }

    private void report() {
        notImported.forEach((type, n) -> sink.skipped(
                type,
                RecordType.of(type)
                        .filter(t -> t.kind() == RecordType.Kind.NOT_IMPORTED)
                        .map(t -> records(n[0]) + ": " + t.notImportedReason())
                        .orElse((type.startsWith("HK") ? records(n[0]) : elements(n[0]))
                                + " of a type td does not import")));
        problems.forEach((problem, n) -> {
            int colon = problem.indexOf(": ");
            sink.skipped(problem.substring(0, colon), records(n[0]) + " with " + problem.substring(colon + 2));
        });
        if (zeroSummaries > 0) {
            sink.skipped(
                    "ActivitySummary",
                    zeroSummaries + (zeroSummaries == 1 ? " day" : " days")
                            + " with every ring at 0 (no watch worn) left out");
        }
    }

    private static String records(long n) {
        return n + (n == 1 ? " record" : " records");
    }

    private static String elements(long n) {
        return n + (n == 1 ? " element" : " elements");
    }

    private static void count(Map<String, long[]> counts, String key) {
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
    }

    private static Optional<Double> number(@Nullable String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Consumes the element the reader is at (its start tag) through its end tag. */
    static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
