package dev.td.server.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.profile.DayRange;
import dev.td.statistics.Interval;
import dev.td.statistics.SampleSize;
import dev.td.statistics.anomaly.Anomaly;
import dev.td.statistics.anomaly.AnomalyDetector;
import dev.td.statistics.anomaly.DeclineAssessment;
import dev.td.statistics.descriptive.Description;
import dev.td.statistics.descriptive.Descriptive;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What stands out about a person now, kept ready in the background (kind {@value #KIND}). Three rules:
 *
 * <ul>
 *   <li><b>outlier</b>: each numeric metric's daily value, each sport's pace (or speed) per day and each main lift's
 *       best e1RM per session day is scored against the {@value #BASELINE_POINTS} values before it by the robust
 *       z = (x − median) / (1.4826 · MAD) ({@link AnomalyDetector#rollingRobustZ}) and flagged beyond
 *       ±{@value #OUTLIER_Z}. It counts as now when it falls in the last {@value #RECENT_DAYS} days; a series reports
 *       its latest such point and how many it had. Why 5.1 and not Iglewicz &amp; Hoaglin's 3.5: their 3.5 has the
 *       tail of a normal with known centre and spread, 4.65e-4 of points; with the median and MAD estimated from 28
 *       values the robust z is heavier-tailed, and 3.5 flags 0.61 % of pure normal noise (13 times that). 5.1 gives
 *       back the nominal 4.4e-4 (simulation, 10^7 normal baselines of 28; the build's noise test measures it again).
 *       A series needs the full 28 values before a point: a shorter baseline would need a far higher threshold.
 *   <li><b>decline</b>: a main lift whose last {@value #DECLINE_SESSIONS} session days fall by a Theil–Sen slope
 *       whose 95 % interval lies below 0 and whose fitted drop exceeds {@value #DECLINE_DROP} × the robust SD of the up
 *       to {@value #DECLINE_BASELINE} session days before them ({@link AnomalyDetector#sustainedDecline}; needs
 *       2 × {@value #DECLINE_SESSIONS} session days).
 *   <li><b>stall</b>: otherwise, a main lift with at least {@value #MIN_SESSIONS} session days in the last year
 *       whose best e1RM is {@value #STALL_SESSIONS} or more session days and {@value #STALL_DAYS} or more days
 *       behind its latest session (no session since beat it).
 * </ul>
 *
 * The main lifts are the {@value #LIFTS} trained on most days of the last year among those trained in the last
 * {@value #LIFT_DAYS} days. Each finding carries its evidence (the points and the baseline used, n), a quality word
 * (the sample-size class of the points behind it) and a headline an agent can relay, and the scope that reads its
 * series (see {@link Visibility}).
 */
final class AnomalyAnalysis {

    static final String KIND = "anomalies";
    /** A flagged point counts as now for this many days, today included. */
    static final int RECENT_DAYS = 14;
    /** A lift trained in this many days (today included) counts as a main lift now. */
    static final int LIFT_DAYS = 42;

    static final int HISTORY_DAYS = 365;
    static final int BASELINE_POINTS = 28;

    /** The robust z beyond which a point is an outlier: the nominal 3.5-SD tail for a 28-value baseline (above). */
    static final double OUTLIER_Z = 5.1;
    /** A decline's fitted drop, in robust SDs of the sessions before it (AnomalyDetector's default threshold). */
    static final double DECLINE_DROP = 3.5;

    static final int DECLINE_SESSIONS = 8;
    static final int DECLINE_BASELINE = 3 * DECLINE_SESSIONS;
    static final int STALL_SESSIONS = 6;
    static final int STALL_DAYS = 21;
    static final int MIN_SESSIONS = 8;
    static final int LIFTS = 6;

    /** The rules in a line, for answers to carry. */
    static final String RULES = "outlier: |robust z| > 5.1 against the 28 values before (median, 1.4826 x MAD; the"
            + " 3.5-SD tail rate for a baseline of 28), in the last 14 days; decline: a lift's last 8 sessions fall (Theil-Sen 95 % interval below 0, drop > 3.5"
            + " robust SD of the sessions before); stall: no new e1RM best in 6+ sessions and 21+ days; lifts trained"
            + " in the last 42 days";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final AnomalyDetector DECLINE =
            AnomalyDetector.withDefaults().withWindow(DECLINE_SESSIONS).withThreshold(DECLINE_DROP);
    private static final AnomalyDetector OUTLIER =
            AnomalyDetector.withDefaults().withWindow(BASELINE_POINTS).withThreshold(OUTLIER_Z);

    private final PersonSeries series;

    AnomalyAnalysis(PersonSeries series) {
        this.series = series;
    }

    /** The findings as stored: the window, the series checked (with their scopes), and the findings, newest first. */
    ObjectNode compute(UUID user, LocalDate today) {
        DayRange year = new DayRange(today.minusDays(HISTORY_DAYS - 1L), today);
        LocalDate recent = today.minusDays(RECENT_DAYS - 1L);
        LocalDate liftsFrom = today.minusDays(LIFT_DAYS - 1L);
        List<PersonSeries.Daily> points = new ArrayList<>(series.metrics(user, year, recent));
        series.activities(user, year).stream()
                .filter(a -> !a.name().equals(PersonSeries.EFFORT)
                        && !a.days().lastKey().isBefore(recent))
                .forEach(points::add);
        List<PersonSeries.Daily> lifts = series.lifts(user, year).stream()
                .filter(l -> !l.days().lastKey().isBefore(liftsFrom))
                .limit(LIFTS)
                .toList();
        List<ObjectNode> found = new ArrayList<>();
        for (PersonSeries.Daily s : points) {
            outlier(s, recent).ifPresent(found::add);
        }
        for (PersonSeries.Daily lift : lifts) {
            outlier(lift, recent).ifPresent(found::add);
            trend(lift).ifPresent(found::add);
        }
        found.sort(Comparator.comparing((ObjectNode f) -> f.path("date").asText())
                .reversed()
                .thenComparing(f -> f.path("about").asText())
                .thenComparing(f -> f.path("kind").asText()));
        ObjectNode data = JSON.objectNode();
        data.putObject("window")
                .put("from", recent.toString())
                .put("to", today.toString())
                .put("lifts_from", liftsFrom.toString());
        ArrayNode checked = data.putArray("checked");
        for (PersonSeries.Daily s : points) {
            checked.addObject().put("about", s.name()).put("scope", s.scope());
        }
        for (PersonSeries.Daily lift : lifts) {
            checked.addObject().put("about", lift.name()).put("scope", lift.scope());
        }
        found.forEach(data.putArray("anomalies")::add);
        return data;
    }

    /**
     * The latest point of {@code s} on or after {@code from} whose robust z against the values before it is beyond
     * ±{@value #OUTLIER_Z}, as a finding; empty when there is none (or too few values to score one).
     */
    static Optional<ObjectNode> outlier(PersonSeries.Daily s, LocalDate from) {
        int n = s.size();
        int w = BASELINE_POINTS;
        List<LocalDate> dates = List.copyOf(s.days().keySet());
        int first = firstOnOrAfter(dates, from);
        int start = Math.max(0, first - w);
        if (first == n || n - start <= w) {
            return Optional.empty();
        }
        double[] v = s.values();
        List<Anomaly> flagged = OUTLIER.rollingRobustZ(Arrays.copyOfRange(v, start, n)).stream()
                .filter(a -> a.index() + start >= first)
                .toList();
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        int at = flagged.getLast().index() + start;
        double z = flagged.getLast().robustZ();
        Description base = Descriptive.withDefaults().describe(Arrays.copyOfRange(v, at - w, at));
        ObjectNode f = finding("outlier", s, dates.get(at), v[at]);
        f.put("direction", z > 0 ? "above" : "below").put("z", round(z, 100)).put("threshold", OUTLIER_Z);
        f.set("baseline", baseline(base, dates.get(at - w), dates.get(at - 1)));
        f.put("flagged", flagged.size());
        f.put("n", w + 1);
        f.put("quality", word(base.quality().sampleSize()));
        f.put(
                "headline",
                String.format(
                        Locale.ROOT,
                        "%s was %s%s on %s, %.1f robust SD %s its usual %s (median of the %d values before).",
                        s.name(),
                        plain(v[at]),
                        unit(s.unit()),
                        dates.get(at),
                        Math.abs(z),
                        z > 0 ? "above" : "below",
                        plain(base.median()),
                        w));
        points(f, dates, v, at - w, at + 1);
        return Optional.of(f);
    }

    /** A main lift's decline or, failing that, its stall; empty when neither rule holds. */
    static Optional<ObjectNode> trend(PersonSeries.Daily lift) {
        double[] v = lift.values();
        List<LocalDate> dates = List.copyOf(lift.days().keySet());
        int n = v.length;
        if (n >= 2 * DECLINE_SESSIONS) {
            DeclineAssessment a = DECLINE.sustainedDecline(v);
            if (a.declining()) {
                return Optional.of(decline(lift, dates, v, a));
            }
        }
        if (n < MIN_SESSIONS) {
            return Optional.empty();
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            best = v[i] > v[best] ? i : best;
        }
        int since = n - 1 - best;
        long days = ChronoUnit.DAYS.between(dates.get(best), dates.get(n - 1));
        if (since < STALL_SESSIONS || days < STALL_DAYS) {
            return Optional.empty();
        }
        ObjectNode f = finding("stall", lift, dates.get(n - 1), v[n - 1]);
        f.putObject("best").put("date", dates.get(best).toString()).put("value", round(v[best], 100));
        f.put("sessions_since", since).put("days_since", days);
        f.put("n", n);
        f.put("quality", word(SampleSize.classify(n, MIN_SESSIONS, 2 * MIN_SESSIONS)));
        f.put(
                "headline",
                String.format(
                        Locale.ROOT,
                        "%s has set no new best in %d sessions over %d days: best %s%s on %s, latest %s%s.",
                        lift.name(),
                        since,
                        days,
                        plain(v[best]),
                        unit(lift.unit()),
                        dates.get(best),
                        plain(v[n - 1]),
                        unit(lift.unit())));
        points(f, dates, v, best, n);
        return Optional.of(f);
    }

    private static ObjectNode decline(PersonSeries.Daily lift, List<LocalDate> dates, double[] v, DeclineAssessment a) {
        int n = v.length;
        int from = Math.max(0, n - DECLINE_SESSIONS - DECLINE_BASELINE);
        int recent = n - DECLINE_SESSIONS;
        Description base = Descriptive.withDefaults().describe(Arrays.copyOfRange(v, from, recent));
        Interval ci = a.trend().slopeCi();
        ObjectNode f = finding("decline", lift, dates.get(n - 1), v[n - 1]);
        f.put("slope", round(a.trend().slope(), 100));
        f.putObject("slope_interval")
                .put("lower", round(ci.lower(), 100))
                .put("upper", round(ci.upper(), 100))
                .put("level", ci.level());
        f.put("change", round(a.changeOverWindow(), 100)).put("threshold", DECLINE_DROP);
        f.set("baseline", baseline(base, dates.get(from), dates.get(recent - 1)));
        f.put("n", n - from);
        f.put("quality", word(a.quality().sampleSize()));
        f.put(
                "headline",
                String.format(
                        Locale.ROOT,
                        "%s is declining: %s%s per session over the last %d sessions (95 %% interval %s to %s), %s%s"
                                + " in all, more than %.1f times the usual spread (robust SD %s).",
                        lift.name(),
                        plain(a.trend().slope()),
                        unit(lift.unit()),
                        DECLINE_SESSIONS,
                        plain(ci.lower()),
                        plain(ci.upper()),
                        plain(a.changeOverWindow()),
                        unit(lift.unit()),
                        DECLINE_DROP,
                        plain(a.baselineRobustSd())));
        points(f, dates, v, from, n);
        return f;
    }

    private static ObjectNode finding(String kind, PersonSeries.Daily s, LocalDate date, double value) {
        return JSON.objectNode()
                .put("kind", kind)
                .put("about", s.name())
                .put("headline", "")
                .put("date", date.toString())
                .put("value", round(value, 100))
                .put("unit", s.unit())
                .put("scope", s.scope());
    }

    private static ObjectNode baseline(Description d, LocalDate from, LocalDate to) {
        return JSON.objectNode()
                .put("median", round(d.median(), 1000))
                .put("mad", round(d.mad(), 1000))
                .put("robust_sd", round(d.robustStandardDeviation(), 1000))
                .put("n", d.n())
                .put("from", from.toString())
                .put("to", to.toString());
    }

    /** The points of positions {@code from} (inclusive) to {@code to} (exclusive), the evidence of a finding. */
    private static void points(ObjectNode f, List<LocalDate> dates, double[] v, int from, int to) {
        ArrayNode points = f.putArray("points");
        for (int i = from; i < to; i++) {
            points.addObject().put("date", dates.get(i).toString()).put("value", round(v[i], 100));
        }
    }

    private static int firstOnOrAfter(List<LocalDate> dates, LocalDate from) {
        int i = 0;
        while (i < dates.size() && dates.get(i).isBefore(from)) {
            i++;
        }
        return i;
    }

    static String word(SampleSize size) {
        return size.name().toLowerCase(Locale.ROOT);
    }

    private static String unit(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }

    /** A number as a person says it: at most one decimal, none when it is whole. */
    static String plain(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
