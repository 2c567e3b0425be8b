package dev.td.statistics.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.statistics.Alternative;
import org.junit.jupiter.api.Test;

/** Exact null distributions, enumerated by hand for the smallest cases. */
class RankDistributionsTest {

    // Subsets of ranks {1, 2, 3} and their sums: {} 0, {1} 1, {2} 2, {3} 3, {1,2} 3, {1,3} 4, {2,3} 5,
    // {1,2,3} 6 → counts 1, 1, 1, 2, 1, 1, 1 over 8
    @Test
    void signedRankOfThreeHasOneEntryPerAttainableSum() {
        assertThat(RankDistributions.signedRank(3))
                .containsExactly(1 / 8.0, 1 / 8.0, 1 / 8.0, 2 / 8.0, 1 / 8.0, 1 / 8.0, 1 / 8.0);
    }

    // The C(4, 2) = 6 orderings of two a's and two b's: aabb U 0, abab 1, abba 2, baab 2, baba 3, bbaa 4
    @Test
    void mannWhitneyOfTwoAndTwoHasOneEntryPerAttainableU() {
        assertThat(RankDistributions.mannWhitney(2, 2)).containsExactly(1 / 6.0, 1 / 6.0, 2 / 6.0, 1 / 6.0, 1 / 6.0);
    }

    // P(V ≤ 0) = P(V ≥ 6) = 1/8 for n = 3; at the centre V = 3 both tails are 5/8 and the two-sided p is capped at 1
    @Test
    void pValuesIncludeTheObservedValueInEachTail() {
        double[] p = RankDistributions.signedRank(3);
        assertThat(RankDistributions.pValue(p, 0, Alternative.LESS)).isEqualTo(0.125);
        assertThat(RankDistributions.pValue(p, 0, Alternative.GREATER)).isEqualTo(1.0);
        assertThat(RankDistributions.pValue(p, 6, Alternative.GREATER)).isEqualTo(0.125);
        assertThat(RankDistributions.pValue(p, 1, Alternative.LESS)).isEqualTo(0.25);
        assertThat(RankDistributions.pValue(p, 3, Alternative.TWO_SIDED)).isEqualTo(1.0);
        assertThat(RankDistributions.pValue(p, 1, Alternative.TWO_SIDED)).isEqualTo(0.5);
    }
}
