package dev.td.statistics.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The screen's promises checked by simulation, not on a single case: on pure noise the share of people with any
 * reported correlation stays at the stated false discovery rate (under the global null every discovery is false,
 * so FDR = P(any)); with one planted effect it is found, and the share of false ones among the discoveries stays
 * at the rate. Each simulated person: five daily predictors over 180 days (AR(1), φ 0.5, a fifth of the days
 * missing) and two outcomes measured on training days (every 2–3 days) that rise over the months with AR(1)
 * noise (φ 0.3): 5 × 2 × 4 lags = 40 tests a person.
 */
class CorrelationScreenTest {

    private static final int PEOPLE = 400;
    private static final int DAYS = 180;

    @Test
    void onPureNoiseTheShareOfPeopleWithAnyReportedCorrelationStaysAtTheFalseDiscoveryRate() {
        Random random = new Random(20261130);
        CorrelationScreen screen = CorrelationScreen.withDefaults();
        int anyFound = 0;
        int tests = 0;
        int found = 0;
        for (int person = 0; person < PEOPLE; person++) {
            Person p = Person.generate(random, 0);
            CorrelationScreen.Screen s = screen.screen(p.predictors(), p.outcomes());
            tests += s.family();
            found += s.discoveries().size();
            anyFound += s.discoveries().isEmpty() ? 0 : 1;
        }
        double share = anyFound / (double) PEOPLE;
        double se = Math.sqrt(0.05 * 0.95 / PEOPLE);
        System.out.printf(
                "screen on pure noise: %d people, %d tests, %d reported (%.4f of tests); people with any: %.4f"
                        + " (FDR 0.05, 3.5 SE = %.4f)%n",
                PEOPLE, tests, found, found / (double) tests, share, 3.5 * se);
        assertThat(tests).isEqualTo(PEOPLE * 40);
        assertThat(share).isLessThanOrEqualTo(0.05 + 3.5 * se);
    }

    @Test
    void aPlantedEffectOfSleepOnTheNextDaysSquatIsFoundAndFalseOnesStayAtTheRate() {
        Random random = new Random(7);
        CorrelationScreen screen = CorrelationScreen.withDefaults();
        int plantedFound = 0;
        double falseShareSum = 0;
        int withDiscoveries = 0;
        for (int person = 0; person < PEOPLE; person++) {
            Person p = Person.generate(random, 0.8);
            CorrelationScreen.Screen s = screen.screen(p.predictors(), p.outcomes());
            List<CorrelationScreen.Finding> discoveries = s.discoveries();
            boolean planted = discoveries.stream()
                    .anyMatch(f -> f.predictor().equals("sleep") && f.outcome().equals("squat") && f.lag() == 1);
            plantedFound += planted ? 1 : 0;
            // the planted pair is related at every lag (sleep is persistent); any other pair found is false
            long falses = discoveries.stream()
                    .filter(f -> !(f.predictor().equals("sleep") && f.outcome().equals("squat")))
                    .count();
            if (!discoveries.isEmpty()) {
                withDiscoveries++;
                falseShareSum += falses / (double) discoveries.size();
            }
        }
        double power = plantedFound / (double) PEOPLE;
        double fdr = falseShareSum / PEOPLE; // FDR = E[V/R], V/R taken as 0 when nothing is found
        System.out.printf(
                "screen with sleep(d-1) -> squat(d) planted (effect 0.8 SD): found in %.4f of %d people; observed"
                        + " FDR %.4f (%d people with discoveries)%n",
                power, PEOPLE, fdr, withDiscoveries);
        assertThat(power).isGreaterThanOrEqualTo(0.8);
        assertThat(fdr).isLessThanOrEqualTo(0.05 + 3.5 * Math.sqrt(0.05 * 0.95 / PEOPLE));
    }

    @Test
    void twoSeriesThatOnlyBothRiseOverTheMonthsAreNotReported() {
        // weight and squat both climb by a straight line plus independent noise: raw r would be near 1
        Random random = new Random(3);
        int[] days = new int[60];
        double[] weight = new double[60];
        double[] squat = new double[60];
        for (int i = 0; i < 60; i++) {
            days[i] = 2 * i;
            weight[i] = 80 + 0.05 * days[i] + random.nextGaussian() * 0.3;
            squat[i] = 140 + 0.4 * days[i] + random.nextGaussian() * 2;
        }
        CorrelationScreen.Screen s = CorrelationScreen.withDefaults()
                .withMaxLag(0)
                .screen(
                        List.of(new CorrelationScreen.Series("weight", days, weight)),
                        List.of(new CorrelationScreen.Series("squat", days, squat)));
        assertThat(s.family()).isEqualTo(1);
        assertThat(Math.abs(s.findings().getFirst().correlation().coefficient()))
                .isLessThan(0.4);
        assertThat(s.discoveries()).isEmpty();
    }

