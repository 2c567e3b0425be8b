package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.td.tools.ToolException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Times as agents write them. Expected instants are worked out from the published zone rules: Berlin is
 * UTC+1 in winter and UTC+2 from 2026-03-29 01:00Z to 2026-10-25 01:00Z; New York is UTC−5 in winter.
 */
class TimeInputTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String PATH = "$.events[0].occurred_at";

    @Test
    void anOffsetThatMatchesThePersonsZoneKeepsTheNamedZone() {
        TimeInput.Moment m = TimeInput.occurredAt("2026-11-24T07:30:00+01:00", Optional.empty(), BERLIN, PATH, NOW);
        assertThat(m.instant()).isEqualTo(Instant.parse("2026-11-24T06:30:00Z"));
        assertThat(m.zone()).isEqualTo(BERLIN);
    }

    @Test
    void anOffsetThatDoesNotMatchThePersonsZoneIsKeptAsTheOffset() {
        TimeInput.Moment m = TimeInput.occurredAt("2026-11-24T07:30:00-05:00", Optional.empty(), BERLIN, PATH, NOW);
        assertThat(m.instant()).isEqualTo(Instant.parse("2026-11-24T12:30:00Z"));
        assertThat(m.zone()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    void aSummerOffsetMatchesTheSameZoneInSummer() {
        TimeInput.Moment m = TimeInput.occurredAt("2026-07-01T07:30:00+02:00", Optional.empty(), BERLIN, PATH, NOW);
        assertThat(m.instant()).isEqualTo(Instant.parse("2026-07-01T05:30:00Z"));
        assertThat(m.zone()).isEqualTo(BERLIN);
    }

    @Test
    void anExplicitZoneWinsOverTheOffsetsOwnZone() {
        TimeInput.Moment m =
                TimeInput.occurredAt("2026-11-24T07:30:00+01:00", Optional.of("America/New_York"), BERLIN, PATH, NOW);
        assertThat(m.instant()).isEqualTo(Instant.parse("2026-11-24T06:30:00Z"));
        assertThat(m.zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void aLocalTimeIsReadInTheExplicitZoneElseInThePersonsZone() {
        TimeInput.Moment inNewYork =
                TimeInput.occurredAt("2026-11-24T07:30:00", Optional.of("America/New_York"), BERLIN, PATH, NOW);
        assertThat(inNewYork.instant()).isEqualTo(Instant.parse("2026-11-24T12:30:00Z"));
        assertThat(inNewYork.zone()).isEqualTo(ZoneId.of("America/New_York"));

        TimeInput.Moment inBerlin = TimeInput.occurredAt("2026-11-24T07:30:00", Optional.empty(), BERLIN, PATH, NOW);
        assertThat(inBerlin.instant()).isEqualTo(Instant.parse("2026-11-24T06:30:00Z"));
        assertThat(inBerlin.zone()).isEqualTo(BERLIN);
    }

    @Test
    void aLocalTimeInTheSpringGapMovesForwardByTheGap() {
        // 02:30 does not exist in Berlin on 2026-03-29 (clocks go 02:00 → 03:00): it is read as 03:30 CEST
        TimeInput.Moment m = TimeInput.occurredAt("2026-03-29T02:30:00", Optional.empty(), BERLIN, PATH, NOW);
        assertThat(m.instant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aBadExplicitZoneIsReportedAtTheSiblingTimeZoneField() {
        assertThatThrownBy(() ->
                        TimeInput.occurredAt("2026-11-24T07:30:00", Optional.of("Mars/Olympus"), BERLIN, PATH, NOW))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.events[0].time_zone");
                    assertThat(e.getMessage()).contains("'Mars/Olympus' is not a time zone", "IANA");
                });
        assertThatThrownBy(() ->
                        TimeInput.occurredAt("2026-11-24T07:30:00", Optional.of("Nowhere"), BERLIN, "occurred_at", NOW))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.path()).isEqualTo("occurred_at.time_zone"));
    }

    @Test
    void aValueThatIsNoDateTimeNamesTheFieldAndBothAcceptedForms() {
        assertThatThrownBy(() -> TimeInput.occurredAt("yesterday", Optional.empty(), BERLIN, PATH, NOW))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.path()).isEqualTo(PATH);
                    assertThat(e.getMessage())
                            .contains("'yesterday' is not a date-time", "+01:00", "2026-11-24T07:30:00 (local");
                });
    }

    @Test
    void upToADayAheadIsAcceptedAndAnyLaterIsRefused() {
        assertThat(TimeInput.occurredAt("2026-11-25T12:00:00Z", Optional.empty(), BERLIN, PATH, NOW)
                        .instant())
                .isEqualTo(NOW.plusSeconds(86_400));
        assertThatThrownBy(() -> TimeInput.occurredAt("2026-11-25T12:00:01Z", Optional.empty(), BERLIN, PATH, NOW))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.path()).isEqualTo(PATH);
                    assertThat(e.getMessage()).contains("more than a day in the future");
                });
    }

    @Test
    void aDateBoundIsMidnightInThePersonsZoneAndADateTimeBoundKeepsItsOffset() {
        assertThat(TimeInput.bound("2026-11-01", BERLIN, "$.from")).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(TimeInput.bound("2026-07-01", BERLIN, "$.from")).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(TimeInput.bound("2026-11-01T00:00:00-05:00", BERLIN, "$.from"))
                .isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
        assertThatThrownBy(() -> TimeInput.bound("Nov 1", BERLIN, "$.to"))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.to");
                    assertThat(e.getMessage()).contains("'Nov 1' is neither a date");
                });
    }

    @Test
    void isoAlwaysWritesSecondsAndTheOffset() {
        assertThat(StoredEvent.iso(OffsetDateTime.parse("2026-11-24T07:30+01:00")))
                .isEqualTo("2026-11-24T07:30:00+01:00");
        assertThat(StoredEvent.iso(OffsetDateTime.parse("2026-11-24T07:30:00Z")))
                .isEqualTo("2026-11-24T07:30:00Z");
    }

    @Test
    void occurredAtFrom1900OnIsAcceptedAndTheSecondBeforeIsRefusedNamingThePath() {
        assertThat(TimeInput.occurredAt("1900-01-01T00:00:00Z", Optional.empty(), BERLIN, PATH, NOW)
                        .instant())
                .isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThatThrownBy(() -> TimeInput.occurredAt("1899-12-31T23:59:59Z", Optional.empty(), BERLIN, PATH, NOW))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.path()).isEqualTo(PATH);
                    assertThat(e.getMessage()).contains("before 1900");
                });
        assertThatThrownBy(() -> TimeInput.occurredAt("0000-01-01T00:00:00Z", Optional.empty(), BERLIN, PATH, NOW))
                .isInstanceOf(ToolException.class);
    }

    @Test
    void queryBoundsRunFrom1900To9999AndBeyondAreRefusedNamingThePath() {
        ZoneId utc = ZoneOffset.UTC;
        assertThat(TimeInput.bound("1900-01-01", utc, "$.from")).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(TimeInput.bound("9999-12-31", utc, "$.to")).isEqualTo(Instant.parse("9999-12-31T00:00:00Z"));
        assertThatThrownBy(() -> TimeInput.bound("1899-12-31", utc, "$.from"))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.path()).isEqualTo("$.from"));
        assertThatThrownBy(() -> TimeInput.bound("9999-12-31T00:00:01Z", utc, "$.to"))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.path()).isEqualTo("$.to"));
        assertThatThrownBy(() -> TimeInput.bound("-5000-01-01T00:00:00Z", utc, "$.from"))
                .isInstanceOf(ToolException.class);
    }
}
