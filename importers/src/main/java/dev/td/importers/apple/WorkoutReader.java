package dev.td.importers.apple;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A {@code <Workout>} read into {@code activity.logged}.
 *
 * <p>Totals come from the workout's attributes ({@code totalDistance}, {@code totalEnergyBurned}) or, in exports since
 * iOS 16 where those are gone, from its {@code <WorkoutStatistics>} (distance and active energy sums, heart-rate
 * average and maximum). {@code duration} is Apple's active time: it is {@code elapsed_s}, unless the workout was paused
 * ({@code HKWorkoutEventTypePause}) and start to end is longer, then that is {@code elapsed_s} and the duration is
 * {@code moving_s}. The zone is the {@code HKTimeZone} metadata; the device the source name with plain spaces.
 */
final class WorkoutReader {

    private static final double KJ_PER_KCAL = 4.184;
    private static final double MAX_SECONDS = 1_209_600;
    private static final long MAX_MILLIS = 1_209_600_000L;

    private final DraftSink sink;
    private final RouteFiles routes;
    private final DailyReadings days;

    WorkoutReader(DraftSink sink, RouteFiles routes, DailyReadings days) {
        this.sink = sink;
        this.routes = routes;
        this.days = days;
    }

    /** Reads the workout at the reader's {@code <Workout>} through its end tag. */
    void read(XMLStreamReader reader) throws XMLStreamException {
        int line = reader.getLocation().getLineNumber();
        Map<String, String> attributes = attributes(reader);
        Parts parts = new Parts();
        readChildren(reader, parts);
        String startText = attributes.get("startDate");
        String where = "Workout " + (startText != null ? startText : "at line " + line);
        HealthDate start;
        try {
            start = HealthDate.parse(startText == null ? "" : startText);
        } catch (DateTimeException e) {
            sink.skipped(where, "it has no readable startDate (" + startText + ")");
            return;
        }
        days.day(start);
        sink.accept(draft(attributes, parts, start, where));
    }

    private Draft draft(Map<String, String> attributes, Parts parts, HealthDate start, String where) {
        String type = attributes.getOrDefault("workoutActivityType", "HKWorkoutActivityTypeOther");
        String sourceName = attributes.getOrDefault("sourceName", "");
        String id = RecordIds.of("workout", start.epochSecond(), type, sourceName);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("activity_id", id);
        data.put("sport", Sports.of(type));
        Optional<Double> duration = seconds(attributes.get("duration"), attributes.get("durationUnit"));
        Optional<HealthDate> end = optionalDate(attributes.get("endDate"));
        Optional<Double> wallClock = end.map(e -> (double) (e.epochSecond() - start.epochSecond()));
        if (parts.paused && duration.isPresent() && wallClock.isPresent() && wallClock.get() > duration.get() + 1) {
            putSeconds(data, "elapsed_s", wallClock.get());
            putSeconds(data, "moving_s", duration.get());
        } else {
            duration.or(() -> wallClock).ifPresent(s -> putSeconds(data, "elapsed_s", s));
        }
        distance(attributes.get("totalDistance"), attributes.get("totalDistanceUnit"))
                .or(() -> parts.distance)
                .ifPresent(d -> data.set("distance", d));
        parts.elevationGain.ifPresent(e -> data.set("elevation_gain", e));
        parts.averageHr.filter(v -> v >= 0 && v <= 400).ifPresent(v -> data.put("avg_hr", v));
        parts.maxHr.filter(v -> v >= 0 && v <= 400).ifPresent(v -> data.put("max_hr", v));
        kcal(attributes.get("totalEnergyBurned"), attributes.get("totalEnergyBurnedUnit"))
                .or(() -> parts.kcal)
                .filter(v -> v > 0 && v <= 50_000)
                .ifPresent(v -> data.put("calories", v));
        if (!sourceName.isBlank()) {
            String device = MetricDrafts.display(sourceName);
            data.put("device", device.length() > 200 ? device.substring(0, 200) : device);
        }
        data.put("source", MetricDrafts.SOURCE);
        route(parts, start, end, duration, where).ifPresent(samples -> data.set("samples", samples));
        return new Draft("activity.logged", start.instant(), parts.zone, data, id);
    }

    private Optional<ObjectNode> route(
            Parts parts, HealthDate start, Optional<HealthDate> end, Optional<Double> duration, String where) {
        for (String path : parts.routeFiles) {
            try {
                Optional<InputStream> file = routes.open(path);
                if (file.isEmpty()) {
                    sink.skipped(where, routes.missing(path));
                    continue;
                }
                try (InputStream in = file.get()) {
                    parts.route.addAll(Route.gpx(in, path));
                }
            } catch (XMLStreamException e) {
                sink.skipped(
                        where,
                        "its route " + path + " is not readable GPX (" + e.getMessage() + "); the route is left out");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (parts.route.isEmpty()) {
            return Optional.empty();
        }
        long startMillis = start.epochSecond() * 1000;
        long endMillis = end.map(e -> e.epochSecond() * 1000)
                .or(() -> duration.map(d -> startMillis + Math.round(d * 1000)))
                .orElse(startMillis + MAX_MILLIS);
        Route.Samples samples = parts.route.samples(startMillis, Math.min(endMillis, startMillis + MAX_MILLIS));
        String files = parts.routeFiles.isEmpty() ? "" : " (" + String.join(", ", parts.routeFiles) + ")";
        samples.notes().forEach(note -> sink.skipped(where + files, note));
        return samples.samples();
    }

    /** What a workout's child elements add. */
    private static final class Parts {
        Optional<ZoneId> zone = Optional.empty();
        Optional<ObjectNode> distance = Optional.empty();
        Optional<ObjectNode> elevationGain = Optional.empty();
        Optional<Double> kcal = Optional.empty();
        Optional<Double> averageHr = Optional.empty();
        Optional<Double> maxHr = Optional.empty();
        boolean paused;
        final Route route = new Route();
        final List<String> routeFiles = new ArrayList<>();
    }

    private static void readChildren(XMLStreamReader reader, Parts parts) throws XMLStreamException {
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "MetadataEntry" -> metadata(reader, parts);
                case "WorkoutStatistics" -> statistics(reader, parts);
                case "WorkoutEvent" -> {
                    if ("HKWorkoutEventTypePause".equals(reader.getAttributeValue(null, "type"))) {
                        parts.paused = true;
                    }
                    ExportReader.skipElement(reader);
                }
                case "WorkoutRoute" -> routeChildren(reader, parts);
                default -> ExportReader.skipElement(reader);
            }
        }
    }

