package dev.td.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps src/test/resources/stats/reference_values.json and the reference tests in step: a case or an
 * expected value added to the file without a td computation to compare it with fails here.
 */
class ReferenceValuesCoverageTest {
    private final ReferenceValues.Catalogue catalogue = ReferenceValues.catalogue();

    @Test
    void everyCaseIdIsUnique() {
        assertThat(catalogue.caseIds()).doesNotHaveDuplicates();
    }

    @Test
    void everyCaseIsComparedOrListedAsNotCoveredWithAReason() {
        Set<String> compared = catalogue.checks().stream()
                .map(c -> c.caseId().replaceFirst("[\\[/].*", ""))
                .collect(Collectors.toSet());
        List<String> neither = catalogue.caseIds().stream()
                .filter(id -> !compared.contains(id) && !ReferenceValues.NOT_COVERED.containsKey(id))
                .toList();
        assertThat(neither).as("cases with no check and no reason").isEmpty();
        assertThat(ReferenceValues.NOT_COVERED.keySet())
                .as("not-covered cases that are in the file and have no checks")
                .allSatisfy(id -> {
                    assertThat(catalogue.caseIds()).contains(id);
                    assertThat(compared).doesNotContain(id);
                });
    }

    @Test
    void everyExpectedValueOfACoveredCaseIsComparedOrListedAsNotChecked() {
        assertThat(catalogue.unmapped())
                .as("expected values no td computation is compared with")
                .isEmpty();
        assertThat(new HashSet<>(catalogue.keys())).containsAll(ReferenceValues.NOT_CHECKED.keySet());
    }
}
