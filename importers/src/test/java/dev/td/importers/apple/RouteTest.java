package dev.td.importers.apple;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A route longer than td's 100,000 samples, and points after the workout's end. */
class RouteTest {

    // 250,000 points one a second: every 3rd is kept (ceil(250,000 / 100,000) = 3), 83,334 of them.
    @Test
    void aRouteOverTheSampleLimitIsThinnedEvenlyAndSaysSo() {
        Route route = new Route();
        long start = 1_500_000_000_000L;
        for (int i = 0; i < 250_000; i++) {
            route.add(new Route.Point(start + i * 1000L, 47.0, 8.0 + i * 1e-5, 400.0));
        }

        Route.Samples samples = route.samples(start, start + 250_000_000L);

        JsonNode time = samples.samples().orElseThrow().get("time_s");
        assertThat(time.size()).isEqualTo(83_334);
        assertThat(time.get(1).asDouble()).isEqualTo(3.0);
        assertThat(samples.notes())
                .containsExactly("the route's 250000 points are thinned to one in 3 (83334), td keeps at most 100000");
    }

    @Test
    void pointsAfterTheEndAreLeftOutAndAltitudesOutOfRangeAreNull() {
        Route route = new Route();
        route.add(new Route.Point(1000, 0, 0, 12_000.0));
        route.add(new Route.Point(2000, 0, 0, null));
        route.add(new Route.Point(9000, 0, 0, 5.0));

        Route.Samples samples = route.samples(1000, 5000);

        JsonNode node = samples.samples().orElseThrow();
        assertThat(node.get("time_s")).extracting(JsonNode::asDouble).containsExactly(0.0, 1.0);
        assertThat(node.get("altitude_m")).extracting(JsonNode::isNull).containsExactly(true, true);
        assertThat(samples.notes())
                .containsExactly("1 of 3 route points lie outside the workout's start and end and are left out");
    }
}
