package dev.td.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profile;
import dev.td.server.profile.Profiles;
import dev.td.server.profile.ZoneInUse;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What other capabilities read through {@link Metrics} (training load needs resting and maximum heart rate, an
 * overview the latest value against the baseline): daily values in the metric's canonical unit, from the stored
 * projections of a real server.
 */
class PublishedMetricsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** The person's profile does not matter here: published values are in canonical units. */
    private static final Profiles NO_PROFILE = new Profiles() {
        @Override
        public Profile profile(UUID user) {
            return Profile.empty();
        }

        @Override
        public ZoneInUse zoneInUse(UUID user) {
            return ZoneInUse.fallback();
        }
    };

    private static Metrics metrics;
    private static UUID owner;

    @BeforeAll
    static void log() {
        // resting HR on 1-10 July: 50 52 51 49 53 50 51 52 50, then 60; max HR once, 15 June; weight in pounds
        int[] rhr = {50, 52, 51, 49, 53, 50, 51, 52, 50, 60};
        StringBuilder readings = new StringBuilder();
        for (int i = 0; i < rhr.length; i++) {
            readings.append("{\"metric\":\"Ruhepuls\",\"value\":" + rhr[i] + ",\"at\":\"2026-07-"
                    + String.format("%02d", i + 1) + "\"},");
        }
        readings.append("{\"metric\":\"HFmax\",\"value\":192,\"at\":\"2026-06-15\"},");
        readings.append("{\"metric\":\"weight\",\"value\":200,\"unit\":\"lb\",\"at\":\"2026-07-10\"}");
        Http.Answer logged = Http.send(
                "POST",
                server.baseUrl() + "/v1/metrics",
                TestServer.OWNER_KEY,
                "{\"idempotency_key\":\"published\",\"readings\":[" + readings + "]}");
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
        metrics = new MetricViews(server.core().projections(), MetricRegistry.bundled(), NO_PROFILE);
        owner = server.core().accounts().localOwner().userId();
    }

    @Test
    void theLatestValueAsOfADateIsTheLastDayOnOrBeforeIt() {
        Metrics.DailyValue rhr =
                metrics.latest(owner, "resting_hr", LocalDate.of(2026, 7, 5)).orElseThrow();
        assertThat(rhr.date()).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(rhr.value().getAsDouble()).isEqualTo(53.0);
        assertThat(rhr.unit()).isEqualTo("bpm");
        // an earlier month is looked up when the asked one has nothing
        Metrics.DailyValue max =
                metrics.latest(owner, "max_hr", LocalDate.of(2026, 7, 31)).orElseThrow();
        assertThat(max.date()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(max.value().getAsDouble()).isEqualTo(192.0);
        assertThat(metrics.latest(owner, "max_hr", LocalDate.of(2026, 6, 14))).isEmpty();
        // pounds are read back in kilograms: 200 × 0.45359237 = 90.718474
        assertThat(metrics.latest(owner, "Körpergewicht", LocalDate.of(2026, 7, 10))
                        .orElseThrow()
                        .value()
                        .getAsDouble())
                .isCloseTo(90.718474, within(1e-9));
    }

    @Test
    void aSeriesHoldsTheDaysOfTheRangeOldestFirst() {
        List<Metrics.DailyValue> days =
                metrics.series(owner, "rhr", new DayRange(LocalDate.of(2026, 7, 3), LocalDate.of(2026, 7, 6)));
        assertThat(days).extracting(d -> d.value().getAsDouble()).containsExactly(51.0, 49.0, 53.0, 50.0);
        assertThat(days).extracting(Metrics.DailyValue::readings).containsOnly(1);
    }

    @Test
    void theLatestValueIsComparedWithTheBaselineOfThe28DaysBefore() {
        Metrics.Deviation d = metrics.latestAgainstBaseline(owner, "resting_hr", LocalDate.of(2026, 7, 10))
                .orElseThrow();
        // baseline: 1-9 July, sorted 49 50 50 50 51 51 52 52 53, median 51; deviations 0 0 1 1 1 1 1 2 2, MAD 1;
        // spread 1.4826 × 1; z = (60 − 51) / 1.4826 = 6.07042…
        assertThat(d.baseline().median().getAsDouble()).isEqualTo(51.0);
        assertThat(d.baseline().spread().getAsDouble()).isEqualTo(1.4826);
        assertThat(d.baseline().days()).isEqualTo(9);
        assertThat(d.baseline().from()).isEqualTo(LocalDate.of(2026, 6, 12));
        assertThat(d.robustZ().getAsDouble()).isCloseTo(9 / 1.4826, within(1e-9));
    }
}
