package dev.td.server.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.statistics.anomaly.AnomalyDetector;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * get_anomalies' outlier rule on pure noise flags about as many points as its nominal tail rate, and the reason its
 * threshold is 5.1, not 3.5.
 */
class AnomalyNoiseRateTest {

    /** Two-sided normal tail beyond 3.5: 2 · (1 − Φ(3.5)), R 4.4 {@code 2 * pnorm(-3.5)} = 4.652582e-04. */
    private static final double NOMINAL_PER_POINT = 4.652582e-4;

    private static final int SERIES = 20_000;
    private static final int RECENT = AnomalyAnalysis.RECENT_DAYS;
    private static final int DAYS = AnomalyAnalysis.BASELINE_POINTS + RECENT;

    /**
     * 20,000 series (seeds 1 to 20,000) of 42 daily values of N(60, 5²), today the last day: each of the last 14 days
     * is scored against the 28 values before it. Nominal: 4.65e-4 of points, 1 − (1 − 4.65e-4)^14 = 0.649 % of series
     * with any outlier. Iglewicz &amp; Hoaglin's 3.5 on the same points is printed beside it for the record.
     */
    @Test
    void onPureNoiseTheOutlierRateIsCloseToTheNominalTailRate() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        LocalDate recent = first.plusDays(AnomalyAnalysis.BASELINE_POINTS);
        long flaggedPoints = 0;
        int flaggedSeries = 0;
        long atThreePointFive = 0;
        AnomalyDetector iglewiczHoaglin = AnomalyDetector.withDefaults().withWindow(AnomalyAnalysis.BASELINE_POINTS);
        for (int seed = 1; seed <= SERIES; seed++) {
            Random random = new Random(seed);
            SortedMap<LocalDate, Double> days = new TreeMap<>();
            for (int d = 0; d < DAYS; d++) {
                days.put(first.plusDays(d), 60 + 5 * random.nextGaussian());
            }
            PersonSeries.Daily noise = new PersonSeries.Daily("noise", "", "metrics:read", days);
            Optional<ObjectNode> found = AnomalyAnalysis.outlier(noise, recent);
            if (found.isPresent()) {
                flaggedSeries++;
                flaggedPoints += found.get().path("flagged").asInt();
            }
            atThreePointFive += iglewiczHoaglin.rollingRobustZ(noise.values()).size();
        }
        double perPoint = flaggedPoints / (double) (SERIES * RECENT);
        double perSeries = flaggedSeries / (double) SERIES;
        double nominalPerSeries = 1 - Math.pow(1 - NOMINAL_PER_POINT, RECENT);
        double threePointFive = atThreePointFive / (double) (SERIES * RECENT);
        System.out.printf(
                "pure noise, %d series x %d days: |z| > %.1f flags %.2e of points (nominal %.2e), %.3f %% of series"
                        + " (nominal %.3f %%); |z| > 3.5 would flag %.2e of points (%.1f x nominal)%n",
                SERIES,
                RECENT,
                AnomalyAnalysis.OUTLIER_Z,
                perPoint,
                NOMINAL_PER_POINT,
                100 * perSeries,
                100 * nominalPerSeries,
                threePointFive,
                threePointFive / NOMINAL_PER_POINT);
        // ~130 points expected, SD ~11: ±35 % is beyond 3 SD
        assertThat(perPoint).isBetween(0.65 * NOMINAL_PER_POINT, 1.35 * NOMINAL_PER_POINT);
        assertThat(perSeries).isBetween(0.65 * nominalPerSeries, 1.35 * nominalPerSeries);
        // 3.5 against a median and MAD of 28 values is not 3.5 against a known centre and spread
        assertThat(threePointFive).isGreaterThan(10 * NOMINAL_PER_POINT);
    }
}
