package dev.td.statistics.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.statistics.SimulatedCoverage;
import dev.td.statistics.descriptive.Descriptive;
import dev.td.statistics.trend.MannKendallTest;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The honesty of td's series statistics, measured in every build: a smaller run of the grid that
 * {@code bin/bench coverage} runs in full. The expected values are the goal (coverage in
 * [0.93, 0.97] of a nominal 95 % interval, type-I error ≤ 0.06 at α 0.05) or td's flag, never a
 * number the code produced; the tolerance is the simulation's own binomial error.
 */
class CoverageSimulationTest {

    private static final int RUNS = 300;
    // 2.5 binomial standard errors at p = 0.95 for 300 runs
    private static final double SLACK = 2.5 * Math.sqrt(0.95 * 0.05 / RUNS);

    private static final List<Procedure> SERIES = List.of(
            Procedure.MEAN,
            Procedure.THEIL_SEN,
            Procedure.LEAST_SQUARES,
            Procedure.MANN_KENDALL,
            Procedure.TWO_GROUPS,
            Procedure.PAIRED,
            Procedure.PEARSON);

    @Test
    void everySeriesIntervalAndTestIsWithinTheGoalWhereverTdDoesNotFlagItApproximate() {
        List<CoverageSimulation.Cell> cells = new CoverageSimulation(20261130L, RUNS)
                .grid(SERIES, List.of(Generator.values()), new int[] {10, 30, 100});
        System.out.print(CoverageSimulation.table(cells, new int[] {10, 30, 100}));
        assertThat(cells.stream().filter(c -> !c.honest(SLACK)).map(CoverageSimulationTest::describe))
                .as("cells outside the goal that td did not flag approximate")
                .isEmpty();
    }

    // The table SimulatedCoverage quotes to users must be what the methods do now: each AR(1) and iid-normal cell
    // re-measured here agrees with it within 3.5 binomial standard errors of this run plus those of the table's
    @Test
    void theCoverageTdQuotesWhenItFlagsAResultIsWhatTheMethodsDoNow() {
        CoverageSimulation simulation = new CoverageSimulation(7L, RUNS);
        Generator[] byPhi = {Generator.NORMAL, Generator.AR03, Generator.AR06, Generator.AR09};
        int[] sizes = SimulatedCoverage.nGrid();
        SimulatedCoverage.Kind[] kinds = {
            SimulatedCoverage.Kind.MEAN,
            SimulatedCoverage.Kind.THEIL_SEN_SLOPE,
            SimulatedCoverage.Kind.LEAST_SQUARES_SLOPE,
            SimulatedCoverage.Kind.MANN_KENDALL,
            SimulatedCoverage.Kind.TWO_GROUPS,
            SimulatedCoverage.Kind.PAIRED,
            SimulatedCoverage.Kind.CORRELATION
        };
        for (int k = 0; k < kinds.length; k++) {
            for (int ni = 0; ni < 3; ni++) {
                for (int pi = 0; pi < byPhi.length; pi++) {
                    double quoted = SimulatedCoverage.measured(kinds[k], ni, pi);
                    double rate =
                            simulation.cell(SERIES.get(k), byPhi[pi], sizes[ni]).rate();
                    double se = Math.sqrt(quoted * (1 - quoted) / RUNS) + Math.sqrt(quoted * (1 - quoted) / 2000);
                    assertThat(rate)
                            .as("%s, %s, n = %d", kinds[k], byPhi[pi].label(), sizes[ni])
                            .isBetween(quoted - 3.5 * se, quoted + 3.5 * se);
                }
            }
        }
    }

    // The case: Mann–Kendall let 8.0 % false trends through at φ 0.9, n 200 (3,000 runs, α 0.05). 1,000 runs
    // here: the rate must stay ≤ 0.06 + 1.5 SE; the classical test without the correction fails the same bar
    @Test
    void mannKendallKeepsFalseTrendsAtFivePercentOnAPersistentSeriesOfTwoHundred() {
        int runs = 1000;
        double bar = 0.06 + 1.5 * Math.sqrt(0.05 * 0.95 / runs);
        SplittableRandom random = new SplittableRandom(200);
        int corrected = 0;
        int classical = 0;
        for (int r = 0; r < runs; r++) {
            double[] series = Generator.AR09.sample(random, 200);
            corrected += MannKendallTest.withDefaults().test(series).significant() ? 1 : 0;
            classical += MannKendallTest.withDefaults()
                            .withIndependentObservations()
                            .test(series)
                            .significant()
                    ? 1
                    : 0;
        }
        assertThat((double) corrected / runs).isLessThanOrEqualTo(bar);
        assertThat((double) classical / runs)
                .as("the same bar catches an uncorrected test")
                .isGreaterThan(bar);
    }

    // The case: with the pre-test gate the mean's interval covered 0.898 at φ 0.3, n 50. 2,000 runs: the
    // correction applied by estimate must reach 0.93 − 1.5 SE; the uncorrected interval must not
    @Test
    void theMeanIntervalCoversOnAMildlyPersistentSeriesOfFifty() {
        int runs = 2000;
        double bar = 0.93 - 1.5 * Math.sqrt(0.95 * 0.05 / runs);
        SplittableRandom random = new SplittableRandom(50);
        int corrected = 0;
        int plain = 0;
        for (int r = 0; r < runs; r++) {
            double[] series = Generator.AR03.sample(random, 50);
            corrected += Descriptive.withDefaults().describe(series).meanCi().contains(0) ? 1 : 0;
            plain += Descriptive.withDefaults()
                            .withIndependentObservations()
                            .describe(series)
                            .meanCi()
                            .contains(0)
                    ? 1
                    : 0;
        }
        assertThat((double) corrected / runs).isGreaterThanOrEqualTo(bar);
        assertThat((double) plain / runs)
                .as("the same bar catches an uncorrected interval")
                .isLessThan(bar);
    }

    private static String describe(CoverageSimulation.Cell c) {
        return String.format(
                java.util.Locale.ROOT,
                "%s on %s, n = %d: rate %.3f, flagged %.2f, unflagged rate %.3f",
                c.procedure().label(),
                c.generator().label(),
                c.n(),
                c.rate(),
                c.flaggedShare(),
                c.unflaggedRate());
    }
}
