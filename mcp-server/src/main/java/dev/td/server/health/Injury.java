package dev.td.server.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One injury as the person's reports left it: the latest report's body part, side, severity and what it
 * affects, the onset, and when it was resolved (empty while active). Dates are the person's calendar dates (ISO, as stored).
 *
 * @param reported the date of the first report
 * @param updated the date of the latest report
 * @param reports how many reports the injury has had
 */
record Injury(
        String injuryId,
        String bodyPart,
        Optional<String> said,
        String side,
        String severity,
        OptionalDouble pain,
        String since,
        String reported,
        String updated,
        int reports,
        List<String> exercises,
        List<String> patterns,
        List<String> sports,
        Optional<String> notes,
        Optional<String> resolved,
        Optional<String> resolution) {

    Injury {
        Objects.requireNonNull(injuryId, "injuryId");
        exercises = List.copyOf(exercises);
        patterns = List.copyOf(patterns);
        sports = List.copyOf(sports);
        if (reports < 0) {
            throw new IllegalArgumentException("reports must be ≥ 0");
        }
    }

    /** The state of an id no report has reached yet. */
    static Injury none(String injuryId) {
        String epoch = LocalDate.EPOCH.toString();
        return new Injury(
                injuryId,
                "",
                Optional.empty(),
                "none",
                "mild",
                OptionalDouble.empty(),
                epoch,
                epoch,
                epoch,
                0,
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    boolean exists() {
        return reports > 0;
    }

    /** Whether the injury limited training on {@code day}: reported, begun by then, and not yet resolved. */
    boolean activeOn(LocalDate day) {
        return exists()
                && !LocalDate.parse(since).isAfter(day)
                && resolved.map(r -> LocalDate.parse(r).isAfter(day)).orElse(true);
    }
}
