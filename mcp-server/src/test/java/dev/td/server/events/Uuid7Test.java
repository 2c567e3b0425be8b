package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Event ids against the layout of RFC 9562 §5.7 and its worked example in Appendix A.6. */
class Uuid7Test {

    // RFC 9562 Appendix A.6: 2022-02-22T14:22:22-05:00 is 0x017F22E279B0 Unix milliseconds, and the
    // example id is 017F22E2-79B0-7CC3-98C4-DC0C0C07398F (the last 74 bits are random).
    private static final Instant RFC_EXAMPLE_TIME = Instant.parse("2022-02-22T19:22:22Z");

    @Test
    void theFirst48BitsAreTheUnixMillisecondsOfTheRfcExample() {
        UUID id = Uuid7.at(RFC_EXAMPLE_TIME);
        assertThat(RFC_EXAMPLE_TIME.toEpochMilli()).isEqualTo(0x017F22E279B0L);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(0x017F22E279B0L);
        assertThat(id.toString()).startsWith("017f22e2-79b0-7");
    }

    @Test
    void versionIsSevenAndVariantIsTheRfcVariantWhateverTheRandomBits() {
        for (int i = 0; i < 2_000; i++) {
            UUID id = Uuid7.at(RFC_EXAMPLE_TIME);
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            // the variant nibble of the text form is 8, 9, a or b (RFC 9562 §4.1)
            assertThat(id.toString().charAt(19)).isIn('8', '9', 'a', 'b');
        }
    }

    @Test
    void theRandomBitsDifferBetweenIdsOfTheSameMillisecond() {
        Set<Long> randA = new HashSet<>();
        Set<Long> randB = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            UUID id = Uuid7.at(RFC_EXAMPLE_TIME);
            randA.add(id.getMostSignificantBits() & 0xFFFL);
            randB.add(id.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL);
        }
        // 12 random bits give 4,096 values: 1,000 draws land on well over 800 distinct ones
        assertThat(randA).hasSizeGreaterThan(800);
        assertThat(randB).hasSize(1_000);
    }

    @Test
    void idsSortByTheirMillisecond() {
        UUID earlier = Uuid7.at(RFC_EXAMPLE_TIME);
        UUID later = Uuid7.at(RFC_EXAMPLE_TIME.plusMillis(1));
        assertThat(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()))
                .isNegative();
    }
}
