package dev.td.server.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.capability.Published;
import dev.td.statistics.Alternative;
import dev.td.statistics.Approximation;
import dev.td.statistics.Assumption;
import dev.td.statistics.EffectSize;
import dev.td.statistics.Estimate;
import dev.td.statistics.HypothesisTest;
import dev.td.statistics.Interval;
import dev.td.statistics.Quality;
import dev.td.statistics.correlation.Correlation;
import dev.td.statistics.descriptive.Shape;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps the result records of {@code dev.td.statistics} to the JSON of the stats tools (the
 * {@code stats_*} shapes in {@code defs.json}) and {@link Quality} to {@code meta.statistical_quality}.
 * JSON has no NaN or infinity: every non-finite number becomes {@code null}.
 */
@Published
public final class StatisticsJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatisticsJson() {}

    /** A finite number as itself; NaN and ±∞ as null. */
    public static JsonNode number(double value) {
        return Double.isFinite(value) ? JSON.numberNode(value) : JSON.nullNode();
    }

    static ObjectNode put(ObjectNode target, String field, double value) {
        target.set(field, number(value));
        return target;
    }

    /** {@code {lower, upper, level}}; an unbounded side is null. */
    public static ObjectNode interval(Interval ci) {
        ObjectNode node = JSON.objectNode();
        put(node, "lower", ci.lower());
        put(node, "upper", ci.upper());
        return put(node, "level", ci.level());
    }

    /** {@code {value, ci, n}}: an estimate with its interval and the observations behind it. */
    public static ObjectNode estimate(Estimate estimate) {
        ObjectNode node = put(JSON.objectNode(), "value", estimate.value());
        node.set("ci", interval(estimate.ci()));
        return node.put("n", estimate.n());
    }

    /** {@code {measure, value, ci}}: an effect size with its interval. */
    public static ObjectNode effectSize(EffectSize effect) {
        ObjectNode node = JSON.objectNode().put("measure", effect.measure());
        put(node, "value", effect.value());
        node.set("ci", interval(effect.ci()));
        return node;
    }

    /** A test, with significance judged at {@code alpha} (the tool's 1 − confidence level). */
    public static ObjectNode test(HypothesisTest test, double alpha) {
        ObjectNode node =
                JSON.objectNode().put("method", test.method()).put("statistic_name", statisticName(test.method()));
        put(node, "statistic", test.statistic());
        put(node, "df", test.degreesOfFreedom().orElse(Double.NaN));
        put(node, "p_value", test.pValue());
        node.put("alternative", wireName(test.alternative()));
        put(node, "alpha", alpha);
        node.put("significant", test.pValue() < alpha);
        node.set(
                "estimate",
                test.estimate().<JsonNode>map(StatisticsJson::estimate).orElse(JSON.nullNode()));
        node.set(
                "effect_size",
                test.effectSize().<JsonNode>map(StatisticsJson::effectSize).orElse(JSON.nullNode()));
        return node;
    }

    /**
     * {@code {skewness, skewness_se, excess_kurtosis, kurtosis_se, normality: {method, statistic, p_value, alpha, met}}};
     * a figure the sample is too small (or constant) for is null, and so is {@code met} when normality was not checked.
     */
    static ObjectNode shape(Shape shape, double alpha) {
        ObjectNode node = JSON.objectNode();
        put(node, "skewness", shape.skewness().orElse(Double.NaN));
        put(node, "skewness_se", shape.skewnessStandardError().orElse(Double.NaN));
        put(node, "excess_kurtosis", shape.excessKurtosis().orElse(Double.NaN));
        put(node, "kurtosis_se", shape.kurtosisStandardError().orElse(Double.NaN));
        Assumption check = shape.normality();
        ObjectNode normality = node.putObject("normality").put("method", "Shapiro-Wilk (Royston 1995, AS R94)");
        put(normality, "statistic", check.statistic().orElse(Double.NaN));
        put(normality, "p_value", check.pValue().orElse(Double.NaN));
        put(normality, "alpha", alpha);
        normality.put("met", check.outcome() == Assumption.Outcome.NOT_CHECKED ? null : check.met());
        return node;
    }

    /** A correlation at its lag; {@code lag} overrides the record's, which is 0 for unlagged methods. */
    static ObjectNode correlation(Correlation c, int lag, double alpha) {
        ObjectNode node = JSON.objectNode().put("method", c.method());
        put(node, "coefficient", c.coefficient());
        node.set("ci", interval(c.ci()));
        put(node, "statistic", c.statistic());
        put(node, "df", c.degreesOfFreedom().orElse(Double.NaN));
        put(node, "p_value", c.pValue());
        node.put("alternative", wireName(c.alternative()));
        node.put("significant", c.pValue() < alpha);
        node.put("n", c.n());
        put(node, "effective_n", c.effectiveN());
        return node.put("lag", lag);
    }

    /**
     * {@code {sample_size, confidence_level, assumptions: [{name, met, statistic, p_value, detail}], not_run_reason}};
     * {@code met} is null for a check that was not run (its detail says why).
     */
    public static ObjectNode quality(Quality quality) {
        ObjectNode node =
                JSON.objectNode().put("sample_size", quality.sampleSize().name().toLowerCase(Locale.ROOT));
        put(node, "confidence_level", quality.confidenceLevel());
        ArrayNode assumptions = node.putArray("assumptions");
        for (Assumption a : quality.assumptions()) {
            ObjectNode item = assumptions.addObject().put("name", a.name());
            item.put("met", a.outcome() == Assumption.Outcome.NOT_CHECKED ? null : a.met());
            put(item, "statistic", a.statistic().orElse(Double.NaN));
            put(item, "p_value", a.pValue().orElse(Double.NaN));
            item.put("detail", a.detail());
        }
        node.set(
                "not_run_reason",
                quality.notRunReason().<JsonNode>map(JSON::textNode).orElse(JSON.nullNode()));
        node.set(
                "approximate",
                quality.approximation()
                        .<JsonNode>map(StatisticsJson::approximation)
                        .orElse(JSON.nullNode()));
        return node;
    }

    /** {@code {why, simulated_coverage, simulated_under}}. */
    static ObjectNode approximation(Approximation a) {
        ObjectNode node = JSON.objectNode().put("why", a.why());
        put(node, "simulated_coverage", a.simulatedCoverage().orElse(Double.NaN));
        return node.put("simulated_under", a.simulatedUnder());
    }

    /**
     * Which test a comparison ran and why, as a sentence an agent can relay: both groups (or the paired differences)
     * passed the Shapiro–Wilk check, so the t-test; or which group failed it, so the rank test.
     */
    public static String whichTest(HypothesisTest test, boolean paired) {
        List<Assumption> normality = test.quality().assumptions().stream()
                .filter(x -> x.name().startsWith("normality of "))
                .toList();
        List<Assumption> failed = normality.stream().filter(x -> !x.met()).toList();
        boolean notTested = normality.stream().allMatch(x -> x.pValue().isEmpty());
        String robust = paired ? "the Wilcoxon signed-rank test" : "Mann-Whitney";
        String parametric = paired ? "the paired t-test" : "Welch's t-test";
        if (test.quality().notRunReason().isEmpty() && notTested) {
            return "with more than 5000 values normality was not tested (the central limit theorem makes the mean"
                    + " close to normal), so " + parametric + " was used";
        }
        if (test.quality().notRunReason().isEmpty()) {
            String ps = String.join(
                    " and ",
                    normality.stream()
                            .map(x -> x.pValue().isEmpty()
                                    ? "not tested above 5000 values"
                                    : "W = " + brief(x.statistic().orElseThrow()) + ", p = "
                                            + brief(x.pValue().getAsDouble()))
                            .toList());
            return paired
                    ? "the differences a - b passed the Shapiro-Wilk normality check at α = " + brief(test.alpha())
                            + " (" + ps + "), so the paired t-test was used"
                    : "both groups passed the Shapiro-Wilk normality check at α = " + brief(test.alpha()) + " (" + ps
                            + "), so Welch's t-test was used (it does not assume equal variances)";
        }
        List<String> reasons = new ArrayList<>();
        for (Assumption x : failed) {
            String what = x.name().substring("normality of ".length());
            String subject = what.length() == 1 ? "group " + what : "the " + what;
            reasons.add(
                    x.pValue().isEmpty()
                            ? "normality could not be checked for " + subject + " (" + x.detail() + ")"
                            : "normality failed for " + subject + " (Shapiro-Wilk W = "
                                    + brief(x.statistic().orElseThrow()) + ", p = "
                                    + brief(x.pValue().getAsDouble())
                                    + ") at α = " + brief(test.alpha()));
        }
        return String.join("; ", reasons) + ", so " + robust + " was used";
    }

    /** What stats_compare tells when a rank test ran: there is no interval of the difference of means. */
    public static final String NO_INTERVAL_OF_RANK_TEST =
            "a rank test gives no interval for the difference of means; judge the size of the difference"
                    + " by the rank-biserial effect size and the group medians";

    /** A note when the sample is small enough that the reader should know; empty otherwise. */
    public static Optional<String> sampleSizeNote(Quality quality, int n) {
        if (quality.sampleSize() == dev.td.statistics.SampleSize.MINIMAL) {
            return Optional.of("the sample is small (n = " + n
                    + "): intervals are wide and approximations rough; treat the result as tentative");
        }
        if (quality.sampleSize() == dev.td.statistics.SampleSize.INSUFFICIENT) {
            return Optional.of(
                    "too few observations (n = " + n + ") for this analysis to be trusted; collect more data");
        }
        return Optional.empty();
    }

    /** "approximate: why (td's simulation measured coverage c under …)". */
    public static String approximationNote(Approximation a) {
        return "approximate: " + a.why()
                + a.simulatedCoverage().stream()
                        .mapToObj(c -> " (td's simulation measured " + brief(c) + " for " + a.simulatedUnder() + ")")
                        .findFirst()
                        .orElse("");
    }

    static String wireName(Alternative alternative) {
        return alternative.name().toLowerCase(Locale.ROOT);
    }

    static Alternative alternative(String wireName) {
        return Alternative.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    /** The conventional letter of each test's statistic, from the method name the statistics module gives. */
    static String statisticName(String method) {
        if (method.startsWith("Mann-Whitney")) {
            return "U";
        }
        if (method.startsWith("Wilcoxon")) {
            return "V";
        }
        if (method.startsWith("Mann-Kendall")) {
            return "S";
        }
        if (method.startsWith("Shapiro-Wilk")) {
            return "W";
        }
        return "t";
    }

    /** A number for a sentence: three significant digits, plain notation where that stays short. */
    public static String brief(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return String.valueOf((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
        return Math.abs(value) >= 1e-4 && Math.abs(value) < 1e7 ? rounded.toPlainString() : rounded.toString();
    }
}
