package dev.td.server.analysis;

import static dev.td.server.analysis.StatisticsJson.brief;
import static dev.td.server.analysis.StatisticsJson.put;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.statistics.Assumption;
import dev.td.statistics.regression.Coefficient;
import dev.td.statistics.regression.LinearRegression;
import dev.td.statistics.regression.RegressionFit;
import dev.td.statistics.regression.UnrepresentableFitException;
import dev.td.tools.Envelope;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code stats_regression}: OLS of y on named columns, or on a polynomial of one column. */
final class StatisticsRegression {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** How {@code LinearRegression} names a dependent predictor in its message: x3 (column 3) or x^3 (power 3). */
    private static final Pattern DEPENDENT = Pattern.compile("predictor x(\\^?)(\\d+)");
    /** The column-scaled condition number {@code LinearRegression} quotes when it refuses a dependent predictor. */
    private static final Pattern CONDITION = Pattern.compile("condition number (\\S+),");
    /** A series as {@code LinearRegression} names it in a message: x (line, polynomial), x3 (column 3), x^3 (power 3). */
    private static final Pattern SERIES = Pattern.compile("\\bx(\\^\\d+|\\d+)?\\b");

    Envelope regression(ToolCall call) {
        ObjectNode a = call.arguments();
        double[] y = StatisticsInput.numbers(a.get("y"), "$.y");
        boolean intercept = a.path("intercept").asBoolean(true);
        int degree = a.path("degree").asInt(1);
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> column :
                a.get("x").properties()) {
            String path = "$.x." + column.getKey();
            if (intercept && column.getKey().equals("intercept")) {
                throw ToolException.invalid(path, "'intercept' names the fitted intercept; rename this column");
            }
            double[] values = StatisticsInput.numbers(column.getValue(), path);
            if (!columns.isEmpty()) {
                StatisticsInput.requireLength(path, values.length, columns.getFirst().length, "x." + names.getFirst());
            }
            names.add(column.getKey());
            columns.add(values);
        }
        StatisticsInput.requireLength("$.y", y.length, columns.getFirst().length, "x." + names.getFirst());
        if (degree > 1 && columns.size() > 1) {
            throw ToolException.invalid(
                    "$.degree",
                    "a polynomial (degree " + degree + ") needs exactly one x column, got " + columns.size()
                            + "; fit several columns with degree 1");
        }
        int coefficients = (intercept ? 1 : 0) + Math.max(degree, columns.size());
        if (y.length <= coefficients) {
            throw ToolException.invalid(
                    "$.y",
                    "y has " + y.length + " values but the model has " + coefficients
                            + " coefficients; least squares needs at least " + (coefficients + 1)
                            + " observations: add data,"
                            + " drop columns or lower the degree");
        }
        StatisticsInput.requireVariation(
                "$.y", y, "there is no variation to explain, so R-squared and the standard errors are undefined");
        for (int k = 0; k < columns.size(); k++) {
            if (intercept || degree > 1) {
                StatisticsInput.requireVariation(
                        "$.x." + names.get(k),
                        columns.get(k),
                        "a constant column cannot be told apart from the intercept; drop it");
            }
        }
        double level = StatisticsInput.confidenceLevel(a);
        LinearRegression ols = LinearRegression.withDefaults().withConfidenceLevel(level);
        LinearRegression model = intercept ? ols : ols.withoutIntercept();
        RegressionFit fit = fit(model, columns, y, degree, names);
        ObjectNode data = JSON.objectNode().put("n", fit.n());
        ArrayNode out = data.putArray("coefficients");
        for (Coefficient c : fit.coefficients()) {
            ObjectNode item = out.addObject().put("name", userName(c.name(), names));
            put(item, "value", c.value());
            put(item, "standard_error", c.standardError()).set("ci", StatisticsJson.interval(c.ci()));
            put(item, "t", c.tStatistic().orElse(Double.NaN));
            put(item, "p_value", c.pValue().orElse(Double.NaN));
        }
        put(data, "residual_standard_deviation", fit.residualStandardDeviation());
        put(data, "r_squared", fit.rSquared());
        data.put("r_squared_centred", fit.centredRSquared()).put("residual_df", fit.residualDegreesOfFreedom());
        put(data, "condition_number", fit.conditionNumber());
        List<String> notes = new ArrayList<>();
        if (fit.coefficientsUnstable()) {
            notes.add(unstable(fit.conditionNumber(), degree > 1 ? Optional.of(names.getFirst()) : Optional.empty()));
        }
        fit.quality().assumptions().stream().filter(x -> !x.met()).forEach(x -> notes.add(note(x)));
        StatisticsTools.sampleSizeNote(fit.quality(), fit.n(), notes);
        return StatisticsTools.envelope(call, data, notes, fit.quality());
    }

    private static RegressionFit fit(
            LinearRegression model, List<double[]> columns, double[] y, int degree, List<String> names) {
        try {
            return degree > 1
                    ? model.fitPolynomial(columns.getFirst(), y, degree)
                    : model.fit(columns.toArray(double[][]::new), y);
        } catch (UnrepresentableFitException e) {
            String series = e.series();
            String path = series.equals("y")
                    ? "$.y"
                    : "$.x."
                            + (series.equals("x")
                                    ? names.getFirst()
                                    : names.get(Integer.parseInt(series.substring(1)) - 1));
            throw ToolException.invalid(path, userText(String.valueOf(e.getMessage()), names));
        } catch (IllegalArgumentException e) {
            Matcher m = DEPENDENT.matcher(String.valueOf(e.getMessage()));
            if (!m.find()) {
                throw ToolException.invalid(
                        "$", Optional.ofNullable(e.getMessage()).orElse("these data cannot be fitted"));
            }
            if (!m.group(1).isEmpty()) {
                throw ToolException.invalid(
                        "$.degree",
                        "the power " + m.group(2) + " of x." + names.getFirst()
                                + " is numerically a combination of the lower powers: lower the degree (or centre and rescale x)");
            }
            String name = names.get(Integer.parseInt(m.group(2)) - 1);
            Matcher kappa = CONDITION.matcher(String.valueOf(e.getMessage()));
            throw ToolException.invalid(
                    "$.x." + name,
                    "x." + name + " is (numerically) a linear combination of the"
                            + " columns before it (and of the intercept, if fitted)"
                            + (kappa.find()
                                    ? ": with it the column-scaled design has condition number " + kappa.group(1)
                                            + ", beyond what the precision of the data can resolve"
                                    : "")
                            + ", so its coefficient is not identifiable: drop it");
        }
    }

    /** The statistics module's message with its series names (x, x1, x^2) replaced by the caller's column names. */
    private static String userText(String message, List<String> names) {
        Matcher m = SERIES.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String replacement = token.equals("x") ? "x." + names.getFirst() : "x." + userName(token, names);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The note for a fit whose coefficients are numerically unstable; {@code polynomialIn} names x of a polynomial. */
    private static String unstable(double kappa, Optional<String> polynomialIn) {
        return "the coefficients are numerically unstable: the column-scaled design has condition number "
                + brief(kappa) + " (above " + brief(RegressionFit.UNSTABLE_CONDITION_NUMBER)
                + "), so relative changes of about " + brief(1 / kappa)
                + " in the data can change them by their own size; "
                + polynomialIn
                        .map(x -> "centre x." + x
                                + " (subtract its mean or its first value) before fitting the polynomial")
                        .orElse("drop or combine the nearly redundant columns")
                + ". The fitted values and R-squared are not affected";
    }

    /** {@code x3} → the third column's name; {@code x^1} → the column name, {@code x^k} → name^k. */
    private static String userName(String name, List<String> names) {
        if (name.startsWith("x^")) {
            int power = Integer.parseInt(name.substring(2));
            return power == 1 ? names.getFirst() : names.getFirst() + "^" + power;
        }
        if (name.matches("x\\d+")) {
            return names.get(Integer.parseInt(name.substring(1)) - 1);
        }
        return name;
    }

    private static String note(Assumption failed) {
        if (failed.outcome() == Assumption.Outcome.NOT_CHECKED) {
            return failed.name() + " was not checked: " + failed.detail();
        }
        return switch (failed.name()) {
            case "normality of residuals" ->
                "the residuals are not normal (Shapiro-Wilk p = "
                        + brief(failed.pValue().orElse(Double.NaN)) + "): the intervals are approximate";
            case "independence of residuals" ->
                "the residuals are autocorrelated (lag-1 r = "
                        + brief(failed.statistic().orElse(Double.NaN))
                        + "): if y is a time series, the standard errors are too small and the intervals too narrow";
            case "no influential points" -> "an influential point: " + failed.detail();
            default -> failed.name() + " not met: " + failed.detail();
        };
    }
}
