package dev.td.server.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.analysis.StatisticsJson;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.SampleSize;
import dev.td.statistics.comparison.TwoGroupComparison;
import dev.td.statistics.descriptive.Description;
import dev.td.statistics.descriptive.Descriptive;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statistics of one comparison: each side summarized ({@link Descriptive}: mean, median, SD, range and the
 * interval of the mean, the side taken as a series in time order), and b against a by {@link TwoGroupComparison}
 * at its defaults (α 0.05, 95 % intervals, two-sided; Welch's t-test when both sides pass Shapiro–Wilk, else
 * Mann–Whitney U). The test, the effect size and the quality are rendered by {@link StatisticsJson}, as
 * {@code stats_compare} renders them; summaries and the difference are rounded to 3 decimals.
 *
 * <p>The statistics module estimates mean(first) − mean(second) and names the groups a and b in the order given. The
 * answer's difference is b − a, so the numbers (estimate, statistic, effect size) come from comparing b with a, and
 * the quality (each assumption named after the side it was checked on) from comparing a with b: the same test runs
 * either way (each side's normality check does not depend on the order), with the same p-value.
 */
final class PeriodComparison {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final TwoGroupComparison COMPARISON = TwoGroupComparison.withDefaults();
    private static final double ALPHA = 0.05;
    private static final double LEVEL = 0.95;

    /**
     * What a comparison found.
     *
     * @param difference {@code {value, ci, n, relative}}; null when a side has fewer than 2 values
     * @param effectSize null when no test ran
     * @param test       null when no test ran
     * @param quality    {@code meta.statistical_quality}
     * @param notes      sentences for {@code context.notes}: which test ran and why, sample size, approximations
     */
    record Result(JsonNode difference, JsonNode effectSize, JsonNode test, Quality quality, List<String> notes) {}

    private PeriodComparison() {}

    /** One side: its days as asked and answered, and the summary of its values. */
    static ObjectNode side(PeriodPair.Side side, double[] values, boolean additive) {
        ObjectNode n = JSON.objectNode()
                .put("label", side.label())
                .put("from", side.days().from().toString())
                .put("to", side.days().to().toString())
                .put("n", values.length);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        Optional<Interval> ci = Optional.empty();
        if (values.length == 0) {
            for (String field : List.of("mean", "median", "sd", "min", "max")) {
                n.putNull(field);
            }
        } else if (values.length == 1) {
            n.set("mean", round(values[0]));
            n.set("median", round(values[0]));
            n.putNull("sd");
            n.set("min", round(values[0]));
            n.set("max", round(values[0]));
        } else {
            Description d = Descriptive.withDefaults().describe(values);
            n.set("mean", round(d.mean()));
            n.set("median", round(d.median()));
            n.set("sd", round(d.standardDeviation()));
            n.set("min", round(d.min()));
            n.set("max", round(d.max()));
            ci = Optional.of(d.meanCi());
        }
        n.set("total", additive ? round(sum) : JSON.nullNode());
        n.set("mean_ci", ci.<JsonNode>map(PeriodComparison::interval).orElse(JSON.nullNode()));
        return n;
    }

    /** b against a. */
    static Result of(double[] a, double[] b) {
        List<String> notes = new ArrayList<>();
        if (a.length < 2 || b.length < 2) {
            String why = "a has " + a.length + " value" + (a.length == 1 ? "" : "s") + " and b has " + b.length
                    + ": a comparison needs at least 2 on each side, so no test ran; the summaries stand as they are";
            notes.add(why);
            return new Result(
                    JSON.nullNode(),
                    JSON.nullNode(),
                    JSON.nullNode(),
                    new Quality(SampleSize.INSUFFICIENT, LEVEL, List.of(), Optional.of("no test: " + why)),
                    notes);
        }
        double meanA = mean(a);
        double meanB = mean(b);
        if (constant(a, b)) {
            String why =
                    "every value on both sides is " + StatisticsJson.brief(a[0]) + ": there is no difference to test";
            notes.add(why);
            return new Result(
                    difference(meanB - meanA, Optional.empty(), a.length + b.length, meanA, meanB),
                    JSON.nullNode(),
                    JSON.nullNode(),
                    new Quality(
                            SampleSize.classify(Math.min(a.length, b.length), 2, 10),
                            LEVEL,
                            List.of(),
                            Optional.of("no test: " + why)),
                    notes);
        }
        HypothesisTest forward = COMPARISON.compare(a, b);
        HypothesisTest reverse = COMPARISON.compare(b, a);
        HypothesisTest shown = new HypothesisTest(
                reverse.method(),
                reverse.statistic(),
                reverse.degreesOfFreedom(),
                reverse.pValue(),
                reverse.alternative(),
                reverse.alpha(),
                reverse.estimate(),
                reverse.effectSize(),
                forward.quality());
        ObjectNode test = StatisticsJson.test(shown, ALPHA);
        // the estimate and the effect size are the answer's difference and effect_size, not repeated here
        test.remove("estimate");
        test.remove("effect_size");
        notes.add(StatisticsJson.whichTest(shown, false));
        if (shown.estimate().isEmpty()) {
            notes.add(StatisticsJson.NO_INTERVAL_OF_RANK_TEST);
        }
        StatisticsJson.sampleSizeNote(shown.quality(), Math.min(a.length, b.length))
                .ifPresent(notes::add);
        shown.quality().approximation().map(StatisticsJson::approximationNote).ifPresent(notes::add);
        return new Result(
                difference(
                        shown.estimate().map(e -> e.value()).orElse(meanB - meanA),
                        shown.estimate().map(e -> e.ci()),
                        a.length + b.length,
                        meanA,
                        meanB),
                shown.effectSize().<JsonNode>map(StatisticsJson::effectSize).orElse(JSON.nullNode()),
                test,
                shown.quality(),
                notes);
    }

    /** {@code {value, ci, n, relative}}: b − a, its interval (Welch's t), and b / a − 1 (null when a's mean is 0). */
    private static ObjectNode difference(double value, Optional<Interval> ci, int n, double meanA, double meanB) {
        ObjectNode d = JSON.objectNode();
        d.set("value", round(value));
        d.set("ci", ci.<JsonNode>map(PeriodComparison::interval).orElse(JSON.nullNode()));
        d.put("n", n);
        d.set("relative", meanA == 0 ? JSON.nullNode() : round(meanB / meanA - 1, 4));
        return d;
    }

    private static boolean constant(double[] a, double[] b) {
        for (double v : a) {
            if (v != a[0]) {
                return false;
            }
        }
        for (double v : b) {
            if (v != a[0]) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static ObjectNode interval(Interval ci) {
        ObjectNode n = JSON.objectNode();
        n.set("lower", round(ci.lower()));
        n.set("upper", round(ci.upper()));
        n.put("level", ci.level());
        return n;
    }

    static JsonNode round(double value) {
        return round(value, 3);
    }

    private static JsonNode round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return JSON.nullNode();
        }
        BigDecimal r = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return JSON.numberNode(r.scale() < 0 ? r.setScale(0) : r);
    }
}
