package dev.td.importers.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.importers.Draft;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every draft of every sample is valid for td's event schema of its type (additionalProperties false included). */
class FitDraftsFollowTdSchemasTest {

    private final EventSchemas schemas = new EventSchemas();

    @Test
    void everyDraftOfEverySampleFollowsItsEventSchema() throws Exception {
        int drafts = 0;
        for (Path file : FitActivitiesTest.activityFiles()) {
            for (Draft draft : FitSamples.read(file, FitSamples.utc()).drafts()) {
                assertThat(schemas.problems(draft.type(), draft.data()))
                        .as(file.getFileName() + " " + draft.recordId())
                        .isEmpty();
                drafts++;
            }
        }
        // 19 sessions (python-fitparse decode) and 4 + 2 weigh-in values
        assertThat(drafts).isEqualTo(25);
    }

    @Test
    void theSchemaCheckCatchesWhatTheSchemaForbids() {
        var bad = DataFields.object();
        bad.put("activity_id", "x");
        bad.put("sport", "Trail Run");
        bad.put("elapsed_s", 0);
        bad.put("pace", 5);

        assertThat(schemas.problems("activity.logged", bad))
                .containsExactlyInAnyOrder(
                        "data.sport: Trail Run does not match \"^[a-z][a-z0-9_]{0,39}$\"",
                        "data.elapsed_s: 0.0 <= exclusiveMinimum 0",
                        "data: pace is not a property");
    }
}
