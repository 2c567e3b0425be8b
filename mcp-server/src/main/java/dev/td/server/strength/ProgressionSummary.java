package dev.td.server.strength;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * get_exercise_progression's default answer ({@code detail: summary}): the newest {@value #SESSIONS} sessions of the
 * period instead of every one (a session is ~400 characters, a year of bench ~17,000), how many are left out, and per
 * calendar month the sessions and the best e1RM, so the shape of the year stays visible. The trend and the bests are
 * computed from every session either way.
 */
final class ProgressionSummary {

    /** Sessions listed: two to three weeks of a lift trained two or three times a week. */
    static final int SESSIONS = 8;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProgressionSummary() {}

    /**
     * Replaces {@code data.sessions} (every session of the period, oldest first) by its newest {@value #SESSIONS}
     * and adds {@code sessions_shown}, {@code more} and {@code months}.
     *
     * @param inPeriod the sessions of the period, oldest first, as {@code data.sessions} shows them
     */
    static void apply(ObjectNode data, List<ExerciseProgressionProjection.Point> inPeriod, Units units) {
        JsonNode all = data.get("sessions");
        ArrayNode shown = JSON.arrayNode();
        for (int i = Math.max(0, all.size() - SESSIONS); i < all.size(); i++) {
            shown.add(all.get(i));
        }
        data.set("sessions", shown);
        data.put("sessions_shown", shown.size());
        data.put("more", all.size() - shown.size());
        data.set("months", months(inPeriod, units));
    }

    /** Per calendar month from the first session's to the last one's: sessions and best e1RM (0 and null between). */
    static ArrayNode months(List<ExerciseProgressionProjection.Point> points, Units units) {
        TreeMap<YearMonth, List<ExerciseProgressionProjection.Point>> byMonth = points.stream()
                .collect(Collectors.groupingBy(
                        p -> YearMonth.from(LocalDate.parse(p.date())), TreeMap::new, Collectors.toList()));
        ArrayNode months = JSON.arrayNode();
        if (byMonth.isEmpty()) {
            return months;
        }
        for (YearMonth m = byMonth.firstKey(); !m.isAfter(byMonth.lastKey()); m = m.plusMonths(1)) {
            List<ExerciseProgressionProjection.Point> in = byMonth.getOrDefault(m, List.of());
            OptionalDouble best = in.stream()
                    .flatMap(p -> p.bestE1rm().stream())
                    .mapToDouble(ExerciseProgressionProjection.BestE1rm::kg)
                    .max();
            ObjectNode month = months.addObject();
            month.put("month", m.toString());
            month.put("sessions", in.size());
            month.set("best_e1rm", best.isPresent() ? units.load(best.getAsDouble()) : JSON.nullNode());
        }
        return months;
    }
}
