package dev.td.importers.apple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A workout's route points, inline ({@code <Location>} in older exports) or from the GPX file the workout references
 * (newer ones), turned into the activity's {@code samples}: seconds since the start, altitude, and distance along the
 * way (haversine on a sphere of the Earth's mean radius, 6,371,008.8 m, IUGG).
 *
 * <p>Only points between the workout's start and end are kept: Apple has linked routes to workouts years apart (the
 * healthkit-to-sqlite sample's 2016 run references a 2019 GPX), and a point before the start would have a negative
 * time. What is left out is reported.
 */
final class Route {

    /** The schema's limit on samples. */
    static final int MAX_POINTS = 100_000;

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** One fix: when, where, and the altitude when the file gives one. */
    record Point(
            long epochMillis,
            double latitude,
            double longitude,
            @Nullable Double altitude) {}

    /** What became of a route: the samples, or why there are none, and what was dropped. */
    record Samples(Optional<ObjectNode> samples, List<String> notes) {}

    private final List<Point> points = new ArrayList<>();

    void add(Point point) {
        points.add(point);
    }

    void addAll(List<Point> more) {
        points.addAll(more);
    }

    boolean isEmpty() {
        return points.isEmpty();
    }

    /** An inline {@code <Location date=… latitude=… longitude=… altitude=…/>}; empty when it lacks a date or place. */
    static Optional<Point> location(XMLStreamReader reader) {
        String date = null;
        String latitude = null;
        String longitude = null;
        String altitude = null;
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            switch (reader.getAttributeLocalName(i)) {
                case "date" -> date = reader.getAttributeValue(i);
                case "latitude" -> latitude = reader.getAttributeValue(i);
                case "longitude" -> longitude = reader.getAttributeValue(i);
                case "altitude" -> altitude = reader.getAttributeValue(i);
                default -> {}
            }
        }
        if (date == null || latitude == null || longitude == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Point(
                    HealthDate.parse(date).epochSecond() * 1000,
                    Double.parseDouble(latitude),
                    Double.parseDouble(longitude),
                    altitude == null ? null : Double.valueOf(altitude)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The track points of an Apple route GPX ({@code trkpt} with {@code lat}, {@code lon}, {@code ele}, {@code time}).
     * Points without a time or place are left out.
     */
    static List<Point> gpx(InputStream in, String name) throws IOException, XMLStreamException {
        XMLStreamReader reader = XmlInput.open(in, name);
        List<Point> out = new ArrayList<>();
        try {
            String lat = null;
            String lon = null;
            String ele = null;
            String time = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "trkpt", "rtept" -> {
                            lat = reader.getAttributeValue(null, "lat");
                            lon = reader.getAttributeValue(null, "lon");
                            ele = null;
                            time = null;
                        }
                        case "ele" -> ele = reader.getElementText().strip();
                        case "time" -> time = reader.getElementText().strip();
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && (reader.getLocalName().equals("trkpt")
                                || reader.getLocalName().equals("rtept"))) {
                    gpxPoint(lat, lon, ele, time).ifPresent(out::add);
                }
            }
        } finally {
            reader.close();
        }
        return out;
    }

    private static Optional<Point> gpxPoint(
            @Nullable String lat, @Nullable String lon, @Nullable String ele, @Nullable String time) {
        if (lat == null || lon == null || time == null) {
            return Optional.empty();
        }
        try {
            Instant at = OffsetDateTime.parse(time).toInstant();
            return Optional.of(new Point(
                    at.toEpochMilli(),
                    Double.parseDouble(lat),
                    Double.parseDouble(lon),
                    ele == null || ele.isEmpty() ? null : Double.valueOf(ele)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The samples of the points between {@code startMillis} and {@code endMillis} (both included), at most
     * {@link #MAX_POINTS} of them (evenly thinned beyond).
     */
    Samples samples(long startMillis, long endMillis) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingLong(Point::epochMillis));
        List<Point> inside = sorted.stream()
                .filter(p -> p.epochMillis() >= startMillis && p.epochMillis() <= endMillis)
                .toList();
        List<String> notes = new ArrayList<>();
        if (inside.isEmpty()) {
            notes.add("its " + sorted.size() + " route points are dated "
                    + Instant.ofEpochMilli(sorted.getFirst().epochMillis()) + " to "
                    + Instant.ofEpochMilli(sorted.getLast().epochMillis())
                    + ", none between the workout's start and end; the route is left out");
            return new Samples(Optional.empty(), notes);
        }
        if (inside.size() < sorted.size()) {
            notes.add((sorted.size() - inside.size()) + " of " + sorted.size()
                    + " route points lie outside the workout's start and end and are left out");
        }
        List<Point> kept = inside;
        if (inside.size() > MAX_POINTS) {
            int step = (inside.size() + MAX_POINTS - 1) / MAX_POINTS;
            List<Point> thinned = new ArrayList<>();
            for (int i = 0; i < inside.size(); i += step) {
                thinned.add(inside.get(i));
            }
            kept = thinned;
            notes.add("the route's " + inside.size() + " points are thinned to one in " + step + " (" + kept.size()
                    + "), td keeps at most " + MAX_POINTS);
        }
        return new Samples(Optional.of(toSamples(kept, startMillis)), notes);
    }

    private static ObjectNode toSamples(List<Point> kept, long startMillis) {
        ObjectNode samples = JsonNodeFactory.instance.objectNode();
        ArrayNode time = samples.putArray("time_s");
        ArrayNode distance = samples.putArray("distance_m");
        boolean anyAltitude = kept.stream().anyMatch(p -> p.altitude() != null);
        ArrayNode altitude = anyAltitude ? samples.putArray("altitude_m") : null;
        double travelled = 0;
        Point previous = null;
        for (Point point : kept) {
            if (previous != null) {
                travelled += haversine(previous, point);
            }
            time.add((point.epochMillis() - startMillis) / 1000.0);
            distance.add(travelled);
            if (altitude != null) {
                Double metres = point.altitude();
                if (metres != null && metres >= -1000 && metres <= 10_000) {
                    altitude.add(metres);
                } else {
                    altitude.addNull();
                }
            }
            previous = point;
        }
        return samples;
    }

    /** Great-circle distance in metres. */
    static double haversine(Point a, Point b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
