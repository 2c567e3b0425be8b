package dev.td.server.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The stall rule at its edges: six sessions and 21 days without a new best, not five, not 20 days. */
class AnomalyRulesTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 9, 1);

    /** e1RMs of sessions every {@code gap} days from FIRST. */
    private static PersonSeries.Daily lift(int gap, double... e1rm) {
        SortedMap<LocalDate, Double> days = new TreeMap<>();
        for (int i = 0; i < e1rm.length; i++) {
            days.put(FIRST.plusDays((long) gap * i), e1rm[i]);
        }
        return new PersonSeries.Daily("squat_e1rm", "kg", PersonSeries.TRAINING_READ, days);
    }

    @Test
    void sixSessionsOverThreeWeeksWithoutANewBestAreAStall() {
        // best 110 at the 4th session (day 12), then 6 sessions every 4 days, none above it: 24 days
        Optional<ObjectNode> stall = AnomalyAnalysis.trend(lift(4, 100, 104, 107, 110, 108, 109, 110, 107, 109, 108));
        assertThat(stall).isPresent();
        assertThat(stall.get().path("kind").asText()).isEqualTo("stall");
        assertThat(stall.get().path("sessions_since").asInt()).isEqualTo(6);
        assertThat(stall.get().path("days_since").asInt()).isEqualTo(24);
        assertThat(stall.get().at("/best/value").asDouble()).isEqualTo(110);
        assertThat(stall.get().at("/best/date").asText())
                .isEqualTo(FIRST.plusDays(12).toString());
        assertThat(stall.get().path("points")).hasSize(7);
        assertThat(stall.get().path("headline").asText())
                .isEqualTo("squat_e1rm has set no new best in 6 sessions over 24 days: best 110 kg on 2026-09-13,"
                        + " latest 108 kg.");
    }

    @Test
    void fiveSessionsOrTwentyDaysAreNotYetAStall() {
        // five sessions after the best, 20 days
        assertThat(AnomalyAnalysis.trend(lift(4, 100, 104, 107, 110, 108, 109, 110, 107, 109)))
                .isEmpty();
        // six sessions after the best, but every 3 days: 18 days
        assertThat(AnomalyAnalysis.trend(lift(3, 100, 104, 107, 110, 108, 109, 110, 107, 109, 108)))
                .isEmpty();
        // a best equalled is not beaten, but a new best at the end ends the stall
        assertThat(AnomalyAnalysis.trend(lift(4, 100, 104, 107, 110, 108, 109, 110, 107, 109, 111)))
                .isEmpty();
    }
}
