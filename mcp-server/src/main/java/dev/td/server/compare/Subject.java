package dev.td.server.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a comparison compares, as asked: exactly one of {@code exercise}, {@code sport}, {@code metric} or
 * {@code total}, and the {@code measure} that fits it (each subject has its default). Names are not resolved
 * here: the tool resolves them against the person's data.
 *
 * @param kind    {@code exercise}, {@code sport}, {@code metric} or {@code total}
 * @param said    the subject as the call named it ({@code bench}, {@code run}, {@code HRV}, {@code load})
 * @param measure the measure: e1rm, top_weight, volume, hard_sets; distance, duration, pace, speed; value; or, for a
 *                total, the total's own name (load, volume, minutes)
 */
record Subject(String kind, String said, String measure) {

    static final String EXERCISE = "exercise";
    static final String SPORT = "sport";
    static final String METRIC = "metric";
    static final String TOTAL = "total";

    private static final List<String> KINDS = List.of(EXERCISE, SPORT, METRIC, TOTAL);

    /** Sports whose speed is read as a pace (min per km or mi; a swim per 100 m or yd). */
    static final Set<String> PACE_SPORTS = Set.of("run", "walk", "hike", "swim");

    /** The measures of each kind, the default first. */
    static List<String> measures(String kind) {
        return switch (kind) {
            case EXERCISE -> List.of("e1rm", "top_weight", "volume", "hard_sets");
            case SPORT -> List.of("distance", "duration", "pace", "speed");
            case METRIC -> List.of("value");
            default -> List.of();
        };
    }

    /** Reads the subject and measure of a call's arguments; a refusal names the field and what fits. */
    static Subject of(JsonNode args) {
        List<String> given = new ArrayList<>();
        for (String kind : KINDS) {
            if (args.has(kind)) {
                given.add(kind);
            }
        }
        if (given.isEmpty()) {
            throw ToolException.invalid(
                    "$",
                    "name what to compare: one of exercise (\"bench\"), sport (\"run\"), metric (\"resting heart"
                            + " rate\") or total (\"load\", \"volume\", \"minutes\")");
        }
        if (given.size() > 1) {
            throw ToolException.invalid(
                    "$." + given.get(1),
                    "compare one subject at a time: " + String.join(" and ", given) + " were given; keep one of them"
                            + " and ask again for the other");
        }
        String kind = given.getFirst();
        String said = args.get(kind).asText();
        Optional<String> measure = Optional.ofNullable(args.get("measure")).map(JsonNode::asText);
        if (kind.equals(TOTAL)) {
            if (measure.isPresent()) {
                throw ToolException.invalid(
                        "$.measure",
                        "total " + said + " is its own measure (the " + said + " of every day, days without training"
                                + " as 0); leave measure out");
            }
            return new Subject(kind, said, said);
        }
        List<String> fits = measures(kind);
        String chosen = measure.orElse(fits.getFirst());
        if (!fits.contains(chosen)) {
            throw ToolException.invalid(
                    "$.measure",
                    "measure '" + chosen + "' does not fit " + kind + "; for " + article(kind) + " " + kind + " use "
                            + String.join(", ", fits) + " (default " + fits.getFirst() + ")");
        }
        if (chosen.equals("pace") && !PACE_SPORTS.contains(said)) {
            throw ToolException.invalid(
                    "$.measure",
                    "measure 'pace' is for run, walk, hike and swim; for " + said + " use speed, distance or"
                            + " duration");
        }
        return new Subject(kind, said, chosen);
    }

    private static String article(String kind) {
        return kind.equals(EXERCISE) ? "an" : "a";
    }
}
