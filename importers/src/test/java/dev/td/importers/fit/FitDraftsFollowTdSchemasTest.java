package dev.td.importers.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.importers.Draft;
import dev.td.importers.EventSchemas;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every draft of every sample is valid for td's event schema of its type (additionalProperties false included). */
class FitDraftsFollowTdSchemasTest {

    @Test
    void everyDraftOfEverySampleFollowsItsEventSchema() throws Exception {
        int drafts = 0;
        for (Path file : FitActivitiesTest.activityFiles()) {
            for (Draft draft : FitSamples.read(file, FitSamples.utc()).drafts()) {
                assertThat(EventSchemas.problems(draft.type(), draft.data()))
                        .as(file.getFileName() + " " + draft.recordId())
                        .isEmpty();
                drafts++;
            }
        }
        // 19 sessions (python-fitparse decode) and 4 + 2 weigh-in values
        assertThat(drafts).isEqualTo(25);
    }
}
