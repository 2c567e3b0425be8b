package dev.td.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.importers.Draft;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schema check the importer tests rely on finds what td's schema refuses. */
class EventSchemaTest {

    @Test
    void aSetWithAnUnknownFieldAnOffScaleRpeAndAFractionalRepCountIsRefused() {
        ObjectNode data = JsonNodeFactory.instance
                .objectNode()
                .put("session_id", "s")
                .put("exercise", "Squat")
                .put("set_type", "working")
                .put("reps", 5.5)
                .put("rpe", 8.3)
                .put("load", 1);

        assertThat(EventSchema.problems(new Draft("set.logged", Instant.EPOCH, Optional.empty(), data, "x")))
                .containsExactlyInAnyOrder(
                        "x set.logged.reps: 5.5 is not of type \"integer\"",
                        "x set.logged.rpe: 8.3 is not a multiple of 0.5",
                        "x set.logged: load is not a property of the schema");
    }

    @Test
    void anActivityWithAZeroElapsedTimeAndAMileDistanceInFeetIsRefused() {
        ObjectNode data =
                JsonNodeFactory.instance.objectNode().put("activity_id", "a").put("sport", "Trail Run");
        data.put("elapsed_s", 0.0);
        data.putObject("distance").put("value", 1.0).put("unit", "ft");

        assertThat(EventSchema.problems(new Draft("activity.logged", Instant.EPOCH, Optional.empty(), data, "y")))
                .containsExactlyInAnyOrder(
                        "y activity.logged.sport: \"Trail Run\" does not match \"^[a-z][a-z0-9_]{0,39}$\"",
                        "y activity.logged.elapsed_s: 0.0 is not above 0",
                        "y activity.logged.distance.unit: \"ft\" is not one of [\"km\",\"mi\",\"m\",\"yd\"]");
    }
}
