package dev.td.cli.startup;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The training run bin/td records its start-up cache from: it must run through every command it
 * trains on (a failure would leave td without the cache, slow but working).
 */
class StartupTrainingTest {

    @Test
    void theTrainingRunCompletesAgainstItsStandInServer() {
        assertThatCode(() -> StartupTraining.main(new String[0])).doesNotThrowAnyException();
    }

    @Test
    void theTrainingRunWithDryRunCompletesToo() {
        assertThatCode(() -> StartupTraining.main(new String[] {"--dry-run"})).doesNotThrowAnyException();
    }
}