    @Test
    void pairsMatchTheOutcomeDayWithThePredictorLagDaysBefore() {
        // by hand: outcome days 3, 5, 9 with lag 2 want predictor days 1, 3, 7; the predictor has 1 and 7 only
        CorrelationScreen.Series x = new CorrelationScreen.Series("x", new int[] {1, 2, 7}, new double[] {10, 20, 70});
        CorrelationScreen.Series y = new CorrelationScreen.Series("y", new int[] {3, 5, 9}, new double[] {3, 5, 9});
        double[][] pairs = CorrelationScreen.pairs(x, y, 2);
        assertThat(pairs[0]).containsExactly(10, 70);
        assertThat(pairs[1]).containsExactly(3, 9);
        assertThat(pairs[2]).containsExactly(3, 9);
    }

    @Test
    void tooFewPairedDaysAreListedAsNotTestedAndLeftOutOfTheFamily() {
        int[] days = {1, 2, 3, 4, 5, 6};
        double[] v = {1, 3, 2, 5, 4, 6};
        CorrelationScreen.Screen s = CorrelationScreen.withDefaults()
                .screen(
                        List.of(new CorrelationScreen.Series("a", days, v)),
                        List.of(new CorrelationScreen.Series("b", days, v)));
        assertThat(s.family()).isZero();
        assertThat(s.notTested()).hasSize(4).first().asString().contains("a → b at lag 0: 6 paired days");
        assertThat(s.fdr()).isEqualTo(0.05);
    }

    /** One simulated person: predictors sleep, hrv, rhr, weight, mood; outcomes squat and bench. */
    private record Person(List<CorrelationScreen.Series> predictors, List<CorrelationScreen.Series> outcomes) {

        static Person generate(Random random, double effect) {
            String[] names = {"sleep", "hrv", "rhr", "weight", "mood"};
            List<CorrelationScreen.Series> predictors = new ArrayList<>();
            double[] sleepByDay = new double[DAYS];
            boolean[] sleepLogged = new boolean[DAYS];
            for (String name : names) {
                double[] all = ar1(random, DAYS, 0.5);
                List<Integer> kept = new ArrayList<>();
                for (int d = 0; d < DAYS; d++) {
                    if (random.nextDouble() >= 0.2) {
                        kept.add(d);
                    }
                }
                if (name.equals("sleep")) {
                    sleepByDay = all;
                    for (int d : kept) {
                        sleepLogged[d] = true;
                    }
                }
                predictors.add(series(name, kept, all));
            }
            List<CorrelationScreen.Series> outcomes = new ArrayList<>();
            for (String name : new String[] {"squat", "bench"}) {
                List<Integer> sessions = new ArrayList<>();
                for (int d = random.nextInt(3); d < DAYS; d += 2 + random.nextInt(2)) {
                    sessions.add(d);
                }
                double[] noise = ar1(random, sessions.size(), 0.3);
                double[] byDay = new double[DAYS];
                for (int i = 0; i < sessions.size(); i++) {
                    int d = sessions.get(i);
                    double lift = 0.02 * d + noise[i];
                    if (name.equals("squat") && d >= 1) {
                        lift += effect * sleepByDay[d - 1];
                    }
                    byDay[d] = lift;
                }
                outcomes.add(series(name, sessions, byDay));
            }
            return new Person(predictors, outcomes);
        }

        private static CorrelationScreen.Series series(String name, List<Integer> days, double[] byDay) {
            int[] d = days.stream().mapToInt(Integer::intValue).toArray();
            double[] v = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                v[i] = byDay[d[i]];
            }
            return new CorrelationScreen.Series(name, d, v);
        }

        /** A stationary AR(1) series of unit variance. */
        private static double[] ar1(Random random, int n, double phi) {
            double[] x = new double[n];
            double innovation = Math.sqrt(1 - phi * phi);
            x[0] = random.nextGaussian();
            for (int i = 1; i < n; i++) {
                x[i] = phi * x[i - 1] + innovation * random.nextGaussian();
            }
            return x;
        }
    }
}
