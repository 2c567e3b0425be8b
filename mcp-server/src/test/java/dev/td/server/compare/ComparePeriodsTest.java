package dev.td.server.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.server.access.Accounts;
import dev.td.server.access.Grants;
import dev.td.server.wiring.PrincipalScope;
import dev.td.testkit.TestServer;
import dev.td.tools.CallScope;
import dev.td.tools.ErrorCode;
import dev.td.tools.Json;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * compare_periods on one person's year, every expected number worked out by hand (or by SciPy, with the call
 * written next to it) from the sets, runs and readings logged here, never by the code under test.
 *
 * <p>td's e1RM of a set without RPE is Epley (1985): w · (1 + r/30), and a set of 1 rep is its weight
 * ({@code dev.td.statistics.sport.OneRepMax.epley}, used by {@code dev.td.server.strength.E1rm}); a session's value is
 * its best set's. Each side is a series in time order: where its lag-1 autocorrelation r1 makes the bias-corrected
 * AR(1) φ = r1 + (1 + 4 r1)/n zero or less, td's Welch test is the classical one, so SciPy's
 * {@code ttest_ind(b, a, equal_var=False)} is the reference; the data below zig-zag so that φ is 0.
 */
class ComparePeriodsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static Principal ida = new Principal(new UUID(0, 1), new UUID(0, 1), "x", Set.of());
    private static Principal ben = new Principal(new UUID(0, 2), new UUID(0, 2), "x", Set.of());

    @BeforeAll
    static void idasYear() {
        Accounts accounts = server.core().accounts();
        ida = principal(accounts, accounts.createPerson("ida", "Ida").userId());
        ben = principal(accounts, accounts.createPerson("ben", "Ben").userId());
        invoke(ida, "update_profile", """
                {"idempotency_key":"profile","time_zone":"Europe/Berlin","weight_unit":"kg"}""");
        // January: best sets 100x5, 102.5x5, 105x3 (the 90x8 back-off set gives 114, less than 116.667)
        bench("jan-1", "2026-01-06", "{\"weight\":100,\"reps\":5},{\"weight\":90,\"reps\":8}");
        bench("jan-2", "2026-01-13", "{\"weight\":102.5,\"reps\":5}");
        bench("jan-3", "2026-01-20", "{\"weight\":105,\"reps\":3}");
        // February: 105x5, 107.5x5, 110x3, 107.5x6
        bench("feb-1", "2026-02-03", "{\"weight\":105,\"reps\":5}");
        bench("feb-2", "2026-02-10", "{\"weight\":107.5,\"reps\":5}");
        bench("feb-3", "2026-02-17", "{\"weight\":110,\"reps\":3}");
        bench("feb-4", "2026-02-24", "{\"weight\":107.5,\"reps\":6}");
        // March: one session; April: two
        bench("mar-1", "2026-03-03", "{\"weight\":105,\"reps\":3}");
        bench("apr-1", "2026-04-07", "{\"weight\":110,\"reps\":3}");
        bench("apr-2", "2026-04-14", "{\"weight\":107.5,\"reps\":5}");
        // resting heart rate: March 2-7 (two readings on the 2nd: the day's value is the lower, 52), April 6-10
        restingHr("hr-mar", "2026-03-0", new int[] {2, 3, 4, 5, 6, 7}, new int[] {52, 56, 53, 57, 54, 71});
        invoke(ida, "log_metrics", """
                {"idempotency_key":"hr-mar-second","readings":[{"metric":"resting_hr","value":58,"at":"2026-03-02T21:00:00+01:00"}]}""");
        restingHr("hr-apr", "2026-04-", new int[] {6, 7, 8, 9, 10}, new int[] {50, 53, 49, 52, 50});
        // runs: May 10, 8, 12 km and one without a distance, a ride between; June 12, 16, 10, 14 km
        activity("may-1", "run", "2026-05-04T07:00:00+02:00", "50:00", "10", "");
        activity("may-2", "run", "2026-05-11T07:00:00+02:00", "40:00", "8", "");
        activity("may-ride", "ride", "2026-05-13T07:00:00+02:00", "1:30:00", "40", "");
        activity("may-3", "run", "2026-05-18T07:00:00+02:00", "1:00:00", "12", "");
        activity("may-4", "run", "2026-05-25T07:00:00+02:00", "30:00", "", "");
        activity("jun-1", "run", "2026-06-01T07:00:00+02:00", "1:00:00", "12", "");
        activity("jun-2", "run", "2026-06-08T07:00:00+02:00", "1:20:00", "16", "");
        activity("jun-3", "run", "2026-06-15T07:00:00+02:00", "50:00", "10", "");
        activity("jun-4", "run", "2026-06-22T07:00:00+02:00", "1:10:00", "14", "");
        // July: rides with a session RPE; load = RPE x minutes (Foster 2001): 5 x 40 = 200, 6 x 50 = 300, 7 x 60 = 420
        activity("jul-1", "ride", "2026-07-07T07:00:00+02:00", "40:00", "15", ",\"rpe\":5");
        activity("jul-2", "ride", "2026-07-10T07:00:00+02:00", "50:00", "20", ",\"rpe\":6");
        activity("jul-3", "ride", "2026-07-15T07:00:00+02:00", "1:00:00", "25", ",\"rpe\":7");
        // a program: base from August 3, build from August 17; a ride in each block
        invoke(ida, "start_program", """
                {"idempotency_key":"plan","name":"Summer plan","phase":"base","start":"2026-08-03"}""");
        invoke(ida, "change_program_phase", """
                {"idempotency_key":"plan-build","phase":"build","on":"2026-08-17"}""");
        activity("aug-1", "ride", "2026-08-05T07:00:00+02:00", "40:00", "15", "");
        activity("aug-2", "ride", "2026-08-19T07:00:00+02:00", "1:00:00", "25", "");
        Grants grants = new Grants(server.core().database().dataSource());
        CallScope.Binding bound = new PrincipalScope().bind(ida);
        try {
            grants.grant(ida.userId(), ben.userId(), "coach", Set.of("training:read"), Optional.empty());
        } finally {
            bound.close();
        }
    }

    @Test
    void benchE1rmInJanuaryAgainstFebruaryIsWelchsTestOnTheSessionsBestSets() {
        JsonNode answer = invoke(ida, "compare_periods", """
                {"exercise":"Bankdrücken","a":{"period":"January 2026"},"b":{"from":"2026-02-01","to":"2026-02-28"}}""");
        JsonNode data = answer.path("data");
        assertThat(data.at("/subject/exercise_id").asText()).isEqualTo("barbell-bench-press");
        assertThat(data.at("/measure/name").asText()).isEqualTo("e1rm");
        assertThat(data.at("/measure/unit").asText()).isEqualTo("kg");
        assertThat(data.at("/measure/per").asText()).isEqualTo("session");
        // a: 100·(1+5/30) = 116.667, 102.5·(1+5/30) = 119.583, 105·(1+3/30) = 115.5; mean 351.75/3 = 117.25
        JsonNode a = data.path("a");
        assertThat(a.path("label").asText()).isEqualTo("January 2026");
        assertThat(a.path("from").asText()).isEqualTo("2026-01-01");
        assertThat(a.path("to").asText()).isEqualTo("2026-01-31");
        assertThat(a.path("n").asInt()).isEqualTo(3);
        assertThat(a.path("mean").asDouble()).isCloseTo(117.25, within(0.0005));
        assertThat(a.path("median").asDouble()).isCloseTo(116.667, within(0.0005));
        assertThat(a.path("min").asDouble()).isCloseTo(115.5, within(0.0005));
        assertThat(a.path("max").asDouble()).isCloseTo(119.583, within(0.0005));
        // squared deviations 0.3403 + 5.4444 + 3.0625 = 8.8472, / 2 = 4.4236, sd 2.1032
        assertThat(a.path("sd").asDouble()).isCloseTo(2.103, within(0.0005));
        assertThat(a.path("total").isNull()).as("an e1RM does not add up").isTrue();
        // 117.25 ± t(0.975, 2) 4.3027 · 2.1032/√3: [112.025, 122.475]
        assertThat(a.at("/mean_ci/lower").asDouble()).isCloseTo(112.025, within(0.0015));
        assertThat(a.at("/mean_ci/upper").asDouble()).isCloseTo(122.475, within(0.0015));
        // b: 122.5, 125.417, 121, 129 (107.5·1.2); mean 497.917/4 = 124.479, sd 3.528
        JsonNode b = data.path("b");
        assertThat(b.path("n").asInt()).isEqualTo(4);
        assertThat(b.path("mean").asDouble()).isCloseTo(124.479, within(0.0005));
        assertThat(b.path("median").asDouble()).isCloseTo(123.958, within(0.0005));
        assertThat(b.path("sd").asDouble()).isCloseTo(3.528, within(0.0005));
        // b − a = 7.229; relative 124.479/117.25 − 1 = 0.0617
        JsonNode difference = data.path("difference");
        assertThat(difference.path("value").asDouble()).isCloseTo(7.229, within(0.0005));
        assertThat(difference.path("relative").asDouble()).isCloseTo(0.0617, within(0.00005));
        assertThat(difference.path("n").asInt()).isEqualTo(7);
        // Welch: se² = 4.4236/3 + 12.4462/4 = 4.5861, t = 7.2292/2.1415 = 3.3757,
        // df = 4.5861² / (1.4745²/2 + 3.1115²/3) = 4.8749.
        // SciPy 1.17: ttest_ind(b, a, equal_var=False) → t 3.375727, p 0.0205545, df 4.874909, CI [1.68147, 12.77686]
        assertThat(difference.at("/ci/lower").asDouble()).isCloseTo(1.681, within(0.0015));
        assertThat(difference.at("/ci/upper").asDouble()).isCloseTo(12.777, within(0.0015));
        JsonNode test = data.path("test");
        assertThat(test.path("method").asText()).isEqualTo("Welch two-sample t-test");
        assertThat(test.path("statistic").asDouble()).isCloseTo(3.375727, within(1e-5));
        assertThat(test.path("df").asDouble()).isCloseTo(4.874909, within(1e-5));
        assertThat(test.path("p_value").asDouble()).isCloseTo(0.0205545, within(1e-6));
        assertThat(test.path("significant").asBoolean()).isTrue();
        // Hedges' g of b against a: s_pooled = √((2·4.4236 + 3·12.4462)/5) = 3.0304, d = 2.3855,
        // J = 1 − 3/(4·7 − 9) = 0.8421, g = 2.0030; SE = √(7/12 + g²/14) = 0.9335, CI g ± 1.96 SE = [0.175, 3.831]
        JsonNode effect = data.path("effect_size");
        assertThat(effect.path("measure").asText()).startsWith("Hedges' g");
        assertThat(effect.path("value").asDouble()).isCloseTo(2.003, within(0.0005));
        assertThat(effect.at("/ci/lower").asDouble()).isCloseTo(0.175, within(0.0005));
        assertThat(effect.at("/ci/upper").asDouble()).isCloseTo(3.831, within(0.0005));
        // the quality as stats_compare gives it: normality checked on each side by its own name
        JsonNode quality = answer.at("/meta/statistical_quality");
        assertThat(quality.path("sample_size").asText()).isEqualTo("minimal");
        assertThat(names(quality.path("assumptions"))).contains("normality of a", "normality of b");
        assertThat(answer.at("/context/notes").toString()).contains("so Welch's t-test was used");
    }

    @Test
    void thePeriodsShortcutInGermanAnswersTheSameAsAAndB() {
        JsonNode shortcut = invoke(ida, "compare_periods", """
                {"exercise":"bench","periods":"Januar 2026 gegen Februar 2026"}""");
        JsonNode apart = invoke(ida, "compare_periods", """
                {"exercise":"bench","a":{"from":"2026-01-01","to":"2026-01-31"},"b":{"period":"February 2026"}}""");
        assertThat(shortcut.at("/data/a/label").asText()).isEqualTo("Januar 2026");
        assertThat(shortcut.at("/data/b/label").asText()).isEqualTo("Februar 2026");
        assertThat(shortcut.at("/data/b/to").asText()).isEqualTo("2026-02-28");
        assertThat(shortcut.at("/data/difference")).isEqualTo(apart.at("/data/difference"));
        assertThat(shortcut.at("/data/test")).isEqualTo(apart.at("/data/test"));
        // " vs. " and " versus " split as well
        JsonNode versus = invoke(ida, "compare_periods", """
                {"exercise":"bench","periods":"2026-01 vs. 2026-02"}""");
        assertThat(versus.at("/data/difference")).isEqualTo(apart.at("/data/difference"));
    }

    @Test
    void restingHeartRateIsComparedPerDayAndASkewedSideGetsMannWhitney() {
        JsonNode answer = invoke(ida, "compare_periods", """
                {"metric":"Ruhepuls","periods":"2026-03-01..2026-03-31 vs 2026-04-01..2026-04-30"}""");
        JsonNode data = answer.path("data");
        assertThat(data.at("/subject/metric").asText()).isEqualTo("resting_hr");
        assertThat(data.at("/measure/unit").asText()).isEqualTo("bpm");
        assertThat(data.at("/measure/per").asText()).isEqualTo("day");
        // a: days 52 (the lower of 52 and 58: resting HR keeps a day's minimum), 56, 53, 57, 54, 71;
        // mean 343/6 = 57.167, median (54 + 56)/2 = 55
        assertThat(data.at("/a/n").asInt()).isEqualTo(6);
        assertThat(data.at("/a/mean").asDouble()).isCloseTo(57.167, within(0.0005));
        assertThat(data.at("/a/median").asDouble()).isEqualTo(55.0);
        assertThat(data.at("/a/max").asDouble()).isEqualTo(71.0);
        // b: 50, 53, 49, 52, 50; mean 254/5 = 50.8
        assertThat(data.at("/b/n").asInt()).isEqualTo(5);
        assertThat(data.at("/b/mean").asDouble()).isCloseTo(50.8, within(0.0005));
        assertThat(data.at("/difference/value").asDouble()).isCloseTo(-6.367, within(0.0005));
        assertThat(data.at("/difference/relative").asDouble()).isCloseTo(-0.1114, within(0.00005));
        // the 71 fails a's normality (SciPy shapiro(a): W 0.7401, p 0.0159 < 0.05): Mann-Whitney, no interval
        assertThat(data.at("/difference/ci").isNull()).isTrue();
        JsonNode test = data.path("test");
        assertThat(test.path("method").asText()).startsWith("Mann-Whitney U test (normal approximation");
        // U of b: 50 beats nothing; 53 beats 52 and ties 53 (1.5); 52 ties 52 (0.5); 49 and 50: 0 → U = 2
        // SciPy 1.17: mannwhitneyu(b, a, method='asymptotic') → U 2.0, p 0.0215676
        assertThat(test.path("statistic_name").asText()).isEqualTo("U");
        assertThat(test.path("statistic").asDouble()).isEqualTo(2.0);
        assertThat(test.path("p_value").asDouble()).isCloseTo(0.0215676, within(1e-6));
        assertThat(test.path("df").isNull()).isTrue();
        // rank-biserial of b against a: 2U/(n1 n2) − 1 = 4/30 − 1 = −0.8667
        assertThat(data.at("/effect_size/measure").asText()).isEqualTo("rank-biserial correlation");
        assertThat(data.at("/effect_size/value").asDouble()).isCloseTo(-0.8667, within(0.00005));
        assertThat(answer.at("/meta/statistical_quality/not_run_reason").asText())
                .contains("normality of a failed");
        assertThat(answer.at("/context/notes").toString()).contains("normality failed for group a");
    }

    @Test
    void runDistanceIsComparedPerRunInKilometresLeavingOutRidesAndARunWithoutDistance() {
        JsonNode answer = invoke(ida, "compare_periods", """
                {"sport":"run","periods":"May 2026 vs June 2026"}""");
        JsonNode data = answer.path("data");
        assertThat(data.at("/subject/sport").asText()).isEqualTo("run");
        assertThat(data.at("/measure/name").asText()).isEqualTo("distance");
        assertThat(data.at("/measure/unit").asText()).isEqualTo("km");
        assertThat(data.at("/measure/per").asText()).isEqualTo("activity");
        // a: 10, 8, 12 (the 40 km ride is another sport; the run without distance is left out): mean 10, total 30
        assertThat(data.at("/a/n").asInt()).isEqualTo(3);
        assertThat(data.at("/a/mean").asDouble()).isEqualTo(10.0);
        assertThat(data.at("/a/sd").asDouble()).isEqualTo(2.0);
        assertThat(data.at("/a/total").asDouble()).isEqualTo(30.0);
        // b: 12, 16, 10, 14: mean 13, total 52, sd √(20/3) = 2.582
        assertThat(data.at("/b/mean").asDouble()).isEqualTo(13.0);
        assertThat(data.at("/b/total").asDouble()).isEqualTo(52.0);
        assertThat(data.at("/b/sd").asDouble()).isCloseTo(2.582, within(0.0005));
        assertThat(data.at("/difference/value").asDouble()).isEqualTo(3.0);
        assertThat(data.at("/difference/relative").asDouble()).isEqualTo(0.3);
        // φ is 0 on both sides (r1 −0.5 and −0.75): SciPy 1.17 ttest_ind(b, a, equal_var=False) → t 1.732051,
        // df 4.959184, p 0.144293, CI [−1.46342, 7.46342]
        assertThat(data.at("/test/method").asText()).isEqualTo("Welch two-sample t-test");
        assertThat(data.at("/test/statistic").asDouble()).isCloseTo(1.732051, within(1e-5));
        assertThat(data.at("/test/df").asDouble()).isCloseTo(4.959184, within(1e-5));
        assertThat(data.at("/test/p_value").asDouble()).isCloseTo(0.144293, within(1e-5));
        assertThat(data.at("/test/significant").asBoolean()).isFalse();
        assertThat(data.at("/difference/ci/lower").asDouble()).isCloseTo(-1.463, within(0.0015));
        assertThat(answer.at("/context/notes").toString()).contains("1 run(s) in a and 0 in b are left out");
        // pace of the same runs: 5:00 /km each in May (50:00 over 10 km, 40:00 over 8, 1:00:00 over 12)
        JsonNode pace = invoke(ida, "compare_periods", """
                {"sport":"run","measure":"pace","periods":"May 2026 vs June 2026"}""");
        assertThat(pace.at("/data/measure/unit").asText()).isEqualTo("min/km");
        assertThat(pace.at("/data/a/mean").asDouble()).isEqualTo(5.0);
        assertThat(pace.at("/data/a/total").isNull()).isTrue();
    }

    @Test
    void aSideWithOneSessionGetsItsSummaryAndNoTest() {
        JsonNode answer = invoke(ida, "compare_periods", """
                {"exercise":"bench","periods":"March 2026 vs April 2026"}""");
        JsonNode data = answer.path("data");
        // March: 105x3 → 115.5, alone
        assertThat(data.at("/a/n").asInt()).isEqualTo(1);
        assertThat(data.at("/a/mean").asDouble()).isEqualTo(115.5);
        assertThat(data.at("/a/min").asDouble()).isEqualTo(115.5);
        assertThat(data.at("/a/sd").isNull()).isTrue();
        assertThat(data.at("/a/mean_ci").isNull()).isTrue();
        // April: 110·1.1 = 121 and 107.5·(1 + 5/30) = 125.417: mean 123.208
        assertThat(data.at("/b/n").asInt()).isEqualTo(2);
        assertThat(data.at("/b/mean").asDouble()).isCloseTo(123.208, within(0.0005));
        assertThat(data.path("difference").isNull()).isTrue();
        assertThat(data.path("effect_size").isNull()).isTrue();
        assertThat(data.path("test").isNull()).isTrue();
        assertThat(answer.at("/context/notes").toString()).contains("a has 1 value and b has 2", "no test ran");
        assertThat(answer.at("/meta/statistical_quality/sample_size").asText()).isEqualTo("insufficient");
    }

    @Test
    void dailyLoadCountsEveryDayOfBothWeeksWithDaysOffAsZero() {
        JsonNode answer = invoke(ida, "compare_periods", """
                {"total":"load","a":{"from":"2026-07-06","to":"2026-07-12"},"b":{"from":"2026-07-13","to":"2026-07-19"}}""");
        JsonNode data = answer.path("data");
        assertThat(data.at("/measure/unit").asText()).isEqualTo("AU");
        assertThat(data.at("/measure/per").asText()).isEqualTo("day");
        // a: 0, 200, 0, 0, 300, 0, 0 → mean 500/7 = 71.429, median 0, total 500
        assertThat(data.at("/a/n").asInt()).isEqualTo(7);
        assertThat(data.at("/a/mean").asDouble()).isCloseTo(71.429, within(0.0005));
        assertThat(data.at("/a/median").asDouble()).isEqualTo(0.0);
        assertThat(data.at("/a/total").asDouble()).isEqualTo(500.0);
        // b: 0, 0, 420, 0, 0, 0, 0 → mean 60, total 420; b − a = −11.429
        assertThat(data.at("/b/n").asInt()).isEqualTo(7);
        assertThat(data.at("/b/mean").asDouble()).isEqualTo(60.0);
        assertThat(data.at("/b/total").asDouble()).isEqualTo(420.0);
        assertThat(data.at("/difference/value").asDouble()).isCloseTo(-11.429, within(0.0005));
        // mostly zeros: neither side looks normal, so Mann-Whitney
        assertThat(data.at("/test/method").asText()).startsWith("Mann-Whitney");
        // days to come are not days without training: a side reaching past today counts up to today
        LocalDate today = LocalDate.now(BERLIN);
        JsonNode ahead = invoke(
                ida,
                "compare_periods",
                "{\"total\":\"load\",\"a\":{\"from\":\"2026-07-06\",\"to\":" + "\"2026-07-12\"},\"b\":{\"from\":\""
                        + today.minusDays(1) + "\",\"to\":\"" + today.plusDays(10) + "\"}}");
        assertThat(ahead.at("/data/b/n").asInt()).isEqualTo(2);
        assertThat(ahead.at("/data/b/to").asText()).isEqualTo(today.plusDays(10).toString());
        assertThat(ahead.at("/context/notes").toString())
                .contains("are left out, not counted as days without training");
    }

    @Test
    void thisBlockAgainstLastBlockComparesTheProgramPhases() {
        JsonNode answer = invoke(ida, "compare_periods", """
                {"total":"minutes","periods":"last block vs this block"}""");
        JsonNode data = answer.path("data");
        // base: August 3 to the day before build began (August 16): 14 days, one 40-minute ride
        assertThat(data.at("/a/from").asText()).isEqualTo("2026-08-03");
        assertThat(data.at("/a/to").asText()).isEqualTo("2026-08-16");
        assertThat(data.at("/a/n").asInt()).isEqualTo(14);
        assertThat(data.at("/a/total").asDouble()).isEqualTo(40.0);
        // build: August 17 to today, one 60-minute ride
        LocalDate today = LocalDate.now(BERLIN);
        assertThat(data.at("/b/from").asText()).isEqualTo("2026-08-17");
        assertThat(data.at("/b/to").asText()).isEqualTo(today.toString());
        assertThat(data.at("/b/total").asDouble()).isEqualTo(60.0);
        assertThat(answer.at("/context/notes").toString())
                .contains("last block: Summer plan phase base, 2026-08-03 to 2026-08-16");
    }

    @Test
    void aCoachWithTrainingReadComparesTheLiftButNotAHealthMetricOrTheBlocks() {
        JsonNode lift = invoke(ben, "compare_periods", """
                {"person":"ida","exercise":"bench","periods":"January 2026 vs February 2026"}""");
        assertThat(lift.at("/data/difference/value").asDouble()).isCloseTo(7.229, within(0.0005));
        assertThat(lift.at("/meta/person/handle").asText()).isEqualTo("ida");
        assertThat(refusal(ben, """
                        {"person":"ida","metric":"resting heart rate","periods":"March 2026 vs April 2026"}""")).satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(e.path()).isEqualTo("$.metric");
            assertThat(e.getMessage()).contains("does not include the scope 'health:read' that compare_periods needs");
        });
        assertThat(refusal(ben, """
                        {"person":"ida","total":"minutes","periods":"last block vs this block"}""")).satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(e.path()).isEqualTo("$.periods");
            assertThat(e.getMessage()).contains("'programs:read'");
        });
    }

    @Test
    void badQuestionsAreRefusedNamingTheField() {
        // periods and a/b together
        assertInvalid(
                "{\"exercise\":\"bench\",\"periods\":\"January vs February\",\"a\":{\"period\":\"March\"}}",
                "$.periods");
        // one period only, or words without vs
        assertInvalid("{\"exercise\":\"bench\",\"periods\":\"January\"}", "$.periods");
        assertInvalid("{\"exercise\":\"bench\",\"a\":{\"period\":\"January 2026\"}}", "$.b");
        // no subject, two subjects
        assertThat(refusal(ida, "{\"periods\":\"January 2026 vs February 2026\"}"))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$");
                    assertThat(e.getMessage()).contains("exercise", "sport", "metric", "total");
                });
        assertInvalid("{\"exercise\":\"bench\",\"metric\":\"HRV\",\"periods\":\"January vs February\"}", "$.metric");
        // a measure that does not fit the subject names the ones that do
        assertThat(refusal(ida, "{\"exercise\":\"bench\",\"measure\":\"pace\",\"periods\":\"January vs February\"}"))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$.measure");
                    assertThat(e.getMessage()).contains("e1rm, top_weight, volume, hard_sets");
                });
        assertInvalid("{\"sport\":\"ride\",\"measure\":\"pace\",\"periods\":\"May vs June\"}", "$.measure");
        assertInvalid("{\"total\":\"load\",\"measure\":\"value\",\"periods\":\"May vs June\"}", "$.measure");
        // to before from, period next to from
        assertInvalid(
                "{\"exercise\":\"bench\",\"a\":{\"period\":\"January 2026\"},\"b\":{\"from\":\"2026-02-28\",\"to\":\"2026-02-01\"}}",
                "$.b.to");
        assertInvalid(
                "{\"exercise\":\"bench\",\"a\":{\"period\":\"January 2026\",\"from\":\"2026-01-01\"},\"b\":{\"period\":\"February 2026\"}}",
                "$.a.period");
        assertInvalid(
                "{\"exercise\":\"bench\",\"a\":{\"from\":\"2026-01-01\"},\"b\":{\"period\":\"February 2026\"}}",
                "$.a.to");
        // a categorical metric has no mean
        assertInvalid("{\"metric\":\"Zyklusphase\",\"periods\":\"March vs April\"}", "$.metric");
        // a name that resolves to no exercise is refused as get_exercise_progression refuses it, with the candidates
        assertThat(refusal(ida, "{\"exercise\":\"underwater basket weaving\",\"periods\":\"March vs April\"}"))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.path()).isEqualTo("$.exercise");
                    assertThat(e.details())
                            .hasValueSatisfying(
                                    d -> assertThat(d.has("candidates")).isTrue());
                });
    }

    private static void assertInvalid(String arguments, String path) {
        assertThat(refusal(ida, arguments)).satisfies(e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.path()).as(e.getMessage()).isEqualTo(path);
        });
    }

    private static ToolException refusal(Principal p, String arguments) {
        List<ToolException> thrown = new ArrayList<>();
        assertThatThrownBy(() -> invoke(p, "compare_periods", arguments))
                .isInstanceOfSatisfying(ToolException.class, thrown::add);
        return thrown.getFirst();
    }

    private static List<String> names(JsonNode assumptions) {
        List<String> names = new ArrayList<>();
        assumptions.forEach(a -> names.add(a.path("name").asText()));
        return names;
    }

    private static void bench(String key, String day, String sets) {
        invoke(
                ida,
                "log_workout",
                "{\"idempotency_key\":\"" + key + "\",\"started_at\":\"" + day
                        + "T18:00:00+01:00\",\"exercises\":[{\"exercise\":\"bench\",\"unit\":\"kg\",\"sets\":[" + sets
                        + "]}]}");
    }

    private static void restingHr(String key, String prefix, int[] days, int[] bpm) {
        StringBuilder readings = new StringBuilder();
        for (int i = 0; i < days.length; i++) {
            readings.append(i == 0 ? "" : ",")
                    .append("{\"metric\":\"resting_hr\",\"value\":")
                    .append(bpm[i])
                    .append(",\"at\":\"")
                    .append(prefix)
                    .append(days[i] < 10 && prefix.endsWith("-") ? "0" : "")
                    .append(days[i])
                    .append("T07:00:00+01:00\"}");
        }
        invoke(ida, "log_metrics", "{\"idempotency_key\":\"" + key + "\",\"readings\":[" + readings + "]}");
    }

    private static void activity(String key, String sport, String start, String elapsed, String km, String more) {
        invoke(
                ida,
                "log_activity",
                "{\"idempotency_key\":\"" + key + "\",\"sport\":\"" + sport + "\",\"started_at\":\""
                        + start + "\",\"elapsed\":\"" + elapsed + "\""
                        + (km.isEmpty() ? "" : ",\"distance\":" + km + ",\"unit\":\"km\"") + more + "}");
    }

    private static Principal principal(Accounts accounts, UUID person) {
        String key = accounts.createKey(person, "agent", Set.of("*"));
        return accounts.authenticate(key).orElseThrow();
    }

    private static JsonNode invoke(Principal p, String tool, String arguments) {
        try {
            return server.core()
                    .tools()
                    .invoke(
                            tool,
                            p,
                            Json.mapper().readTree(arguments),
                            new ToolCall.Origin(
                                    "api", UUID.randomUUID().toString(), Optional.empty(), Optional.empty()))
                    .toJson();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
