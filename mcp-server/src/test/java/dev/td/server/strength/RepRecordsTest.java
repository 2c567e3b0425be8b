package dev.td.server.strength;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.server.events.TrainingEvent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rep records as a frontier: the records fold, then {@link RepRecords} keeps the sets nothing heavier
 * or equal with more reps beats. Every answer is worked out by hand in the comments.
 */
class RepRecordsTest {

    private static final PersonalRecordsProjection FOLD = new PersonalRecordsProjection();
    private static long sequence;

    private static TrainingEvent.SetLogged set(double kg, int reps) {
        sequence++;
        return new TrainingEvent.SetLogged(
                UUID.randomUUID(),
                sequence,
                OffsetDateTime.parse("2026-10-05T18:00:00+02:00").plusDays(sequence),
                "s-" + sequence,
                "bench",
                "barbell-bench-press",
                OptionalDouble.of(kg),
                Optional.of("kg"),
                OptionalInt.of(reps),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                TrainingEvent.SetType.WORKING,
                Optional.empty());
    }

    private static PersonalRecordsProjection.Records fold(List<TrainingEvent.SetLogged> sets) {
        PersonalRecordsProjection.Records r = FOLD.empty("barbell-bench-press");
        for (TrainingEvent.SetLogged s : sets) {
            r = FOLD.apply(r, s);
        }
        return r;
    }

    private static List<String> records(PersonalRecordsProjection.Records r) {
        return RepRecords.of(r).entrySet().stream()
                .map(e -> e.getKey() + "rm " + e.getValue().weightKg())
                .toList();
    }

    @Test
    void recordsAreTheSetsNoHeavierOrEqualSetWithMoreRepsBeats() {
        // 100×1, 97.5×2, 95×3, 92.5×4, 90×5: each is heavier than everything with more reps, all records.
        // Then 96×4: the 4-rep best becomes 96, which beats 95×3 (96 ≥ 95 with 4 > 3 reps): 3rm is gone
        List<TrainingEvent.SetLogged> sets = List.of(set(100, 1), set(97.5, 2), set(95, 3), set(92.5, 4), set(90, 5));
        assertThat(records(fold(sets))).containsExactly("1rm 100.0", "2rm 97.5", "3rm 95.0", "4rm 92.5", "5rm 90.0");
        List<TrainingEvent.SetLogged> more = new java.util.ArrayList<>(sets);
        more.add(set(96, 4));
        assertThat(records(fold(more))).containsExactly("1rm 100.0", "2rm 97.5", "4rm 96.0", "5rm 90.0");
    }

    @Test
    void aSetOfMoreThanTwelveRepsStillDominates() {
        // 100×15 is no record itself (records stop at 12 reps) but beats 90×10; 110×10 beats it back
        assertThat(records(fold(List.of(set(100, 15), set(90, 10))))).isEmpty();
        assertThat(records(fold(List.of(set(100, 15), set(110, 10))))).containsExactly("10rm 110.0");
    }

    @Test
    void anEqualSetIsATieThatLeavesTheRecordWithTheFirst() {
        TrainingEvent.SetLogged first = set(100, 5);
        PersonalRecordsProjection.Records r = fold(List.of(first, set(100, 5)));
        assertThat(RepRecords.of(r))
                .hasEntrySatisfying(
                        5,
                        pr -> assertThat(pr.eventId()).isEqualTo(first.eventId().toString()));
        assertThat(RepRecords.gained(fold(List.of(first)), r)).isEmpty();
    }

    @Test
    void takingASetBackRevisesTheRecordToWhatIsLeft() {
        // 120×3 then 130×3: the 3rm is 130; without the 130 (a void) it is 120 again, previously 130.
        // e1RM (Epley): 130 · 1.1 = 143 before, 120 · 1.1 = 132 after: revised too
        TrainingEvent.SetLogged lighter = set(120, 3);
        PersonalRecordsProjection.Records before = fold(List.of(lighter, set(130, 3)));
        PersonalRecordsProjection.Records after = fold(List.of(lighter));
        List<RepRecords.Change> lost = RepRecords.lost(before, after);
        assertThat(lost).extracting(RepRecords.Change::kind).containsExactly("3rm", "e1rm");
        assertThat(lost.get(0).now().orElseThrow().weightKg()).isEqualTo(120.0);
        assertThat(lost.get(0).previousKg().getAsDouble()).isEqualTo(130.0);
        assertThat(lost.get(1).previousKg().getAsDouble())
                .isCloseTo(143.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(RepRecords.gained(before, after)).isEmpty();
    }
}
