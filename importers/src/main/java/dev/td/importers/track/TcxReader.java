package dev.td.importers.track;

import dev.td.importers.ImportException;
import dev.td.importers.SourceFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Streams the activities of a Training Center XML (v2) file: {@code Activities/Activity} and the activities of a
 * {@code MultiSportSession}, each handed over when its end tag is read. Courses, workouts and folders are plans, not
 * recordings, and are passed over. Extensions are read by local name (the prefix varies: {@code ns3}, {@code ext}):
 * ActivityExtension v2 {@code TPX/Watts}, {@code TPX/RunCadence} on trackpoints, {@code LX/AvgWatts},
 * {@code LX/AvgRunCadence}, {@code LX/Steps} on laps.
 */
final class TcxReader {

    /** Where extension values go in the array {@link #extensions} fills. */
    private static final int CADENCE = 0;

    private static final int POWER = 1;
    private static final int STEPS = 2;

    /** A {@code <Lap>}; NaN for what it does not give. */
    record Lap(
            Optional<Instant> start,
            double totalTimeS,
            double distanceM,
            double calories,
            double avgHr,
            double maxHr,
            double avgCadence,
            double avgPowerW,
            double steps) {}

    /**
     * An {@code <Activity>}: its attributes and texts as written, its laps, and its trackpoints.
     *
     * @param id        {@code <Id>}, the activity's start time by the schema
     * @param recording the trackpoints (distance is {@code DistanceMeters}, cadence {@code Cadence} or else the
     *                  extension's {@code RunCadence}, power the extension's {@code Watts})
     * @param climb     gain and loss over every {@code AltitudeMeters}, in order
     */
    record Activity(
            int number,
            String sport,
            Optional<String> id,
            Optional<String> notes,
            Optional<String> device,
            List<Lap> laps,
            Recording recording,
            Climb climb) {

        /** The steps of all laps ({@code LX/Steps}); empty when no lap counts them. */
        Optional<Double> steps() {
            return laps.stream().map(Lap::steps).filter(s -> !s.isNaN()).reduce(Double::sum);
        }
    }

    private final XmlCursor xml;
    private final Consumer<Activity> activities;
    private int count;

    private TcxReader(XmlCursor xml, Consumer<Activity> activities) {
        this.xml = xml;
        this.activities = activities;
    }

    /**
     * Reads the file, handing each activity to {@code activities}; returns how many there were.
     *
     * @throws ImportException the file is not well-formed TCX
     */
    static int read(SourceFile file, Consumer<Activity> activities) {
        try (XmlCursor xml = XmlCursor.open(file)) {
            if (!xml.name().equals("TrainingCenterDatabase")) {
                throw ImportException.badFile(file.name() + " is not a TCX file: its root element is <" + xml.name()
                        + ">, not <TrainingCenterDatabase>. Import it as the format it is");
            }
            TcxReader reader = new TcxReader(xml, activities);
            while (xml.nextChild()) {
                if (xml.name().equals("Activities")) {
                    reader.activities();
                } else {
                    xml.skip();
                }
            }
            xml.finish();
            return reader.count;
        }
    }

    private void activities() {
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "Activity" -> activity();
                case "MultiSportSession", "FirstSport", "NextSport" -> activities();
                default -> xml.skip();
            }
        }
    }

    private void activity() {
        String sport = xml.attribute("Sport").orElse("");
        Optional<String> id = Optional.empty();
        Optional<String> notes = Optional.empty();
        Optional<String> device = Optional.empty();
        List<Lap> laps = new ArrayList<>();
        Recording recording = new Recording();
        Climb climb = new Climb();
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "Id" -> id = Optional.of(xml.text());
                case "Notes" -> notes = Optional.of(xml.text());
                case "Lap" -> laps.add(lap(recording, climb));
                case "Creator" -> device = creatorName();
                default -> xml.skip();
            }
        }
        activities.accept(new Activity(++count, sport, id, notes, device, List.copyOf(laps), recording, climb));
    }

    private Optional<String> creatorName() {
        Optional<String> name = Optional.empty();
        while (xml.nextChild()) {
            if (xml.name().equals("Name")) {
                name = Optional.of(xml.text());
            } else {
                xml.skip();
            }
        }
        return name;
    }

    private Lap lap(Recording recording, Climb climb) {
        Optional<Instant> start = xml.attribute("StartTime").flatMap(XmlCursor::parseTime);
        double time = Double.NaN;
        double distance = Double.NaN;
        double calories = Double.NaN;
        double avgHr = Double.NaN;
        double maxHr = Double.NaN;
        double cadence = Double.NaN;
        double[] extension = {Double.NaN, Double.NaN, Double.NaN};
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "TotalTimeSeconds" -> time = xml.number();
                case "DistanceMeters" -> distance = xml.number();
                case "Calories" -> calories = xml.number();
                case "AverageHeartRateBpm" -> avgHr = value();
                case "MaximumHeartRateBpm" -> maxHr = value();
                case "Cadence" -> cadence = xml.number();
                case "Track" -> track(recording, climb);
                case "Extensions" -> extensions(extension);
                default -> xml.skip();
            }
        }
        double avgCadence = Double.isNaN(cadence) ? extension[CADENCE] : cadence;
        return new Lap(start, time, distance, calories, avgHr, maxHr, avgCadence, extension[POWER], extension[STEPS]);
    }

    private void track(Recording recording, Climb climb) {
        while (xml.nextChild()) {
            if (xml.name().equals("Trackpoint")) {
                trackpoint(recording, climb);
            } else {
                xml.skip();
            }
        }
    }

    private void trackpoint(Recording recording, Climb climb) {
        int line = xml.line();
        @Nullable Instant time = null;
        double altitude = Double.NaN;
        double distance = Double.NaN;
        double hr = Double.NaN;
        double cadence = Double.NaN;
        double[] extension = {Double.NaN, Double.NaN, Double.NaN};
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "Time" -> time = xml.time();
                case "AltitudeMeters" -> altitude = xml.number();
                case "DistanceMeters" -> distance = xml.number();
                case "HeartRateBpm" -> hr = value();
                case "Cadence" -> cadence = xml.number();
                case "Extensions" -> extensions(extension);
                default -> xml.skip();
            }
        }
        if (time == null) {
            throw xml.bad(line, "a <Trackpoint> has no <Time>");
        }
        double anyCadence = Double.isNaN(cadence) ? extension[CADENCE] : cadence;
        if (recording.add(time, distance, hr, anyCadence, extension[POWER], altitude)) {
            climb.next(altitude);
        }
    }

    /** ActivityExtension v2 values anywhere under {@code <Extensions>}, by local name. */
    private void extensions(double[] values) {
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "RunCadence", "AvgRunCadence" -> values[CADENCE] = xml.numberOrNaN();
                case "Watts", "AvgWatts" -> values[POWER] = xml.numberOrNaN();
                case "Steps" -> values[STEPS] = xml.numberOrNaN();
                case "TPX", "LX" -> extensions(values);
                default -> xml.skip();
            }
        }
    }

    /** The {@code <Value>} inside a heart-rate element. */
    private double value() {
        double value = Double.NaN;
        while (xml.nextChild()) {
            if (xml.name().equals("Value")) {
                value = xml.number();
            } else {
                xml.skip();
            }
        }
        return value;
    }
}
