package dev.td.importers;

import java.util.Arrays;
import java.util.Optional;

/** A file format td imports, by the name a caller uses for it ({@code fit}, {@code apple_health}). */
public enum Format {
    FIT("fit", "Garmin/Coros/Wahoo FIT: activities (multisport, laps, records), weight scale"),
    GPX("gpx", "GPX 1.1 tracks with Garmin heart-rate/cadence/power extensions"),
    TCX("tcx", "Garmin Training Center XML: activities, laps, trackpoints"),
    APPLE_HEALTH("apple_health", "Apple Health export.zip or export.xml: workouts, body mass, heart rate, HRV, sleep"),
    STRAVA("strava", "Strava bulk export: activities.csv (and the zip with its activity files)"),
    STRONG("strong", "Strong app CSV export (the unit is not in the file: give weight_unit)"),
    HEVY("hevy", "Hevy app CSV export"),
    WHOOP(
            "whoop",
            "WHOOP data export: the zip (or one of its CSVs): recovery, HRV, resting heart rate, sleep, strain, workouts"),
    OURA("oura", "Oura export: App Data zip or CSVs, JSON or trends CSV: sleep, readiness, HRV, heart rate, steps"),
    TD("td", "A td export zip: the effective log of another td");

    private final String id;
    private final String description;

    Format(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name callers use ({@code apple_health}). */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Optional<Format> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
