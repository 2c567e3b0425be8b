package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * stats_regression (and the least-squares part of stats_trend) over REST where the numbers used to lie: collinear
 * columns refused at the precision of the data, the condition number reported, data near 10^±300 fitted as at unit
 * scale, and residual checks without power reported as not checked. References: NumPy 2.4, SciPy 1.17, mpmath 1.3.
 */
class StatisticsRegressionHonestyRestTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final String X1 = "[1.3, 2.7, 3.1, 4.8, 5.2, 6.9, 7.4]";
    private static final String Y1 = "[2.1, 3.9, 4.2, 6.8, 6.9, 9.4, 9.8]";

    // x = 1..10 on y below: NumPy lstsq b = [1.3199999999999987, 0.8709090909090914], SE [0.2205914913604014,
    // 0.035551537881363546], t [5.983911672474205, 24.49708628119939], p (scipy 2·t.sf, df 8)
    // [0.0003292489228775702, 8.233710098292328e-09], R² 0.9868444255834059, residual SD 0.3229128787656622
    private static final double[] Y = {2.3, 2.9, 4.1, 4.4, 6.0, 6.2, 7.9, 8.1, 9.4, 9.8};
    private static final double[] B = {1.3199999999999987, 0.8709090909090914};
    private static final double[] SE = {0.2205914913604014, 0.035551537881363546};
    private static final double[] T = {5.983911672474205, 24.49708628119939};
    private static final double[] P = {0.0003292489228775702, 8.233710098292328e-09};
    private static final double R_SQUARED = 0.9868444255834059;

    private static Http.Answer post(String tool, String body) {
        return Http.send("POST", server.baseUrl() + "/v1/stats/" + tool, TestServer.OWNER_KEY, body);
    }

    private static JsonNode ok(String tool, String body) {
        Http.Answer answer = post(tool, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode refused(String tool, String body, String path) {
        long before = server.eventCount();
        Http.Answer answer = post(tool, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("invalid_argument");
        assertThat(answer.body().path("path").asText()).isEqualTo(path);
        assertThat(server.eventCount()).isEqualTo(before);
        return answer.body();
    }

    /** Each value times 10^exponent, written as a JSON number literal (so the server reads the decimal). */
    private static String scaled(double[] values, int exponent) {
        return Arrays.stream(values)
                .mapToObj(v -> String.format(Locale.ROOT, "%se%d", v, exponent))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String oneToTen(int exponent) {
        return scaled(IntStream.rangeClosed(1, 10).mapToDouble(i -> i).toArray(), exponent);
    }

    // b typed as x1 + 1, 0.1·x1 and x1/3 (Python repr): NumPy cond of the column-scaled [1, a, b] 2.175e16, 1.192e16,
    // 1.840e16, beyond 1/(7ε) = 6.4e14; the old answer was 200 with coefficients of ±5e14 (x1 + 1) and ±1.6e15
    @ParameterizedTest(name = "b = {0}")
    @CsvSource({
        "a + 1, '[2.3, 3.7, 4.1, 5.8, 6.2, 7.9, 8.4]'",
        "0.1·a, '[0.13, 0.27, 0.31, 0.48, 0.52, 0.69, 0.74]'",
        "a/3,   '[0.43333333333333335, 0.9, 1.0333333333333334, 1.5999999999999999, 1.7333333333333334, "
                + "2.3000000000000003, 2.466666666666667]'"
    })
    void aColumnThatIsACombinationOfTheOthersUpToRoundingIsRefusedAtItsPath(String relation, String b) {
        JsonNode problem =
                refused("regression", "{\"y\":" + Y1 + ",\"x\":{\"a\":" + X1 + ",\"b\":" + b + "}}", "$.x.b");
        assertThat(problem.path("detail").asText())
                .as("b = " + relation)
                .startsWith("x.b is (numerically) a linear combination of the columns before it")
                .contains("condition number ")
                .endsWith("so its coefficient is not identifiable: drop it");
    }

    // NumPy cond of the column-scaled design [1, sleep_h] of the manifest's example: 18.2720075287266
    @Test
    void theConditionNumberOfTheColumnScaledDesignIsReported() {
        JsonNode body = ok(
                "regression",
                "{\"y\":[48,55,51,60,45,58,53,62],\"x\":{\"sleep_h\":[6.1,7.4,6.8,8.0,5.9,7.6,7.0,8.2]}}");
        assertThat(body.at("/data/condition_number").asDouble()).isCloseTo(18.2720075287266, within(1e-11));
        assertThat(body.at("/context/notes").toString()).doesNotContain("numerically unstable");
    }

    // A cubic in calendar years 2020..2031: κ of the column-scaled [1, t, t², t³] is 2.39234146282e9 (mpmath 1.3,
    // 50-digit SVD; NumPy says 2.392341687e9), above 1e8 — fitted, with a note saying the coefficients are unstable
    @Test
    void anIllConditionedFitSaysItsCoefficientsAreUnstable() {
        String years =
                IntStream.range(2020, 2032).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
        JsonNode body = ok(
                "regression",
                "{\"y\":[61.2,62.0,62.9,63.1,64.4,64.2,65.8,66.1,66.0,67.3,67.9,68.2],\"x\":{\"year\":" + years
                        + "},\"degree\":3}");
        assertThat(body.at("/data/condition_number").asDouble()).isCloseTo(2.39234146282e9, withinPercentage(1e-5));
        assertThat(body.at("/context/notes/0").asText())
                .isEqualTo("the coefficients are numerically unstable: the column-scaled design has condition number"
                        + " 2.39E+9 (above 1E+8), so relative changes of about 4.18E-10 in the data can change"
                        + " them by their own size; centre x.year (subtract its mean or its first value) before"
                        + " fitting the polynomial. The fitted values and R-squared are not affected");
    }

    // Same data as decimals at 1e-300 and 1e300 (each value rounded once): t, p, R² as NumPy at scale 1; the intercept
    // and its SE scale by 10^e, the slope not at all (x and y scaled alike). The old answers: SE 0 at 1e-300, 400 at
    // path $ ("interval bounds must not be NaN") at 1e300.
    @ParameterizedTest(name = "y and x at 10^{0}")
    @CsvSource({"-300", "300"})
    void aRegressionAtTenToTheThreeHundredGivesTheSameTestsAsAtUnitScale(int exponent) {
        JsonNode data = ok("regression", "{\"y\":" + scaled(Y, exponent) + ",\"x\":{\"t\":" + oneToTen(exponent) + "}}")
                .path("data");
        double scale = Double.parseDouble("1e" + exponent);
        JsonNode intercept = data.at("/coefficients/0");
        JsonNode slope = data.at("/coefficients/1");
        assertThat(intercept.path("value").asDouble()).isCloseTo(B[0] * scale, withinPercentage(1e-9));
        assertThat(intercept.path("standard_error").asDouble()).isCloseTo(SE[0] * scale, withinPercentage(1e-9));
        assertThat(slope.path("value").asDouble()).isCloseTo(B[1], withinPercentage(1e-9));
        assertThat(slope.path("standard_error").asDouble()).isCloseTo(SE[1], withinPercentage(1e-9));
        List<JsonNode> coefficients = List.of(intercept, slope);
        for (int k = 0; k < 2; k++) {
            assertThat(coefficients.get(k).path("t").asDouble()).isCloseTo(T[k], withinPercentage(1e-9));
            assertThat(coefficients.get(k).path("p_value").asDouble()).isCloseTo(P[k], withinPercentage(1e-7));
        }
        assertThat(data.path("r_squared").asDouble()).isCloseTo(R_SQUARED, within(1e-12));
        assertThat(data.path("residual_standard_deviation").asDouble())
                .isCloseTo(0.3229128787656622 * scale, withinPercentage(1e-9));
    }

    // y near 1e300 on x near 1e-300: the slope would be about 0.87e600, beyond binary64 (1.8e308)
    @Test
    void aSlopeBeyondTheRangeOfDoublesIsRefusedNamingTheColumnToRescale() {
        JsonNode problem =
                refused("regression", "{\"y\":" + scaled(Y, 300) + ",\"x\":{\"t\":" + oneToTen(-300) + "}}", "$.x.t");
        assertThat(problem.path("detail").asText())
                .isEqualTo("the coefficient of x.t or its interval reaches about 1e599, beyond the largest double"
                        + " (about 1.8e308): express y or x.t in other units");
    }

    // A 3-point line has 1 residual degree of freedom: its residuals are fixed by the design up to scale, so
    // normality, independence and influence cannot be judged (the old answer: "not normal, p = 4e-16", "influential")
    @Test
    void aThreePointLineSaysItsResidualChecksWereNotRun() {
        JsonNode body = ok("regression", "{\"y\":[1.0,2.5,2.9],\"x\":{\"t\":[1,2,3]}}");
        JsonNode assumptions = body.at("/meta/statistical_quality/assumptions");
        assertThat(assumptions.findValuesAsText("name"))
                .containsExactly("normality of residuals", "independence of residuals", "no influential points");
        assertThat(assumptions.findValues("met"))
                .allSatisfy(met -> assertThat(met.isNull()).isTrue());
        String notes = body.at("/context/notes").toString();
        assertThat(notes)
                .contains("normality of residuals was not checked: not tested: 1 residual degree of freedom")
                .contains("no influential points was not checked: not judged: with 3 points and 2 coefficients")
                .doesNotContain("not normal")
                .doesNotContain("an influential point");
    }

    // stats_trend's least-squares slope per day at 1e300 and 1e-300 (values on 10 consecutive days): slope 0.8709·10^e,
    // SE 0.03555·10^e, R² unchanged — NumPy at scale 1 as above
    @ParameterizedTest(name = "values at 10^{0}")
    @CsvSource({"-300", "300"})
    void theTrendsLeastSquaresSlopeAtTenToTheThreeHundredIsTheUnitScaleSlopeScaled(int exponent) {
        String days = IntStream.range(0, 10)
                .mapToObj(i -> "\"" + java.time.LocalDate.of(2026, 1, 1).plusDays(i) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        JsonNode leastSquares = ok("trend", "{\"values\":" + scaled(Y, exponent) + ",\"timestamps\":" + days + "}")
                .at("/data/least_squares");
        double scale = Double.parseDouble("1e" + exponent);
        assertThat(leastSquares.path("slope_per_day").asDouble()).isCloseTo(B[1] * scale, withinPercentage(1e-9));
        assertThat(leastSquares.path("standard_error").asDouble()).isCloseTo(SE[1] * scale, withinPercentage(1e-9));
        assertThat(leastSquares.path("r_squared").asDouble()).isCloseTo(R_SQUARED, within(1e-12));
    }
}
