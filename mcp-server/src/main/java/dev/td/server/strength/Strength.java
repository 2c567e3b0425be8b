package dev.td.server.strength;

import dev.td.server.capability.Published;
import dev.td.server.profile.DayRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.UUID;

/**
 * A person's strength training as other capabilities read it: one point per session of an exercise (the
 * exercise_progression projection) and the volume load of each day (the weekly_volume projection), loads in kg,
 * and the unit the person sees loads in. Read from projections, never from the log.
 */
@Published
public interface Strength {

    /** The scope that reads training: sessions, sets, records, progressions, the training load. */
    String READ = "training:read";

    /**
     * One session's result for one exercise.
     *
     * @param e1rmKg      the best estimated 1RM of the session's sets ({@link E1rm}); empty when no set gives one
     * @param e1rmMethod  how that estimate was made: {@code epley} or {@code rts_rpe}
     * @param topWeightKg the heaviest working set's load; empty when no set had a load
     * @param volumeKg    load × reps over the working sets
     * @param workingSets sets that are not warm-ups
     * @param hardSets    working sets with an effective RPE of 7 or more (RIR 3 or less), or no effort given
     */
    record SessionPoint(
            String sessionId,
            LocalDate date,
            OptionalDouble e1rmKg,
            Optional<String> e1rmMethod,
            OptionalDouble topWeightKg,
            double volumeKg,
            int workingSets,
            int hardSets) {

        public SessionPoint {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(e1rmKg, "e1rmKg");
            Objects.requireNonNull(e1rmMethod, "e1rmMethod");
            Objects.requireNonNull(topWeightKg, "topWeightKg");
        }
    }

    /** The sessions of an exercise (a catalog id) on the days of {@code days}, in date order. */
    List<SessionPoint> sessions(UUID user, String exerciseId, DayRange days);

    /**
     * Every exercise trained on the days of {@code days}, by its name, with its sessions there in date order (one
     * read of the person's exercise_progression rows).
     */
    java.util.Map<String, List<SessionPoint>> sessionsByExercise(UUID user, DayRange days);

    /** The volume load (kg, every exercise's working sets) of each day of {@code days} with training; other days left out. */
    SortedMap<LocalDate, Double> dailyVolumeKg(UUID user, DayRange days);

    /** The unit the person sees loads in (their profile's, else kg). */
    Units units(UUID user);
}
