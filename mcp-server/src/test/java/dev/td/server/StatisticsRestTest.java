package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stats tools over REST, each checked against a published or hand-worked reference value. */
class StatisticsRestTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    // R's sleep data (datasets/data/sleep.R): extra hours of sleep under drug 1 and drug 2
    private static final String SLEEP_1 = "[0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]";
    private static final String SLEEP_2 = "[1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]";

    private static Http.Answer post(String tool, String body) {
        return Http.send("POST", server.baseUrl() + "/v1/stats/" + tool, TestServer.OWNER_KEY, body);
    }

    private static JsonNode ok(String tool, String body) {
        Http.Answer answer = post(tool, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().at("/meta/statistical_quality").isObject())
                .as("meta.statistical_quality")
                .isTrue();
        return answer.body();
    }

    @Test
    void compareRunsWelchOnTheSleepDataAndMatchesR() {
        // R_t.test_welch_sleep in reference_values.json: R t.test(extra ~ group, data = sleep);
        // t, df to 5 significant digits, p 0.07939 (newer R print), CI to 8 digits
        // the sleep data are ten subjects, not a series: independent
        JsonNode body = ok("compare", "{\"a\":" + SLEEP_1 + ",\"b\":" + SLEEP_2 + ",\"independent\":true}");
        JsonNode test = body.at("/data/test");
        assertThat(test.path("method").asText()).isEqualTo("Welch two-sample t-test");
        assertThat(test.path("statistic").asDouble()).isCloseTo(-1.8608, within(5e-5));
        assertThat(test.path("df").asDouble()).isCloseTo(17.776, within(5e-4));
        assertThat(test.path("p_value").asDouble()).isCloseTo(0.07939, within(5e-6));
        assertThat(test.at("/estimate/value").asDouble()).isCloseTo(0.75 - 2.33, within(1e-12));
        assertThat(test.at("/estimate/ci/lower").asDouble()).isCloseTo(-3.3654832, within(5e-8));
        assertThat(test.at("/estimate/ci/upper").asDouble()).isCloseTo(0.2054832, within(5e-8));
        assertThat(test.at("/effect_size/measure").asText()).startsWith("Hedges' g");
        assertThat(test.path("significant").asBoolean()).isFalse();
        assertThat(test.path("alpha").asDouble()).isEqualTo(0.05);
        assertThat(body.at("/data/a/mean").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(body.at("/context/notes/0").asText()).contains("so Welch's t-test was used");
        JsonNode quality = body.at("/meta/statistical_quality");
        assertThat(quality.path("confidence_level").asDouble()).isEqualTo(0.95);
        assertThat(quality.path("assumptions").findValuesAsText("name"))
                .containsExactly("normality of a", "normality of b");
        assertThat(quality.path("not_run_reason").isNull()).isTrue();
    }

    @Test
    void compareSwitchesToMannWhitneyWhenAGroupIsNotNormalAndSaysWhy() {
        // Hand count: U of a = #(a > b) + ½·#(a = b) = (0.5 + 1.5 + 2.5 + 3.5) from a = 7..10 against b = 7..10 → 8
        JsonNode body =
                ok("compare", "{\"a\":[1,2,3,4,5,6,7,8,9,10],\"b\":[7,8,9,10,11,12,13,14,15,16,17,18,19,20,200]}");
        assertThat(body.at("/data/test/method").asText()).startsWith("Mann-Whitney U test");
        assertThat(body.at("/data/test/statistic_name").asText()).isEqualTo("U");
        assertThat(body.at("/data/test/statistic").asDouble()).isEqualTo(8);
        assertThat(body.at("/data/test/estimate").isNull()).isTrue();
        assertThat(body.at("/context/notes/0").asText())
                .startsWith("normality failed for group b (Shapiro-Wilk W = ")
                .endsWith("so Mann-Whitney was used");
        assertThat(body.at("/meta/statistical_quality/not_run_reason").asText())
                .startsWith("Welch t-test not run: normality of b failed");
    }

    @Test
    void pairedCompareFallsBackToWilcoxonOnTheSleepDataAndMatchesR() {
        // R: wilcox.test(extra ~ group, data = sleep, paired = TRUE) → V = 0, p-value = 0.009091 (normal approximation:
        // one zero difference dropped, one tie). Hand check: n = 9, V = 0, Var V = 9·10·19/24 − 6/48 = 71.125,
        // z = (0 − 22.5 + 0.5)/sqrt(71.125) = −2.6086, p = 2Φ(−2.6086) = 0.009091; 4 significant digits.
        // The differences fail normality because of the −4.6 outlier.
        JsonNode body = ok("compare", "{\"a\":" + SLEEP_1 + ",\"b\":" + SLEEP_2 + ",\"paired\":true}");
        JsonNode test = body.at("/data/test");
        assertThat(test.path("method").asText()).startsWith("Wilcoxon signed-rank test (normal approximation");
        assertThat(test.path("statistic").asDouble()).isEqualTo(0);
        assertThat(test.path("p_value").asDouble()).isCloseTo(0.009091, within(5e-7));
        assertThat(test.at("/effect_size/value").asDouble()).isEqualTo(-1);
        assertThat(body.at("/context/notes/0").asText())
                .startsWith("normality failed for the differences a - b (Shapiro-Wilk W = 0.83, p = 0.0333)")
                .endsWith("so the Wilcoxon signed-rank test was used");
        // R: shapiro.test(with(sleep, extra[group == 1] - extra[group == 2])) → W = 0.82987, p-value = 0.03334;
        // the check carries W as its statistic and p as its p-value (it used to put p in statistic)
        JsonNode normality = body.at("/meta/statistical_quality/assumptions/0");
        assertThat(normality.path("name").asText()).isEqualTo("normality of differences a - b");
        assertThat(normality.path("met").asBoolean()).isFalse();
        assertThat(normality.path("statistic").asDouble()).isCloseTo(0.82987, within(5e-6));
        assertThat(normality.path("p_value").asDouble()).isCloseTo(0.03334, within(5e-6));
        assertThat(body.at("/meta/statistical_quality/not_run_reason").asText()).startsWith("paired t-test not run");
    }

    @Test
    void describeKeepsDecimalsExactSoNistNumAcc4MatchesTo12Digits() {
        // NIST StRD NumAcc4 (certified mean 10000000.2, SD 0.1, lag-1 r -0.999): 10000000.2 then 500 pairs 10000000.1,
        // 10000000.3
        StringBuilder values = new StringBuilder("10000000.2");
        for (int i = 0; i < 500; i++) {
            values.append(",10000000.1,10000000.3");
        }
        Http.Answer answer = post("describe", "{\"values\":[" + values + "]}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().at("/data/n").asInt()).isEqualTo(1001);
        assertThat(answer.body().at("/data/standard_deviation").asDouble()).isCloseTo(0.1, within(1e-13));
        assertThat(answer.body().at("/data/lag1_autocorrelation").asDouble()).isCloseTo(-0.999, within(1e-12));
        assertThat(answer.body().at("/data/mean").asDouble()).isCloseTo(10000000.2, within(1e-5));
    }

    @Test
    void describeReproducesNistMavroAndWidensTheIntervalForAutocorrelation() {
        // NIST StRD Mavro, certified mean, SD and lag-1 autocorrelation (15 digits; compared at 1e-12 relative)
        String mavro = "[2.00180, 2.00170, 2.00180, 2.00190, 2.00180, 2.00170, 2.00150, 2.00140, 2.00150, 2.00150,"
                + " 2.00170, 2.00180, 2.00180, 2.00190, 2.00190, 2.00210, 2.00200, 2.00160, 2.00140, 2.00130,"
                + " 2.00130, 2.00150, 2.00150, 2.00160, 2.00150, 2.00140, 2.00130, 2.00140, 2.00150, 2.00140,"
                + " 2.00150, 2.00160, 2.00150, 2.00160, 2.00190, 2.00200, 2.00200, 2.00210, 2.00220, 2.00230,"
                + " 2.00240, 2.00250, 2.00270, 2.00260, 2.00260, 2.00260, 2.00270, 2.00260, 2.00250, 2.00240]";
        JsonNode body = ok("describe", "{\"values\":" + mavro + "}");
        JsonNode data = body.path("data");
        assertThat(data.path("n").asInt()).isEqualTo(50);
        assertThat(data.path("mean").asDouble()).isCloseTo(2.00185600000000, within(2e-12));
        assertThat(data.path("standard_deviation").asDouble()).isCloseTo(0.000429123454003053, within(4.3e-16));
        assertThat(data.path("lag1_autocorrelation").asDouble()).isCloseTo(0.937989183438248, within(1e-12));
        assertThat(data.path("effective_n").asDouble()).isLessThan(50);
        assertThat(body.at("/context/notes/0").asText())
                .startsWith("the series is autocorrelated (lag-1 r = 0.938)")
                .contains("effective n of 2 instead of 50");
        JsonNode independence = body.at("/meta/statistical_quality/assumptions/0");
        assertThat(independence.path("name").asText()).isEqualTo("independence");
        assertThat(independence.path("met").asBoolean()).isFalse();
    }

    @Test
    void aConstantSeriesIsDescribedWithTheFailedAssumptionNamed() {
        JsonNode body = ok("describe", "{\"values\":[5,5,5,5]}");
        assertThat(body.at("/data/standard_deviation").asDouble()).isZero();
        assertThat(body.at("/data/lag1_autocorrelation").isNull()).isTrue();
        JsonNode assumption = body.at("/meta/statistical_quality/assumptions/0");
        assertThat(assumption.path("name").asText()).isEqualTo("non-constant");
        assertThat(assumption.path("met").asBoolean()).isFalse();
        assertThat(body.at("/context/notes/0").asText()).startsWith("all 4 values equal 5");
    }

    @Test
    void correlateMatchesRCorTestOnTheTunaData() {
        // R_cor.test_tuna_pearson_greater: R cor.test(x, y, alternative = "greater") (Hollander & Wolfe 1973 p. 187);
        // r and CI to 7 digits, t and p to 5
        JsonNode c = ok(
                        "correlate",
                        "{\"x\":[44.4,45.9,41.9,53.3,44.7,44.1,50.7,45.2,60.1],"
                                + "\"y\":[2.6,3.1,2.5,5.0,3.6,4.0,5.2,2.8,3.8],\"alternative\":\"greater\",\"independent_pairs\":true}")
                .at("/data/correlation");
        assertThat(c.path("coefficient").asDouble()).isCloseTo(0.5711816, within(5e-8));
        assertThat(c.path("statistic").asDouble()).isCloseTo(1.8411, within(5e-5));
        assertThat(c.path("df").asDouble()).isEqualTo(7);
        assertThat(c.path("p_value").asDouble()).isCloseTo(0.05409, within(5e-6));
        assertThat(c.at("/ci/lower").asDouble()).isCloseTo(-0.02223023, within(5e-9));
        assertThat(c.at("/ci/upper").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aLagScanReportsEveryLagWithBonferroniAdjustedPValues() {
        // y is x shifted by 2 steps: y[t + 2] = x[t], so lag 2 correlates perfectly (exact by construction)
        List<Double> x = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            x.add(Math.sin(t * 1.3) + 0.5 * Math.cos(t * 0.7));
        }
        List<Double> y = new ArrayList<>(List.of(0.3, -0.2));
        y.addAll(x.subList(0, 38));
        JsonNode data = ok("correlate", "{\"x\":" + x + ",\"y\":" + y + ",\"max_lag\":4}")
                .path("data");
        assertThat(data.path("by_lag")).hasSize(5);
        assertThat(data.at("/correlation/lag").asInt()).isEqualTo(2);
        assertThat(data.at("/correlation/coefficient").asDouble()).isCloseTo(1.0, within(1e-12));
        // Expected p-values from an independent computation with numpy 2 / SciPy 1.17 of td's documented method:
        // r = np.corrcoef(a, b)[0, 1] over the overlap; both lag-1 autocorrelations (NIST definition) exceed
        // stats.norm.ppf(0.975) / sqrt(n), so n_eff = n / (1 + 2 Σ_{k=1..n//5} r_a(k) r_b(k)) (Bartlett);
        // p = 2 * stats.t.sf(|r| sqrt((n_eff − 2) / (1 − r²)), n_eff − 2); Bonferroni = min(1, 5 p).
        double[][] lagPBonferroni = {
            {1, 0.28566348562348876, 1.0}, // 5 p > 1: clamped
            {3, 0.29576584630220903, 1.0},
            {4, 0.06350877826005358, 0.3175438913002679} // 5 tests (lags 0..4): 5 × 0.0635
        };
        for (double[] expected : lagPBonferroni) {
            JsonNode lag = data.path("by_lag").path((int) expected[0]);
            assertThat(lag.path("lag").asInt()).isEqualTo((int) expected[0]);
            assertThat(lag.path("p_value").asDouble())
                    .as("lag %d p", (int) expected[0])
                    .isCloseTo(expected[1], within(1e-9));
            assertThat(lag.path("p_value_bonferroni").asDouble())
                    .as("lag %d Bonferroni p", (int) expected[0])
                    .isCloseTo(expected[2], within(1e-9));
        }
    }

    @Test
    void trendGivesSlopesPerDayOverUnevenUnsortedTimestamps() {
        // Hand-worked: y = 2 + 0.5·day exactly, days 0, 1, 3, 7, 10 → every pairwise slope is 0.5, so Theil–Sen and
        // least squares give 0.5 per day; Mann–Kendall S = 10, Var S = 5·4·15/18, Z = 9/sqrt(50/3) = 2.204541,
        // two-sided p = 0.027486 (normal table), 5 digits
        JsonNode body = ok(
                "trend",
                "{\"values\":[5.5, 2, 3.5, 2.5, 7],"
                        + "\"timestamps\":[\"2026-11-08T00:00:00+00:00\", \"2026-11-01\", \"2026-11-04\", \"2026-11-02T00:00:00Z\", \"2026-11-11T00:00:00\"]}");
        JsonNode data = body.path("data");
        assertThat(data.path("first").asText()).isEqualTo("2026-11-01");
        assertThat(data.path("span_days").asDouble()).isEqualTo(10);
        assertThat(data.at("/theil_sen/slope_per_day").asDouble()).isEqualTo(0.5);
        assertThat(data.at("/theil_sen/intercept").asDouble()).isEqualTo(2);
        assertThat(data.at("/least_squares/slope_per_day").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(data.at("/mann_kendall/statistic").asDouble()).isEqualTo(10);
        assertThat(data.at("/mann_kendall/p_value").asDouble()).isCloseTo(0.027486, within(5e-6));
        assertThat(data.path("direction").asText()).isEqualTo("increasing");
        assertThat(data.at("/autocorrelation/adjusted").asBoolean()).isFalse();
        assertThat(body.at("/context/notes/0").asText()).contains("sorted by timestamp");
    }

    @Test
    void trendOnAnAutocorrelatedSeriesSaysHowItWasHandled() {
        StringBuilder values = new StringBuilder("[");
        StringBuilder stamps = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            values.append(i == 0 ? "" : ",").append(80 - 0.01 * i + Math.sin(i / 5.0));
            stamps.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(java.time.LocalDate.of(2026, 1, 1).plusDays(i))
                    .append('"');
        }
        JsonNode body = ok("trend", "{\"values\":" + values + "],\"timestamps\":" + stamps + "]}");
        assertThat(body.at("/data/autocorrelation/adjusted").asBoolean()).isTrue();
        assertThat(body.at("/data/autocorrelation/handling").asText())
                .contains("independent values of 60")
                .contains("Hamed-Rao");
        assertThat(body.at("/data/autocorrelation/phi").asDouble()).isPositive();
        assertThat(body.at("/data/autocorrelation/theil_sen_variance_factor").asDouble())
                .isGreaterThan(1);
        assertThat(body.at("/data/autocorrelation/least_squares_variance_factor")
                        .asDouble())
                .isGreaterThan(1);
        assertThat(body.at("/context/notes").toString()).contains("the detrended series is serially correlated");
        assertThat(body.at("/data/mann_kendall/method").asText()).contains("Hamed-Rao variance correction");
    }

    @Test
    void regressionReproducesNistNorris() throws IOException {
        // NIST StRD Norris (shgalus/shg copy, MIT), certified B0, B1, their SDs, residual SD and R² (15 digits;
        // compared at 1e-9 relative)
        List<String> rows;
        try (InputStream in = getClass().getResourceAsStream("/reference/Norris.data.txt")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .toList();
        }
        String y =
                rows.stream().map(r -> r.trim().split("\\s+", -1)[0]).toList().toString();
        String x =
                rows.stream().map(r -> r.trim().split("\\s+", -1)[1]).toList().toString();
        JsonNode data =
                ok("regression", "{\"y\":" + y + ",\"x\":{\"x\":" + x + "}}").path("data");
        assertThat(data.at("/coefficients/0/name").asText()).isEqualTo("intercept");
        assertThat(data.at("/coefficients/0/value").asDouble()).isCloseTo(-0.262323073774029, within(3e-10));
        assertThat(data.at("/coefficients/0/standard_error").asDouble()).isCloseTo(0.232818234301152, within(3e-10));
        assertThat(data.at("/coefficients/1/name").asText()).isEqualTo("x");
        assertThat(data.at("/coefficients/1/value").asDouble()).isCloseTo(1.00211681802045, within(1e-9));
        assertThat(data.at("/coefficients/1/standard_error").asDouble())
                .isCloseTo(0.429796848199937E-03, within(5e-13));
        assertThat(data.path("residual_standard_deviation").asDouble()).isCloseTo(0.884796396144373, within(1e-9));
        assertThat(data.path("r_squared").asDouble()).isCloseTo(0.999993745883712, within(1e-9));
    }

    @Test
    void regressionCoefficientsCarryTAndPLikeRsSummaryOfLm() {
        // R: summary(lm(dist ~ speed, data = cars)): speed 3.9324, SE 0.4155, t 9.464, p 1.49e-12; intercept t -2.601,
        // p 0.0123
        String speed =
                "[4,4,7,7,8,9,10,10,10,11,11,12,12,12,12,13,13,13,13,14,14,14,14,15,15,15,16,16,17,17,17,18,18,18,18,19,19,19,20,20,20,20,20,22,23,24,24,24,24,25]";
        String dist =
                "[2,10,4,22,16,10,18,26,34,17,28,14,20,24,28,26,34,34,46,26,36,60,80,20,26,54,32,40,32,40,50,42,56,76,84,36,46,68,32,48,52,56,64,66,54,70,92,93,120,85]";
        JsonNode coefficients = ok("regression", "{\"y\":" + dist + ",\"x\":{\"speed\":" + speed + "}}")
                .at("/data/coefficients");
        assertThat(coefficients.get(0).path("t").asDouble()).isCloseTo(-2.601, within(5e-4));
        assertThat(coefficients.get(0).path("p_value").asDouble()).isCloseTo(0.0123, within(5e-5));
        assertThat(coefficients.get(1).path("name").asText()).isEqualTo("speed");
        assertThat(coefficients.get(1).path("t").asDouble()).isCloseTo(9.464, within(5e-4));
        assertThat(coefficients.get(1).path("p_value").asDouble()).isCloseTo(1.49e-12, within(5e-15));
    }

    @Test
    void regressionNamesPolynomialTermsAfterTheColumn() {
        // Exact by construction: y = 1 + 2t + 3t² on t = 0..5
        JsonNode data = ok("regression", "{\"y\":[1,6,17,34,57,86],\"x\":{\"t\":[0,1,2,3,4,5]},\"degree\":2}")
                .path("data");
        assertThat(data.path("coefficients").findValuesAsText("name")).containsExactly("intercept", "t", "t^2");
        assertThat(data.at("/coefficients/2/value").asDouble()).isCloseTo(3, within(1e-12));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("compare", "{\"a\":[1,2,3],\"b\":[1,2,null,4]}", "$.b[2]", "number"),
                Arguments.of("compare", "{\"a\":[1,2,3],\"b\":[1,2,3,\"NaN\"]}", "$.b[3]", "number"),
                Arguments.of(
                        "compare",
                        "{\"a\":[1,2,3],\"b\":[4,5],\"paired\":true}",
                        "$.b",
                        "b has 2 values but a (paired=true) has 3"),
                Arguments.of("compare", "{\"a\":[3,3,3],\"b\":[3,3]}", "$.b", "no difference to test"),
                Arguments.of("compare", "{\"a\":[1,2,3],\"b\":[1,2,3],\"paired\":true}", "$.b", "every pair is equal"),
                Arguments.of("describe", "{\"values\":[1]}", "$.values", "2"),
                Arguments.of("describe", "{\"values\":[1, 1e400, 2]}", "$.values[1]", "out of range"),
                Arguments.of("correlate", "{\"x\":[1,2,3,4],\"y\":[1,2,3]}", "$.y", "y has 3 values but x has 4"),
                Arguments.of("correlate", "{\"x\":[2,2,2,2],\"y\":[1,2,3,4]}", "$.x", "needs variation"),
                Arguments.of("correlate", "{\"x\":[1,2,3,4],\"y\":[1,2,4,3],\"lag\":2}", "$.lag", "use at most 1"),
                Arguments.of(
                        "correlate",
                        "{\"x\":[1,2,3,4],\"y\":[1,2,4,3],\"lag\":1,\"max_lag\":1}",
                        "$.max_lag",
                        "not both"),
                Arguments.of(
                        "trend",
                        "{\"values\":[1,2,3,4],\"timestamps\":[\"2026-01-01\",\"2026-01-02\",\"yesterday-ish\",\"2026-01-04\"]}",
                        "$.timestamps[2]",
                        "not an ISO-8601 date"),
                Arguments.of(
                        "trend",
                        "{\"values\":[1,2,3,4],\"timestamps\":[\"2026-01-01\",\"2026-01-02\",\"2026-01-03\"]}",
                        "$.timestamps",
                        "4"),
                Arguments.of(
                        "trend",
                        "{\"values\":[7,7,7,7],\"timestamps\":[\"2026-01-01\",\"2026-01-02\",\"2026-01-03\",\"2026-01-04\"]}",
                        "$.values",
                        "no trend to test"),
                Arguments.of(
                        "trend",
                        "{\"values\":[1,2,3,4],\"timestamps\":[\"2026-01-01\",\"2026-01-01\",\"2026-01-01\",\"2026-01-01\"]}",
                        "$.timestamps",
                        "same moment"),
                Arguments.of(
                        "regression",
                        "{\"y\":[1,2,3,4,5],\"x\":{\"a\":[1,2,3,4]}}",
                        "$.y",
                        "y has 5 values but x.a has 4"),
                Arguments.of(
                        "regression",
                        "{\"y\":[1,3,2,5,4],\"x\":{\"a\":[1,2,3,4,5],\"b\":[2,4,6,8,10]}}",
                        "$.x.b",
                        "linear combination"),
                Arguments.of(
                        "regression",
                        "{\"y\":[1,3,2],\"x\":{\"a\":[1,2,3],\"b\":[3,1,2]}}",
                        "$.y",
                        "at least 4 observations"),
                Arguments.of(
                        "regression",
                        "{\"y\":[1,3,2,5],\"x\":{\"a\":[1,2,3,4],\"b\":[3,1,2,0]},\"degree\":2}",
                        "$.degree",
                        "exactly one x column"));
    }

    @ParameterizedTest(name = "{0} {1} → 400 at {2}")
    @MethodSource("badInputs")
    void badInputIsRefusedNamingTheFieldAndStoresNothing(String tool, String body, String path, String message) {
        long before = server.eventCount();
        Http.Answer answer = post(tool, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo("invalid_argument");
        assertThat(answer.body().path("path").asText()).isEqualTo(path);
        assertThat(answer.body().path("detail").asText()).contains(message);
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void theStatsToolsAreInTheOpenApiDocument() throws IOException {
        JsonNode doc =
                Http.send("GET", server.baseUrl() + "/openapi.json", null, null).body();
        assertThat(Json.mapper().writeValueAsString(doc.path("paths")))
                .contains(
                        "/v1/stats/describe",
                        "/v1/stats/compare",
                        "/v1/stats/correlate",
                        "/v1/stats/trend",
                        "/v1/stats/regression");
    }
}