    private static void metadata(XMLStreamReader reader, Parts parts) throws XMLStreamException {
        String key = reader.getAttributeValue(null, "key");
        String value = reader.getAttributeValue(null, "value");
        if (value != null && "HKTimeZone".equals(key)) {
            try {
                parts.zone = Optional.of(ZoneId.of(value.strip()));
            } catch (DateTimeException e) {
                parts.zone = Optional.empty();
            }
        } else if (value != null && "HKElevationAscended".equals(key)) {
            parts.elevationGain = elevation(value);
        }
        ExportReader.skipElement(reader);
    }

    /** {@code "418 cm"} → 4.18 m; metres and feet as written. */
    private static Optional<ObjectNode> elevation(String text) {
        String[] parts = text.strip().split(" ", 2);
        try {
            double value = Double.parseDouble(parts[0]);
            String unit = parts.length > 1 ? parts[1].strip() : "";
            Optional<ObjectNode> height = switch (unit) {
                case "cm" -> Optional.of(length(value / 100, "m"));
                case "m" -> Optional.of(length(value, "m"));
                case "ft" -> Optional.of(length(value, "ft"));
                default -> Optional.empty();
            };
            return height.filter(
                    h -> h.get("value").asDouble() >= 0 && h.get("value").asDouble() <= 100_000);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void statistics(XMLStreamReader reader, Parts parts) throws XMLStreamException {
        Map<String, String> stats = attributes(reader);
        String type = stats.getOrDefault("type", "");
        String unit = stats.get("unit");
        if (type.startsWith("HKQuantityTypeIdentifierDistance") && parts.distance.isEmpty()) {
            parts.distance = distance(stats.get("sum"), unit);
        } else if (type.equals("HKQuantityTypeIdentifierActiveEnergyBurned")) {
            parts.kcal = kcal(stats.get("sum"), unit);
        } else if (type.equals("HKQuantityTypeIdentifierHeartRate") && "count/min".equals(unit)) {
            parts.averageHr = number(stats.get("average"));
            parts.maxHr = number(stats.get("maximum"));
        }
        ExportReader.skipElement(reader);
    }

    private static void routeChildren(XMLStreamReader reader, Parts parts) throws XMLStreamException {
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "Location" -> Route.location(reader).ifPresent(parts.route::add);
                case "FileReference" -> {
                    String path = reader.getAttributeValue(null, "path");
                    if (path != null && !path.isBlank()) {
                        parts.routeFiles.add(path);
                    }
                }
                default -> {}
            }
            ExportReader.skipElement(reader);
        }
    }

    private static Map<String, String> attributes(XMLStreamReader reader) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            out.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return out;
    }

    private static Optional<Double> number(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> seconds(@Nullable String value, @Nullable String unit) {
        double factor = switch (unit == null ? "min" : unit) {
            case "min" -> 60;
            case "s" -> 1;
            case "h", "hr" -> 3600;
            case "ms" -> 0.001;
            case "d" -> 86_400;
            default -> Double.NaN;
        };
        return number(value).map(v -> v * factor).filter(s -> s > 0 && s <= MAX_SECONDS);
    }

    private static Optional<ObjectNode> distance(@Nullable String value, @Nullable String unit) {
        if (unit == null || !(unit.equals("mi") || unit.equals("km") || unit.equals("m") || unit.equals("yd"))) {
            return Optional.empty();
        }
        return number(value).filter(v -> v > 0 && v <= 5_000_000).map(v -> length(v, unit));
    }

    /** Energy in kcal: Apple writes "kcal" or "Cal" (the same), or "kJ". */
    private static Optional<Double> kcal(@Nullable String value, @Nullable String unit) {
        if ("kcal".equals(unit) || "Cal".equals(unit)) {
            return number(value);
        }
        return "kJ".equals(unit) ? number(value).map(v -> v / KJ_PER_KCAL) : Optional.empty();
    }

    private static ObjectNode length(double value, String unit) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("value", value);
        node.put("unit", unit);
        return node;
    }

    private static Optional<HealthDate> optionalDate(@Nullable String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(HealthDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static void putSeconds(ObjectNode data, String field, double seconds) {
        if (seconds > 0 && seconds <= MAX_SECONDS) {
            data.put(field, seconds);
        }
    }
}
