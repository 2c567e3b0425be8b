package dev.td.server.endurance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.events.JsonFields;
import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import dev.td.statistics.sport.BestEffort;
import dev.td.statistics.sport.BestEfforts;
import dev.td.statistics.sport.Lap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Best efforts per sport at the standard distances ({@link BestEfforts}, {@link #effortsOf}), kept two ways so that
 * every question reads few rows, whatever the years of history:
 *
 * <ul>
 *   <li>key {@code run/2026-10}: every activity's efforts of that sport and calendar month (where it started), so a
 *       period reads only its months and keeps to its days where it cuts one;
 *   <li>key {@code run}: per distance, the {@link #ALL_TIME_KEPT} fastest efforts of that sport of all time, one per
 *       activity: the best and the one it beat, which log_activity answers with.
 * </ul>
 *
 * An id logged again replaces its efforts under the keys of its new event. Sports are snake_case and never hold a
 * {@code /}, so the two kinds of key cannot meet.
 */
final class BestEffortsProjection extends NamedProjection<BestEffortsProjection.Kept> {

    static final String NAME = "best_efforts";

    /**
     * Efforts kept per distance under an all-time key: the best and the one it beat, and one more so that an id
     * logged again with a slower effort still leaves the true best in place.
     */
    static final int ALL_TIME_KEPT = 3;

    /** The names of {@link BestEfforts#STANDARD_DISTANCES_METRES}, in their order. */
    static final List<String> DISTANCE_NAMES = List.of("1k", "5k", "10k", "half_marathon", "marathon");

    /** The efforts kept under one key, by distance (shortest first), then fastest first. */
    record Kept(String key, List<Effort> efforts) {
        Kept {
            Objects.requireNonNull(key, "key");
            efforts = List.copyOf(efforts);
        }
    }

    /**
     * One activity's fastest time over one standard distance.
     *
     * @param distanceM the standard distance, metres
     * @param seconds   the time taken
     * @param coveredM  the distance covered: {@code distanceM} from samples, the laps' total from laps
     * @param source    {@code samples} or {@code laps}
     * @param date      the day the activity started on, where it happened
     */
    record Effort(double distanceM, double seconds, double coveredM, String source, String activityId, String date) {
        Effort {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(activityId, "activityId");
            Objects.requireNonNull(date, "date");
        }

        static Effort of(BestEffort e, String activityId, String date) {
            return new Effort(
                    e.distanceMetres(),
                    e.seconds(),
                    e.coveredMetres(),
                    e.source() == BestEffort.Source.STREAM ? "samples" : "laps",
                    activityId,
                    date);
        }

        /** {@code 1k}, {@code 5k}, {@code 10k}, {@code half_marathon} or {@code marathon}. */
        String distanceName() {
            return DISTANCE_NAMES.get(BestEfforts.STANDARD_DISTANCES_METRES.indexOf(distanceM));
        }
    }

    /** By distance, then fastest first; of equal times the earlier day, then the smaller id. */
    static final Comparator<Effort> FASTEST = Comparator.comparingDouble(Effort::distanceM)
            .thenComparingDouble(Effort::seconds)
            .thenComparing(Effort::date)
            .thenComparing(Effort::activityId);

    BestEffortsProjection() {
        super(NAME, 1, Kept.class);
    }

    /** The all-time key of a sport: {@code run}. */
    static String allTimeKey(String sport) {
        return sport;
    }

    /** The key of a sport's month: {@code run/2026-10} for a day of October 2026. */
    static String monthKey(String sport, String date) {
        return sport + "/" + ActivityPointsProjection.monthOf(date);
    }

    @Override
    public Kept empty(String key) {
        return new Kept(key, List.of());
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.ActivityLogged a
                ? List.of(allTimeKey(a.sport()), monthKey(a.sport(), a.date().toString()))
                : List.of();
    }

    @Override
    public Kept apply(Kept kept, TrainingEvent event) {
        if (!(event instanceof TrainingEvent.ActivityLogged logged)) {
            return kept;
        }
        String date = logged.date().toString();
        List<Effort> efforts = new ArrayList<>(kept.efforts());
        efforts.removeIf(e -> e.activityId().equals(logged.activityId()));
        effortsOf(logged.data()).forEach(e -> efforts.add(Effort.of(e, logged.activityId(), date)));
        efforts.sort(FASTEST);
        return new Kept(kept.key(), kept.key().contains("/") ? efforts : fastest(efforts, ALL_TIME_KEPT));
    }

    /** The first {@code n} of each distance of a list in {@link #FASTEST} order. */
    static List<Effort> fastest(List<Effort> sorted, int n) {
        List<Effort> out = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < sorted.size(); i++) {
            run = i > 0 && sorted.get(i - 1).distanceM() == sorted.get(i).distanceM() ? run + 1 : 0;
            if (run < n) {
                out.add(sorted.get(i));
            }
        }
        return out;
    }

    /**
     * The best efforts of one logged activity, shortest distance first; empty when it has neither a distance stream
     * nor laps. From its samples where they carry a distance stream, the more exact source (an effort starts and
     * ends anywhere, interpolated between samples), else from its laps (runs of whole laps adding up to the
     * distance). The faster of the two is not taken: laps are the coarser record of the same activity, not a second
     * attempt.
     *
     * <p>Samples are used as logged, but a fold must never fail on data the log accepted: samples without a time or
     * a distance are skipped, and so is one that goes back in distance (a GPS glitch) or gains distance in no time. A
     * lap counts with its distance and its elapsed time (else its moving time); one lacking either splits the laps,
     * as no run of laps can span it.
     */
    static List<BestEffort> effortsOf(JsonNode data) {
        try {
            Optional<double[][]> stream = stream(data.path("samples"));
            if (stream.isPresent()) {
                return BestEfforts.fromStream(stream.get()[0], stream.get()[1]);
            }
            return fromLaps(data.path("laps"));
        } catch (IllegalArgumentException e) {
            // BestEfforts refused what the cleaning let through: no efforts rather than a fold that fails
            return List.of();
        }
    }

    /**
     * Cumulative distance and elapsed time of the samples that carry both, cleaned; empty unless they cover some
     * distance (a treadmill's zeros leave the laps to speak).
     */
    private static Optional<double[][]> stream(JsonNode samples) {
        JsonNode time = samples.path("time_s");
        JsonNode distance = samples.path("distance_m");
        if (!time.isArray() || !distance.isArray()) {
            return Optional.empty();
        }
        int n = Math.min(time.size(), distance.size());
        double[] d = new double[n];
        double[] t = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            JsonNode ti = time.get(i);
            JsonNode di = distance.get(i);
            if (!ti.isNumber() || !di.isNumber()) {
                continue;
            }
            double tv = ti.doubleValue();
            double dv = di.doubleValue();
            boolean usable = tv >= 0 && dv >= 0 && Double.isFinite(tv) && Double.isFinite(dv);
            boolean forward = k == 0 || (tv >= t[k - 1] && dv >= d[k - 1] && (tv > t[k - 1] || dv == d[k - 1]));
            if (usable && forward) {
                d[k] = dv;
                t[k] = tv;
                k++;
            }
        }
        return k < 2 || d[k - 1] <= d[0]
                ? Optional.empty()
                : Optional.of(new double[][] {Arrays.copyOf(d, k), Arrays.copyOf(t, k)});
    }

    /** The fastest run of whole laps per standard distance, over the stretches of laps with distance and time. */
    private static List<BestEffort> fromLaps(JsonNode laps) {
        List<List<Lap>> stretches = new ArrayList<>();
        List<Lap> current = new ArrayList<>();
        for (JsonNode l : laps) {
            OptionalDouble metres = Activity.metres(l.get("distance"));
            OptionalDouble elapsed = JsonFields.number(l, "elapsed_s");
            OptionalDouble seconds = elapsed.isPresent() ? elapsed : JsonFields.number(l, "moving_s");
            if (metres.isPresent()
                    && metres.getAsDouble() >= 0
                    && Double.isFinite(metres.getAsDouble())
                    && seconds.isPresent()
                    && seconds.getAsDouble() > 0
                    && Double.isFinite(seconds.getAsDouble())) {
                current.add(new Lap(metres.getAsDouble(), seconds.getAsDouble()));
            } else if (!current.isEmpty()) {
                stretches.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            stretches.add(current);
        }
        List<BestEffort> efforts = new ArrayList<>();
        for (double target : BestEfforts.STANDARD_DISTANCES_METRES) {
            stretches.stream()
                    .flatMap(s -> BestEfforts.fromLaps(s, target).stream())
                    .min((a, b) -> Double.compare(a.seconds(), b.seconds()))
                    .ifPresent(efforts::add);
        }
        return efforts;
    }
}
