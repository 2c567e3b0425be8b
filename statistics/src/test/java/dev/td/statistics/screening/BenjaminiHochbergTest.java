package dev.td.statistics.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    // Benjamini & Hochberg (1995), section 4: the 15 p-values of the myocardial-infarction study; at q = 0.05 the
    // procedure rejects the four smallest (Bonferroni three). Adjusted values from SciPy 1.17.1:
    // scipy.stats.false_discovery_control(p, method='bh'), which is R's p.adjust(p, "BH").
    private static final double[] PAPER = {
        0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590,
        1.000
    };
    private static final double[] PAPER_ADJUSTED = {
        0.0015,
        0.003,
        0.0095,
        0.035625,
        0.0603,
        0.06385714285714286,
        0.06385714285714286,
        0.0645,
        0.0765,
        0.486,
        0.5811818181818182,
        0.714875,
        0.7532307692307693,
        0.8132142857142857,
        1.0
    };

    @Test
    void thePapersExampleRejectsTheFourSmallestAndAdjustsAsScipyDoes() {
        double[] adjusted = BenjaminiHochberg.adjust(PAPER);
        for (int i = 0; i < PAPER.length; i++) {
            assertThat(adjusted[i]).as("adjusted p %d", i).isCloseTo(PAPER_ADJUSTED[i], within(1e-12));
        }
        boolean[] found = BenjaminiHochberg.discoveries(PAPER, 0.05);
        assertThat(found)
                .containsExactly(
                        true, true, true, true, false, false, false, false, false, false, false, false, false, false,
                        false);
    }

    @Test
    void adjustedValuesKeepTheOrderTheyWereGivenIn() {
        // SciPy: false_discovery_control([0.04, 0.01, 0.03, 0.005, 0.5]) = [0.05, 0.025, 0.05, 0.025, 0.5]
        assertThat(BenjaminiHochberg.adjust(new double[] {0.04, 0.01, 0.03, 0.005, 0.5}))
                .containsExactly(new double[] {0.05, 0.025, 0.05, 0.025, 0.5}, within(1e-15));
    }

    @Test
    void aPValueOutsideZeroToOneIsRefusedByName() {
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.2, 1.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p");
    }
}
