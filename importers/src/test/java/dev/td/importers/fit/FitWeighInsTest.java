package dev.td.importers.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.td.importers.Draft;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Weight-scale files from Garmin's FIT SDK examples (in python-fitparse's test files). Values: the survey's SDK decode
 * (§1 table), which python-fitparse's decode (_decoded_summary.json message counts: weight_scale ×2) agrees with.
 */
class FitWeighInsTest {

    @Test
    void eachReadingGivesBodyWeightAndBodyFat() {
        CollectingSink sink = FitSamples.read("WeightScaleSingleUser.fit");

        assertThat(sink.drafts())
                .extracting(
                        Draft::type,
                        Draft::occurredAt,
                        d -> d.data().path("metric").asText(),
                        d -> d.data().path("value").asDouble(),
                        d -> d.data().path("unit").asText(),
                        d -> d.data().path("source").asText())
                .containsExactly(
                        tuple(
                                "metric.recorded",
                                Instant.parse("2009-09-09T21:38:00Z"),
                                "body_weight",
                                75.8,
                                "kg",
                                "fit"),
                        tuple("metric.recorded", Instant.parse("2009-09-09T21:38:00Z"), "body_fat", 22.3, "%", "fit"),
                        tuple(
                                "metric.recorded",
                                Instant.parse("2009-09-09T22:38:00Z"),
                                "body_weight",
                                76.09,
                                "kg",
                                "fit"),
                        tuple("metric.recorded", Instant.parse("2009-09-09T22:38:00Z"), "body_fat", 25.1, "%", "fit"));
        assertThat(sink.drafts()).allSatisfy(d -> assertThat(d.timeZone()).isEmpty());
        assertThat(sink.skipped()).isEmpty();
    }

    @Test
    void aSharedScaleGivesUserZerosReadingsAndReportsTheOtherUsersAsSkipped() {
        // WeightScaleMultiUser.fit: user 0 75.8 kg 22.3 % @21:38Z, user 1 58.2 kg 25.1 % @22:38Z
        CollectingSink sink = FitSamples.read("WeightScaleMultiUser.fit");

        assertThat(sink.drafts())
                .extracting(
                        d -> d.data().path("metric").asText(),
                        d -> d.data().path("value").asDouble())
                .containsExactly(tuple("body_weight", 75.8), tuple("body_fat", 22.3));
        assertThat(sink.skipped())
                .containsExactly("weight_scale reading at 2009-09-09T22:38:00Z: another user of the scale (user 1)");
    }

    @Test
    void eachReadingAndMetricHasItsOwnRecordId() {
        // file_id serial_number 1234, time_created 621463080; reading timestamps 621466680 and 621470280 (SDK dump)
        assertThat(FitSamples.read("WeightScaleSingleUser.fit").drafts())
                .extracting(Draft::recordId)
                .containsExactly(
                        "fit:1234:621463080:w621466680:body_weight",
                        "fit:1234:621463080:w621466680:body_fat",
                        "fit:1234:621463080:w621470280:body_weight",
                        "fit:1234:621463080:w621470280:body_fat");
    }
}
