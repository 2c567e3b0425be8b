package dev.td.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The progress line's text, for byte counts chosen so the expected lines can be worked out by hand. */
class ProgressBarTest {

    @Test
    void halfwayIsRoundedDownInCellsAndPercentWithMegabytesToOneDecimal() {
        // 2.1 of 4.0 MB: 52.5 % → 52; 5.25 of 10 cells → 5
        assertThat(ProgressBar.render("run.fit", 2_100_000, 4_000_000, 10))
                .isEqualTo("run.fit  [#####.....] 52% 2.1/4.0 MB");
    }

    @Test
    void aByteShortOfTheEndIsNotYetAHundredPercent() {
        // 3,999,999 of 4,000,000: 99.99997 % → 99; 9.999 cells → 9; 3.999999 MB shows as 4.0
        assertThat(ProgressBar.render("run.fit", 3_999_999, 4_000_000, 10))
                .isEqualTo("run.fit  [#########.] 99% 4.0/4.0 MB");
    }

    @Test
    void smallFilesCountInBytesWithoutDecimals() {
        assertThat(ProgressBar.render("a.gpx", 0, 900, 4)).isEqualTo("a.gpx  [....] 0% 0/900 B");
        assertThat(ProgressBar.render("a.gpx", 900, 900, 4)).isEqualTo("a.gpx  [####] 100% 900/900 B");
    }

    @Test
    void theTotalsUnitIsUsedForBothAmounts() {
        assertThat(ProgressBar.render("x.tcx", 1_500, 3_000, 10)).isEqualTo("x.tcx  [#####.....] 50% 1.5/3.0 kB");
        // 0.999999999 of 4 GB: 24.99999 % → 24; 1.999999 of 8 cells → 1
        assertThat(ProgressBar.render("export.zip", 999_999_999, 4_000_000_000L, 8))
                .isEqualTo("export.zip  [#.......] 24% 1.0/4.0 GB");
    }

    @Test
    void anEmptyFileIsCompleteAtOnce() {
        assertThat(ProgressBar.render("empty.csv", 0, 0, 5)).isEqualTo("empty.csv  [#####] 100% 0/0 B");
    }

    @Test
    void moreSentThanTheTotalShowsTheTotal() {
        assertThat(ProgressBar.render("a", 1_200, 1_000, 2)).isEqualTo("a  [##] 100% 1.0/1.0 kB");
    }

    @Test
    void aLongNameIsCutToThirtyCharactersWithAnEllipsis() {
        assertThat(ProgressBar.render("a-very-long-export-name-2024-11.csv", 0, 10, 2))
                .isEqualTo("a-very-long-export-name-2024-…  [..] 0% 0/10 B");
    }

    @Test
    void aBarNeedsAtLeastOneCell() {
        assertThatThrownBy(() -> ProgressBar.render("a", 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width must be at least 1");
    }
}
