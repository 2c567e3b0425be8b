package dev.td.server.events;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The pure part of {@link ChainVerifier}: the walk along one person's chain, fed the stored rows in
 * sequence order, that finds the first place where they depart from the chain td wrote. A row whose
 * content does not hash to its stored hash is judged when the next row (or the head) shows whether
 * the chain vouches for that hash: if it does, the content was altered; if not, the row was made up.
 */
final class ChainWalk {

    /** One stored row as the chain sees it: the event and the previous hash stored with it. */
    // Hashes go to and from bytea as is; rows are never compared with equals().
    @SuppressWarnings("ArrayRecordComponent")
    record Row(StoredEvent event, byte[] prevHash) {}

    private final UUID userId;
    private final EventChain.Head head;
    private byte[] previous = EventStore.GENESIS;
    private long checked;
    private Optional<Row> suspect = Optional.empty();
    private Optional<ChainVerifier.Problem> problem = Optional.empty();

    /** {@code storedHead}: the event_streams row; none counts as genesis (no event may exist). */
    ChainWalk(UUID userId, Optional<EventChain.Head> storedHead) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.head = storedHead.orElse(new EventChain.Head(0, EventStore.GENESIS));
    }

    /** Takes the next row; false once a problem is found (later rows change nothing). */
    boolean accept(Row row) {
        if (problem.isPresent()) {
            return false;
        }
        Optional<Row> pending = suspect;
        if (pending.isPresent()) {
            Row s = pending.get();
            // the next row vouches for the suspect's hash or not; after a gap nothing vouches either way
            boolean next = row.event().sequence() == s.event().sequence() + 1;
            problem = Optional.of(
                    !next || Arrays.equals(row.prevHash(), s.event().hash())
                            ? altered(s, s.event().hash())
                            : inserted(s, row.prevHash()));
            return false;
        }
        StoredEvent e = row.event();
        long expected = checked + 1;
        if (e.sequence() != expected) {
            problem = Optional.of(e.sequence() > expected ? gap(expected, row) : outOfOrder(row));
            return false;
        }
        if (e.sequence() > head.sequence()) {
            problem = Optional.of(pastHead(row));
            return false;
        }
        byte[] content = EventChain.sha256(row.prevHash(), e.canonical());
        if (!Arrays.equals(content, e.hash())) {
            if (e.sequence() == head.sequence()) {
                problem = Optional.of(
                        Arrays.equals(head.hash(), e.hash()) ? altered(row, e.hash()) : inserted(row, head.hash()));
                return false;
            }
            suspect = Optional.of(row);
            return true;
        }
        if (!Arrays.equals(row.prevHash(), previous)) {
            problem = Optional.of(brokenLink(row));
            return false;
        }
        if (e.sequence() == head.sequence() && !Arrays.equals(head.hash(), e.hash())) {
            problem = Optional.of(rehashed(row));
            return false;
        }
        previous = e.hash();
        checked++;
        return true;
    }

    ChainVerifier.Report finish() {
        Optional<Row> pending = suspect;
        if (problem.isEmpty() && pending.isPresent()) {
            // nothing after it to vouch either way (the rest is missing): its content changed
            problem = Optional.of(altered(pending.get(), pending.get().event().hash()));
        }
        if (problem.isEmpty() && checked < head.sequence()) {
            problem = Optional.of(missingTail());
        }
        return new ChainVerifier.Report(
                userId,
                checked,
                ChainVerifier.Position.of(checked, previous),
                ChainVerifier.Position.of(head.sequence(), head.hash()),
                problem);
    }

    /** A problem with a stored event, named by its id and sequence. */
    private static ChainVerifier.Problem about(
            StoredEvent e, ChainVerifier.Kind kind, String expected, String found, String message) {
        return new ChainVerifier.Problem(kind, Optional.of(e.eventId()), e.sequence(), expected, found, message);
    }

    private ChainVerifier.Problem altered(Row row, byte[] vouched) {
        StoredEvent e = row.event();
        return about(
                e,
                ChainVerifier.Kind.ALTERED,
                hex(vouched),
                hex(EventChain.sha256(row.prevHash(), e.canonical())),
                "Event " + name(e) + " was changed after td stored it: its content no longer hashes to "
                        + "the hash the chain recorded for it. Do not trust its data; restore the event from a "
                        + "backup or export and ask the server's operator who changed the database, since td never "
                        + "updates stored events.");
    }

    private ChainVerifier.Problem rehashed(Row row) {
        StoredEvent e = row.event();
        return about(
                e,
                ChainVerifier.Kind.ALTERED,
                hex(head.hash()),
                hex(e.hash()),
                "Event " + name(e) + ", the last of the log, was rewritten and given a new hash: it hashes "
                        + "consistently but is not the event td sealed (the chain head td recorded has another "
                        + "hash). Do not trust its data; restore it from a backup or export and ask the server's "
                        + "operator who changed the database.");
    }

    private ChainVerifier.Problem inserted(Row row, byte[] vouched) {
        StoredEvent e = row.event();
        return about(
                e,
                ChainVerifier.Kind.INSERTED,
                hex(vouched),
                hex(e.hash()),
                "Event " + name(e) + " was not written by td: its hash fits neither its own content nor the "
                        + "chain around it. Treat it as forged and ignore its data; the server's operator should "
                        + "restore the log from a backup, since td itself cannot remove events.");
    }

    private ChainVerifier.Problem pastHead(Row row) {
        StoredEvent e = row.event();
        return about(
                e,
                ChainVerifier.Kind.INSERTED,
                hex(head.hash()),
                hex(e.hash()),
                "Event " + name(e) + " lies after the end of the chain td recorded (sequence "
                        + head.sequence() + "): td never wrote it, it was added to the database directly. Treat "
                        + "it as forged and ignore its data; the server's operator should remove it by restoring "
                        + "the log from a backup.");
    }

    private ChainVerifier.Problem outOfOrder(Row row) {
        StoredEvent e = row.event();
        return about(
                e,
                ChainVerifier.Kind.INSERTED,
                hex(previous),
                hex(e.hash()),
                "Event " + name(e) + " is out of place (sequence " + (checked + 1)
                        + " was expected next): td never wrote it. Treat it as forged and ignore its data; the "
                        + "server's operator should restore the log from a backup.");
    }

    private ChainVerifier.Problem brokenLink(Row row) {
        StoredEvent e = row.event();
        return about(
                e,
                ChainVerifier.Kind.BROKEN_LINK,
                hex(previous),
                hex(row.prevHash()),
                "Event " + name(e) + " does not link to "
                        + (checked == 0
                                ? "the start of the chain (32 zero bytes)"
                                : "the event before it (sequence " + checked + ")")
                        + ": its prev_hash is not that hash, so events were replaced or the chain was re-stitched "
                        + "outside td. Events from sequence " + Math.max(1, checked) + " on cannot be trusted; "
                        + "compare them with a backup or an earlier get_events export.");
    }

    private ChainVerifier.Problem gap(long missing, Row after) {
        StoredEvent e = after.event();
        long last = e.sequence() - 1;
        return new ChainVerifier.Problem(
                ChainVerifier.Kind.MISSING,
                Optional.empty(),
                missing,
                hex(previous),
                hex(after.prevHash()),
                missingText(missing, last) + ": event " + name(e)
                        + " follows the gap: events were deleted from the database outside td. Restore them "
                        + "from a backup or export; until then everything td derives from this log lacks them.");
    }

    private ChainVerifier.Problem missingTail() {
        long missing = checked + 1;
        return new ChainVerifier.Problem(
                ChainVerifier.Kind.MISSING,
                Optional.empty(),
                missing,
                hex(head.hash()),
                hex(previous),
                missingText(missing, head.sequence()) + ": the chain td recorded ends at "
                        + "sequence " + head.sequence() + " but the stored log ends at " + checked
                        + ": events were deleted from the database outside td. Restore them from a backup or export.");
    }

    private static String missingText(long from, long to) {
        return from == to
                ? "The event with sequence " + from + " is missing"
                : "The events with sequences " + from + " to " + to + " are missing";
    }

    private static String name(StoredEvent e) {
        return e.eventId() + " (sequence " + e.sequence() + ", " + e.type() + ")";
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
