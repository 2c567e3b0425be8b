package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.tools.ErrorCode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodesTest {

    @TempDir
    Path temp;

    @Test
    void helpExitCodesListsEveryCodeFromZeroToSixAndEveryServerCode() {
        TdRunner.Result help = new TdRunner(temp).run("help", "exit-codes");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("0  ok")
                .contains("1  error")
                .contains("2  usage")
                .contains("3  not found")
                .contains("4  auth")
                .contains("5  conflict")
                .contains("6  offline");
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(help.out())
                    .contains(code.wireName() + " ")
                    .contains("exit " + code.exitCode() + ": " + code.meaning());
        }
    }

    @Test
    void knownWireCodeDecidesOverTheHttpStatus() {
        assertThat(ExitCodes.forProblem(400, Optional.of("not_found"))).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(ExitCodes.forProblem(500, Optional.of("conflict"))).isEqualTo(ExitCodes.CONFLICT);
    }

    @Test
    void unknownOrMissingWireCodeFallsBackToTheStatus() {
        assertThat(ExitCodes.forProblem(401, Optional.of("something_new"))).isEqualTo(ExitCodes.AUTH);
        assertThat(ExitCodes.forProblem(403, Optional.empty())).isEqualTo(ExitCodes.AUTH);
        assertThat(ExitCodes.forProblem(404, Optional.empty())).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(ExitCodes.forProblem(409, Optional.empty())).isEqualTo(ExitCodes.CONFLICT);
        assertThat(ExitCodes.forProblem(422, Optional.empty())).isEqualTo(ExitCodes.USAGE);
        assertThat(ExitCodes.forProblem(413, Optional.empty())).isEqualTo(ExitCodes.USAGE);
        assertThat(ExitCodes.forProblem(502, Optional.empty())).isEqualTo(ExitCodes.ERROR);
    }

    @Test
    void everyErrorCodeMapsToTheExitCodeOfTheTable() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ExitCodes.forProblem(code.httpStatus(), Optional.of(code.wireName())))
                    .as(code.wireName())
                    .isEqualTo(code.exitCode());
        }
    }
}
