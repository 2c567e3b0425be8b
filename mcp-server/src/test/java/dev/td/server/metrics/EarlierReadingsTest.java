package dev.td.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.server.wiring.TdCore;
import dev.td.testkit.Http;
import dev.td.testkit.TestDatabases;
import dev.td.testkit.TestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readings stored before the metric projections existed (raw log_events) are folded on the first start with them:
 * the engine rebuilds every projection it has not recorded as built at its version (projection_versions, V6).
 */
class EarlierReadingsTest {

    @Test
    void readingsLoggedBeforeTheMetricProjectionsExistedAreFoldedOnTheFirstStart() throws Exception {
        try (TestServer server = TestServer.start()) {
            Http.Answer logged = Http.send(
                    "POST",
                    server.baseUrl() + "/v1/events",
                    TestServer.OWNER_KEY,
                    "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-10-01T07:00:00Z\","
                            + "\"data\":{\"metric\":\"weight\",\"value\":81.4,\"unit\":\"kg\"},\"idempotency_key\":\"old-1\"}]}");
            assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);
            // as the database of a td from before: the events, and no metric projections
            try (Connection c = server.core().database().dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM projection_states WHERE projection IN ('metric_days', 'metric_index')");
                s.executeUpdate("DELETE FROM projection_versions WHERE projection IN ('metric_days', 'metric_index')");
            }
            UUID owner = server.core().accounts().localOwner().userId();
            MetricDaysProjection days = new MetricDaysProjection(MetricRegistry.bundled());
            assertThat(server.core().projections().readAll(owner, days)).isEmpty();

            try (TdCore again = TdCore.open(Optional.of(server.databaseUrl()), TestDatabases.tempDir("td-earlier"))) {
                Map<String, MetricDaysProjection.Month> months =
                        again.projections().readAll(owner, days);
                assertThat(months).containsOnlyKeys("body_weight/2026-10");
                MetricDaysProjection.Month october =
                        java.util.Objects.requireNonNull(months.get("body_weight/2026-10"));
                assertThat(java.util.Objects.requireNonNull(october.days().get("2026-10-01"))
                                .sum())
                        .isEqualTo(81.4);
            }
        }
    }
}
