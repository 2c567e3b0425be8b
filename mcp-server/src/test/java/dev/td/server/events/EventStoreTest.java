package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.TestDatabases;
import dev.td.tools.ErrorCode;
import dev.td.tools.ToolException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class EventStoreTest {

    private static TdCore core;
    private static EventStore store;

    @BeforeAll
    static void open() throws Exception {
        core = TdCore.open(Optional.of(TestDatabases.fresh()), TestDatabases.tempDir("td-store"));
        store = core.events();
    }

    @AfterAll
    static void close() {
        core.close();
    }

    private static UUID newPerson() {
        return core.accounts().createUser("person");
    }

    private static NewEvent metric(String key, double value) {
        ObjectNode data = JsonNodeFactory.instance
                .objectNode()
                .put("metric", "body_weight")
                .put("value", value)
                .put("unit", "kg");
        return new NewEvent(
                "metric.recorded",
                Instant.parse("2026-11-20T06:30:00Z"),
                ZoneId.of("Europe/Berlin"),
                data,
                key,
                JsonNodeFactory.instance.objectNode().put("source", "api").put("agent", "test"),
                Optional.empty());
    }

    @Test
    void sequencesAreGaplessPerPersonFromOne() {
        UUID a = newPerson();
        UUID b = newPerson();
        store.append(a, List.of(metric("a1", 80), metric("a2", 81)));
        store.append(b, List.of(metric("b1", 60)));
        List<StoredEvent> more = store.append(a, List.of(metric("a3", 82)));
        assertThat(more.getFirst().sequence()).isEqualTo(3);
        assertThat(store.append(b, List.of(metric("b2", 61))).getFirst().sequence())
                .isEqualTo(2);
    }

    @Test
    void theHashChainCanBeRecomputedFromTheStoredRows() throws SQLException {
        UUID person = newPerson();
        store.append(person, List.of(metric("h1", 80.0), metric("h2", 80.50)));
        store.append(person, List.of(metric("h3", 1e2)));
        byte[] previous = EventStore.GENESIS;
        try (Connection c = core.database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + EventStore.columns()
                        + ", prev_hash FROM events WHERE user_id = '" + person + "' ORDER BY sequence")) {
            int rows = 0;
            while (rs.next()) {
                StoredEvent e = store.read(rs);
                assertThat(rs.getBytes("prev_hash")).isEqualTo(previous);
                String canonical = e.canonical();
                assertThat(HexFormat.of().formatHex(EventChain.sha256(previous, canonical)))
                        .as("hash of event " + e.sequence())
                        .isEqualTo(HexFormat.of().formatHex(e.hash()));
                previous = e.hash();
                rows++;
            }
            assertThat(rows).isEqualTo(3);
        }
    }

    @Test
    void theSameIdempotencyKeyReturnsTheOriginalMarkedAsReplay() {
        UUID person = newPerson();
        StoredEvent first = store.append(person, List.of(metric("same", 80))).getFirst();
        StoredEvent again = store.append(person, List.of(metric("same", 80))).getFirst();
        assertThat(again.replayed()).isTrue();
        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(countFor(person)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForDifferentContentIsAConflictAndStoresNothing() {
        UUID person = newPerson();
        store.append(person, List.of(metric("reused", 80)));
        assertThatThrownBy(() -> store.append(person, List.of(metric("fresh", 70), metric("reused", 90))))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.path()).isEqualTo("$.events[1].idempotency_key");
                });
        assertThat(countFor(person)).as("the whole call is rolled back").isEqualTo(1);
    }

    @Test
    void fiftyClientsSendingOneKeyAtOnceStoreExactlyOneEvent() throws Exception {
        UUID person = newPerson();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<StoredEvent>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(
                        () -> store.append(person, List.of(metric("race", 80))).getFirst());
            }
            List<StoredEvent> results = new ArrayList<>();
            for (Future<StoredEvent> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results.stream().map(StoredEvent::eventId).distinct()).hasSize(1);
            assertThat(results.stream().filter(r -> !r.replayed())).hasSize(1);
            assertThat(countFor(person)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyClientsRacingOnAPersonWithHistoryKeepTheSequenceGaplessAndTheChainIntact() throws Exception {
        UUID person = newPerson();
        store.append(person, List.of(metric("history", 80)));
        EventStore second = new EventStore(core.database().dataSource());
        second.append(person, List.of(metric("from-another-server", 81)));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<List<StoredEvent>>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                EventStore via = i % 2 == 0 ? store : second;
                String own = "own-" + i;
                double value = 70 + i % 10;
                calls.add(() -> via.append(person, List.of(metric("shared", 80), metric(own, value))));
            }
            for (Future<List<StoredEvent>> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(countFor(person)).as("2 earlier + 1 shared + 50 own").isEqualTo(53);
        try (Connection c = core.database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sequence, hash, prev_hash FROM events WHERE user_id = '" + person
                        + "' ORDER BY sequence")) {
            long expected = 1;
            byte[] previous = EventStore.GENESIS;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(expected++);
                assertThat(rs.getBytes(3)).as("prev_hash of " + rs.getLong(1)).isEqualTo(previous);
                previous = rs.getBytes(2);
            }
        }
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncateEvenForTheOwner() throws SQLException {
        UUID person = newPerson();
        store.append(person, List.of(metric("immutable", 80)));
        try (Connection owner = core.database().ownerConnection();
                Statement s = owner.createStatement()) {
            for (String sql : List.of(
                    "UPDATE events SET data = '{}' WHERE user_id = '" + person + "'",
                    "DELETE FROM events WHERE user_id = '" + person + "'",
                    "TRUNCATE events",
                    "TRUNCATE events_p3")) {
                assertThatThrownBy(() -> s.execute(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(countFor(person)).isEqualTo(1);
    }

    @Test
    void theServerRoleHasNoPrivilegeToChangeEvents() throws SQLException {
        try (Connection app = core.database().appDataSource().getConnection();
                Statement s = app.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT current_user");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("td_app");
            rs = s.executeQuery(
                    "SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'td_app' AND table_name = 'events'");
            Set<String> privileges = new java.util.HashSet<>();
            while (rs.next()) {
                privileges.add(rs.getString(1));
            }
            assertThat(privileges).containsExactlyInAnyOrder("SELECT", "INSERT");
            assertThatThrownBy(() -> s.execute("DELETE FROM events")).hasMessageContaining("permission denied");
        }
    }

    @Test
    void everyAppendNotifiesListenersOnCommit() throws SQLException {
        UUID person = newPerson();
        try (Connection listener = core.database().ownerConnection()) {
            listener.createStatement().execute("LISTEN " + EventStore.EVENTS_CHANNEL);
            store.append(person, List.of(metric("n1", 80), metric("n2", 81)));
            PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications(5000);
            assertThat(got).isNotNull().hasSize(1);
            assertThat(got[0].getName()).isEqualTo(EventStore.EVENTS_CHANNEL);
            assertThat(got[0].getParameter()).isEqualTo("{\"user_id\":\"" + person + "\",\"last_sequence\":2}");
        }
    }

    @Test
    void aWhatIfAppendsWhereOnlyItReadsAndLeavesNoEventNoHeadAndNoNotification() throws SQLException {
        UUID person = newPerson();
        store.append(person, List.of(metric("h1", 80), metric("h2", 81)));
        String head = store.head(person).orElseThrow();
        try (Connection listener = core.database().ownerConnection()) {
            listener.createStatement().execute("LISTEN " + EventStore.EVENTS_CHANNEL);
            String inside = store.hypothetically(
                    person,
                    List.of(metric("h3", 82)),
                    log -> assertThat(log.lastSequence()).isEqualTo(2),
                    applied -> {
                        assertThat(applied.getFirst().sequence()).isEqualTo(3);
                        assertThat(countFor(person))
                                .as("read inside: the proposal is there")
                                .isEqualTo(3);
                        return store.head(person).orElseThrow();
                    });
            assertThat(inside).startsWith("3:");
            PGNotification[] heard = listener.unwrap(PGConnection.class).getNotifications(500);
            assertThat(heard == null ? 0 : heard.length).as("notifications").isZero();
        }
        assertThat(store.head(person)).contains(head);
        assertThat(store.keptHead(person)).as("the head this process keeps").contains(2L);
        assertThat(countFor(person)).isEqualTo(2);
        // the next real append takes the sequence the what-if had used, chained to the real head
        assertThat(store.append(person, List.of(metric("h4", 83))).getFirst().sequence())
                .isEqualTo(3);
        assertThat(new ChainVerifier(core.database().dataSource(), store)
                        .verify(person)
                        .ok())
                .isTrue();
    }

    @Test
    void aLongAppendWritesItsBatchesAsOneRunChainedOnTheLogAndVerifiable() {
        UUID person = newPerson();
        store.append(person, List.of(metric("before", 80)));
        List<Long> sequences = store.appendInOne(person, batches -> {
            List<Long> seen = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                for (StoredEvent e :
                        batches.append(List.of(metric("run-" + b + "a", 81 + b), metric("run-" + b + "b", 82 + b)))) {
                    seen.add(e.sequence());
                }
            }
            return seen;
        });
        assertThat(sequences).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(countFor(person)).isEqualTo(7);
        assertThat(store.head(person)).hasValueSatisfying(h -> assertThat(h).startsWith("7:"));
        assertThat(new ChainVerifier(core.database().dataSource(), store)
                        .verify(person)
                        .ok())
                .isTrue();
        assertThat(store.append(person, List.of(metric("after", 90))).getFirst().sequence())
                .isEqualTo(8);
    }

    @Test
    void aLongAppendThatFailsAfterItsBatchesWereHandedOverStoresNothingAndKeepsTheHead() {
        UUID person = newPerson();
        store.append(person, List.of(metric("before", 80)));
        String head = store.head(person).orElseThrow();
        assertThatThrownBy(() -> store.appendInOne(person, batches -> {
                    batches.append(List.of(metric("gone-1", 81), metric("gone-2", 82)));
                    batches.append(List.of(metric("gone-3", 83)));
                    throw new IllegalStateException("the file ended early");
                }))
                .hasMessage("the file ended early");
        assertThat(countFor(person)).as("both batches rolled back").isEqualTo(1);
        assertThat(store.head(person)).contains(head);
        assertThat(store.append(person, List.of(metric("gone-1", 81)))
                        .getFirst()
                        .sequence())
                .as("the keys of the rolled back run are free")
                .isEqualTo(2);
    }

    @Test
    void aLongAppendMeetingAKeyStoredMeanwhileIsAConflictAndStoresNothing() {
        UUID person = newPerson();
        store.append(person, List.of(metric("taken", 80)));
        assertThatThrownBy(() -> store.appendInOne(person, batches -> {
                    batches.append(List.of(metric("fresh-1", 81)));
                    batches.append(List.of(metric("fresh-2", 82), metric("taken", 80)));
                    return batches.append(List.of(metric("fresh-3", 83)));
                }))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(countFor(person)).isEqualTo(1);
        assertThat(new ChainVerifier(core.database().dataSource(), store)
                        .verify(person)
                        .ok())
                .isTrue();
    }

    private static long countFor(UUID person) {
        try (Connection c = core.database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM events WHERE user_id = '" + person + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
