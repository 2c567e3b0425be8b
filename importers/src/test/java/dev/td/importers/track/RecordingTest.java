package dev.td.importers.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The point columns shared by GPX and TCX, and the samples object they become. */
class RecordingTest {

    private static final Instant START = Instant.parse("2020-01-01T10:00:00Z");

    @Test
    void overOneHundredThousandPointsTheSamplesKeepEveryNthAndTheSummariesAll() {
        Recording recording = new Recording();
        for (int i = 0; i < 250_001; i++) {
            recording.add(START.plusSeconds(i), i, i == 250_000 ? 200 : 100, Double.NaN, Double.NaN, Double.NaN);
        }

        ObjectNode samples = recording.samples(START);

        // 250,001 points need a stride of 3 to fit td's 100,000: points 0, 3, 6, … 249,999
        assertThat(samples.path("time_s")).hasSize(83_334);
        assertThat(samples.at("/time_s/1").asDouble()).isEqualTo(3);
        assertThat(samples.path("hr")).hasSize(83_334);
        assertThat(samples.has("cadence")).isFalse();
        assertThat(recording.maxHr()).hasValue(200);
        assertThat(recording.lastTime()).isEqualTo(START.plusSeconds(250_000));
    }

    @Test
    void aValueOutsideTheSchemasRangeIsAGlitchKeptAsNoValue() {
        Recording recording = new Recording();
        recording.add(START, -1, 401, 301, 3001, 10_001);
        recording.add(START.plusSeconds(1), 0, 400, 300, 3000, -1000);

        JsonNode samples = recording.samples(START);

        for (String stream : new String[] {"distance_m", "hr", "cadence", "power_w", "altitude_m"}) {
            assertThat(samples.path(stream).get(0).isNull()).as(stream).isTrue();
            assertThat(samples.path(stream).get(1).isNumber()).as(stream).isTrue();
        }
        assertThat(recording.meanHr()).hasValue(400);
    }

    @Test
    void aPointEarlierThanTheOneBeforeIsLeftOutAndCounted() {
        Recording recording = new Recording();

        assertThat(recording.add(START.plusSeconds(10), 0, 100, 0, 0, 0)).isTrue();
        assertThat(recording.add(START.plusSeconds(10), 0, 100, 0, 0, 0))
                .as("the same time is kept")
                .isTrue();
        assertThat(recording.add(START.plusSeconds(5), 0, 100, 0, 0, 0)).isFalse();

        assertThat(recording.size()).isEqualTo(2);
        assertThat(recording.outOfOrderReason("point"))
                .contains("1 point was left out for being earlier than the point before");
        assertThat(recording.samples(START).path("time_s").toString()).isEqualTo("[10,10]");
    }
}
