package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The statistics issue's defects over real HTTP: serial correlation handled by estimate and shown,
 * results flagged approximate with td's measured coverage, assumptions listed wherever a trend is
 * given, and values near the ends of a double's range described.
 */
class StatisticsSeriesHonestyRestTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JsonNode ok(String method, String path, @Nullable String body) {
        Http.Answer answer = Http.send(method, server.baseUrl() + path, TestServer.OWNER_KEY, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static String days(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> "\"" + java.time.LocalDate.of(2026, 1, 1).plusDays(i) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String numbers(double[] values) {
        return java.util.Arrays.stream(values)
                .mapToObj(v -> String.format(Locale.ROOT, "%.6f", v))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static double[] ar1(double phi, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian();
            x[i] = i == 0 ? z / Math.sqrt(1 - phi * phi) : phi * x[i - 1] + z;
        }
        return x;
    }

    // The issue: get_exercise_progression returned assumptions: [] while stats_trend listed its checks. Six weekly
    // squat sessions: the trend's quality now lists the independence check behind its Sen interval
    @Test
    void exerciseProgressionListsTheChecksBehindItsTrend() {
        double[] top = {100, 102.5, 101, 105, 104, 107.5};
        for (int i = 0; i < top.length; i++) {
            ok(
                    "POST",
                    "/v1/workouts",
                    "{\"idempotency_key\":\"prog-" + i + "\",\"started_at\":\""
                            + java.time.LocalDate.of(2026, 6, 1).plusWeeks(i)
                            + "T18:00:00+02:00\",\"exercises\":[{\"exercise\":\"squat\",\"unit\":\"kg\",\"sets\":[{\"weight\":"
                            + top[i] + ",\"reps\":1}]}]}");
        }
        JsonNode body = ok("GET", "/v1/progression?exercise=squat", null);
        JsonNode quality = body.at("/meta/statistical_quality");
        assertThat(quality.path("assumptions").isArray()).isTrue();
        assertThat(quality.path("assumptions")).isNotEmpty();
        assertThat(quality.at("/assumptions/0/name").asText()).isEqualTo("independence");
        assertThat(quality.at("/assumptions/0/detail").asText()).contains("lag-1 autocorrelation of the residuals");
        // six sessions: too few to estimate serial correlation, so the interval is flagged approximate
        assertThat(quality.at("/approximate/why").asText()).contains("fewer than 20");
        assertThat(quality.at("/approximate/simulated_coverage").isNumber()).isTrue();
    }

    // A persistent series of 120 days (AR(1) φ 0.6, no trend): every interval says how much it was widened
    @Test
    void aTrendOnAPersistentSeriesWidensEveryIntervalAndSaysByHowMuch() {
        double[] y = ar1(0.6, 120, 11);
        JsonNode body =
                ok("POST", "/v1/stats/trend", "{\"values\":" + numbers(y) + ",\"timestamps\":" + days(120) + "}");
        JsonNode auto = body.at("/data/autocorrelation");
        assertThat(auto.path("adjusted").asBoolean()).isTrue();
        assertThat(auto.path("phi").asDouble()).isBetween(0.3, 0.9);
        assertThat(auto.path("theil_sen_variance_factor").asDouble()).isGreaterThan(2);
        assertThat(auto.path("least_squares_variance_factor").asDouble()).isGreaterThan(2);
        assertThat(body.at("/data/least_squares/df").asDouble())
                .as("df from the effective n, not n - 2")
                .isLessThan(118);
        assertThat(body.at("/data/mann_kendall/method").asText()).contains("Hamed-Rao");
        assertThat(body.at("/context/notes").toString()).doesNotContain("are not adjusted and are too narrow");
    }

    // Ten values: td's table for n 10 (least squares at AR(1) φ 0.6: 0.860, the lowest of the three methods)
    @Test
    void aShortTrendIsFlaggedApproximateWithTheCoverageTdMeasured() {
        double[] y = {5.1, 5.3, 5.2, 5.6, 5.4, 5.8, 5.7, 6.0, 5.9, 6.2};
        JsonNode body =
                ok("POST", "/v1/stats/trend", "{\"values\":" + numbers(y) + ",\"timestamps\":" + days(10) + "}");
        JsonNode approximate = body.at("/meta/statistical_quality/approximate");
        assertThat(approximate.path("why").asText()).startsWith("with 10 values (fewer than 20)");
        assertThat(approximate.path("simulated_coverage").asDouble()).isEqualTo(0.86);
        assertThat(approximate.path("simulated_under").asText()).contains("φ = 0.6, n = 10");
        assertThat(body.at("/context/notes").toString()).contains("approximate: with 10 values");
    }

    // The issue: [±1e300, 1, 2, 3] gave sd and mean_ci null with no note; SD = sqrt(2e600/4) = 7.0710678e299
    @Test
    void describeNearTheLargestDoubleGivesItsStandardDeviationAndInterval() {
        JsonNode body = ok("POST", "/v1/stats/describe", "{\"values\":[1e300, -1e300, 1, 2, 3]}");
        assertThat(body.at("/data/standard_deviation").asDouble()).isCloseTo(7.0710678e299, within(1e292));
        assertThat(body.at("/data/mean_ci/lower").isNumber()).isTrue();
        assertThat(body.at("/data/mean_ci/upper").isNumber()).isTrue();
    }

    // Two persistent groups with equal means (AR(1) φ 0.6, 60 values each): the series-aware Welch test widens
    // each mean's variance, and independent=true runs the classical test that ignores it
    @Test
    void compareWidensTheVarianceOfPersistentGroupsUnlessTheyAreDeclaredIndependent() {
        String a = numbers(ar1(0.6, 60, 21));
        String b = numbers(ar1(0.6, 60, 22));
        JsonNode series = ok("POST", "/v1/stats/compare", "{\"a\":" + a + ",\"b\":" + b + "}");
        JsonNode classical = ok("POST", "/v1/stats/compare", "{\"a\":" + a + ",\"b\":" + b + ",\"independent\":true}");
        assertThat(series.at("/data/test/method").asText()).contains("AR(1)");
        assertThat(Math.abs(series.at("/data/test/statistic").asDouble()))
                .isLessThan(Math.abs(classical.at("/data/test/statistic").asDouble()));
        assertThat(series.at("/meta/statistical_quality/assumptions").toString())
                .contains("independence of a");
        assertThat(classical.at("/data/test/method").asText()).isEqualTo("Welch two-sample t-test");
    }
}
