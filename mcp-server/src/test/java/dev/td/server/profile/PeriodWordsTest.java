package dev.td.server.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.tools.ToolException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The period grammar against a fixed today, Thursday 2026-10-15, every range worked out on a calendar by
 * hand: that week runs Mon 2026-10-12 to Sun 2026-10-18, the week before from Mon 10-05 to Sun 10-11.
 */
class PeriodWordsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);

    @ParameterizedTest(name = "{0} → {1}..{2}")
    @CsvSource(delimiter = '|', textBlock = """
            today                        | 2026-10-15 | 2026-10-15
            heute                        | 2026-10-15 | 2026-10-15
            yesterday                    | 2026-10-14 | 2026-10-14
            Gestern                      | 2026-10-14 | 2026-10-14
            this week                    | 2026-10-12 | 2026-10-18
            diese Woche                  | 2026-10-12 | 2026-10-18
            last week                    | 2026-10-05 | 2026-10-11
            letzte Woche                 | 2026-10-05 | 2026-10-11
            vergangene Woche             | 2026-10-05 | 2026-10-11
            previous week                | 2026-10-05 | 2026-10-11
            this month                   | 2026-10-01 | 2026-10-31
            diesen Monat                 | 2026-10-01 | 2026-10-31
            last month                   | 2026-09-01 | 2026-09-30
            letzten Monat                | 2026-09-01 | 2026-09-30
            this year                    | 2026-01-01 | 2026-12-31
            last year                    | 2025-01-01 | 2025-12-31
            letztes Jahr                 | 2025-01-01 | 2025-12-31
            last 7 days                  | 2026-10-09 | 2026-10-15
            die letzten 30 Tage          | 2026-09-16 | 2026-10-15
            last 4 weeks                 | 2026-09-18 | 2026-10-15
            in the last 4 weeks          | 2026-09-18 | 2026-10-15
            in den letzten 4 Wochen      | 2026-09-18 | 2026-10-15
            last 1 week                  | 2026-10-09 | 2026-10-15
            last 3 months                | 2026-07-16 | 2026-10-15
            letzte 2 Jahre               | 2024-10-16 | 2026-10-15
            June 2025                    | 2025-06-01 | 2025-06-30
            Juni 2025                    | 2025-06-01 | 2025-06-30
            im Juni 2025                 | 2025-06-01 | 2025-06-30
            jun 2025                     | 2025-06-01 | 2025-06-30
            März 2024                    | 2024-03-01 | 2024-03-31
            Maerz 2024                   | 2024-03-01 | 2024-03-31
            February 2028                | 2028-02-01 | 2028-02-29
            June                         | 2026-06-01 | 2026-06-30
            December                     | 2025-12-01 | 2025-12-31
            Oktober                      | 2026-10-01 | 2026-10-31
            2025                         | 2025-01-01 | 2025-12-31
            2026-06-03                   | 2026-06-03 | 2026-06-03
            2026-06                      | 2026-06-01 | 2026-06-30
            2026-W01                     | 2025-12-29 | 2026-01-04
            2026-06-01..2026-06-30       | 2026-06-01 | 2026-06-30
            2026-06-01/2026-06-30        | 2026-06-01 | 2026-06-30
            2026-06-01 to 2026-07-15     | 2026-06-01 | 2026-07-15
            2026-06 bis 2026-08          | 2026-06-01 | 2026-08-31
            since last month             | 2026-09-01 | 2026-10-15
            seit letztem Monat           | 2026-09-01 | 2026-10-15
            seit letzter Woche           | 2026-10-05 | 2026-10-15
            since June 2025              | 2025-06-01 | 2026-10-15
            seit Juni 2025               | 2025-06-01 | 2026-10-15
            since 2026-10-01             | 2026-10-01 | 2026-10-15
            """)
    void wordsResolveToTheDaysAPersonMeans(String words, LocalDate from, LocalDate to) {
        assertThat(PeriodWords.resolve(words, TODAY, "$.period")).isEqualTo(new DayRange(from, to));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "next week",
                "last fortnight",
                "last 0 days",
                "last 3 week",
                "the week after next",
                "2026-13",
                "2026-06-30..2026-06-01",
                "since 2027-01-01",
                "Juni 25",
                ""
            })
    void wordsTdDoesNotKnowAreRefusedAtTheFieldWithExamples(String words) {
        assertThatThrownBy(() -> PeriodWords.resolve(words, TODAY, "$.period"))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.period");
                    assertThat(e.getMessage()).contains("last week", "letzte Woche", "June 2025", "from/to");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"since the injury", "seit der Verletzung", "since my knee injury"})
    void sinceTheInjuryWaitsForALaterRelease(String words) {
        assertThatThrownBy(() -> PeriodWords.resolve(words, TODAY, "$.period"))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.period");
                    assertThat(e.getMessage()).contains("later release", "from: YYYY-MM-DD");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899", "last 50000 days", "December 1899"})
    void periodsBefore1900AreRefused(String words) {
        assertThatThrownBy(() -> PeriodWords.resolve(words, TODAY, "$.period"))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.getMessage()).contains("1900"));
    }
}
