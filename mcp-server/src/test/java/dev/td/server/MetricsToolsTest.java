package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.CliRun;
import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Body metrics and health readings end to end over REST (and the CLI): log_metrics stores readings all or none,
 * get_metric_series reads them back per metric with baseline and trend. Every expected number is worked out by
 * hand in the comments.
 */
class MetricsToolsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final String KEY = TestServer.OWNER_KEY;

    private static Http.Answer log(String body) {
        return log(KEY, body);
    }

    private static Http.Answer log(String key, String body) {
        return Http.send("POST", server.baseUrl() + "/v1/metrics", key, body);
    }

    private static Http.Answer series(String query) {
        return series(KEY, query);
    }

    private static Http.Answer series(String key, String query) {
        return Http.send("GET", server.baseUrl() + "/v1/metrics" + query, key, null);
    }

    private static JsonNode ok(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    /** A person of their own, with a key that may do everything. */
    private static String person(String name) {
        UUID id = server.core().accounts().createUser(name);
        return server.core().accounts().createKey(id, "test", Set.of("*"));
    }

    @Test
    void aMorningCheckInIsLoggedInOneCallAndReadBackByMetric() {
        JsonNode logged =
                ok(log("{\"idempotency_key\":\"checkin-1\",\"at\":\"2026-11-24T07:30:00+01:00\",\"readings\":["
                        + "{\"metric\":\"bodyweight\",\"value\":81.4,\"unit\":\"kg\"},"
                        + "{\"metric\":\"sleep\",\"value\":440,\"unit\":\"min\"},"
                        + "{\"metric\":\"HRV\",\"value\":62}]}"));
        assertThat(logged.at("/data/stored").asInt()).isEqualTo(3);
        assertThat(logged.at("/data/readings").findValuesAsText("metric"))
                .containsExactly("body_weight", "sleep_duration", "hrv_rmssd");
        assertThat(logged.at("/data/readings").findValuesAsText("date")).containsOnly("2026-11-24");
        // HRV without a unit is in the metric's unit, ms
        assertThat(logged.at("/data/readings/2/unit").asText()).isEqualTo("ms");

        JsonNode weight =
                ok(series("?metric=bodyweight&from=2026-11-24&to=2026-11-24")).path("data");
        assertThat(weight.path("metric").asText()).isEqualTo("body_weight");
        assertThat(weight.path("unit").asText()).isEqualTo("kg");
        assertThat(weight.path("rows").toString()).isEqualTo("[[\"2026-11-24\",81.4,1]]");
        // sleep is kept in minutes: 7 h 20 min = 440 min
        JsonNode sleep =
                ok(series("?metric=Schlaf&from=2026-11-24&to=2026-11-24")).path("data");
        assertThat(sleep.path("unit").asText()).isEqualTo("min");
        assertThat(sleep.path("rows").toString()).isEqualTo("[[\"2026-11-24\",440,1]]");
        JsonNode hrv =
                ok(series("?metric=hrv_rmssd&from=2026-11-24&to=2026-11-24")).path("data");
        assertThat(hrv.path("rows").toString()).isEqualTo("[[\"2026-11-24\",62,1]]");
        assertThat(hrv.path("unit").asText()).isEqualTo("ms");
    }

    @Test
    void sleepInHoursIsShownInMinutesWithWhatWasSaid() {
        JsonNode logged = ok(log("{\"idempotency_key\":\"sleep-h\",\"at\":\"2026-11-02T07:00:00+01:00\",\"readings\":["
                + "{\"metric\":\"sleep_duration\",\"value\":7.5,\"unit\":\"hours\"}]}"));
        // 7.5 h × 60 = 450 min
        JsonNode r = logged.at("/data/readings/0");
        assertThat(r.path("value").asDouble()).isEqualTo(450.0);
        assertThat(r.path("unit").asText()).isEqualTo("min");
        assertThat(r.at("/as_logged/value").asDouble()).isEqualTo(7.5);
        assertThat(r.at("/as_logged/unit").asText()).isEqualTo("h");
    }

    @Test
    void poundsAreConvertedToKilogramsExactlyAndWhatWasSaidIsKept() {
        JsonNode logged = ok(log("{\"idempotency_key\":\"lb-1\",\"at\":\"2026-10-01T07:00:00Z\",\"readings\":["
                + "{\"metric\":\"weight\",\"value\":180,\"unit\":\"lbs\"}]}"));
        // 180 lb × 0.45359237 kg/lb = 81.6466266 kg, shown to 0.01
        JsonNode r = logged.at("/data/readings/0");
        assertThat(r.path("value").decimalValue()).isEqualByComparingTo("81.65");
        assertThat(r.path("unit").asText()).isEqualTo("kg");
        assertThat(r.at("/as_logged/unit").asText()).isEqualTo("lb");
        JsonNode stored = storedData(r.path("event_id").asText());
        assertThat(stored.path("value").decimalValue()).isEqualByComparingTo("180");
        assertThat(stored.path("unit").asText()).isEqualTo("lb");
    }

    @Test
    void englishAndGermanAliasesNameOneMetric() {
        JsonNode logged = ok(log("{\"idempotency_key\":\"alias-1\",\"at\":\"2026-10-03T07:00:00Z\",\"readings\":["
                + "{\"metric\":\"Körpergewicht\",\"value\":80},"
                + "{\"metric\":\"Ruhepuls\",\"value\":52},"
                + "{\"metric\":\"resting heart rate\",\"value\":50},"
                + "{\"metric\":\"Schlafdauer\",\"value\":7.5,\"unit\":\"Stunden\"},"
                + "{\"metric\":\"Zyklusphase\",\"label\":\"Eisprung\"}]}"));
        assertThat(logged.at("/data/readings").findValuesAsText("metric"))
                .containsExactly("body_weight", "resting_hr", "resting_hr", "sleep_duration", "menstrual_phase");
        assertThat(logged.at("/data/readings/4/label").asText()).isEqualTo("ovulating");
        // resting HR's daily rule is the day's lowest: min(52, 50) = 50
        JsonNode rhr = ok(series("?metric=rhr&from=2026-10-03&to=2026-10-03")).path("data");
        assertThat(rhr.path("daily_rule").asText()).isEqualTo("min");
        assertThat(rhr.path("rows").toString()).isEqualTo("[[\"2026-10-03\",50,2]]");
        JsonNode phase = ok(series("?metric=menstrual_phase&from=2026-10-03&to=2026-10-03"))
                .path("data");
        assertThat(phase.path("rows").toString()).isEqualTo("[[\"2026-10-03\",\"ovulating\",1]]");
        assertThat(phase.path("trend").isNull()).isTrue();
    }

    @Test
    void aNewNameBecomesTheMetricOfThePersonInTheUnitFirstUsed() {
        String key = person("custom");
        JsonNode first = ok(log(
                key,
                "{\"idempotency_key\":\"grip-1\",\"at\":\"2026-10-05T18:00:00Z\",\"readings\":["
                        + "{\"metric\":\"Grip Strength\",\"value\":52,\"unit\":\"kg\",\"source\":\"dynamometer\"}]}"));
        assertThat(first.at("/data/readings/0/metric").asText()).isEqualTo("grip_strength");
        assertThat(first.at("/data/readings/0/custom").asBoolean()).isTrue();
        assertThat(first.at("/context/notes/0").asText()).contains("grip_strength", "kg");
        // a known conversion: 110 lb × 0.45359237 = 49.8951607 kg
        JsonNode second = ok(log(
                key,
                "{\"idempotency_key\":\"grip-2\",\"at\":\"2026-10-06T18:00:00Z\",\"readings\":["
                        + "{\"metric\":\"grip_strength\",\"value\":110,\"unit\":\"lb\"}]}"));
        assertThat(second.at("/data/readings/0/value").decimalValue()).isEqualByComparingTo("49.9");
        assertThat(second.at("/data/readings/0/unit").asText()).isEqualTo("kg");
        // no conversion from glasses to kg: refused, naming the unit used so far
        long before = server.eventCount();
        Http.Answer glasses = log(
                key,
                "{\"idempotency_key\":\"grip-3\",\"at\":\"2026-10-07T18:00:00Z\",\"readings\":["
                        + "{\"metric\":\"grip_strength\",\"value\":3,\"unit\":\"glasses\"}]}");
        assertThat(glasses.status()).isEqualTo(400);
        assertThat(glasses.body().path("path").asText()).isEqualTo("$.readings[0].unit");
        assertThat(glasses.body().path("detail").asText()).contains("logged in kg so far");
        assertThat(server.eventCount()).isEqualTo(before);
        // the series is in kg: mean of the days, 52 and 49.8951607
        JsonNode grip = ok(series(key, "?metric=grip%20strength&from=2026-10-05&to=2026-10-06"))
                .path("data");
        assertThat(grip.path("custom").asBoolean()).isTrue();
        assertThat(grip.path("unit").asText()).isEqualTo("kg");
        assertThat(grip.path("rows").toString()).isEqualTo("[[\"2026-10-05\",52,1],[\"2026-10-06\",49.9,1]]");
        // a metric without a unit stays without one
        ok(log(
                key,
                "{\"idempotency_key\":\"med-1\",\"at\":\"2026-10-05T18:00:00Z\",\"readings\":["
                        + "{\"metric\":\"meditation_score\",\"value\":4}]}"));
        Http.Answer minutes = log(
                key,
                "{\"idempotency_key\":\"med-2\",\"at\":\"2026-10-06T18:00:00Z\",\"readings\":["
                        + "{\"metric\":\"meditation_score\",\"value\":15,\"unit\":\"min\"}]}");
        assertThat(minutes.status()).isEqualTo(400);
        assertThat(minutes.body().path("detail").asText()).contains("without a unit so far");
    }

    @Test
    void anImplausibleValueIsRefusedWithItsRangeAndNothingIsStoredUntilConfirmed() {
        long before = server.eventCount();
        String call = "\"idempotency_key\":\"typo-1\",\"at\":\"2026-10-10T07:00:00Z\",\"readings\":["
                + "{\"metric\":\"HRV\",\"value\":55},{\"metric\":\"weight\",\"value\":814,\"unit\":\"kg\"}]";
        Http.Answer refused = log("{" + call + "}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("path").asText()).isEqualTo("$.readings[1].value");
        assertThat(refused.body().path("detail").asText()).contains("814 kg", "20-350 kg", "confirm_unusual: true");
        assertThat(server.eventCount())
                .as("all or none: the valid HRV is not stored either")
                .isEqualTo(before);

        JsonNode confirmed = ok(log("{\"confirm_unusual\":true," + call + "}"));
        assertThat(confirmed.at("/data/stored").asInt()).isEqualTo(2);
        assertThat(storedData(confirmed.at("/data/readings/1/event_id").asText())
                        .path("unusual_confirmed")
                        .asBoolean())
                .isTrue();
        assertThat(storedData(confirmed.at("/data/readings/0/event_id").asText())
                        .has("unusual_confirmed"))
                .as("only the unusual reading is marked")
                .isFalse();
        // pounds: the range is named in the unit said too, 20-350 kg = 44.1-771.6 lb
        Http.Answer pounds = log("{\"idempotency_key\":\"typo-2\",\"at\":\"2026-10-10T07:00:00Z\",\"readings\":["
                + "{\"metric\":\"weight\",\"value\":1800,\"unit\":\"lb\"}]}");
        assertThat(pounds.body().path("detail").asText()).contains("44.1-771.6 lb");
        // a score off its scale is no typo to confirm
        Http.Answer mood = log("{\"idempotency_key\":\"typo-3\",\"confirm_unusual\":true,\"readings\":["
                + "{\"metric\":\"mood\",\"value\":7}]}");
        assertThat(mood.status()).isEqualTo(400);
        assertThat(mood.body().path("detail").asText()).contains("1 (very bad) to 5 (very good)");
    }

    @Test
    void aRetryAnswersTheSameAndStoresNothingWhileAChangedCallIsRefused() {
        String body = "{\"idempotency_key\":\"retry-1\",\"readings\":[{\"metric\":\"steps\",\"value\":8000}]}";
        JsonNode first = ok(log(body));
        long before = server.eventCount();
        JsonNode again = ok(log(body));
        assertThat(again.at("/data/replayed").asBoolean()).isTrue();
        assertThat(again.at("/data/stored").asInt()).isZero();
        assertThat(again.at("/data/readings/0/event_id").asText())
                .isEqualTo(first.at("/data/readings/0/event_id").asText());
        assertThat(again.at("/data/readings/0/date").asText())
                .as("the stored time, not a new now")
                .isEqualTo(first.at("/data/readings/0/date").asText());
        assertThat(server.eventCount()).isEqualTo(before);
        Http.Answer changed =
                log("{\"idempotency_key\":\"retry-1\",\"readings\":[{\"metric\":\"steps\",\"value\":9000}]}");
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.body().path("path").asText()).isEqualTo("$.idempotency_key");
        assertThat(server.eventCount()).isEqualTo(before);
    }

    @Test
    void severalReadingsOfOneDayCombineByTheMetricsDailyRule() {
        ok(log("{\"idempotency_key\":\"rule-1\",\"readings\":["
                + "{\"metric\":\"weight\",\"value\":80.0,\"unit\":\"kg\",\"at\":\"2026-09-10T07:00:00Z\"},"
                + "{\"metric\":\"weight\",\"value\":81.0,\"unit\":\"kg\",\"at\":\"2026-09-10T20:00:00Z\"},"
                + "{\"metric\":\"steps\",\"value\":3000,\"at\":\"2026-09-10T12:00:00Z\"},"
                + "{\"metric\":\"steps\",\"value\":4500,\"at\":\"2026-09-10T19:00:00Z\"},"
                + "{\"metric\":\"sleep\",\"value\":440,\"at\":\"2026-09-10T09:00:00Z\"},"
                + "{\"metric\":\"sleep\",\"value\":420,\"at\":\"2026-09-10T06:00:00Z\"}]}"));
        // body weight: mean, (80.0 + 81.0) / 2 = 80.5
        JsonNode weight =
                ok(series("?metric=weight&from=2026-09-10&to=2026-09-10")).path("data");
        assertThat(weight.path("daily_rule").asText()).isEqualTo("mean");
        assertThat(weight.path("rows").toString()).isEqualTo("[[\"2026-09-10\",80.5,2]]");
        // steps: sum, 3000 + 4500 = 7500
        JsonNode steps =
                ok(series("?metric=steps&from=2026-09-10&to=2026-09-10")).path("data");
        assertThat(steps.path("rows").toString()).isEqualTo("[[\"2026-09-10\",7500,2]]");
        // sleep: the last by the time it happened (09:00, 440 min), not the last logged (06:00, 420 min)
        JsonNode sleep =
                ok(series("?metric=sleep&from=2026-09-10&to=2026-09-10")).path("data");
        assertThat(sleep.path("daily_rule").asText()).isEqualTo("last");
        assertThat(sleep.path("rows").toString()).isEqualTo("[[\"2026-09-10\",440,2]]");
    }

    @Test
    void weeksAndMonthsCombineTheDailyValuesByThePeriodRule() {
        String[][] days = {
            {"2026-05-31", "79.0", "4000"},
            {"2026-06-01", "80.0", "5000"},
            {"2026-06-03", "81.0", "7000"},
            {"2026-06-07", "82.0", "9000"},
            {"2026-06-08", "83.0", "10000"},
            {"2026-06-10", "84.0", "12000"}
        };
        StringBuilder readings = new StringBuilder();
        for (String[] d : days) {
            readings.append(readings.isEmpty() ? "" : ",")
                    .append("{\"metric\":\"weight\",\"value\":" + d[1] + ",\"unit\":\"kg\",\"at\":\"" + d[0] + "\"},")
                    .append("{\"metric\":\"steps\",\"value\":" + d[2] + ",\"at\":\"" + d[0] + "\"}");
        }
        ok(log("{\"idempotency_key\":\"periods\",\"readings\":[" + readings + "]}"));
        // ISO weeks: W23 is Mon 1 June to Sun 7 June, W24 starts Mon 8 June (31 May is in W22, outside the range)
        JsonNode weeks = ok(series("?metric=weight&from=2026-06-01&to=2026-06-14&aggregate=week"))
                .path("data");
        assertThat(weeks.path("period_rule").asText()).isEqualTo("mean");
        assertThat(weeks.path("columns").toString()).isEqualTo("[\"week\",\"value\",\"days\"]");
        // W23: (80 + 81 + 82) / 3 = 81 over 3 days; W24: (83 + 84) / 2 = 83.5 over 2 days
        assertThat(weeks.path("rows").toString()).isEqualTo("[[\"2026-W23\",81,3],[\"2026-W24\",83.5,2]]");
        // steps add up: W23 5000 + 7000 + 9000 = 21000, W24 10000 + 12000 = 22000
        JsonNode stepWeeks = ok(series("?metric=steps&from=2026-06-01&to=2026-06-14&aggregate=week"))
                .path("data");
        assertThat(stepWeeks.path("period_rule").asText()).isEqualTo("sum");
        assertThat(stepWeeks.path("rows").toString()).isEqualTo("[[\"2026-W23\",21000,3],[\"2026-W24\",22000,2]]");
        // months: May holds 31 May only (79); June (80 + 81 + 82 + 83 + 84) / 5 = 82
        JsonNode months = ok(series("?metric=weight&from=2026-05-01&to=2026-06-30&aggregate=month"))
                .path("data");
        assertThat(months.path("rows").toString()).isEqualTo("[[\"2026-05\",79,1],[\"2026-06\",82,5]]");
    }

    @Test
    void theLatestDayIsComparedWithTheMedianAndMadOfThe28DaysBefore() {
        String key = person("baseline");
        // 8 baseline days (1-8 August), then the latest day, 20 August
        double[] values = {60, 62, 58, 65, 61, 59, 63, 70};
        StringBuilder readings = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            readings.append(i == 0 ? "" : ",")
                    .append("{\"metric\":\"hrv\",\"value\":" + values[i] + ",\"at\":\"2026-08-0" + (i + 1) + "\"}");
        }
        readings.append(",{\"metric\":\"hrv\",\"value\":45,\"at\":\"2026-08-20\"}");
        JsonNode logged = ok(log(key, "{\"idempotency_key\":\"hrv-days\",\"readings\":[" + readings + "]}"));
        // sorted 58 59 60 61 62 63 65 70: median (61 + 62) / 2 = 61.5; deviations 0.5 0.5 1.5 1.5 2.5 3.5 3.5 8.5:
        // MAD (1.5 + 2.5) / 2 = 2; spread 1.4826 × 2 = 2.9652; z = (45 - 61.5) / 2.9652 = -5.5645
        assertThat(logged.at("/context/anomalies/0").asText()).contains("hrv_rmssd 45 ms on 2026-08-20", "below");
        JsonNode hrv =
                ok(series(key, "?metric=hrv&from=2026-08-01&to=2026-08-20")).path("data");
        JsonNode baseline = hrv.path("baseline");
        assertThat(baseline.path("median").asDouble()).isEqualTo(61.5);
        assertThat(baseline.path("spread").asDouble()).isEqualTo(2.97);
        assertThat(baseline.path("n").asInt()).isEqualTo(8);
        assertThat(baseline.path("from").asText()).isEqualTo("2026-07-23");
        assertThat(baseline.path("to").asText()).isEqualTo("2026-08-19");
        assertThat(hrv.at("/latest/z").asDouble()).isEqualTo(-5.56);
        assertThat(hrv.at("/latest/value").asDouble()).isEqualTo(45.0);
        assertThat(hrv.at("/trend/n").asInt()).isEqualTo(9);
        assertThat(hrv.at("/trend/slope_per_week/method").asText()).isEqualTo("theil_sen");
        // a series of 6 days is too short for a trend, and says so
        JsonNode shortOne =
                ok(series(key, "?metric=hrv&from=2026-08-01&to=2026-08-06")).path("data");
        assertThat(shortOne.at("/trend/direction").asText()).isEqualTo("insufficient_data");
        assertThat(shortOne.at("/latest/z").isNull()).isTrue();
        assertThat(shortOne.at("/latest/note").asText()).contains("7 days");
    }

    @Test
    void aReadingLateInTheEveningCountsForThatDayInThePersonsZone() {
        String key = person("berlin");
        ok(Http.send(
                "PATCH",
                server.baseUrl() + "/v1/profile",
                key,
                "{\"idempotency_key\":\"p\",\"time_zone\":\"Europe/Berlin\",\"weight_unit\":\"lb\"}"));
        JsonNode logged = ok(log(
                key,
                "{\"idempotency_key\":\"late\",\"readings\":["
                        + "{\"metric\":\"steps\",\"value\":1000,\"at\":\"2026-03-10T23:30:00\"},"
                        // 00:30 in Berlin is 23:30 UTC the day before: still 11 March for the person
                        + "{\"metric\":\"steps\",\"value\":2000,\"at\":\"2026-03-11T00:30:00\"},"
                        + "{\"metric\":\"steps\",\"value\":3000,\"at\":\"2026-03-12\"},"
                        + "{\"metric\":\"weight\",\"value\":180}]}"));
        assertThat(logged.at("/data/readings").findValuesAsText("date").subList(0, 3))
                .containsExactly("2026-03-10", "2026-03-11", "2026-03-12");
        // without a unit, body weight is in the profile's unit: lb
        assertThat(logged.at("/data/readings/3/unit").asText()).isEqualTo("lb");
        assertThat(logged.at("/data/readings/3/value").asDouble()).isEqualTo(180.0);
        JsonNode steps =
                ok(series(key, "?metric=steps&from=2026-03-10&to=2026-03-12")).path("data");
        assertThat(steps.path("rows").toString())
                .isEqualTo("[[\"2026-03-10\",1000,1],[\"2026-03-11\",2000,1],[\"2026-03-12\",3000,1]]");
        JsonNode meta =
                ok(series(key, "?metric=steps&from=2026-03-10&to=2026-03-12")).path("meta");
        assertThat(meta.at("/period/time_zone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aTypoIsRefusedWithCandidatesAndKeptAsANewMetricWhenTheCallSaysSo() {
        long before = server.eventCount();
        Http.Answer typo =
                log("{\"idempotency_key\":\"typo-name\",\"readings\":[{\"metric\":\"weigth\",\"value\":80}]}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body().path("path").asText()).isEqualTo("$.readings[0].metric");
        assertThat(typo.body().at("/details/metric_candidates/0").asText()).isEqualTo("body_weight");
        Http.Answer bp =
                log("{\"idempotency_key\":\"bp\",\"readings\":[{\"metric\":\"blood pressure\",\"value\":120}]}");
        assertThat(bp.status()).isEqualTo(400);
        assertThat(bp.body().path("detail").asText()).contains("bp_systolic or bp_diastolic");
        assertThat(server.eventCount()).isEqualTo(before);
        JsonNode kept = ok(
                log(
                        "{\"idempotency_key\":\"typo-kept\",\"readings\":[{\"metric\":\"weigth\",\"value\":3,\"custom\":true}]}"));
        assertThat(kept.at("/data/readings/0/metric").asText()).isEqualTo("weigth");
        assertThat(kept.at("/data/readings/0/custom").asBoolean()).isTrue();
        Http.Answer label = log(
                "{\"idempotency_key\":\"bad-label\",\"readings\":[{\"metric\":\"cycle phase\",\"label\":\"blue\"}]}");
        assertThat(label.status()).isEqualTo(400);
        assertThat(label.body().path("path").asText()).isEqualTo("$.readings[0].label");
        assertThat(label.body().path("detail").asText()).contains("period, follicular, ovulating, luteal, none");
    }

    @Test
    void rawEventsOfMetricsPassTheSameChecks() {
        long before = server.eventCount();
        Http.Answer raw = Http.send(
                "POST",
                server.baseUrl() + "/v1/events",
                KEY,
                "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-10-20T07:00:00Z\","
                        + "\"data\":{\"metric\":\"weight\",\"value\":814,\"unit\":\"kg\"},\"idempotency_key\":\"raw-814\"}]}");
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.body().path("path").asText()).isEqualTo("$.events[0].data.value");
        assertThat(raw.body().path("detail").asText()).contains("unusual_confirmed");
        assertThat(server.eventCount()).isEqualTo(before);
        JsonNode stored = ok(
                Http.send(
                        "POST",
                        server.baseUrl() + "/v1/events",
                        KEY,
                        "{\"events\":[{\"type\":\"metric.recorded\",\"occurred_at\":\"2026-10-20T07:00:00Z\","
                                + "\"data\":{\"metric\":\"weight\",\"value\":81.4,\"unit\":\"kg\"},\"idempotency_key\":\"raw-81\"}]}"));
        String id = stored.at("/data/events/0/event_id").asText();
        // the raw alias counts for body_weight
        JsonNode weight =
                ok(series("?metric=body_weight&from=2026-10-20&to=2026-10-20")).path("data");
        assertThat(weight.path("rows").toString()).isEqualTo("[[\"2026-10-20\",81.4,1]]");
        Http.Answer correction = Http.send(
                "POST",
                server.baseUrl() + "/v1/events/" + id + "/corrections",
                KEY,
                "{\"idempotency_key\":\"raw-fix\",\"data\":{\"unit\":\"stone\",\"value\":900}}");
        assertThat(correction.status()).isEqualTo(400);
        assertThat(correction.body().path("path").asText()).isEqualTo("$.data.value");
        // corrected to 12.9 stone = 12.9 × 6.35029318 = 81.918782 kg, the series follows
        ok(Http.send(
                "POST",
                server.baseUrl() + "/v1/events/" + id + "/corrections",
                KEY,
                "{\"idempotency_key\":\"raw-fix-2\",\"data\":{\"unit\":\"st\",\"value\":12.9}}"));
        JsonNode corrected =
                ok(series("?metric=body_weight&from=2026-10-20&to=2026-10-20")).path("data");
        assertThat(corrected.path("rows").toString()).isEqualTo("[[\"2026-10-20\",81.92,1]]");
    }

    @Test
    void everyMetricOfAPersonFitsOneShortAnswer() {
        String key = person("thirty");
        List<String> metrics = new ArrayList<>(List.of(
                "body_weight",
                "body_fat",
                "muscle_mass",
                "waist",
                "body_temperature",
                "blood_glucose",
                "resting_hr",
                "max_hr",
                "hrv_rmssd",
                "hrv_sdnn",
                "spo2",
                "bp_systolic",
                "bp_diastolic",
                "avg_sleeping_hr",
                "respiration_rate",
                "vo2max",
                "steps",
                "sleep_duration",
                "sleep_score",
                "sleep_quality",
                "readiness",
                "soreness",
                "fatigue",
                "stress",
                "mood",
                "motivation",
                "kcal_intake",
                "carbohydrates",
                "protein"));
        double[] typical = {
            80, 18, 38, 85, 36.8, 5.2, 52, 188, 62, 70, 97, 120, 80, 55, 14, 52, 9000, 450, 82, 4, 75, 2, 2, 3, 4, 4,
            2400, 250, 150
        };
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        for (int day = 0; day < 8; day++) {
            StringBuilder readings = new StringBuilder();
            for (int m = 0; m < metrics.size(); m++) {
                readings.append(m == 0 ? "" : ",")
                        .append("{\"metric\":\"" + metrics.get(m) + "\",\"value\":" + typical[m] + ",\"at\":\""
                                + today.minusDays(8 - day) + "\"}");
            }
            readings.append(",{\"metric\":\"menstrual_phase\",\"label\":\"luteal\",\"at\":\"" + today.minusDays(8 - day)
                    + "\"}");
            ok(log(key, "{\"idempotency_key\":\"all-" + day + "\",\"readings\":[" + readings + "]}"));
        }
        Http.Answer all = series(key, "");
        JsonNode data = ok(all).path("data");
        assertThat(data.path("metrics")).hasSize(30);
        assertThat(data.path("columns").toString())
                .isEqualTo("[\"metric\",\"unit\",\"latest\",\"date\",\"baseline_median\",\"baseline_days\"]");
        String weight = data.path("metrics")
                .valueStream()
                .filter(row -> row.get(0).asText().equals("body_weight"))
                .findFirst()
                .map(JsonNode::toString)
                .orElse("no body_weight row");
        assertThat(weight)
                .as("7 days before the latest make a baseline")
                .isEqualTo("[\"body_weight\",\"kg\",80,\"" + today.minusDays(1) + "\",80,7]");
        int size = Json.mapper().valueToTree(all.body()).toString().length();
        System.out.printf("get_metric_series without a metric: 30 metrics, %,d characters%n", size);
        assertThat(size).isLessThan(8_000);

        // a day of body weight every day of the default 12 weeks
        StringBuilder daily = new StringBuilder();
        for (int day = 0; day < 84; day++) {
            daily.append(day == 0 ? "" : ",")
                    .append("{\"metric\":\"weight\",\"value\":" + (80 + (day % 7) / 10.0) + ",\"at\":\""
                            + today.minusDays(day) + "\"}");
        }
        ok(log(key, "{\"idempotency_key\":\"daily-84\",\"readings\":[" + daily + "]}"));
        Http.Answer twelveWeeks = series(key, "?metric=weight");
        JsonNode answer = ok(twelveWeeks);
        assertThat(answer.at("/data/aggregate").asText()).isEqualTo("day");
        assertThat(answer.at("/data/rows")).hasSize(84);
        assertThat(answer.at("/meta/period/asked").asText()).isEqualTo("default: the last 12 weeks");
        assertThat(answer.at("/meta/period/from").asText())
                .isEqualTo(today.minusDays(83).toString());
        int daySize = answer.toString().length();
        System.out.printf("get_metric_series, 84 daily values: %,d characters%n", daySize);
        assertThat(daySize).isLessThan(8_000);
    }

    @Test
    void theCliLogsAndReadsMetrics() {
        CliRun logged = CliRun.against(
                server,
                "{\"idempotency_key\":\"cli-metrics\",\"at\":\"2026-11-15T07:00:00Z\",\"readings\":[{\"metric\":\"Ruhepuls\",\"value\":48}]}",
                "log-metrics",
                "--input",
                "-");
        assertThat(logged.exit()).as(logged.err()).isZero();
        assertThat(logged.json().at("/data/readings/0/metric").asText()).isEqualTo("resting_hr");
        CliRun read = CliRun.against(
                server,
                "",
                "get-metric-series",
                "--metric",
                "resting_hr",
                "--from",
                "2026-11-15",
                "--to",
                "2026-11-15");
        assertThat(read.exit()).as(read.err()).isZero();
        assertThat(read.json().at("/data/rows/0/1").asDouble()).isCloseTo(48, within(1e-9));
    }

    /** An event's data as stored, read from the events table. */
    private static JsonNode storedData(String eventId) {
        try (Connection c = server.core().database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT data::text FROM events WHERE event_id = ?")) {
            ps.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("event " + eventId + " is stored").isTrue();
                return Json.mapper().readTree(rs.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
