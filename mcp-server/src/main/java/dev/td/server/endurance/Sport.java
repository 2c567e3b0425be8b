package dev.td.server.endurance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * How a sport's speed is read and the range a human covers in it. Runs, walks and hikes are read as a pace per
 * kilometre (and mile), swims per 100 m, rows per 500 m (the erg's split), everything else as a speed. Any
 * snake_case sport is accepted; the known ones carry a plausible range, checked over a distance long enough for
 * the average to mean something (a 100 m sprint is faster per km than any 10 km):
 *
 * <ul>
 *   <li>run: 2:00–30:00 /km over 1 km or more. The fastest 1500 m and mile on record average about 2:17 /km
 *       (1500 m 3:26.00, H. El Guerrouj, 1998); slower than 30:00 /km (2 km/h) is a walk or a stopped watch.
 *   <li>walk: 3:00–60:00 /km over 1 km or more (race walking at world-record pace is about 3:48 /km over 20 km).
 *   <li>hike: 4:00 /km–2:00:00 /km over 1 km or more (steep ground is slow; faster than 15 km/h is a run).
 *   <li>swim: 0:45–10:00 /100 m over 100 m or more (100 m freestyle on record: 46.40 s, Pan Zhanle, 2024).
 *   <li>row: 1:10–6:00 /500 m over 1 km or more (the fastest eights and ergs hold about 1:20 /500 m over 2 km).
 *   <li>ride: 3–100 km/h over 1 km or more (the hour record is 56.792 km, F. Ganna, 2022).
 *   <li>ski: 1–120 km/h over 1 km or more (alpine downhill races average about 100 km/h).
 * </ul>
 *
 * @param name    the sport as logged ({@code run}, {@code kayak}…)
 * @param measure how its speed is read
 * @param range   the plausible range, for the known sports
 */
record Sport(String name, Measure measure, Optional<Range> range) {

    /** How a speed is shown: a pace per some distance, or a speed. */
    enum Measure {
        PACE_PER_KM(1000),
        PACE_PER_100M(100),
        PACE_PER_500M(500),
        SPEED(1000);

        private final double metres;

        Measure(double metres) {
            this.metres = metres;
        }

        boolean pace() {
            return this != SPEED;
        }

        /** Seconds per unit distance for a pace, km/h for a speed. */
        double of(double distanceM, double seconds) {
            return pace() ? seconds / (distanceM / metres) : (distanceM / 1000) / (seconds / 3600);
        }

        /** {@code "/km"}, {@code "/100 m"}, {@code "/500 m"} or {@code " km/h"}, as ranges are written. */
        String suffix() {
            return switch (this) {
                case PACE_PER_KM -> " /km";
                case PACE_PER_100M -> " /100 m";
                case PACE_PER_500M -> " /500 m";
                case SPEED -> " km/h";
            };
        }

        /** A value of this measure as text: {@code 5:15 /km}, {@code 25.3 km/h}. */
        String text(double value) {
            return (pace() ? Durations.pace(value) : Durations.round(value, 1).toPlainString()) + suffix();
        }

        /** The unit of a trend's slope in the person's units: {@code s/km}, {@code s/mi}, {@code km/h}, {@code mph}. */
        String trendUnit(boolean imperial) {
            return switch (this) {
                case PACE_PER_KM -> imperial ? "s/mi" : "s/km";
                case PACE_PER_100M -> "s/100m";
                case PACE_PER_500M -> "s/500m";
                case SPEED -> imperial ? "mph" : "km/h";
            };
        }

        /** A value of this measure in the person's units (a pace per km becomes one per mile, km/h becomes mph). */
        double inUnits(double value, boolean imperial) {
            if (!imperial) {
                return value;
            }
            return switch (this) {
                case PACE_PER_KM -> value * Lengths.METRES_PER_MILE / 1000;
                case SPEED -> value * 1000 / Lengths.METRES_PER_MILE;
                default -> value;
            };
        }
    }

    /**
     * Plausible values, in the measure's unit: for a pace {@code fastest} is the fewest seconds per unit distance
     * and {@code slowest} the most; for a speed, the highest and lowest km/h.
     *
     * @param minDistanceM the distance from which the range is checked
     */
    record Range(double fastest, double slowest, double minDistanceM) {}

    private static final Map<String, Sport> KNOWN = Map.of(
            "run", new Sport("run", Measure.PACE_PER_KM, Optional.of(new Range(120, 1800, 1000))),
            "walk", new Sport("walk", Measure.PACE_PER_KM, Optional.of(new Range(180, 3600, 1000))),
            "hike", new Sport("hike", Measure.PACE_PER_KM, Optional.of(new Range(240, 7200, 1000))),
            "swim", new Sport("swim", Measure.PACE_PER_100M, Optional.of(new Range(45, 600, 100))),
            "row", new Sport("row", Measure.PACE_PER_500M, Optional.of(new Range(70, 360, 1000))),
            "ride", new Sport("ride", Measure.SPEED, Optional.of(new Range(100, 3, 1000))),
            "ski", new Sport("ski", Measure.SPEED, Optional.of(new Range(120, 1, 1000))));

    /** The sport of this name: a known one with its range, any other read as a speed without one. */
    static Sport of(String name) {
        Sport known = KNOWN.get(name);
        return known != null ? known : new Sport(name, Measure.SPEED, Optional.empty());
    }

    /** Whether {@code value} (in the measure's unit) lies outside the range; never for sports without one. */
    boolean outside(double value) {
        return range.map(r -> measure.pace()
                        ? value < r.fastest() || value > r.slowest()
                        : value > r.fastest() || value < r.slowest())
                .orElse(false);
    }

    /** The range as text: {@code 2:00–30:00 /km over 1 km or more}. */
    String rangeText() {
        Range r = range.orElseThrow();
        String over = r.minDistanceM() >= 1000
                ? Durations.round(r.minDistanceM() / 1000, 1).toPlainString() + " km"
                : Durations.round(r.minDistanceM(), 0).toPlainString() + " m";
        String span = measure.pace()
                ? Durations.pace(r.fastest()) + "–" + Durations.pace(r.slowest())
                : Durations.round(r.slowest(), 1).toPlainString() + "–"
                        + Durations.round(r.fastest(), 1).toPlainString();
        return span + measure.suffix() + " over " + over + " or more";
    }

    /**
     * The pace (per km and mile; per 100 m and 100 yd; per 500 m) of a pace sport, as text; the speed (km/h and
     * mph) of the others.
     */
    ObjectNode speedJson(double distanceM, double seconds) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        switch (measure) {
            case PACE_PER_KM -> {
                n.put("per_km", Durations.pace(seconds / (distanceM / 1000)));
                n.put("per_mi", Durations.pace(seconds / (distanceM / Lengths.METRES_PER_MILE)));
            }
            case PACE_PER_100M -> {
                n.put("per_100m", Durations.pace(seconds / (distanceM / 100)));
                n.put("per_100yd", Durations.pace(seconds / (distanceM / (100 * Lengths.METRES_PER_YARD))));
            }
            case PACE_PER_500M -> n.put("per_500m", Durations.pace(seconds / (distanceM / 500)));
            case SPEED -> {
                n.put("kmh", Durations.round(distanceM / 1000 / (seconds / 3600), 2));
                n.put("mph", Durations.round(distanceM / Lengths.METRES_PER_MILE / (seconds / 3600), 2));
            }
        }
        return n;
    }
}
