package dev.td.server.analysis;

import static dev.td.server.analysis.StatisticsJson.brief;
import static dev.td.server.analysis.StatisticsJson.put;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.statistics.Alternative;
import dev.td.statistics.Assumption;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Quality;
import dev.td.statistics.comparison.PairedComparison;
import dev.td.statistics.comparison.TwoGroupComparison;
import dev.td.statistics.correlation.Correlation;
import dev.td.statistics.correlation.PearsonCorrelation;
import dev.td.statistics.correlation.SpearmanCorrelation;
import dev.td.statistics.descriptive.Description;
import dev.td.statistics.descriptive.Descriptive;
import dev.td.statistics.descriptive.Shape;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The stats tools: analyses of numbers an agent passes in, computed by {@code dev.td.statistics}.
 * Nothing is read or stored. Every answer carries {@code meta.statistical_quality} and, in
 * {@code context.notes}, plain sentences an agent can relay about what was done and why.
 */
final class StatisticsTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * Below this many values a t interval of the mean is not trusted for data that fail the normality check (the
     * usual rule of thumb for the central limit theorem to take over; strongly skewed data need more).
     */
    private static final int NORMAL_THEORY_N = 30;

    void register(ToolRegistry.Builder tools) {
        tools.handle("stats_describe", this::describe)
                .handle("stats_compare", this::compare)
                .handle("stats_correlate", this::correlate)
                .handle("stats_trend", new StatisticsTrend()::trend)
                .handle("stats_regression", new StatisticsRegression()::regression);
    }

    private Envelope describe(ToolCall call) {
        ObjectNode a = call.arguments();
        java.math.BigDecimal[] values = StatisticsInput.decimals(a.get("values"), "$.values");
        boolean independent = a.path("independent").asBoolean(false);
        Descriptive descriptive = Descriptive.withDefaults().withConfidenceLevel(StatisticsInput.confidenceLevel(a));
        Description d =
                run(() -> (independent ? descriptive.withIndependentObservations() : descriptive).describe(values));
        double alpha = StatisticsInput.alpha(a);
        Shape shape = run(() -> Shape.of(StatisticsInput.numbers(a.get("values"), "$.values"), alpha));
        ObjectNode data = JSON.objectNode().put("n", d.n());
        put(data, "mean", d.mean()).set("mean_ci", StatisticsJson.interval(d.meanCi()));
        put(data, "standard_deviation", d.standardDeviation());
        put(data, "median", d.median());
        put(data, "mad", d.mad());
        put(data, "robust_standard_deviation", d.robustStandardDeviation());
        put(data, "min", d.min());
        put(data, "q1", d.q1());
        put(data, "q3", d.q3());
        put(data, "max", d.max());
        put(data, "lag1_autocorrelation", d.lag1Autocorrelation().orElse(Double.NaN));
        put(data, "effective_n", d.effectiveN());
        data.set("shape", StatisticsJson.shape(shape, alpha));
        List<String> notes = new ArrayList<>();
        independenceNote(d, independent, notes);
        normalityNote(shape, d, alpha, notes);
        sampleSizeNote(d.quality(), d.n(), notes);
        List<Assumption> assumptions = new ArrayList<>(d.quality().assumptions());
        assumptions.add(shape.normality());
        Quality quality = new Quality(
                d.quality().sampleSize(),
                d.quality().confidenceLevel(),
                assumptions,
                d.quality().notRunReason());
        return envelope(call, data, notes, quality);
    }

    private static void independenceNote(Description d, boolean independent, List<String> notes) {
        if (d.lag1Autocorrelation().isEmpty()) {
            notes.add("all " + d.n() + " values equal " + brief(d.mean()) + ": the SD is 0 and the interval of the mean"
                    + " has no width; there is no spread to describe");
        } else if (d.effectiveN() < d.n()) {
            notes.add("the series is autocorrelated (lag-1 r = "
                    + brief(d.lag1Autocorrelation().getAsDouble())
                    + "); the interval of the mean uses an effective n of " + Math.round(d.effectiveN())
                    + " instead of " + d.n());
        } else if (independent && !d.quality().noneFailed()) {
            notes.add("the values look autocorrelated (lag-1 r = "
                    + brief(d.lag1Autocorrelation().getAsDouble())
                    + "), but independent=true was given, so the interval of the mean was not widened");
        }
    }

    /**
     * When the values fail the normality check: below {@link #NORMAL_THEORY_N} values the t interval of the mean
     * is only approximate for skewed or heavy-tailed data, so the median is the better summary.
     */
    private static void normalityNote(Shape shape, Description d, double alpha, List<String> notes) {
        Assumption normality = shape.normality();
        if (!normality.failed()) {
            return;
        }
        String moments = shape.excessKurtosis().isPresent()
                ? "; skewness " + brief(shape.skewness().orElseThrow()) + ", excess kurtosis "
                        + brief(shape.excessKurtosis().getAsDouble())
                : "";
        String finding = "the values do not look normal (Shapiro-Wilk W = "
                + brief(normality.statistic().orElseThrow()) + ", p = "
                + brief(normality.pValue().orElseThrow())
                + " < α = " + brief(alpha) + moments + ")";
        notes.add(
                d.n() < NORMAL_THEORY_N
                        ? finding + ": with n = " + d.n() + " (below " + NORMAL_THEORY_N + ") the t interval of the"
                                + " mean is only approximate for skewed or heavy-tailed data, so prefer the median ("
                                + brief(d.median()) + ") and the quartiles to describe them"
                        : finding + ": with n = " + d.n() + " the t interval of the mean still roughly holds (central"
                                + " limit theorem), but the median (" + brief(d.median()) + ") describes a typical"
                                + " value of skewed or heavy-tailed data better");
    }

    private Envelope compare(ToolCall call) {
        ObjectNode args = call.arguments();
        double[] a = StatisticsInput.numbers(args.get("a"), "$.a");
        double[] b = StatisticsInput.numbers(args.get("b"), "$.b");
        boolean paired = args.path("paired").asBoolean(false);
        double level = StatisticsInput.confidenceLevel(args);
        Alternative alternative = StatisticsInput.alternative(args);
        if (paired) {
            StatisticsInput.requireLength("$.b", b.length, a.length, "a (paired=true)");
        }
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        StatisticsInput.requireVariation(
                "$.b", all, "a and b hold one and the same value, so there is no difference to test");
        if (paired && Arrays.equals(a, b)) {
            throw ToolException.invalid(
                    "$.b", "every pair is equal (a[i] - b[i] = 0 for all i): there is no difference to test");
        }
        // one alpha for the test and for the normality check that picks it
        double alpha = StatisticsInput.alpha(args);
        boolean independent = args.path("independent").asBoolean(false);
        HypothesisTest test = run(() -> paired
                ? pairedComparison(alpha, level, alternative, independent).compare(a, b)
                : twoGroupComparison(alpha, level, alternative, independent).compare(a, b));
        ObjectNode data = JSON.objectNode().put("paired", paired);
        data.set("test", StatisticsJson.test(test, alpha));
        data.set("a", groupSummary(a));
        data.set("b", groupSummary(b));
        List<String> notes = new ArrayList<>();
        notes.add(StatisticsJson.whichTest(test, paired));
        if (test.estimate().isEmpty()) {
            notes.add(StatisticsJson.NO_INTERVAL_OF_RANK_TEST);
        }
        sampleSizeNote(test.quality(), Math.min(a.length, b.length), notes);
        return envelope(call, data, notes, test.quality());
    }

    private static PairedComparison pairedComparison(
            double alpha, double level, Alternative alternative, boolean independent) {
        PairedComparison c = PairedComparison.withDefaults()
                .withAlpha(alpha)
                .withConfidenceLevel(level)
                .withAlternative(alternative);
        return independent ? c.withIndependentObservations() : c;
    }

    private static TwoGroupComparison twoGroupComparison(
            double alpha, double level, Alternative alternative, boolean independent) {
        TwoGroupComparison c = TwoGroupComparison.withDefaults()
                .withAlpha(alpha)
                .withConfidenceLevel(level)
                .withAlternative(alternative);
        return independent ? c.withIndependentObservations() : c;
    }

    private static ObjectNode groupSummary(double[] values) {
        Description d = Descriptive.withDefaults().withIndependentObservations().describe(values);
        ObjectNode node = JSON.objectNode().put("n", d.n());
        put(node, "mean", d.mean());
        put(node, "median", d.median());
        return put(node, "standard_deviation", d.standardDeviation());
    }

    private Envelope correlate(ToolCall call) {
        ObjectNode a = call.arguments();
        double[] x = StatisticsInput.numbers(a.get("x"), "$.x");
        double[] y = StatisticsInput.numbers(a.get("y"), "$.y");
        StatisticsInput.requireLength("$.y", y.length, x.length, "x");
        boolean independent = a.path("independent_pairs").asBoolean(false);
        boolean scan = a.has("max_lag");
        List<Integer> lags = lags(a, x.length, independent);
        StatisticsInput.requireVariation("$.x", x, "a correlation needs variation in both series");
        StatisticsInput.requireVariation("$.y", y, "a correlation needs variation in both series");
        double level = StatisticsInput.confidenceLevel(a);
        double alpha = StatisticsInput.alpha(a);
        boolean spearman = "spearman".equals(a.path("method").asText("pearson"));
        List<Correlation> results = new ArrayList<>();
        for (int lag : lags) {
            results.add(correlationAt(x, y, lag, spearman, independent, level, StatisticsInput.alternative(a), scan));
        }
        int best = 0;
        for (int i = 1; i < results.size(); i++) {
            best = Math.abs(results.get(i).coefficient())
                            > Math.abs(results.get(best).coefficient())
                    ? i
                    : best;
        }
        Correlation headline = results.get(best);
        ObjectNode data = JSON.objectNode();
        List<String> notes = new ArrayList<>();
        ObjectNode main = StatisticsJson.correlation(headline, lags.get(best), alpha);
        data.set("correlation", main);
        if (scan) {
            ArrayNode byLag = data.putArray("by_lag");
            for (int i = 0; i < results.size(); i++) {
                ObjectNode item = StatisticsJson.correlation(results.get(i), lags.get(i), alpha);
                put(item, "p_value_bonferroni", Math.min(1, results.get(i).pValue() * results.size()));
                byLag.add(item);
            }
            put(main, "p_value_bonferroni", Math.min(1, headline.pValue() * results.size()));
            notes.add("scanned lags 0.." + lags.getLast() + "; the strongest is lag " + lags.get(best)
                    + " (coefficient "
                    + brief(headline.coefficient()) + ", p = " + brief(headline.pValue()) + ", Bonferroni-adjusted p = "
                    + brief(Math.min(1, headline.pValue() * results.size())) + "): picking the best of "
                    + results.size()
                    + " lags inflates false positives, so rely on the adjusted p-value");
        }
        if (headline.effectiveN() < headline.n()) {
            notes.add("the series are autocorrelated; the p-value and interval use an effective n of "
                    + Math.round(headline.effectiveN()) + " instead of " + headline.n());
        }
        sampleSizeNote(headline.quality(), headline.n(), notes);
        return envelope(call, data, notes, headline.quality());
    }

    /** The lags asked for: one ({@code lag}, default 0) or 0..max_lag; each must leave 3 overlapping pairs. */
    private static List<Integer> lags(ObjectNode a, int n, boolean independent) {
        boolean scan = a.has("max_lag");
        if (scan && a.has("lag")) {
            throw ToolException.invalid(
                    "$.max_lag", "give either lag (one lag) or max_lag (scan lags 0..max_lag), not both");
        }
        List<Integer> lags = scan
                ? java.util.stream.IntStream.rangeClosed(0, a.get("max_lag").asInt())
                        .boxed()
                        .toList()
                : List.of(a.path("lag").asInt(0));
        int widest = lags.stream().mapToInt(Math::abs).max().orElse(0);
        if (independent && widest > 0) {
            throw ToolException.invalid(
                    "$.independent_pairs",
                    "lagged correlation pairs values by their order in time;"
                            + " leave independent_pairs false when giving lag or max_lag");
        }
        if (widest > n - 3) {
            throw ToolException.invalid(
                    scan ? "$.max_lag" : "$.lag",
                    (scan ? "max_lag " : "lag ") + widest + " leaves " + Math.max(0, n - widest)
                            + " overlapping pairs of " + n + ", and a correlation needs 3: use at most " + (n - 3));
        }
        return lags;
    }

    private static Correlation correlationAt(
            double[] x,
            double[] y,
            int lag,
            boolean spearman,
            boolean independent,
            double level,
            Alternative alternative,
            boolean scan) {
        int n = x.length;
        double[] xs = lag >= 0 ? Arrays.copyOfRange(x, 0, n - lag) : Arrays.copyOfRange(x, -lag, n);
        double[] ys = lag >= 0 ? Arrays.copyOfRange(y, lag, n) : Arrays.copyOfRange(y, 0, n + lag);
        String why = "over the " + xs.length + " pairs used at lag " + lag
                + ", so they cannot be correlated; try a smaller lag";
        StatisticsInput.requireVariation(scan ? "$.max_lag" : "$.lag", xs, why);
        StatisticsInput.requireVariation(scan ? "$.max_lag" : "$.lag", ys, why);
        if (spearman) {
            SpearmanCorrelation s = SpearmanCorrelation.withDefaults()
                    .withConfidenceLevel(level)
                    .withAlternative(alternative);
            return run(() -> (independent ? s : s.forTimeSeries()).test(xs, ys));
        }
        PearsonCorrelation p =
                PearsonCorrelation.withDefaults().withConfidenceLevel(level).withAlternative(alternative);
        return run(() -> (independent ? p : p.forTimeSeries()).test(xs, ys));
    }

    /** A note when the sample is small enough that the reader should know ({@link StatisticsJson#sampleSizeNote}). */
    static void sampleSizeNote(Quality quality, int n, List<String> notes) {
        StatisticsJson.sampleSizeNote(quality, n).ifPresent(notes::add);
    }

    /** The envelope every stats tool returns: data, notes in context, quality in meta. */
    static Envelope envelope(ToolCall call, ObjectNode data, List<String> notes, Quality quality) {
        ObjectNode context = JSON.objectNode();
        ArrayNode list = context.putArray("notes");
        notes.forEach(list::add);
        quality.approximation().ifPresent(a -> list.add(StatisticsJson.approximationNote(a)));
        Meta meta = Meta.now(call.origin().requestId()).withStatisticalQuality(StatisticsJson.quality(quality));
        return new Envelope(data, context, meta);
    }

    /**
     * Runs an analysis whose input was already checked here; an {@link IllegalArgumentException} the
     * statistics module still raises describes the data (its messages are written for callers) and
     * becomes an {@code invalid_argument} error for the call as a whole.
     */
    static <T> T run(Supplier<T> analysis) {
        try {
            return analysis.get();
        } catch (IllegalArgumentException e) {
            throw ToolException.invalid(
                    "$", Optional.ofNullable(e.getMessage()).orElse("these data cannot be analysed"));
        }
    }
}
