package dev.td.server.overview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.load.FatigueState;
import dev.td.server.load.TrainedSession;
import dev.td.server.metrics.Metrics;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What stands out in an overview, in words an agent can relay, most pressing first: a fatigue zone at either end,
 * the load's flags, injuries of the last week, readings far from their baseline, a gap in training, a week much
 * busier or quieter than the month, sessions without the RPE their load needs.
 */
final class Notable {

    /** A reading this many robust SDs from its 28-day median is named (anomalies proper start at 3.5). */
    static final double Z = 2.0;
    /** Days without a session that are named as a gap. */
    static final int GAP_DAYS = 7;
    /** The last 7 days' sessions are named when at most half or at least 1.5 × the 28 days' weekly mean... */
    static final double QUIETER = 0.5;

    static final double BUSIER = 1.5;
    /** ...and the 28 days held at least this many sessions. */
    static final int MONTH_SESSIONS = 4;

    private Notable() {}

    static List<String> of(
            LocalDate today,
            Overview.Period week,
            Overview.Period month,
            Optional<TrainedSession> last,
            Optional<FatigueState> fatigue,
            List<ObjectNode> injuries,
            List<Metrics.Recent> readings) {
        List<String> notes = new ArrayList<>();
        fatigue.ifPresent(f -> {
            String form = f.formPercent().isPresent()
                    ? String.format(
                            Locale.ROOT,
                            "form %+.0f%% of fitness (TSB %.0f, CTL %.0f)",
                            f.formPercent().getAsDouble(),
                            f.tsb(),
                            f.ctl())
                    : "no fitness left to compare form with";
            switch (f.zone()) {
                case "high_risk" -> notes.add(form + ": high-risk zone (below -30%); plan easier days");
                case "transition" -> notes.add(form + ": transition zone (above +20%); fitness is being lost");
                case "building" ->
                    notes.add(f.days() + " days of training history: fatigue zones need " + FatigueState.HISTORY_DAYS);
                default -> {}
            }
            notes.addAll(f.flags());
        });
        for (ObjectNode injury : injuries) {
            LocalDate since = LocalDate.parse(injury.path("since").asText());
            if (ChronoUnit.DAYS.between(since, today) < 7) {
                notes.add("new injury since " + since + ": "
                        + injury.path("body_part").asText()
                        + (injury.has("side") ? " (" + injury.path("side").asText() + ")" : "") + ", "
                        + injury.path("severity").asText());
            }
        }
        for (Metrics.Recent r : readings) {
            Metrics.Deviation d = r.deviation();
            if (d.robustZ().isPresent() && Math.abs(d.robustZ().getAsDouble()) >= Z) {
                double z = d.robustZ().getAsDouble();
                notes.add(String.format(
                        Locale.ROOT,
                        "%s %s%s on %s: %.1f robust SD %s its 28-day median %s",
                        r.metric(),
                        plain(d.latest().value().orElse(0)),
                        d.latest().unit().isEmpty() ? "" : " " + d.latest().unit(),
                        d.latest().date(),
                        Math.abs(z),
                        z > 0 ? "above" : "below",
                        plain(d.baseline().median().orElse(0))));
            }
        }
        boolean gap = true;
        if (last.isEmpty()) {
            notes.add("no training logged yet");
        } else {
            long ago = ChronoUnit.DAYS.between(last.get().date(), today);
            gap = ago >= GAP_DAYS;
            if (gap) {
                notes.add(
                        "no training for " + ago + " days (last: " + last.get().date() + ", "
                                + last.get().sport().orElse(last.get().kind()) + ")");
            }
        }
        double weekly = month.sessions() / 4.0;
        if (!gap
                && month.sessions() >= MONTH_SESSIONS
                && (week.sessions() <= QUIETER * weekly || week.sessions() >= BUSIER * weekly)) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%d session(s) in the last 7 days against %.1f a week over the last 28",
                    week.sessions(),
                    weekly));
        }
        if (month.unrated() > 0) {
            notes.add(month.unrated() + " of " + month.sessions()
                    + " session(s) in the last 28 days have no RPE and count 0 load: ask how hard they were (0-10)");
        }
        return notes;
    }

    /** A number without a needless ".0" and to at most two decimals. */
    static String plain(double v) {
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
