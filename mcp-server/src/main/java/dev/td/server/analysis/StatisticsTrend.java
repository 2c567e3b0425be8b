package dev.td.server.analysis;

import static dev.td.server.analysis.StatisticsJson.brief;
import static dev.td.server.analysis.StatisticsJson.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.statistics.Assumption;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Persistence;
import dev.td.statistics.Quality;
import dev.td.statistics.trend.LeastSquaresTrend;
import dev.td.statistics.trend.MannKendallTest;
import dev.td.statistics.trend.TheilSen;
import dev.td.statistics.trend.TrendEstimate;
import dev.td.tools.Envelope;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code stats_trend}: Theil–Sen slope per day, Mann–Kendall test and the least-squares slope of
 * values against their timestamps, with the autocorrelation handling stated.
 */
final class StatisticsTrend {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    Envelope trend(ToolCall call) {
        ObjectNode a = call.arguments();
        double[] given = StatisticsInput.numbers(a.get("values"), "$.values");
        JsonNode stamps = a.get("timestamps");
        StatisticsInput.requireLength("$.timestamps", stamps.size(), given.length, "values");
        double[] days = StatisticsInput.days(stamps, "$.timestamps");
        int n = given.length;
        int[] order = IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> days[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        boolean reordered = IntStream.range(0, n).anyMatch(i -> order[i] != i);
        double origin = days[order[0]];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = days[order[i]] - origin;
            y[i] = given[order[i]];
        }
        if (StatisticsInput.constant(x)) {
            throw ToolException.invalid(
                    "$.timestamps",
                    "every timestamp is the same moment: a trend over time needs"
                            + " values measured at two or more different times");
        }
        StatisticsInput.requireVariation(
                "$.values", y, "the series is flat (slope exactly 0), so there is no trend to test");
        double level = StatisticsInput.confidenceLevel(a);
        double alpha = StatisticsInput.alpha(a);
        TrendEstimate sen = StatisticsTools.run(
                () -> TheilSen.withDefaults().withConfidenceLevel(level).fit(x, y));
        HypothesisTest mk = StatisticsTools.run(
                () -> MannKendallTest.withDefaults().withAlpha(alpha).test(x, y));
        LeastSquaresTrend.Slope ols = StatisticsTools.run(() ->
                LeastSquaresTrend.withDefaults().withConfidenceLevel(level).fit(x, y));

        ObjectNode data = JSON.objectNode().put("n", n);
        data.put("first", stamps.get(order[0]).asText())
                .put("last", stamps.get(order[n - 1]).asText());
        put(data, "span_days", x[n - 1]);
        data.put(
                "direction",
                mk.pValue() >= alpha ? "no significant trend" : mk.statistic() > 0 ? "increasing" : "decreasing");
        ObjectNode theilSen = put(JSON.objectNode(), "slope_per_day", sen.slope());
        theilSen.set("ci", StatisticsJson.interval(sen.slopeCi()));
        data.set("theil_sen", put(theilSen, "intercept", sen.intercept()));
        data.set("mann_kendall", StatisticsJson.test(mk, alpha));
        ObjectNode leastSquares = put(JSON.objectNode(), "slope_per_day", ols.slope());
        put(leastSquares, "standard_error", ols.standardError()).set("ci", StatisticsJson.interval(ols.ci()));
        put(leastSquares, "df", ols.degreesOfFreedom());
        data.set("least_squares", put(leastSquares, "r_squared", ols.fit().rSquared()));

        List<String> notes = new ArrayList<>();
        data.set("autocorrelation", autocorrelation(sen.persistence(), ols.persistence(), n, notes));
        if (reordered) {
            notes.add("the values were not in time order; they were sorted by timestamp first");
        }
        for (Assumption failed : ols.fit().quality().assumptions()) {
            if (failed.failed() && failed.name().equals("no influential points")) {
                notes.add("one point dominates the least-squares line (" + failed.detail()
                        + "); prefer the Theil-Sen slope, which outliers barely move");
            }
        }
        Quality quality = combinedQuality(sen, mk, ols, level);
        StatisticsTools.sampleSizeNote(quality, n, notes);
        return StatisticsTools.envelope(call, data, notes, quality);
    }

    /**
     * How serial correlation was handled: the residuals' lag-1 r, the bias-corrected AR(1) φ each
     * method used and how much it widened their intervals. Always applied by estimate.
     */
    private static ObjectNode autocorrelation(Persistence sen, Persistence ols, int n, List<String> notes) {
        ObjectNode node = put(JSON.objectNode(), "lag1_detrended", sen.lag1());
        put(node, "phi", sen.phi()).put("adjusted", sen.adjusted() || ols.adjusted());
        put(node, "effective_n", sen.effectiveN());
        put(node, "theil_sen_variance_factor", sen.varianceFactor());
        put(node, "least_squares_variance_factor", ols.varianceFactor());
        if (!sen.adjusted() && !ols.adjusted()) {
            return node.put(
                    "handling",
                    "the detrended series shows no positive serial correlation (lag-1 r = " + brief(sen.lag1())
                            + ", bias-corrected AR(1) φ = 0): no interval was widened");
        }
        String handling = "the detrended series is serially correlated (lag-1 r = " + brief(sen.lag1())
                + ", bias-corrected AR(1) φ = " + brief(sen.phi()) + "): the Mann-Kendall variance and the Sen"
                + " interval were widened by " + brief(sen.varianceFactor()) + " (Hamed-Rao), the least-squares"
                + " slope's variance by " + brief(ols.varianceFactor()) + "; the series is worth about "
                + Math.round(sen.effectiveN()) + " independent values of " + n;
        notes.add(handling);
        return node.put("handling", handling);
    }

    /** One quality for the three analyses: the Mann–Kendall independence check and the least-squares residual checks. */
    private static Quality combinedQuality(
            TrendEstimate sen, HypothesisTest mk, LeastSquaresTrend.Slope ols, double level) {
        List<Assumption> assumptions = new ArrayList<>();
        for (Assumption x : mk.quality().assumptions()) {
            assumptions.add(x.renamed(x.name() + " (Mann-Kendall and Sen, detrended series)"));
        }
        for (Assumption x : ols.quality().assumptions()) {
            assumptions.add(x.renamed(x.name() + " (least squares)"));
        }
        return new Quality(
                mk.quality().sampleSize().compareTo(sen.quality().sampleSize()) < 0
                        ? mk.quality().sampleSize()
                        : sen.quality().sampleSize(),
                level,
                assumptions,
                Optional.empty(),
                worst(sen.quality(), worst(mk.quality(), ols.quality())).approximation());
    }

    /** The quality whose approximation flag reports the lower coverage (or the flagged one). */
    private static Quality worst(Quality a, Quality b) {
        if (a.approximation().isEmpty()) {
            return b;
        }
        if (b.approximation().isEmpty()) {
            return a;
        }
        return a.approximation().get().simulatedCoverage().orElse(1)
                        <= b.approximation().get().simulatedCoverage().orElse(1)
                ? a
                : b;
    }
}
