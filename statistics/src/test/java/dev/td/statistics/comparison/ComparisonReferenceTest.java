package dev.td.statistics.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.HypothesisTest;
import dev.td.statistics.ReferenceValues;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Welch, Student, paired and one-sample t-tests and Hedges' g against every comparison value in
 * src/test/resources/stats/reference_values.json (R t.test output, SciPy and pingouin tests checked
 * against R); inputs, expected values, sources and digits are read from that file only.
 */
class ComparisonReferenceTest {

    static Stream<ReferenceValues.Check> comparisonValues() {
        return ReferenceValues.checks(ReferenceValues.Family.COMPARISON);
    }

    // Reference and tolerance per value: the case's "source" and "digits" in reference_values.json
    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisonValues")
    void comparisonMatchesThePublishedReferenceValue(ReferenceValues.Check check) {
        assertThat(check.actual().getAsDouble())
                .as("%s, %s (%s)", check.caseId(), check.quantity(), check.source())
                .isCloseTo(check.expected().doubleValue(), within(check.tolerance()));
    }

    // R_t.test_welch_1to10_vs_7to20_plus_200: the outlier 200 makes group b clearly non-normal
    @Test
    void welchTestReportsNonNormalityOfTheGroupWithTheOutlier() {
        String id = "R_t.test_welch_1to10_vs_7to20_plus_200";
        HypothesisTest t =
                WelchTest.withDefaults().test(ReferenceValues.input(id, "x"), ReferenceValues.input(id, "y"));
        assertThat(t.quality().assumptions()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("normality of b");
            assertThat(a.met()).isFalse();
        });
    }
}
