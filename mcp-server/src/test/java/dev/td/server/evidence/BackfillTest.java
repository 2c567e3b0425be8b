package dev.td.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backfill rule at its edges: 24 hours exactly is on time, recorded at the claim's before is not. */
class BackfillTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant SET = Instant.parse("2026-02-10T17:00:00Z");
    private static final Optional<Claim.Bound> MARCH =
            Optional.of(new Claim.Bound(Instant.parse("2026-02-28T23:00:00Z"), "2026-03-01"));

    @Test
    void recordedTwentyFourHoursAfterTheSetIsOnTimeAndOneSecondMoreIsNot() {
        assertThat(Backfill.of(SET, SET.plusSeconds(24 * 3600), false, MARCH, BERLIN))
                .isEqualTo(Backfill.ON_TIME);
        Backfill late = Backfill.of(SET, SET.plusSeconds(24 * 3600 + 1), false, MARCH, BERLIN);
        assertThat(late.backfilled()).isTrue();
        assertThat(late.explanation())
                .hasValue("Recorded on 2026-02-11, 24 hours after it happened: td vouches for when it learned of this"
                        + " set, not for when it happened.");
    }

    @Test
    void recordedAtTheClaimsBeforeIsBackfilledAndJustEarlierIsNot() {
        Instant before = MARCH.orElseThrow().at();
        Instant set = before.minusSeconds(3600);
        assertThat(Backfill.of(set, before.minusNanos(1000), false, MARCH, BERLIN))
                .isEqualTo(Backfill.ON_TIME);
        assertThat(Backfill.of(set, before, false, MARCH, BERLIN).explanation())
                .hasValue("Recorded on 2026-03-01, after the claim's date (before 2026-03-01): td vouches for when it"
                        + " learned of this set, not for when it happened.");
        assertThat(Backfill.of(set, before, false, Optional.empty(), BERLIN)).isEqualTo(Backfill.ON_TIME);
    }

    @Test
    void bothReasonsAndACorrectionAreSaid() {
        // 2026-02-10T17:00Z to 2026-11-30T12:00Z: 292 days and 19 hours
        Backfill both = Backfill.of(SET, Instant.parse("2026-11-30T12:00:00Z"), true, MARCH, BERLIN);
        assertThat(both.explanation())
                .hasValue("Its value and time as they count now were recorded by a correction on 2026-11-30, 292 days"
                        + " after it happened and after the claim's date (before 2026-03-01): td vouches for when it"
                        + " learned of this set, not for when it happened.");
    }
}
