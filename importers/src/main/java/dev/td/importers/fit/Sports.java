package dev.td.importers.fit;

import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** FIT sport and sub-sport to td's sport name, and how td counts each sport's cadence. */
final class Sports {

    private static final Pattern TD_SPORT = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

    /** Sports whose FIT cadence counts strides (one foot), which td stores as steps per minute. */
    private static final Set<String> STEPPING = Set.of("run", "walk", "hike");

    private Sports() {}

    /**
     * td's name: run, ride, walk, swim, row, hike, ski, transition, other, else the SDK's name in lower case
     * ({@code e_biking}). Fitness equipment goes by its sub-sport (indoor rowing → row, treadmill → run, indoor
     * cycling → ride, elliptical → elliptical).
     */
    static String of(@Nullable Sport sport, @Nullable SubSport subSport) {
        if (sport == null) {
            return "other";
        }
        return switch (sport) {
            case RUNNING -> "run";
            case CYCLING -> "ride";
            case WALKING -> "walk";
            case SWIMMING -> "swim";
            case ROWING -> "row";
            case HIKING -> "hike";
            case CROSS_COUNTRY_SKIING, ALPINE_SKIING -> "ski";
            case TRANSITION -> "transition";
            case FITNESS_EQUIPMENT -> equipment(subSport);
            case GENERIC, ALL, INVALID -> "other";
            default -> named(sport.name());
        };
    }

    private static String equipment(@Nullable SubSport subSport) {
        if (subSport == null) {
            return "fitness_equipment";
        }
        return switch (subSport) {
            case INDOOR_ROWING -> "row";
            case TREADMILL, INDOOR_RUNNING -> "run";
            case INDOOR_CYCLING -> "ride";
            case INDOOR_WALKING -> "walk";
            case GENERIC, ALL, INVALID -> "fitness_equipment";
            default -> named(subSport.name());
        };
    }

    private static String named(String sdkName) {
        String name = sdkName.toLowerCase(Locale.ROOT);
        return TD_SPORT.matcher(name).matches() ? name : "other";
    }

    /** Whether td stores this sport's cadence as steps per minute (twice FIT's strides per minute). */
    static boolean countsSteps(String tdSport) {
        return STEPPING.contains(tdSport);
    }

    /** FIT cadence (with its fractional part) as td stores it for the sport. */
    static double cadence(String tdSport, double fitRpm) {
        return countsSteps(tdSport) ? 2 * fitRpm : fitRpm;
    }
}
