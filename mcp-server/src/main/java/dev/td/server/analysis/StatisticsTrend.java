package dev.td.server.analysis;

import static dev.td.server.analysis.StatisticsJson.brief;
import static dev.td.server.analysis.StatisticsJson.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.statistics.Assumption;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Quality;
import dev.td.statistics.regression.Coefficient;
import dev.td.statistics.regression.LinearRegression;
import dev.td.statistics.regression.RegressionFit;
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
                () -> MannKendallTest.withDefaults().withAlpha(alpha).test(y));
        RegressionFit ols = StatisticsTools.run(
                () -> LinearRegression.withDefaults().withConfidenceLevel(level).fitLine(x, y));

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
        Coefficient slope = ols.coefficient(1);
        ObjectNode leastSquares = put(JSON.objectNode(), "slope_per_day", slope.value());
        put(leastSquares, "standard_error", slope.standardError()).set("ci", StatisticsJson.interval(slope.ci()));
        data.set("least_squares", put(leastSquares, "r_squared", ols.rSquared()));

        List<String> notes = new ArrayList<>();
        Assumption independence = mk.quality().assumptions().getFirst();
        data.set("autocorrelation", autocorrelation(independence, n, notes));
        if (reordered) {
            notes.add("the values were not in time order; they were sorted by timestamp first");
        }
        for (Assumption failed : ols.quality().assumptions()) {
            if (failed.failed() && failed.name().equals("no influential points")) {
                notes.add("one point dominates the least-squares line (" + failed.detail()
                        + "); prefer the Theil-Sen slope, which outliers barely move");
            }
        }
        Quality quality = combinedQuality(sen, mk, ols, level);
        StatisticsTools.sampleSizeNote(quality, n, notes);
        return StatisticsTools.envelope(call, data, notes, quality);
    }

    private static ObjectNode autocorrelation(Assumption independence, int n, List<String> notes) {
        double r1 = independence.statistic().orElse(0);
        ObjectNode node = put(JSON.objectNode(), "lag1_detrended", r1).put("adjusted", !independence.met());
        if (independence.met()) {
            return node.put(
                    "handling",
                    "no significant lag-1 autocorrelation in the detrended series (r1 = " + brief(r1)
                            + "); the Mann-Kendall variance was not adjusted");
        }
        long effectiveN = Math.round(n * (1 - r1) / (1 + r1));
        String handling = "the detrended series is autocorrelated (lag-1 r = " + brief(r1) + "); the Mann-Kendall"
                + " variance was inflated by (1 + r1)/(1 - r1) = " + brief((1 + r1) / (1 - r1))
                + ", so its p-value uses an effective n of about " + effectiveN + " instead of " + n;
        notes.add(handling + ". The Theil-Sen and least-squares intervals are not adjusted and are too narrow");
        return node.put("handling", handling);
    }

    /** One quality for the three analyses: the Mann–Kendall independence check and the least-squares residual checks. */
    private static Quality combinedQuality(TrendEstimate sen, HypothesisTest mk, RegressionFit ols, double level) {
        List<Assumption> assumptions = new ArrayList<>();
        for (Assumption x : mk.quality().assumptions()) {
            assumptions.add(x.renamed(x.name() + " (Mann-Kendall, detrended series)"));
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
                Optional.empty());
    }
}
