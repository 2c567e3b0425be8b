package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.ToolCatalog;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** get_exercise_progression's description names the field its answer carries the trend's verdict in. */
class ProgressionDescriptionTest {

    @Test
    void theDescriptionNamesTrendDirectionAndItsValues() {
        String description = ToolCatalog.load()
                .find("get_exercise_progression")
                .orElseThrow()
                .description();
        assertThat(description)
                .contains("verdict in trend.direction", "improving", "stalled", "declining", "insufficient_data");
    }

    @Test
    void theTrendCarriesTheFieldTheDescriptionNames() {
        // six weekly sessions rising by 2.5 kg: every pairwise slope is +2.5 kg/week, so the
        // Theil–Sen interval is [2.5, 2.5] and the direction is improving
        List<LocalDate> dates = IntStream.range(0, 6)
                .mapToObj(i -> LocalDate.of(2026, 6, 1).plusWeeks(i))
                .toList();
        double[] e1rm = {100, 102.5, 105, 107.5, 110, 112.5};
        ObjectNode trend = StrengthTrend.of(dates, e1rm, Units.KG).trend();
        assertThat(trend.path("direction").asText()).isEqualTo("improving");
    }
}
