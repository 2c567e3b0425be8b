package dev.td.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schema check the importer tests rely on refuses what td's event schemas refuse, naming where. */
class EventSchemasTest {

    @Test
    void aSetWithAFractionalRepCountAnOffScaleRpeAndAnUnknownFieldIsRefusedAtEach() {
        ObjectNode data = JsonNodeFactory.instance
                .objectNode()
                .put("session_id", "s")
                .put("exercise", "Squat")
                .put("set_type", "working")
                .put("reps", 5.5)
                .put("rpe", 8.3)
                .put("load", 1);

        assertThat(EventSchemas.problems(new Draft("set.logged", Instant.EPOCH, Optional.empty(), data, "x")))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("x set.logged/reps: "))
                .anySatisfy(p -> assertThat(p).startsWith("x set.logged/rpe: "))
                .anySatisfy(p -> assertThat(p).startsWith("x set.logged: ").contains("load"));
    }

    @Test
    void anActivityWithABadSportAZeroElapsedTimeAndFeetForADistanceIsRefusedAtEach() {
        ObjectNode data =
                JsonNodeFactory.instance.objectNode().put("activity_id", "a").put("sport", "Trail Run");
        data.put("elapsed_s", 0.0);
        data.putObject("distance").put("value", 1.0).put("unit", "ft");

        assertThat(EventSchemas.problems(new Draft("activity.logged", Instant.EPOCH, Optional.empty(), data, "y")))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("y activity.logged/sport: "))
                .anySatisfy(p -> assertThat(p).startsWith("y activity.logged/elapsed_s: "))
                .anySatisfy(p -> assertThat(p).startsWith("y activity.logged/distance/unit: "));
    }

    @Test
    void aSetMayLeaveItsExerciseIdToTheServer() {
        ObjectNode data = JsonNodeFactory.instance
                .objectNode()
                .put("session_id", "s")
                .put("exercise", "Squat")
                .put("set_type", "working")
                .put("reps", 5);

        assertThat(EventSchemas.problems(new Draft("set.logged", Instant.EPOCH, Optional.empty(), data, "z")))
                .isEmpty();
    }
}
