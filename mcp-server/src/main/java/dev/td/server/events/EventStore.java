package dev.td.server.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import dev.td.tools.ToolException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The append-only event log. Appends for one person are serialised by a row lock on their stream
 * head, which gives the gapless sequence, the hash chain and exactly-once idempotency keys even
 * when many clients send the same key at the same moment; within this process they first take turns
 * in an {@link AppendQueue}, so waiting appends hold no connection and go in arrival order. Each append notifies
 * {@value #EVENTS_CHANNEL} on commit.
 */
public final class EventStore {

    /** LISTEN/NOTIFY channel announcing appended events: {@code {"user_id": …, "last_sequence": …}}. */
    public static final String EVENTS_CHANNEL = "td_events";

    static final byte[] GENESIS = new byte[32];
    private static final Precondition NO_PRECONDITION = log -> {};
    private static final String COLUMNS =
            "user_id, event_id, sequence, type, occurred_at, time_zone, recorded_at, data, metadata, idempotency_key, subject_event_id, hash";

    private final DataSource db;
    private final ObjectMapper json = Json.mapper();
    private final List<AppendListener> listeners = new ArrayList<>();
    /** The head of each person's log as this process last committed it: a guess, checked by the write. */
    private final Map<UUID, EventChain.Head> heads = new ConcurrentHashMap<>();
    /** Appends of one person in this process, one at a time in arrival order (see {@link AppendQueue}). */
    private final AppendQueue queue = new AppendQueue();

    public EventStore(DataSource db) {
        this.db = db;
    }

    /**
     * Code that runs inside the append transaction after the events are written (inline projections),
     * and optionally once the transaction has committed (e.g. to drop a cache entry the events made stale).
     */
    @FunctionalInterface
    public interface AppendListener {
        void appended(Connection tx, UUID userId, List<StoredEvent> events) throws SQLException;

        /** After commit, outside the transaction; must not throw. */
        default void committed(UUID userId, List<StoredEvent> events) {}

        /**
         * What folds the batches of one long append ({@link #appendInOne}) into this listener, in the append's
         * transaction: by default each batch as an append of its own. A listener that keeps state per append (the
         * projections keep theirs in memory across batches) overrides it and writes what it kept in {@code finish}.
         */
        default Bulk bulk(Connection tx, UUID userId) {
            return new Bulk() {
                @Override
                public void add(List<StoredEvent> batch) throws SQLException {
                    appended(tx, userId, batch);
                }

                @Override
                public void finish() {}
            };
        }

        /** A listener's view of one long append: its batches in order, then {@code finish} before the commit. */
        interface Bulk {
            void add(List<StoredEvent> batch) throws SQLException;

            void finish() throws SQLException;
        }
    }

    /** Checks made under the person's append lock, before anything is written (e.g. "not already voided"). */
    @FunctionalInterface
    public interface Precondition {
        void check(Locked log) throws SQLException;
    }

    /** The person's log as seen under the append lock. */
    public interface Locked {
        /** The sequence of the person's last stored event (0 before the first): where the append goes on from. */
        long lastSequence();

        Optional<StoredEvent> find(UUID eventId) throws SQLException;

        List<StoredEvent> compensationsOf(UUID eventId) throws SQLException;

        /** Whether this idempotency key is already stored (a retry of the call being checked). */
        boolean hasKey(String idempotencyKey) throws SQLException;

        /** The event stored under this idempotency key, if any. */
        Optional<StoredEvent> findByKey(String idempotencyKey) throws SQLException;
    }

    public void addListener(AppendListener listener) {
        listeners.add(listener);
    }

    /** Appends events for one person, all or none; known idempotency keys return the stored event as a replay. */
    public List<StoredEvent> append(UUID userId, List<NewEvent> events) {
        return append(userId, events, NO_PRECONDITION);
    }

    /**
     * Appends assuming every key is new, in one statement: without a precondition, against the head this
     * process last committed (the statement advances the head only if it is still that one, under the
     * row lock the update takes), else under the lock taken first. A moved head is retried under the
     * lock; a stored key (a retry, or a race lost to a client sending the same key) rolls back and
     * takes the lookup path.
     */
    public List<StoredEvent> append(UUID userId, List<NewEvent> events, Precondition precondition) {
        List<StoredEvent> result = queue.inTurn(userId, () -> appendCommitted(userId, events, precondition));
        List<StoredEvent> written = result.stream().filter(e -> !e.replayed()).toList();
        committed(userId, written);
        return result;
    }

    /** After a commit: keeps the person's new head (the next append's guess) and tells the listeners. */
    private void committed(UUID userId, List<StoredEvent> written) {
        if (written.isEmpty()) {
            return;
        }
        StoredEvent last = written.getLast();
        heads.merge(
                userId,
                new EventChain.Head(last.sequence(), last.hash()),
                (old, now) -> now.sequence() > old.sequence() ? now : old);
        listeners.forEach(l -> l.committed(userId, written));
    }

    /** Writes one batch of a long append (see {@link #appendInOne}). */
    @FunctionalInterface
    public interface Batches {
        /**
         * Seals the batch after the previous ones and hands it to the writer, which writes it in the same transaction
         * (the listeners folding it in) while the caller goes on to its next batch. A write that fails fails the next
         * call or the whole append.
         *
         * @param batch events with keys the log does not hold (asked before, e.g. with {@link #storedKeys})
         * @return the batch as it is being stored
         * @throws ToolException a conflict when a key turns out stored (another call wrote it meanwhile)
         */
        List<StoredEvent> append(List<NewEvent> batch);
    }

    /**
     * Appends a long run of events for one person (an imported file) in one transaction, batch after batch, so that
     * the caller holds about two batches in memory at a time and the run is stored whole or not at all: {@code work}
     * hands over its batches, and the transaction commits when it returns and rolls back when it throws. A batch is
     * sealed (hash chained) on the caller's thread and written on a writer thread of this append, so the database
     * stores one batch while the caller reads and checks the next. The listeners fold the batches through their
     * {@link AppendListener#bulk bulk} view (the projections keep their states in memory and save them once, before
     * the commit). The person's log is locked meanwhile, so {@code work} must not append for the same person any other
     * way. After the commit, the listeners' {@code committed} get every event without its data (type, ids, subject,
     * key), not to hold a file's worth of data in memory.
     */
    public <T> T appendInOne(UUID userId, Function<Batches, T> work) {
        List<StoredEvent> written = new ArrayList<>();
        T result = queue.inTurn(userId, () -> {
            try (Connection c = db.getConnection();
                    Writer writer = new Writer(c, userId)) {
                c.setAutoCommit(false);
                try {
                    EventChain.Sealer sealer = new EventChain.Sealer(userId, EventChain.lockHead(c, userId));
                    T r = work.apply(batch -> {
                        if (batch.isEmpty()) {
                            return List.of();
                        }
                        if (!distinctKeys(batch)) {
                            throw new IllegalArgumentException("every event of a batch needs its own idempotency key");
                        }
                        EventChain.Head after = sealer.head();
                        List<StoredEvent> sealed = new ArrayList<>(batch.size());
                        batch.forEach(e -> sealed.add(sealer.seal(e)));
                        writer.write(after, sealed);
                        sealed.forEach(e -> written.add(withoutData(e)));
                        return sealed;
                    });
                    writer.finish();
                    c.commit();
                    return r;
                } catch (SQLException | RuntimeException e) {
                    writer.abandon();
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("append failed: " + e.getMessage(), e);
            }
        });
        committed(userId, written);
        return result;
    }

    /**
     * The writer of one {@link #appendInOne}: a thread of its own that writes sealed batches on the append's connection
     * one after the other and folds them into the listeners' bulk views; at most one batch is being written while the
     * caller prepares the next. The thread is started by the caller's thread, so it inherits who is appending (the
     * connection's row security is set already).
     */
    private final class Writer implements AutoCloseable {
        private final Connection c;
        private final UUID userId;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "td-append-writer");
            t.setDaemon(true);
            return t;
        });
        private final List<AppendListener.Bulk> folds;
        private Future<?> inFlight = CompletableFuture.completedFuture(null);

        Writer(Connection c, UUID userId) {
            this.c = c;
            this.userId = userId;
            this.folds = listeners.stream().map(l -> l.bulk(c, userId)).toList();
        }

        /** Waits for the previous batch, then writes this one (which follows {@code head}) in the background. */
        void write(EventChain.Head head, List<StoredEvent> sealed) {
            try {
                await();
            } catch (SQLException e) {
                throw new IllegalStateException("append failed: " + e.getMessage(), e);
            }
            inFlight = thread.submit(() -> {
                EventChain.Wrote wrote = EventChain.writeChecked(c, userId, head, sealed);
                if (!wrote.headAdvanced() || wrote.events() < sealed.size()) {
                    throw ToolException.conflict(
                            "$",
                            "some of these events were stored by another call meanwhile; nothing of this one was "
                                    + "stored: send it again, and what is stored will be recognized");
                }
                for (AppendListener.Bulk fold : folds) {
                    fold.add(sealed);
                }
                return null;
            });
        }

        /** Waits for the last batch and lets the listeners finish (the projections save their states). */
        void finish() throws SQLException {
            await();
            for (AppendListener.Bulk fold : folds) {
                fold.finish();
            }
        }

        /** Waits for a batch still being written, whatever became of it: the transaction is rolled back next. */
        void abandon() {
            try {
                inFlight.get();
            } catch (ExecutionException e) {
                // the rollback that follows undoes it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void await() throws SQLException {
            try {
                inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("append interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = Objects.requireNonNullElse(e.getCause(), e);
                switch (cause) {
                    case SQLException sql -> throw sql;
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw new IllegalStateException("append failed: " + cause, cause);
                }
            }
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    private static StoredEvent withoutData(StoredEvent e) {
        ObjectNode none = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        return new StoredEvent(
                e.userId(),
                e.eventId(),
                e.sequence(),
                e.type(),
                e.occurredAt(),
                e.timeZone(),
                e.recordedAt(),
                none,
                none,
                e.idempotencyKey(),
                e.subject(),
                e.hash(),
                false);
    }

    /**
     * Appends events for one person in a transaction that is always rolled back, and answers from inside it ("what
     * if"): the events are sealed onto the locked head and folded into the projections like any append (the listeners'
     * {@code appended}, never their {@code committed}), then {@code answer} reads with that transaction's connection,
     * which td's data source hands out on this thread meanwhile ({@link Hypothetical}). Nothing is stored: no event,
     * no projection state, no head kept in this process, no notification (the rolled-back transaction never sends
     * it). It takes the person's turn like an append and holds their stream lock until it rolls back, so the person's
     * real appends wait that long: keep {@code answer} short.
     *
     * @param events       each with an idempotency key of its own, none stored (a what-if's, made up for it)
     * @param precondition runs under the lock before the events are written, with the what-if's connection bound
     */
    public <T> T hypothetically(
            UUID userId, List<NewEvent> events, Precondition precondition, Function<List<StoredEvent>, T> answer) {
        return queue.inTurn(userId, () -> {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                Hypothetical.Binding bound = Hypothetical.bind(c);
                try {
                    return answer.apply(appendLocked(c, userId, events, precondition));
                } finally {
                    bound.close();
                    c.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("what-if failed: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Writes events with new keys under the person's stream lock, taken here (never against the head this process
     * keeps), the listeners folding them in; leaves the transaction open.
     */
    private List<StoredEvent> appendLocked(Connection c, UUID userId, List<NewEvent> events, Precondition precondition)
            throws SQLException {
        if (!distinctKeys(events)) {
            throw new IllegalArgumentException("every event of a what-if needs its own idempotency key");
        }
        EventChain.Head head = EventChain.lockHead(c, userId);
        precondition.check(new LockedLog(c, userId, head, Optional.empty()));
        if (appendFresh(c, userId, events, head) instanceof Attempt.Stored stored) {
            return stored.events();
        }
        throw new IllegalStateException("a proposed event's idempotency key is already stored");
    }

    /** The last sequence this process committed for the person, if it kept one (for tests: a what-if keeps none). */
    Optional<Long> keptHead(UUID userId) {
        return Optional.ofNullable(heads.get(userId)).map(EventChain.Head::sequence);
    }

    /** One append transaction, committed, or rolled back when anything fails. */
    private List<StoredEvent> appendCommitted(UUID userId, List<NewEvent> events, Precondition precondition) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<StoredEvent> result = appendInTransaction(c, userId, events, precondition);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("append failed: " + e.getMessage(), e);
        }
    }

    // NO_PRECONDITION is a sentinel: only appends without a precondition may use the cached chain head
    @SuppressWarnings("ReferenceEquality")
    private List<StoredEvent> appendInTransaction(
            Connection c, UUID userId, List<NewEvent> events, Precondition precondition) throws SQLException {
        if (distinctKeys(events)) {
            EventChain.Head known = precondition == NO_PRECONDITION ? heads.get(userId) : null;
            Attempt attempt = known == null ? Attempt.Refused.HEAD_MOVED : appendFresh(c, userId, events, known);
            if (attempt == Attempt.Refused.HEAD_MOVED) {
                c.rollback();
                EventChain.Head head = EventChain.lockHead(c, userId);
                precondition.check(new LockedLog(c, userId, head, Optional.empty()));
                attempt = appendFresh(c, userId, events, head);
            }
            if (attempt instanceof Attempt.Stored stored) {
                return stored.events();
            }
            c.rollback();
        }
        return appendWithReplays(c, userId, events, precondition);
    }

    private static boolean distinctKeys(List<NewEvent> events) {
        Set<String> keys = new HashSet<>();
        return events.stream().allMatch(e -> keys.add(e.idempotencyKey()));
    }

    /** What writing a call's events as all new did: stored them, or found the head moved or a key stored. */
    private sealed interface Attempt {
        record Stored(List<StoredEvent> events) implements Attempt {}

        enum Refused implements Attempt {
            HEAD_MOVED,
            KEY_STORED
        }
    }

    /** Writes the events after {@code head}; anything but written leaves a transaction to roll back. */
    private Attempt appendFresh(Connection c, UUID userId, List<NewEvent> events, EventChain.Head head)
            throws SQLException {
        List<StoredEvent> sealed = new ArrayList<>(events.size());
        EventChain.Sealer sealer = new EventChain.Sealer(userId, head);
        for (NewEvent event : events) {
            sealed.add(sealer.seal(event));
        }
        if (sealed.isEmpty()) {
            return new Attempt.Stored(sealed);
        }
        EventChain.Wrote wrote = EventChain.write(c, userId, head, sealed);
        if (!wrote.headAdvanced()) {
            return Attempt.Refused.HEAD_MOVED;
        }
        if (wrote.events() < sealed.size()) {
            return Attempt.Refused.KEY_STORED;
        }
        for (AppendListener listener : listeners) {
            listener.appended(c, userId, sealed);
        }
        return new Attempt.Stored(sealed);
    }

    private List<StoredEvent> appendWithReplays(
            Connection c, UUID userId, List<NewEvent> events, Precondition precondition) throws SQLException {
        EventChain.Head head = EventChain.lockHead(c, userId);
        Map<String, StoredEvent> existing = findByKeys(
                c, userId, events.stream().map(NewEvent::idempotencyKey).toList());
        precondition.check(new LockedLog(c, userId, head, Optional.of(existing)));
        List<StoredEvent> result = new ArrayList<>(events.size());
        List<StoredEvent> fresh = new ArrayList<>();
        Map<String, NewEvent> inCall = new HashMap<>();
        EventChain.Sealer sealer = new EventChain.Sealer(userId, head);
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            StoredEvent known = existing.get(event.idempotencyKey());
            if (known != null) {
                requireSameContent(event, known, i);
                result.add(known.asReplay());
                continue;
            }
            NewEvent earlier = inCall.putIfAbsent(event.idempotencyKey(), event);
            if (earlier != null) {
                throw ToolException.invalid(
                        "$.events[" + i + "].idempotency_key",
                        "idempotency key '" + event.idempotencyKey()
                                + "' is used twice in this call; give every event its own key");
            }
            StoredEvent stored = sealer.seal(event);
            fresh.add(stored);
            result.add(stored);
        }
        if (!fresh.isEmpty()) {
            EventChain.Wrote wrote = EventChain.write(c, userId, head, fresh);
            if (!wrote.headAdvanced() || wrote.events() != fresh.size()) {
                throw new SQLException(
                        "wrote " + wrote.events() + " of " + fresh.size() + " events under the stream lock");
            }
            for (AppendListener listener : listeners) {
                listener.appended(c, userId, fresh);
            }
        }
        return result;
    }

    private static void requireSameContent(NewEvent event, StoredEvent known, int index) {
        if (!event.sameContentAs(known)) {
            throw ToolException.conflict(
                    "$.events[" + index + "].idempotency_key",
                    "idempotency key '" + event.idempotencyKey()
                            + "' was already used for a different event (" + known.type() + " at " + known.occurredAt()
                            + ", id " + known.eventId()
                            + "). A retry must send the same content; for a new event use a new key, to change the stored one use correct_event");
        }
    }

    /**
     * Which of these idempotency keys the person's log already holds (an import asks before it checks and writes, so a
     * file imported again costs one query per batch and stores nothing).
     */
    public Set<String> storedKeys(UUID userId, Collection<String> keys) {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT idempotency_key FROM events WHERE user_id = ? AND idempotency_key = ANY (?)")) {
            ps.setObject(1, userId);
            ps.setArray(2, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading stored keys failed: " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * Which of these event ids the person's log already holds (a td export imported into the log it came from holds
     * nothing new).
     */
    public Set<UUID> storedIds(UUID userId, Collection<UUID> ids) {
        Set<UUID> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT event_id FROM events WHERE user_id = ? AND event_id = ANY (?)")) {
            ps.setObject(1, userId);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading stored event ids failed: " + e.getMessage(), e);
        }
        return found;
    }

    private Map<String, StoredEvent> findByKeys(Connection c, UUID userId, List<String> keys) throws SQLException {
        Map<String, StoredEvent> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM events WHERE user_id = ? AND idempotency_key = ANY (?)")) {
            ps.setObject(1, userId);
            Array array = c.createArrayOf("text", keys.toArray());
            ps.setArray(2, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredEvent e = read(rs);
                    found.put(e.idempotencyKey(), e);
                }
            }
        }
        return found;
    }

    /**
     * Where a person's log stands: the last sequence and its hash ({@code 12:9f3a…}); empty before their first event.
     * Every append changes it in the transaction that updates the projections, so an answer built from projections
     * is still true while the head is the same (and a day-relative one while the day is).
     */
    public Optional<String> head(UUID userId) {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT last_sequence, last_hash FROM event_streams WHERE user_id = ?")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(
                                rs.getLong(1) + ":" + java.util.HexFormat.of().formatHex(rs.getBytes(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sequence of the person's last event, from {@link #head}; 0 before their first. */
    public long lastSequence(UUID userId) {
        return head(userId)
                .map(h -> Long.parseLong(h.substring(0, h.indexOf(':'))))
                .orElse(0L);
    }

    /** The event stored under this idempotency key, if any (read without the append lock). */
    public Optional<StoredEvent> findByKey(UUID userId, String idempotencyKey) {
        try (Connection c = db.getConnection()) {
            return Optional.ofNullable(
                    findByKeys(c, userId, List.of(idempotencyKey)).get(idempotencyKey));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One event by id, as stored. */
    public Optional<StoredEvent> find(UUID userId, UUID eventId) {
        try (Connection c = db.getConnection()) {
            return findIn(c, userId, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<StoredEvent> findIn(Connection c, UUID userId, UUID eventId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE user_id = ? AND event_id = ?")) {
            ps.setObject(1, userId);
            ps.setObject(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The corrections and voids pointing at an event, oldest first. */
    public List<StoredEvent> compensationsOf(UUID userId, UUID eventId) {
        try (Connection c = db.getConnection()) {
            return compensationsIn(c, userId, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredEvent> compensationsIn(Connection c, UUID userId, UUID eventId) throws SQLException {
        List<StoredEvent> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM events WHERE user_id = ? AND subject_event_id = ? ORDER BY sequence")) {
            ps.setObject(1, userId);
            ps.setObject(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
        }
        return found;
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    StoredEvent read(ResultSet rs) throws SQLException {
        try {
            ZoneId zone = ZoneId.of(rs.getString("time_zone"));
            return new StoredEvent(
                    rs.getObject("user_id", UUID.class),
                    rs.getObject("event_id", UUID.class),
                    rs.getLong("sequence"),
                    rs.getString("type"),
                    rs.getTimestamp("occurred_at").toInstant().atZone(zone).toOffsetDateTime(),
                    zone.getId(),
                    rs.getTimestamp("recorded_at").toInstant(),
                    (ObjectNode) json.readTree(rs.getString("data")),
                    (ObjectNode) json.readTree(rs.getString("metadata")),
                    rs.getString("idempotency_key"),
                    Optional.ofNullable(rs.getObject("subject_event_id", UUID.class)),
                    rs.getBytes("hash"),
                    false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("stored JSON is unreadable", e);
        }
    }

    static String columns() {
        return COLUMNS;
    }

    private final class LockedLog implements Locked {
        private final Connection c;
        private final UUID userId;
        private final EventChain.Head head;
        private final Optional<Map<String, StoredEvent>> keys;

        /** {@code keys}: the call's keys found stored, when they were looked up; else {@link #hasKey} asks the database. */
        LockedLog(Connection c, UUID userId, EventChain.Head head, Optional<Map<String, StoredEvent>> keys) {
            this.c = c;
            this.userId = userId;
            this.head = head;
            this.keys = keys;
        }

        @Override
        public long lastSequence() {
            return head.sequence();
        }

        @Override
        public Optional<StoredEvent> find(UUID eventId) throws SQLException {
            return findIn(c, userId, eventId);
        }

        @Override
        public List<StoredEvent> compensationsOf(UUID eventId) throws SQLException {
            return compensationsIn(c, userId, eventId);
        }

        @Override
        public boolean hasKey(String idempotencyKey) throws SQLException {
            if (keys.isPresent()) {
                return keys.get().containsKey(idempotencyKey);
            }
            return !findByKeys(c, userId, List.of(idempotencyKey)).isEmpty();
        }

        @Override
        public Optional<StoredEvent> findByKey(String idempotencyKey) throws SQLException {
            if (keys.isPresent() && keys.get().containsKey(idempotencyKey)) {
                return Optional.of(keys.get().get(idempotencyKey));
            }
            return Optional.ofNullable(
                    findByKeys(c, userId, List.of(idempotencyKey)).get(idempotencyKey));
        }
    }
}
