package dev.td.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line redrawn in place on a terminal, and left out elsewhere. */
class ProgressLineTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(written, true, StandardCharsets.UTF_8);

    private String written() {
        return written.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalEachLineOverwritesTheLastAndTheOutcomeClearsIt() {
        ProgressLine line = new ProgressLine(err, true);

        line.show("run.fit  [##..] 50%");
        line.show("run.fit  importing…");
        line.finish("run.fit: fit, stored 1");

        // the shorter second line is padded over the first (19 characters each here, so no padding),
        // the outcome first blanks the 19 characters shown
        assertThat(written())
                .isEqualTo("\rrun.fit  [##..] 50%\rrun.fit  importing…\r" + " ".repeat(19) + "\r"
                        + "run.fit: fit, stored 1" + System.lineSeparator());
    }

    @Test
    void aShorterLinePadsOverTheLongerOneBeforeIt() {
        ProgressLine line = new ProgressLine(err, true);

        line.show("abcdef");
        line.show("xy");

        assertThat(written()).isEqualTo("\rabcdef\rxy    ");
    }

    @Test
    void updatesComingFasterThanTenASecondAreDropped() {
        long[] now = {0};
        ProgressLine line = new ProgressLine(err, true, () -> now[0]);

        line.update("1%");
        now[0] = 99_000_000L;
        line.update("2%");
        now[0] = 100_000_000L;
        line.update("3%");
        line.update("3%");

        assertThat(written()).isEqualTo("\r1%\r3%");
    }

    @Test
    void elsewhereOnlyTheOutcomesAreWritten() {
        ProgressLine line = new ProgressLine(err, false);

        line.show("run.fit  [##..] 50%");
        line.update("run.fit  [###.] 75%");
        line.finish("run.fit: fit, stored 1");

        assertThat(written()).isEqualTo("run.fit: fit, stored 1" + System.lineSeparator());
    }
}
