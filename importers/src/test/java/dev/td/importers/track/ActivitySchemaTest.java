package dev.td.importers.track;

import static dev.td.importers.track.Imported.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.td.importers.Draft;
import dev.td.importers.EventSchemas;
import dev.td.importers.Importer;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every draft of every sample is valid for td's {@code activity.logged} schema, read from the schema module
 * ({@code ../schema/src/main/resources/td/event-types/activity.logged.json}) and checked here with the few JSON Schema
 * keywords it uses; an unknown keyword fails the test rather than passing unchecked.
 */
class ActivitySchemaTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gpx/togeojson/run.gpx",
                "gpx/togeojson/run_gpxtpx.gpx",
                "gpx/togeojson/missing_hr.gpx",
                "tcx/python-tcxparser/test.tcx",
                "tcx/python-tcxparser/sup_activity_1.tcx",
                "tcx/python-tcxparser/no_hr.tcx"
            })
    void everyDraftFollowsTheActivityLoggedSchema(String file) throws IOException {
        Importer importer = file.endsWith(".gpx") ? new GpxImporter() : new TcxImporter();

        for (Draft draft : Imported.read(importer, sample(file)).drafts()) {
            assertThat(draft.type()).isEqualTo("activity.logged");
            assertThat(EventSchemas.problems(draft)).as(file).isEmpty();
            assertThat(draft.recordId().length()).isLessThanOrEqualTo(Draft.MAX_RECORD_ID);
        }
    }
}
