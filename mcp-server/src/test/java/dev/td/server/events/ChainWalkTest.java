package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The chain walk over rows built here: each sealed with the JDK's SHA-256 over the previous hash and
 * the event's canonical text (pinned byte for byte by {@link HashChainKnownAnswerTest}), then tampered
 * with the way someone with write access to the database could. Every expected kind, event and hash
 * comes from what the test built or changed.
 */
class ChainWalkTest {

    private static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    private static final byte[] ZEROS = new byte[32];
    private static final String GENESIS_HEX = "0".repeat(64);
    private static final byte[] MADE_UP = filled((byte) 0xab);

    private static byte[] filled(byte b) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, b);
        return bytes;
    }

    private static byte[] sha256(byte[] previous, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(previous);
            return md.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static UUID id(long n) {
        return UUID.fromString(String.format("0190a000-0000-7000-8000-%012d", n));
    }

    private static StoredEvent event(UUID id, long sequence, String text, byte[] hash) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("text", text);
        return new StoredEvent(
                PERSON,
                id,
                sequence,
                "note.recorded",
                OffsetDateTime.of(2026, 11, 24, 7, 30, 0, 0, ZoneOffset.ofHours(1)),
                "Europe/Berlin",
                Instant.parse("2026-11-24T06:31:00.250Z"),
                data,
                JsonNodeFactory.instance.objectNode().put("source", "api").put("agent", "test"),
                "key-" + id,
                Optional.empty(),
                hash,
                false);
    }

    /** An event sealed on {@code previous}: its hash is SHA-256(previous || canonical text). */
    private static ChainWalk.Row sealed(UUID id, long sequence, String text, byte[] previous) {
        StoredEvent unsealed = event(id, sequence, text, ZEROS);
        return new ChainWalk.Row(event(id, sequence, text, sha256(previous, unsealed.canonical())), previous);
    }

    /** A row with this content and exactly these stored hashes. */
    private static ChainWalk.Row row(UUID id, long sequence, String text, byte[] prev, byte[] hash) {
        return new ChainWalk.Row(event(id, sequence, text, hash), prev);
    }

    private static List<ChainWalk.Row> chain(int n) {
        List<ChainWalk.Row> rows = new ArrayList<>();
        byte[] previous = ZEROS;
        for (int i = 1; i <= n; i++) {
            ChainWalk.Row r = sealed(id(i), i, "note " + i, previous);
            rows.add(r);
            previous = r.event().hash();
        }
        return rows;
    }

    private static byte[] hashOf(List<ChainWalk.Row> rows, int sequence) {
        return rows.get(sequence - 1).event().hash();
    }

    private static Optional<EventChain.Head> headAt(List<ChainWalk.Row> rows, int sequence) {
        return Optional.of(new EventChain.Head(sequence, hashOf(rows, sequence)));
    }

    private static ChainVerifier.Report verify(Optional<EventChain.Head> head, List<ChainWalk.Row> rows) {
        return ChainVerifier.verifyRows(PERSON, head, rows);
    }

    private static ChainVerifier.Problem problem(ChainVerifier.Report report) {
        assertThat(report.ok()).as("ok").isFalse();
        return report.problem().orElseThrow();
    }

    @Test
    void anIntactChainVerifiesUpToItsHead() {
        List<ChainWalk.Row> rows = chain(4);
        ChainVerifier.Report report = verify(headAt(rows, 4), rows);
        assertThat(report.ok()).isTrue();
        assertThat(report.problem()).isEmpty();
        assertThat(report.userId()).isEqualTo(PERSON);
        assertThat(report.eventsChecked()).isEqualTo(4);
        assertThat(report.verified()).isEqualTo(new ChainVerifier.Position(4, hex(hashOf(rows, 4))));
        assertThat(report.storedHead()).isEqualTo(report.verified());
    }

    @Test
    void anEmptyLogWithoutAHeadIsIntactAtTheGenesis() {
        ChainVerifier.Report report = verify(Optional.empty(), List.of());
        assertThat(report.ok()).isTrue();
        assertThat(report.eventsChecked()).isZero();
        assertThat(report.verified()).isEqualTo(new ChainVerifier.Position(0, GENESIS_HEX));
        assertThat(report.storedHead()).isEqualTo(new ChainVerifier.Position(0, GENESIS_HEX));
    }

    @Test
    void dataChangedInTheMiddleIsNamedAsAlteredWithTheHashOfWhatIsThereNow() {
        List<ChainWalk.Row> rows = chain(4);
        byte[] h1 = hashOf(rows, 1);
        byte[] h2 = hashOf(rows, 2);
        rows.set(1, row(id(2), 2, "note 3", h1, h2)); // one byte of the text changed, hashes kept

        ChainVerifier.Report report = verify(headAt(rows, 4), rows);

        ChainVerifier.Problem p = problem(report);
        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.ALTERED);
        assertThat(p.eventId()).contains(id(2));
        assertThat(p.sequence()).isEqualTo(2);
        assertThat(p.expectedHash()).isEqualTo(hex(h2));
        assertThat(p.foundHash())
                .isEqualTo(hex(sha256(h1, event(id(2), 2, "note 3", ZEROS).canonical())));
        assertThat(p.explanation()).contains(id(2).toString(), "sequence 2", "changed after td stored it");
        assertThat(report.eventsChecked()).isEqualTo(1);
        assertThat(report.verified()).isEqualTo(new ChainVerifier.Position(1, hex(h1)));
    }

    @Test
    void dataChangedInTheLastEventIsAlteredBecauseTheHeadStillVouchesForItsHash() {
        List<ChainWalk.Row> rows = chain(3);
        rows.set(2, row(id(3), 3, "note 9", hashOf(rows, 2), hashOf(rows, 3)));

        ChainVerifier.Problem p = problem(verify(headAt(rows, 3), rows));

        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.ALTERED);
        assertThat(p.eventId()).contains(id(3));
        assertThat(p.expectedHash()).isEqualTo(hex(hashOf(rows, 3)));
    }

    @Test
    void theLastEventRewrittenWithAFreshHashIsAlteredAgainstTheRecordedHead() {
        List<ChainWalk.Row> rows = chain(3);
        Optional<EventChain.Head> head = headAt(rows, 3);
        ChainWalk.Row forged = sealed(id(3), 3, "note 9", hashOf(rows, 2));
        rows.set(2, forged);

        ChainVerifier.Report report = verify(head, rows);

        ChainVerifier.Problem p = problem(report);
        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.ALTERED);
        assertThat(p.eventId()).contains(id(3));
        assertThat(p.expectedHash()).isEqualTo(hex(head.orElseThrow().hash()));
        assertThat(p.foundHash()).isEqualTo(hex(forged.event().hash()));
        assertThat(report.eventsChecked()).isEqualTo(2);
    }

    @Test
    void aRowPastTheRecordedHeadIsInsertedEvenWhenItsHashIsWellFormed() {
        List<ChainWalk.Row> rows = chain(3);
        Optional<EventChain.Head> head = headAt(rows, 3);
        ChainWalk.Row extra = sealed(id(99), 4, "forged", hashOf(rows, 3));
        rows.add(extra);

        ChainVerifier.Report report = verify(head, rows);

        ChainVerifier.Problem p = problem(report);
        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.INSERTED);
        assertThat(p.eventId()).contains(id(99));
        assertThat(p.sequence()).isEqualTo(4);
        assertThat(p.expectedHash()).isEqualTo(hex(hashOf(rows, 3)));
        assertThat(p.foundHash()).isEqualTo(hex(extra.event().hash()));
        assertThat(p.explanation()).contains("after the end of the chain td recorded (sequence 3)");
        assertThat(report.eventsChecked()).isEqualTo(3);
    }

    @Test
    void aRowWithAMadeUpHashInPlaceOfAnEventIsInserted() {
        List<ChainWalk.Row> rows = chain(4);
        byte[] h2 = hashOf(rows, 2);
        rows.set(1, row(id(77), 2, "forged", hashOf(rows, 1), MADE_UP));

        ChainVerifier.Problem p = problem(verify(headAt(rows, 4), rows));

        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.INSERTED);
        assertThat(p.eventId()).contains(id(77));
        assertThat(p.sequence()).isEqualTo(2);
        assertThat(p.expectedHash()).as("what the next event links to").isEqualTo(hex(h2));
        assertThat(p.foundHash()).isEqualTo(hex(MADE_UP));
    }

    @Test
    void aMadeUpLastRowThatTheHeadDoesNotVouchForIsInserted() {
        List<ChainWalk.Row> rows = chain(3);
        Optional<EventChain.Head> head = headAt(rows, 3);
        rows.set(2, row(id(78), 3, "forged", hashOf(rows, 2), MADE_UP));

        ChainVerifier.Problem p = problem(verify(head, rows));

        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.INSERTED);
        assertThat(p.eventId()).contains(id(78));
        assertThat(p.expectedHash()).isEqualTo(hex(head.orElseThrow().hash()));
    }

    @Test
    void aDeletedMiddleEventIsMissingWithTheLinkOfTheEventAfterTheGap() {
        List<ChainWalk.Row> rows = chain(4);
        byte[] h1 = hashOf(rows, 1);
        byte[] h2 = hashOf(rows, 2);
        rows.remove(1);

        ChainVerifier.Report report =
                verify(Optional.of(new EventChain.Head(4, rows.getLast().event().hash())), rows);

        ChainVerifier.Problem p = problem(report);
        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.MISSING);
        assertThat(p.eventId()).isEmpty();
        assertThat(p.sequence()).isEqualTo(2);
        assertThat(p.expectedHash()).isEqualTo(hex(h1));
        assertThat(p.foundHash()).as("event 3 still links to the deleted event").isEqualTo(hex(h2));
        assertThat(p.explanation()).contains("The event with sequence 2 is missing", id(3).toString());
        assertThat(report.eventsChecked()).isEqualTo(1);
    }

    @Test
    void deletedLastEventsAreMissingAgainstTheRecordedHead() {
        List<ChainWalk.Row> rows = chain(4);
        Optional<EventChain.Head> head = headAt(rows, 4);
        byte[] h2 = hashOf(rows, 2);
        List<ChainWalk.Row> kept = rows.subList(0, 2);

        ChainVerifier.Report report = verify(head, kept);

        ChainVerifier.Problem p = problem(report);
        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.MISSING);
        assertThat(p.sequence()).isEqualTo(3);
        assertThat(p.eventId()).isEmpty();
        assertThat(p.expectedHash()).isEqualTo(hex(head.orElseThrow().hash()));
        assertThat(p.foundHash()).isEqualTo(hex(h2));
        assertThat(p.explanation()).contains("sequences 3 to 4");
        assertThat(report.eventsChecked()).isEqualTo(2);
        assertThat(report.verified()).isEqualTo(new ChainVerifier.Position(2, hex(h2)));
    }

    @Test
    void aReplacedEventThatHashesConsistentlyBreaksTheLinkOfTheNextOne() {
        List<ChainWalk.Row> rows = chain(4);
        byte[] h2 = hashOf(rows, 2);
        ChainWalk.Row replaced = sealed(id(2), 2, "note 2 rewritten", hashOf(rows, 1));
        rows.set(1, replaced);

        ChainVerifier.Report report = verify(headAt(rows, 4), rows);

        ChainVerifier.Problem p = problem(report);
        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.BROKEN_LINK);
        assertThat(p.eventId()).contains(id(3));
        assertThat(p.sequence()).isEqualTo(3);
        assertThat(p.expectedHash()).isEqualTo(hex(replaced.event().hash()));
        assertThat(p.foundHash()).isEqualTo(hex(h2));
        assertThat(p.explanation()).contains("does not link to the event before it (sequence 2)");
        assertThat(report.eventsChecked()).isEqualTo(2);
    }

    @Test
    void theFirstEventMustLinkToTheGenesis() {
        List<ChainWalk.Row> rows = new ArrayList<>(List.of(sealed(id(1), 1, "note 1", MADE_UP)));

        ChainVerifier.Problem p = problem(verify(
                Optional.of(new EventChain.Head(1, rows.getFirst().event().hash())), rows));

        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.BROKEN_LINK);
        assertThat(p.expectedHash()).isEqualTo(GENESIS_HEX);
        assertThat(p.foundHash()).isEqualTo(hex(MADE_UP));
        assertThat(p.explanation()).contains("does not link to the start of the chain (32 zero bytes)");
    }

    @Test
    void eventsWithoutAnyRecordedHeadWereNeverWrittenByTd() {
        List<ChainWalk.Row> rows = chain(2);

        ChainVerifier.Problem p = problem(verify(Optional.empty(), rows));

        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.INSERTED);
        assertThat(p.eventId()).contains(id(1));
        assertThat(p.expectedHash()).isEqualTo(GENESIS_HEX);
    }

    @Test
    void anAlteredEventFollowedByAGapIsStillNamedAsAltered() {
        List<ChainWalk.Row> rows = chain(5);
        rows.set(1, row(id(2), 2, "note 8", hashOf(rows, 1), hashOf(rows, 2)));
        rows.remove(2);

        ChainVerifier.Problem p = problem(verify(headAt(chain(5), 5), rows));

        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.ALTERED);
        assertThat(p.eventId()).contains(id(2));
    }

    @Test
    void onlyTheFirstProblemIsReported() {
        List<ChainWalk.Row> rows = chain(5);
        rows.set(1, row(id(2), 2, "note 8", hashOf(rows, 1), hashOf(rows, 2)));
        rows.set(3, row(id(4), 4, "note 9", hashOf(rows, 3), hashOf(rows, 4)));

        ChainVerifier.Problem p = problem(verify(headAt(rows, 5), rows));

        assertThat(p.sequence()).isEqualTo(2);
    }

    /** Feeds rows until the walk says it needs no more; how many it took (the last one revealed the problem). */
    private static int rowsTaken(Optional<EventChain.Head> head, List<ChainWalk.Row> rows) {
        ChainWalk walk = new ChainWalk(PERSON, head);
        for (int i = 0; i < rows.size(); i++) {
            if (!walk.accept(rows.get(i))) {
                assertThat(walk.accept(rows.get(i)))
                        .as("a row after the problem")
                        .isFalse();
                return i + 1;
            }
        }
        return rows.size();
    }

    @Test
    void theWalkAsksForNoMoreRowsOnceTheRowThatRevealsAProblemIsSeen() {
        // counted by hand: the row named, or for an altered middle event the row after it that vouches for it
        List<ChainWalk.Row> alteredMiddle = chain(4);
        alteredMiddle.set(1, row(id(2), 2, "note 8", hashOf(alteredMiddle, 1), hashOf(alteredMiddle, 2)));
        assertThat(rowsTaken(headAt(chain(4), 4), alteredMiddle)).isEqualTo(3);

        List<ChainWalk.Row> alteredLast = chain(3);
        alteredLast.set(2, row(id(3), 3, "note 8", hashOf(alteredLast, 2), hashOf(alteredLast, 3)));
        assertThat(rowsTaken(headAt(chain(3), 3), alteredLast)).isEqualTo(3);

        assertThat(rowsTaken(headAt(chain(3), 2), chain(3))).as("past the head").isEqualTo(3);

        List<ChainWalk.Row> replaced = chain(4);
        replaced.set(1, sealed(id(2), 2, "note 2 rewritten", hashOf(replaced, 1)));
        assertThat(rowsTaken(headAt(chain(4), 4), replaced)).as("broken link").isEqualTo(3);

        List<ChainWalk.Row> gap = chain(4);
        gap.remove(1);
        assertThat(rowsTaken(headAt(chain(4), 4), gap)).as("gap").isEqualTo(2);

        List<ChainWalk.Row> rehashed = chain(3);
        rehashed.set(2, sealed(id(3), 3, "note 9", hashOf(rehashed, 2)));
        assertThat(rowsTaken(headAt(chain(3), 3), rehashed)).as("rehashed last").isEqualTo(3);

        assertThat(rowsTaken(headAt(chain(3), 3), chain(3))).as("intact").isEqualTo(3);
    }

    @Test
    void aRowRepeatingASequenceAlreadyCheckedIsInsertedAndNamed() {
        List<ChainWalk.Row> rows = chain(3);
        ChainWalk.Row again = sealed(id(9), 2, "note 2 again", hashOf(rows, 1));
        rows.add(2, again);

        ChainVerifier.Report report = verify(headAt(chain(3), 3), rows);

        ChainVerifier.Problem p = problem(report);
        assertThat(p.kind()).isEqualTo(ChainVerifier.Kind.INSERTED);
        assertThat(p.eventId()).contains(id(9));
        assertThat(p.expectedHash()).isEqualTo(hex(hashOf(rows, 2)));
        assertThat(p.explanation()).contains("sequence 3 was expected next");
        assertThat(report.eventsChecked()).isEqualTo(2);
    }

    @Test
    void kindsAreNamedForToolsInSnakeCase() {
        assertThat(Arrays.stream(ChainVerifier.Kind.values()).map(ChainVerifier.Kind::wireName))
                .containsExactly("altered", "broken_link", "missing", "inserted");
    }
}
