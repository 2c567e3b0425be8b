package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * stats_describe's distribution shape and normality check, stats_compare's normality check at the caller's confidence
 * level, and both tools on data near 1e300 and 1e-300, over REST. References: SciPy 1.17.1 ({@code skew},
 * {@code kurtosis} with bias=False, {@code shapiro}, {@code ttest_ind(equal_var=False)}, {@code ttest_rel},
 * {@code mannwhitneyu}) and hand-worked values, as stated at each test. Shapiro–Wilk W is compared at 1e-9 and its p at
 * 1e-8 (SciPy's AS R94 differs from a double evaluation by about 1e-9); interval bounds at 5e-9 (commons-math solves
 * the t quantile to 1e-9).
 */
class StatisticsShapeRestTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    // R's sleep data (datasets/data/sleep.R), drug 1 and drug 2, and drug 1 − drug 2
    private static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
    private static final String DIFFERENCES = "[-1.2, -2.4, -1.3, -1.3, 0.0, -1.0, -1.8, -0.8, -4.6, -1.4]";
    // Right-skewed, n = 11: SciPy skew(bias=False) 1.9560796622506866, kurtosis(bias=False) 4.152162915725951,
    // shapiro W = 0.7888146948631716, p = 0.006703814061898823; SES = sqrt(660/1512) = 0.6606874726434099,
    // SEK = 2·SES·sqrt(120/96) = 1.2794157892978975 (Joanes & Gill 1998)
    private static final double[] SKEWED = {148, 154, 158, 160, 161, 162, 166, 170, 182, 195, 236};

    private static Http.Answer post(String tool, String body) {
        return Http.send("POST", server.baseUrl() + "/v1/stats/" + tool, TestServer.OWNER_KEY, body);
    }

    private static JsonNode ok(String tool, String body) {
        Http.Answer answer = post(tool, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    /** The values as a JSON array, each written with the decimal exponent {@code exponent} ("0.7e300"). */
    private static String scaled(double[] values, String exponent) {
        return Arrays.stream(values).mapToObj(v -> v + exponent).collect(Collectors.joining(",", "[", "]"));
    }

    private static List<String> notes(JsonNode body) {
        List<String> notes = new ArrayList<>();
        body.at("/context/notes").forEach(n -> notes.add(n.asText()));
        return notes;
    }

    @Test
    void describeReportsTheShapeOfASkewedSampleAndPrefersTheMedianAtSmallN() {
        JsonNode body = ok("describe", "{\"values\":" + Arrays.toString(SKEWED) + ",\"independent\":true}");
        JsonNode shape = body.at("/data/shape");
        assertThat(shape.path("skewness").asDouble()).isCloseTo(1.9560796622506866, within(1e-12));
        assertThat(shape.path("skewness_se").asDouble()).isCloseTo(0.6606874726434099, within(1e-12));
        assertThat(shape.path("excess_kurtosis").asDouble()).isCloseTo(4.152162915725951, within(1e-12));
        assertThat(shape.path("kurtosis_se").asDouble()).isCloseTo(1.2794157892978975, within(1e-12));
        JsonNode normality = shape.path("normality");
        assertThat(normality.path("method").asText()).isEqualTo("Shapiro-Wilk (Royston 1995, AS R94)");
        assertThat(normality.path("statistic").asDouble()).isCloseTo(0.7888146948631716, within(1e-9));
        assertThat(normality.path("p_value").asDouble()).isCloseTo(0.006703814061898823, within(1e-8));
        assertThat(normality.path("alpha").asDouble()).isEqualTo(0.05);
        assertThat(normality.path("met").asBoolean(true)).isFalse();
        JsonNode assumption = body.at("/meta/statistical_quality/assumptions").get(1);
        assertThat(assumption.path("name").asText()).isEqualTo("normality of values");
        assertThat(assumption.path("met").asBoolean(true)).isFalse();
        assertThat(assumption.path("p_value").asDouble()).isCloseTo(0.006703814061898823, within(1e-8));
        // brief() rounds to 3 significant digits; the median of the 11 sorted values is the 6th, 162
        assertThat(notes(body))
                .contains("the values do not look normal (Shapiro-Wilk W = 0.789, p = 0.0067 < α = 0.05; skewness"
                        + " 1.96, excess kurtosis 4.15): with n = 11 (below 30) the t interval of the mean is only"
                        + " approximate for skewed or heavy-tailed data, so prefer the median (162) and the quartiles"
                        + " to describe them");
    }

    // By hand (deviations from 53: −1 1 −2 0 2 −1 −3 0 1 3): G1 = 0, G2 = (11·(19.8/9 − 3) + 6)·9/56 = −0.45,
    // SES = sqrt(540/1144) = 0.6870429186215167. SciPy shapiro: W = 0.9837162715136386, p = 0.9819299383121692.
    @Test
    void describeOfANormalLookingSampleChecksNormalityAtOneMinusTheConfidenceLevel() {
        JsonNode body = ok("describe", "{\"values\":[52,54,51,53,55,52,50,53,54,56],\"confidence_level\":0.99}");
        JsonNode shape = body.at("/data/shape");
        assertThat(shape.path("skewness").asDouble()).isCloseTo(0, within(1e-12));
        assertThat(shape.path("excess_kurtosis").asDouble()).isCloseTo(-0.45, within(1e-12));
        assertThat(shape.path("skewness_se").asDouble()).isCloseTo(0.6870429186215167, within(1e-12));
        assertThat(shape.at("/normality/statistic").asDouble()).isCloseTo(0.9837162715136386, within(1e-9));
        assertThat(shape.at("/normality/p_value").asDouble()).isCloseTo(0.9819299383121692, within(1e-8));
        assertThat(shape.at("/normality/alpha").asDouble()).isEqualTo(0.01);
        assertThat(shape.at("/normality/met").asBoolean()).isTrue();
        assertThat(body.at("/meta/statistical_quality/assumptions").findValuesAsText("name"))
                .containsExactly("independence", "normality of values");
        assertThat(notes(body)).noneMatch(n -> n.startsWith("the values do not look normal"));
    }

    @Test
    void describeOfTwoValuesHasNoShapeAndSaysNormalityWasNotChecked() {
        JsonNode body = ok("describe", "{\"values\":[1, 2]}");
        JsonNode shape = body.at("/data/shape");
        assertThat(shape.path("skewness").isNull()).isTrue();
        assertThat(shape.path("excess_kurtosis").isNull()).isTrue();
        assertThat(shape.at("/normality/statistic").isNull()).isTrue();
        assertThat(shape.at("/normality/met").isNull()).isTrue();
        JsonNode assumption = body.at("/meta/statistical_quality/assumptions").get(1);
        assertThat(assumption.path("met").isNull()).isTrue();
        assertThat(assumption.path("detail").asText()).isEqualTo("too few values (2) to check normality");
    }

    // {1e300, −1e300, 1, 2, 3} has the shape of {1, −1, 0, 0, 0}: by hand G1 = 0, m2 = m4 = 2/5, g2 = −0.5,
    // G2 = (6·(−0.5) + 6)·4/6 = 2. SciPy shapiro of either: W = 0.8834906936019853, p = 0.32542950716414576.
    @Test
    void describeGivesTheShapeOfValuesNear1e300WithoutOverflow() {
        JsonNode shape = ok("describe", "{\"values\":[1e300, -1e300, 1, 2, 3]}").at("/data/shape");
        assertThat(shape.path("skewness").asDouble()).isCloseTo(0, within(1e-12));
        assertThat(shape.path("excess_kurtosis").asDouble()).isCloseTo(2, within(1e-12));
        assertThat(shape.at("/normality/statistic").asDouble()).isCloseTo(0.8834906936019853, within(1e-9));
        assertThat(shape.at("/normality/p_value").asDouble()).isCloseTo(0.32542950716414576, within(1e-8));
        assertThat(shape.at("/normality/met").asBoolean()).isTrue();
    }

    // Skewness, kurtosis and W are scale-free: the SKEWED values at 1e-300 have the SciPy shape at scale 1
    @Test
    void describeGivesTheShapeOfValuesNear1eMinus300() {
        JsonNode shape =
                ok("describe", "{\"values\":" + scaled(SKEWED, "e-300") + "}").at("/data/shape");
        assertThat(shape.path("skewness").asDouble()).isCloseTo(1.9560796622506866, within(1e-12));
        assertThat(shape.path("excess_kurtosis").asDouble()).isCloseTo(4.152162915725951, within(1e-12));
        assertThat(shape.at("/normality/statistic").asDouble()).isCloseTo(0.7888146948631716, within(1e-9));
        assertThat(shape.at("/normality/met").asBoolean(true)).isFalse();
    }

    // Group a = sleep drug 1 − drug 2: SciPy shapiro W = 0.8298713320953406, p = 0.0333416087851211, between 0.01 and
    // 0.05; group b = drug 1: W = 0.9258060286233032, p = 0.4079287935393071. At confidence level 0.99 (alpha 0.01)
    // both pass, so Welch runs: SciPy ttest_ind(a, b, equal_var=False): t = -3.393803746295163,
    // df = 15.954582346026923, p = 0.0037208969161410467, 99 % CI [-4.336003482373162, -0.32399651762683845].
    @Test
    void atConfidenceLevel099ASampleWithShapiroPBetween001And005GetsWelch() {
        JsonNode body = ok(
                "compare",
                "{\"a\":" + DIFFERENCES + ",\"b\":" + Arrays.toString(SLEEP_1)
                        + ",\"confidence_level\":0.99,\"independent\":true}");
        JsonNode test = body.at("/data/test");
        assertThat(test.path("method").asText()).isEqualTo("Welch two-sample t-test");
        assertThat(test.path("statistic").asDouble()).isCloseTo(-3.393803746295163, within(1e-12));
        assertThat(test.path("df").asDouble()).isCloseTo(15.954582346026923, within(1e-12));
        assertThat(test.path("p_value").asDouble()).isCloseTo(0.0037208969161410467, within(1e-12));
        assertThat(test.path("alpha").asDouble()).isEqualTo(0.01);
        assertThat(test.at("/estimate/ci/lower").asDouble()).isCloseTo(-4.336003482373162, within(5e-9));
        assertThat(test.at("/estimate/ci/upper").asDouble()).isCloseTo(-0.32399651762683845, within(5e-9));
        assertThat(body.at("/context/notes/0").asText())
                .isEqualTo(
                        "both groups passed the Shapiro-Wilk normality check at α = 0.01 (W = 0.83, p = 0.0333"
                                + " and W = 0.926, p = 0.408), so Welch's t-test was used (it does not assume equal variances)");
        JsonNode normalityOfA = body.at("/meta/statistical_quality/assumptions/0");
        assertThat(normalityOfA.path("met").asBoolean()).isTrue();
        assertThat(normalityOfA.path("p_value").asDouble()).isCloseTo(0.0333416087851211, within(1e-8));
        assertThat(normalityOfA.path("detail").asText()).endsWith(" ≥ 0.01");
    }

    // The same groups at the default 0.95: p 0.0333 < 0.05 fails a, so Mann-Whitney runs. SciPy mannwhitneyu(a, b):
    // U = 13.0, p = 0.005740314399284417 (ties: normal approximation with tie correction and continuity correction)
    @Test
    void atConfidenceLevel095TheSameSampleGetsMannWhitney() {
        JsonNode body = ok("compare", "{\"a\":" + DIFFERENCES + ",\"b\":" + Arrays.toString(SLEEP_1) + "}");
        JsonNode test = body.at("/data/test");
        assertThat(test.path("method").asText()).startsWith("Mann-Whitney U test");
        assertThat(test.path("statistic").asDouble()).isEqualTo(13);
        assertThat(test.path("p_value").asDouble()).isCloseTo(0.005740314399284417, within(1e-12));
        assertThat(body.at("/context/notes/0").asText())
                .isEqualTo("normality failed for group a (Shapiro-Wilk W = 0.83, p = 0.0333) at α = 0.05, so"
                        + " Mann-Whitney was used");
    }

    // Paired sleep data, differences as above (p 0.0333). At 0.99: SciPy ttest_rel(drug1, drug2): t =
    // -4.062127683382037, df 9, p = 0.002832890197384273, 99 % CI [-2.8440518851048253, -0.31594811489517505].
    // At 0.95 the Wilcoxon signed-rank test runs (StatisticsRestTest checks its V and p against R).
    @ParameterizedTest(name = "confidence level {0}")
    @ValueSource(doubles = {0.99, 0.95})
    void thePairedNormalityCheckUsesTheRequestedLevel(double level) {
        JsonNode body = ok(
                "compare",
                "{\"a\":" + Arrays.toString(SLEEP_1) + ",\"b\":" + Arrays.toString(SLEEP_2)
                        + ",\"paired\":true,\"confidence_level\":" + level + "}");
        JsonNode test = body.at("/data/test");
        if (level == 0.99) {
            assertThat(test.path("method").asText()).isEqualTo("Paired t-test");
            assertThat(test.path("statistic").asDouble()).isCloseTo(-4.062127683382037, within(1e-12));
            assertThat(test.path("p_value").asDouble()).isCloseTo(0.002832890197384273, within(1e-12));
            assertThat(test.at("/estimate/ci/lower").asDouble()).isCloseTo(-2.8440518851048253, within(5e-9));
            assertThat(test.at("/estimate/ci/upper").asDouble()).isCloseTo(-0.31594811489517505, within(5e-9));
            assertThat(body.at("/context/notes/0").asText())
                    .isEqualTo("the differences a - b passed the Shapiro-Wilk normality check at α = 0.01"
                            + " (W = 0.83, p = 0.0333), so the paired t-test was used");
        } else {
            assertThat(test.path("method").asText()).startsWith("Wilcoxon signed-rank test");
            assertThat(body.at("/context/notes/0").asText())
                    .isEqualTo("normality failed for the differences a - b (Shapiro-Wilk W = 0.83, p = 0.0333) at"
                            + " α = 0.05, so the Wilcoxon signed-rank test was used");
        }
    }

    // t, df and p are scale-free: the sleep data written as 0.7e300 … or 0.7e-300 … give R's / SciPy's Welch test
    // (ttest_ind(drug1, drug2, equal_var=False): t = -1.8608134674868526, df = 17.776473516178488,
    // p = 0.0793941401873583, 95 % CI [-3.3654832307117104, 0.20548323071171137]) with the estimate and interval
    // times 1e300 or 1e-300; both groups pass Shapiro-Wilk (p 0.41 and 0.35) at any scale.
    @ParameterizedTest(name = "exponent {0}")
    @ValueSource(strings = {"e300", "e-300"})
    void compareGivesTheSameWelchTestAtExtremeScales(String exponent) {
        double scale = Double.parseDouble("1" + exponent);
        JsonNode body = ok(
                "compare",
                "{\"a\":" + scaled(SLEEP_1, exponent) + ",\"b\":" + scaled(SLEEP_2, exponent)
                        + ",\"independent\":true}");
        JsonNode test = body.at("/data/test");
        assertThat(test.path("method").asText()).isEqualTo("Welch two-sample t-test");
        assertThat(test.path("statistic").asDouble()).isCloseTo(-1.8608134674868526, within(1e-12));
        assertThat(test.path("df").asDouble()).isCloseTo(17.776473516178488, within(1e-11));
        assertThat(test.path("p_value").asDouble()).isCloseTo(0.0793941401873583, within(1e-12));
        assertThat(test.at("/estimate/value").asDouble() / scale).isCloseTo(-1.58, within(1e-12));
        assertThat(test.at("/estimate/ci/lower").asDouble() / scale).isCloseTo(-3.3654832307117104, within(5e-9));
        assertThat(test.at("/estimate/ci/upper").asDouble() / scale).isCloseTo(0.20548323071171137, within(5e-9));
        assertThat(body.at("/context/notes/0").asText()).startsWith("both groups passed the Shapiro-Wilk");
    }

    // mean(a) − mean(b) = 1.675e308 + 1.675e308 = 3.35e308 is beyond Double.MAX_VALUE ≈ 1.798e308
    @Test
    void compareRefusesADifferenceOfMeansBeyondTheRangeOfADouble() {
        Http.Answer answer = post(
                "compare",
                "{\"a\":[1.7e308, 1.6e308, 1.75e308, 1.65e308],\"b\":[-1.7e308, -1.6e308, -1.75e308, -1.65e308]}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("invalid_argument");
        assertThat(answer.body().path("detail").asText())
                .startsWith("the difference of means mean(a) - mean(b) is beyond the range of a double")
                .contains("divide a and b by a common factor such as 1e10");
    }
}
