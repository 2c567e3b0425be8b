package dev.td.importers.track;

import dev.td.importers.DraftSink;
import dev.td.importers.Format;
import dev.td.importers.ImportException;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * GPX 1.0/1.1 tracks: each {@code <trk>} with points becomes one {@code activity.logged} (see {@link GpxTrack} for the
 * values derived from positions and times). Heart rate, cadence and power come from the point's {@code <extensions>}
 * by local name, whatever the prefix or version: Garmin's TrackPointExtension v1/v2 {@code hr} and {@code cad}, and
 * {@code power} (also {@code heartrate}, {@code cadence}, {@code watts}).
 *
 * <p>A GPX names no sport unless the track has a {@code <type>}: without one the sport is {@code other}, for the person
 * to correct. The record id is the first point's time and position (5 decimals) and the point count, which a
 * re-export of the same recording keeps. Waypoints and routes are not recorded activities: a file with only those is
 * refused, and alongside tracks they are reported as skipped. Every point must have a {@code <time>}.
 */
public final class GpxImporter implements Importer {

    @Override
    public Format format() {
        return Format.GPX;
    }

    /** A root element {@code <gpx>}; or, when the head does not show the root, the name {@code .gpx}. */
    @Override
    public boolean recognizes(SourceFile file) {
        if (file.isZip() || file.isGzip()) {
            return false;
        }
        return XmlHead.rootName(file)
                .map("gpx"::equals)
                .orElseGet(() -> file.lowerName().endsWith(".gpx") && XmlHead.mayBeXml(file));
    }

    @Override
    public void read(SourceFile file, ImportOptions options, DraftSink sink) {
        try (XmlCursor xml = XmlCursor.open(file)) {
            if (!xml.name().equals("gpx")) {
                throw ImportException.badFile(file.name() + " is not a GPX file: its root element is <" + xml.name()
                        + ">, not <gpx>. Import it as the format it is");
            }
            new Reading(file, xml, sink).document();
        }
    }

    /** The state of reading one file. */
    private static final class Reading {

        /** Where a point's extension values go in the array {@link #extensions} fills. */
        private static final int HR = 0;

        private static final int CADENCE = 1;
        private static final int POWER = 2;

        private final SourceFile file;
        private final XmlCursor xml;
        private final DraftSink sink;
        private final Optional<String> creator;
        private Optional<String> fileName = Optional.empty();
        private int tracks;
        private int drafts;
        private int waypoints;
        private int routes;

        Reading(SourceFile file, XmlCursor xml, DraftSink sink) {
            this.file = file;
            this.xml = xml;
            this.sink = sink;
            this.creator = xml.attribute("creator");
        }

        void document() {
            while (xml.nextChild()) {
                switch (xml.name()) {
                    case "metadata" -> metadata();
                    case "name" -> fileName = nonBlank(xml.text()); // GPX 1.0 names the file at the root
                    case "trk" -> track();
                    case "wpt" -> {
                        waypoints++;
                        xml.skip();
                    }
                    case "rte" -> {
                        routes++;
                        xml.skip();
                    }
                    default -> xml.skip();
                }
            }
            xml.finish();
            String others = count(waypoints, "waypoint") + " and " + count(routes, "route");
            if (drafts == 0) {
                throw ImportException.badFile(file.name() + " has no track points (only " + others + "): td imports"
                        + " recorded tracks. Export the activity itself as GPX, not a course, route or list of places");
            }
            if (waypoints + routes > 0) {
                sink.skipped(others, "not recorded activities: only the tracks are imported");
            }
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        private void metadata() {
            while (xml.nextChild()) {
                if (xml.name().equals("name")) {
                    fileName = nonBlank(xml.text());
                } else {
                    xml.skip();
                }
            }
        }

        private void track() {
            GpxTrack track = new GpxTrack(++tracks);
            int line = xml.line();
            while (xml.nextChild()) {
                switch (xml.name()) {
                    case "name" -> track.name(xml.text());
                    case "type" -> track.type(xml.text());
                    case "trkseg" -> segment(track);
                    default -> xml.skip();
                }
            }
            if (track.points() == 0) {
                sink.skipped("track " + tracks + " (line " + line + ")", "it has no track points");
                return;
            }
            if (track.untimed() == track.points()) {
                throw xml.bad(
                        line,
                        "track " + tracks + " has no times: it is a planned route, not a recorded"
                                + " activity, and td imports recorded tracks");
            }
            if (track.untimed() > 0) {
                throw xml.bad(
                        track.firstUntimedLine(),
                        "this track point has no <time> (" + track.untimed() + " of "
                                + track.points() + " points of track " + tracks + " have none) and td needs the time of"
                                + " every point");
            }
            sink.accept(track.draft(fileName, creator, sink));
            drafts++;
        }

        private void segment(GpxTrack track) {
            track.startSegment();
            while (xml.nextChild()) {
                if (xml.name().equals("trkpt")) {
                    point(track);
                } else {
                    xml.skip();
                }
            }
        }

        private void point(GpxTrack track) {
            int line = xml.line();
            double lat = coordinate("lat", 90, line);
            double lon = coordinate("lon", 180, line);
            @Nullable Instant time = null;
            double ele = Double.NaN;
            double[] extension = {Double.NaN, Double.NaN, Double.NaN};
            while (xml.nextChild()) {
                switch (xml.name()) {
                    case "ele" -> ele = xml.number();
                    case "time" -> time = xml.time();
                    case "extensions" -> extensions(extension);
                    default -> xml.skip();
                }
            }
            track.point(lat, lon, time, ele, extension[HR], extension[CADENCE], extension[POWER], line);
        }

        /** Heart rate, cadence and power anywhere under {@code <extensions>}, by local name. */
        private void extensions(double[] values) {
            while (xml.nextChild()) {
                switch (xml.name()) {
                    case "hr", "heartrate" -> values[HR] = xml.numberOrNaN();
                    case "cad", "cadence" -> values[CADENCE] = xml.numberOrNaN();
                    case "power", "watts" -> values[POWER] = xml.numberOrNaN();
                    default -> extensions(values);
                }
            }
        }

        private double coordinate(String attribute, double limit, int line) {
            String text = xml.attribute(attribute)
                    .orElseThrow(() -> xml.bad(line, "a <trkpt> has no " + attribute + " attribute"));
            try {
                double value = Double.parseDouble(text);
                if (Math.abs(value) <= limit) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw xml.bad(line, "a <trkpt> has " + attribute + "=\"" + text + "\", not a coordinate");
        }

        private static Optional<String> nonBlank(String text) {
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        }
    }
}
