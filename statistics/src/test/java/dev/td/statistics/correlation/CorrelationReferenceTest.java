package dev.td.statistics.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.statistics.ReferenceValues;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pearson, Spearman and Kendall against every correlation value in
 * src/test/resources/stats/reference_values.json (R cor.test output, SciPy and pingouin tests checked
 * against R, mpmath); inputs, expected values, sources and digits are read from that file only.
 */
class CorrelationReferenceTest {

    static Stream<ReferenceValues.Check> correlationValues() {
        return ReferenceValues.checks(ReferenceValues.Family.CORRELATION);
    }

    // Reference and tolerance per value: the case's "source" and "digits" in reference_values.json
    @ParameterizedTest(name = "{0}")
    @MethodSource("correlationValues")
    void correlationMatchesThePublishedReferenceValue(ReferenceValues.Check check) {
        assertThat(check.actual().getAsDouble())
                .as("%s, %s (%s)", check.caseId(), check.quantity(), check.source())
                .isCloseTo(check.expected().doubleValue(), within(check.tolerance()));
    }
}
