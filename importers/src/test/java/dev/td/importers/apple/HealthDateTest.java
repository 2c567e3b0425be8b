package dev.td.importers.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Apple's "yyyy-MM-dd HH:mm:ss Z", parsed by hand. */
class HealthDateTest {

    // The survey's example: the same instant written -0700 in export.xml and -0800 in the zip's route.
    @Test
    void theSameInstantWrittenInTwoOffsetsIsOneInstantOnItsOwnLocalDay() {
        HealthDate summer = HealthDate.parse("2016-11-14 07:25:44 -0700");
        HealthDate winter = HealthDate.parse("2016-11-14 06:25:44 -0800");

        assertThat(summer.instant()).isEqualTo(Instant.parse("2016-11-14T14:25:44Z"));
        assertThat(winter.instant()).isEqualTo(summer.instant());
        assertThat(summer.offsetSeconds()).isEqualTo(-7 * 3600);
        assertThat(LocalDate.ofEpochDay(winter.localEpochDay())).isEqualTo(LocalDate.of(2016, 11, 14));
    }

    @Test
    void halfHourOffsetsAndLateEveningsKeepTheirLocalDay() {
        HealthDate india = HealthDate.parse("2020-01-01 00:10:00 +0530");

        assertThat(india.instant()).isEqualTo(Instant.parse("2019-12-31T18:40:00Z"));
        assertThat(LocalDate.ofEpochDay(india.localEpochDay())).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(LocalDate.ofEpochDay(
                        HealthDate.parse("2019-12-31 23:59:59 -1000").localEpochDay()))
                .isEqualTo(LocalDate.of(2019, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2016-11-14T07:25:44Z",
                "2016-11-14 07:25:44",
                "2016-11-14 07:25:44 0700",
                "2016-02-30 07:25:44 -0700",
                "2016-11-14 24:00:00 -0700",
                "2016-11-1x 07:25:44 -0700"
            })
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> HealthDate.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
