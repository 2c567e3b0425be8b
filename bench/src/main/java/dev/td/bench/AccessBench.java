package dev.td.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import dev.td.server.access.AccessLogStore;
import dev.td.server.access.Grants;
import dev.td.server.wiring.PrincipalScope;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.AthleteDriver;
import dev.td.testkit.AthleteGenerator;
import dev.td.tools.CallScope;
import dev.td.tools.Envelope;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolManifest;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What people, row-level security and the access log cost, side by side in one process and one run, for a
 * five-year athlete (seed 42, ending last week so that the default periods hold data) and a coach the athlete
 * granted the coach role.
 *
 * <p>Three paths, as the table's column groups: <b>owner</b> is the owner's pool with no principal bound (what
 * {@code Database.dataSource()} hands out outside a tool call: no row-level security, no settings); <b>self</b> is
 * the application role with the athlete bound ({@code set_config} of {@code td.actor} and {@code td.person} on
 * checkout, reset on close, the policies of migration V8); <b>grant</b> is the application role with the coach
 * bound acting on the athlete's data through the grant. Every row is warmed up, then its paths are timed
 * interleaved call by call, so that drift (JIT, autovacuum, caches) falls on all of them alike. Database rows time
 * connection checkout, the query with its rows read, and close, since the settings are made and reset there.
 *
 * <p>Every tool call ends with the access log's insert, committed with synchronous_commit on as td runs PostgreSQL;
 * where the disk takes milliseconds to flush, that wait dominates the call. So the tool calls are timed a second time
 * with td_app's commits not waiting for the flush, and the insert likewise, which shows the rest of the cost.
 *
 * <p>The per-call summary multiplies the per-connection cost of scoping by the application-role connections one
 * call checks out, counted through the pool's metrics hook after the timings (not during them).
 *
 * <p>System properties: {@code bench.years} (5), {@code bench.calls} (tool calls per path, 1,000),
 * {@code bench.dbCalls} (5,000), {@code bench.rangeCalls} (500), {@code bench.logCalls} (2,000), {@code bench.warmup}
 * (calls per path before timing, 300).
 */
public final class AccessBench {

    private static final String KEY = "td_bench_owner_key_0123456789abcdefghijklmnop";
    private static final int YEARS = Integer.getInteger("bench.years", 5);
    private static final int TOOL_CALLS = Integer.getInteger("bench.calls", 1000);
    private static final int DB_CALLS = Integer.getInteger("bench.dbCalls", 5000);
    private static final int RANGE_CALLS = Integer.getInteger("bench.rangeCalls", 500);
    private static final int LOG_CALLS = Integer.getInteger("bench.logCalls", 2000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    private static final int COUNTED_CALLS = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Duration RANGE = Duration.ofDays(12 * 7);
    /** The coach preset of {@code dev.td.server.sharing.Roles} (package-private there). */
    private static final Set<String> COACH_SCOPES =
            Set.of("training:read", "endurance:read", "injuries:read", "programs:write", "notes:write", "catalog:read");

    private static final List<String> TOOLS =
            List.of("get_personal_records", "list_sessions", "get_volume", "get_overview");
    private static final String EVENT_COLUMNS = "user_id, event_id, sequence, type, occurred_at, time_zone,"
            + " recorded_at, data, metadata, idempotency_key, subject_event_id, hash";
    private static final CallScope SCOPE = new PrincipalScope();
    private static final AtomicLong REQUESTS = new AtomicLong();

    private AccessBench() {}

    /** Work timed once per call; it throws what JDBC and the tools throw. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** Work on one checked-out connection. */
    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** The three people-and-principal set-ups a row can run under. */
    private record Principals(Principal athlete, Principal coach, Principal delegated, String athleteHandle) {}

    /**
     * One line of the table: what was timed, how many timed calls per path, the latencies of each path that applies,
     * and a note (application-role connections per call, where counted).
     */
    private record Row(
            String what,
            int n,
            Optional<LogEventsOverHttp.Latencies> owner,
            Optional<LogEventsOverHttp.Latencies> self,
            Optional<LogEventsOverHttp.Latencies> grant,
            String note) {}

    /** A heading and its rows. */
    private record Section(String title, List<Row> rows) {}

    /** The in-process latencies of one tool, with the athlete's own key and through the coach's grant. */
    private record ToolTiming(String tool, LogEventsOverHttp.Latencies own, LogEventsOverHttp.Latencies grant) {
        Row row(String note) {
            return new Row(tool, TOOL_CALLS, Optional.empty(), Optional.of(own), Optional.of(grant), note);
        }
    }

    /** Application-role connections one call of a tool checks out, with the own key and through the grant. */
    private record Connections(double own, double grant) {
        @Override
        public String toString() {
            return number(own) + " / " + number(grant);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("td-access-bench");
        try (TdCore core = TdCore.open(Optional.empty(), dir)) {
            core.accounts().bootstrapOwner(Optional.of(KEY));
            Principal athlete = core.accounts().authenticate(KEY).orElseThrow();
            LocalDate start = LocalDate.now(ZONE).with(DayOfWeek.MONDAY).minusWeeks(52L * YEARS);
            List<AthleteGenerator.Action> actions = new AthleteGenerator(42, start, YEARS, ZONE).actions();
            long t0 = System.nanoTime();
            AthleteDriver.Played played = new AthleteDriver(core).play(athlete, actions);
            double logSeconds = (System.nanoTime() - t0) / 1e9;
            Principals people = coachWithGrant(core, athlete);
            try (Connection c = core.database().ownerConnection();
                    Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            System.out.printf(
                    Locale.ROOT,
                    "td access bench: Java %s, %d-year athlete '%s' (seed 42, from %s): %d workouts -> %d events,"
                            + " logged in %.1f s; coach '%s' holds the athlete's coach grant (%s)%n",
                    Runtime.version(),
                    YEARS,
                    people.athleteHandle(),
                    start,
                    played.workouts(),
                    count(core, "SELECT count(*) FROM events"),
                    logSeconds,
                    core.accounts().person(people.coach().userId()).handle(),
                    String.join(", ", new TreeSet<>(COACH_SCOPES)));

            double loadAtStart = load();
            List<ToolTiming> durable = toolTimings(core, people, "");
            synchronousCommit(core, people, "off");
            List<ToolTiming> unflushed = toolTimings(core, people, " (synchronous_commit off)");
            synchronousCommit(core, people, "on");
            List<Row> database = databaseRows(core, people);
            progress("access log insert");
            List<Row> accessLog = accessLogRows(core, people);
            progress("counting connections per call");
            Checkouts checkouts = Checkouts.on(core.database().appDataSource());
            List<Connections> connections = new ArrayList<>();
            for (String tool : TOOLS) {
                connections.add(new Connections(
                        checkouts.perCall(() -> invoke(core, tool, people.athlete(), Optional.empty())),
                        checkouts.perCall(
                                () -> invoke(core, tool, people.coach(), Optional.of(people.athleteHandle())))));
            }
            List<Row> toolRows = new ArrayList<>();
            for (int i = 0; i < TOOLS.size(); i++) {
                toolRows.add(durable.get(i).row(connections.get(i).toString()));
            }
            List<Section> sections = List.of(
                    new Section("in-process tool call (ToolRegistry.invoke; self = the athlete's own key)", toolRows),
                    new Section(
                            "the same, commits not waiting for the WAL flush (td_app with synchronous_commit off)",
                            unflushed.stream().map(t -> t.row("")).toList()),
                    new Section("database: connection checkout + query + close", database),
                    new Section("access log: one row per tool call", accessLog));
            print(sections, loadAtStart);
            summary(
                    durable.getFirst(),
                    unflushed.getFirst(),
                    connections.getFirst().own(),
                    database.get(1),
                    accessLog.get(0),
                    accessLog.get(1));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Creates the coach, a key of theirs, and the athlete's coach grant; returns the principals the rows run as. */
    private static Principals coachWithGrant(TdCore core, Principal athlete) {
        UUID coachId = core.accounts().createPerson("coach", "Coach").userId();
        Principal coach = core.accounts()
                .authenticate(core.accounts().createKey(coachId, "bench-coach", Set.of("*")))
                .orElseThrow();
        Grants grants = new Grants(core.database().dataSource());
        bound(athlete, () -> grants.grant(athlete.userId(), coachId, "coach", COACH_SCOPES, Optional.empty()));
        String handle = core.accounts().person(athlete.userId()).handle();
        Principal delegated = bound(coach, () -> grants.actAs(coach, handle));
        if (delegated.delegation().isEmpty() || !delegated.userId().equals(athlete.userId())) {
            throw new IllegalStateException("the coach's grant did not delegate to the athlete: " + delegated);
        }
        return new Principals(athlete, coach, delegated, handle);
    }

    /** Times every tool of {@link #TOOLS}; {@code how} goes into the progress line. */
    private static List<ToolTiming> toolTimings(TdCore core, Principals people, String how) throws Exception {
        List<ToolTiming> timings = new ArrayList<>();
        for (String tool : TOOLS) {
            progress("tool call " + tool + how);
            timings.add(toolCalls(core, people, tool));
        }
        return timings;
    }

    /**
     * Sets synchronous_commit for td_app's sessions ({@code off}: commits do not wait for the WAL flush; {@code on}:
     * as td configures it) and replaces the application pool's connections, so that it holds from the next checkout.
     */
    private static void synchronousCommit(TdCore core, Principals people, String setting) throws SQLException {
        try (Connection c = core.database().ownerConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    setting.equals("on")
                            ? "ALTER ROLE td_app RESET synchronous_commit"
                            : "ALTER ROLE td_app SET synchronous_commit = " + setting);
        }
        core.database()
                .appDataSource()
                .unwrap(HikariDataSource.class)
                .getHikariPoolMXBean()
                .softEvictConnections();
        String actual = bound(people.athlete(), () -> {
            try (Connection c = core.database().dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!actual.equals(setting)) {
            throw new IllegalStateException("td_app's synchronous_commit is " + actual + ", not " + setting);
        }
    }

    /** Times one tool with the athlete's key and through the coach's grant, after checking both answer alike. */
    private static ToolTiming toolCalls(TdCore core, Principals people, String tool) throws Exception {
        JsonNode own = invoke(core, tool, people.athlete(), Optional.empty()).toJson();
        JsonNode grant = invoke(core, tool, people.coach(), Optional.of(people.athleteHandle()))
                .toJson();
        if (!own.at("/meta/person/self").asBoolean()
                || grant.at("/meta/person/self").asBoolean(true)) {
            throw new IllegalStateException(tool + ": meta.person.self is not true on the own key and false"
                    + " through the grant: " + own.at("/meta/person") + " " + grant.at("/meta/person"));
        }
        if (tool.equals("get_personal_records")
                && (own.at("/data/exercises").isEmpty() || !own.path("data").equals(grant.path("data")))) {
            throw new IllegalStateException(
                    "get_personal_records: no records, or the grant sees other records than the athlete");
        }
        List<LogEventsOverHttp.Latencies> timed = interleaved(
                TOOL_CALLS,
                List.of(
                        () -> invoke(core, tool, people.athlete(), Optional.empty()),
                        () -> invoke(core, tool, people.coach(), Optional.of(people.athleteHandle()))));
        return new ToolTiming(tool, timed.get(0), timed.get(1));
    }

    /** One call through the registry, as a face makes it (not rendered); a refusal throws (a ToolException). */
    private static Envelope invoke(TdCore core, String tool, Principal caller, Optional<String> person) {
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        person.ifPresent(p -> arguments.put("person", p));
        return core.tools().invoke(tool, caller, arguments, origin());
    }

    private static ToolCall.Origin origin() {
        return new ToolCall.Origin(
                "api", "bench-" + REQUESTS.incrementAndGet(), Optional.of("access-bench"), Optional.empty());
    }

    /** The database rows: an empty checkout, the projection read, a 12-week range of events, the grant lookup. */
    private static List<Row> databaseRows(TdCore core, Principals people) throws Exception {
        UUID athlete = people.athlete().userId();
        DataSource db = core.database().dataSource();
        long records = count(
                core,
                "SELECT count(*) FROM projection_states WHERE user_id = ? AND projection = 'personal_records'",
                athlete);
        Timestamp from = latestEventMinusRange(core, athlete);
        long inRange = count(core, "SELECT count(*) FROM events WHERE user_id = ? AND occurred_at >= ?", athlete, from);
        List<Row> rows = new ArrayList<>();
        progress("checkout");
        rows.add(threePaths("checkout + SELECT 1 + close", DB_CALLS, people, onConnection(db, AccessBench::selectOne)));
        progress("projection read");
        rows.add(threePaths(
                "projection_states: personal_records stamps (" + records + " rows)",
                DB_CALLS,
                people,
                onConnection(db, projectionStamps(athlete, records))));
        progress("events range");
        rows.add(threePaths(
                "events: 12 weeks by occurred_at (" + inRange + " rows)",
                RANGE_CALLS,
                people,
                onConnection(db, eventsFrom(athlete, from, inRange))));
        progress("grant lookup");
        Grants grants = new Grants(db);
        Work actAs = () -> {
            if (grants.actAs(people.coach(), people.athleteHandle())
                    .delegation()
                    .isEmpty()) {
                throw new IllegalStateException("Grants.actAs found no grant");
            }
        };
        List<LogEventsOverHttp.Latencies> lookup = interleaved(DB_CALLS, List.of(actAs, as(people.coach(), actAs)));
        rows.add(new Row(
                "Grants.actAs, the grant lookup (self = the coach)",
                DB_CALLS,
                Optional.of(lookup.get(0)),
                Optional.of(lookup.get(1)),
                Optional.empty(),
                ""));
        return rows;
    }

    /** SELECT 1: the connection's checkout, round trip and close, and nothing else. */
    private static void selectOne(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1");
                ResultSet rs = ps.executeQuery()) {
            expectRows(rs, 1, "SELECT 1");
        }
    }

    /** The stamps of a person's personal_records rows: what ProjectionEngine.readAll reads before reusing states. */
    private static SqlWork projectionStamps(UUID person, long expected) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key, last_sequence, version, updated_at"
                    + " FROM projection_states WHERE user_id = ? AND projection = ? AND key >= ? AND key <= ?"
                    + " ORDER BY key")) {
                ps.setObject(1, person);
                ps.setString(2, "personal_records");
                ps.setString(3, "");
                ps.setString(4, "\uffff");
                try (ResultSet rs = ps.executeQuery()) {
                    expectRows(rs, expected, "projection_states");
                }
            }
        };
    }

    /** A person's events from {@code from} on, in log order, with the columns the event store reads. */
    private static SqlWork eventsFrom(UUID person, Timestamp from, long expected) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM events WHERE user_id = ? AND occurred_at >= ? ORDER BY sequence")) {
                ps.setObject(1, person);
                ps.setTimestamp(2, from);
                try (ResultSet rs = ps.executeQuery()) {
                    expectRows(rs, expected, "events");
                }
            }
        };
    }

    /**
     * One access_log insert as the registry makes it after a call (self and grant: the principal bound; owner: on the
     * owner's pool, for comparison), and the same INSERT committed without waiting for the WAL flush, which shows
     * what of the insert is the flush (td runs PostgreSQL with fsync and synchronous_commit on).
     */
    private static List<Row> accessLogRows(TdCore core, Principals people) throws Exception {
        DataSource db = core.database().dataSource();
        AccessLogStore log = new AccessLogStore(db);
        ToolManifest tool = core.tools().manifests().stream()
                .filter(m -> m.name().equals("get_personal_records"))
                .findFirst()
                .orElseThrow();
        Row record = threePaths(
                "AccessLogStore.record (one insert)",
                LOG_CALLS,
                people,
                acting -> () -> log.record(acting.orElse(people.athlete()), tool, origin(), Optional.empty()));
        progress("access log insert without the WAL flush");
        Row unflushed = threePaths(
                "  the same INSERT, synchronous_commit off",
                LOG_CALLS,
                people,
                acting -> () -> insertWithoutFlush(db, acting.orElse(people.athlete())));
        return List.of(record, unflushed);
    }

    /** AccessLogStore's INSERT, in a transaction that commits without waiting for its WAL record to reach disk. */
    private static void insertWithoutFlush(DataSource db, Principal acting) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO access_log (user_id, actor_id, key_id, agent, face, tool, action, outcome, grant_id,"
                            + " request_id) VALUES (?, ?, ?, ?, 'api', 'get_personal_records', 'read', 'ok', ?, ?)")) {
                ps.setObject(1, acting.userId());
                ps.setObject(2, acting.actorId());
                ps.setObject(3, acting.keyId());
                ps.setString(4, acting.agent());
                ps.setObject(
                        5,
                        acting.delegation().map(Principal.Delegation::grantId).orElse(null),
                        Types.OTHER);
                ps.setString(6, origin().requestId());
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** What a row does, given the principal it runs as (empty: none bound, the owner's pool). */
    @FunctionalInterface
    private interface PathWork {
        Work as(Optional<Principal> acting);
    }

    /** A work on a connection of {@code db}, checkout and close included. */
    private static PathWork onConnection(DataSource db, SqlWork work) {
        return acting -> () -> {
            try (Connection c = db.getConnection()) {
                work.run(c);
            }
        };
    }

    /** Times {@code work} on the owner's pool, as the athlete, and as the coach through the grant. */
    private static Row threePaths(String what, int n, Principals people, PathWork work) throws Exception {
        Optional<Principal> athlete = Optional.of(people.athlete());
        Optional<Principal> delegated = Optional.of(people.delegated());
        List<LogEventsOverHttp.Latencies> timed = interleaved(
                n,
                List.of(
                        work.as(Optional.empty()),
                        as(people.athlete(), work.as(athlete)),
                        as(people.delegated(), work.as(delegated))));
        return new Row(what, n, Optional.of(timed.get(0)), Optional.of(timed.get(1)), Optional.of(timed.get(2)), "");
    }

    /** {@code work} with {@code principal} bound to the thread, as inside a tool call. */
    private static Work as(Principal principal, Work work) {
        return () -> {
            CallScope.Binding binding = SCOPE.bind(principal);
            try {
                work.run();
            } finally {
                binding.close();
            }
        };
    }

    /** The answer of {@code work} run with {@code principal} bound. */
    private static <T> T bound(Principal principal, Supplier<T> work) {
        CallScope.Binding binding = SCOPE.bind(principal);
        try {
            return work.get();
        } finally {
            binding.close();
        }
    }

    /**
     * Runs every work {@link #WARMUP} times, then {@code n} timed times, one call of each in turn; returns their
     * latencies in the order given.
     */
    private static List<LogEventsOverHttp.Latencies> interleaved(int n, List<Work> works) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            for (Work w : works) {
                w.run();
            }
        }
        double[][] ms = new double[works.size()][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < works.size(); k++) {
                long t = System.nanoTime();
                works.get(k).run();
                ms[k][i] = (System.nanoTime() - t) / 1e6;
            }
        }
        List<LogEventsOverHttp.Latencies> latencies = new ArrayList<>();
        for (double[] m : ms) {
            latencies.add(LogEventsOverHttp.Latencies.of(m));
        }
        return latencies;
    }

    /**
     * Counts the application pool's checkouts: Hikari reports each one to the metrics tracker, which may be set
     * once on a running pool. Installed after the timings, so that they ran without it.
     */
    private static final class Checkouts implements MetricsTrackerFactory {
        private final LongAdder count = new LongAdder();

        static Checkouts on(DataSource appPool) throws SQLException {
            Checkouts checkouts = new Checkouts();
            appPool.unwrap(HikariDataSource.class).setMetricsTrackerFactory(checkouts);
            return checkouts;
        }

        @Override
        public IMetricsTracker create(String poolName, PoolStats poolStats) {
            return new IMetricsTracker() {
                @Override
                public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
                    count.increment();
                }
            };
        }

        /** Application-role connections one run of {@code work} checks out, averaged over a few runs. */
        double perCall(Work work) throws Exception {
            long before = count.sum();
            for (int i = 0; i < COUNTED_CALLS; i++) {
                work.run();
            }
            return (count.sum() - before) / (double) COUNTED_CALLS;
        }
    }

    private static void print(List<Section> sections, double loadAtStart) {
        System.out.printf(
                Locale.ROOT,
                "%nsystem load average (1 min): %.2f when the timings began, %.2f at their end, on %d cores%n",
                loadAtStart,
                load(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("p50/p99 in ms. owner = owner pool, no principal (no RLS, no set_config);"
                + " self = td_app as the athlete (set_config on checkout, reset on close, RLS);");
        System.out.println("grant = td_app as the coach on the athlete's data through the coach grant."
                + " Paths interleaved call by call after a warm-up of " + WARMUP + " each.");
        System.out.println();
        String format = "%-56s %6s  %8s %8s  %8s %8s  %8s %8s  %s%n";
        System.out.printf(Locale.ROOT, format, "", "", "owner", "", "self", "", "grant", "", "td_app conns");
        System.out.printf(
                Locale.ROOT, format, "", "n", "p50", "p99", "p50", "p99", "p50", "p99", "per call self / grant");
        for (Section section : sections) {
            System.out.println(section.title());
            for (Row row : section.rows()) {
                System.out.printf(
                        Locale.ROOT,
                        format,
                        "  " + row.what(),
                        row.n(),
                        p(row.owner(), 50),
                        p(row.owner(), 99),
                        p(row.self(), 50),
                        p(row.self(), 99),
                        p(row.grant(), 50),
                        p(row.grant(), 99),
                        row.note());
            }
        }
    }

    /**
     * The one-line summary, at p50: what scoping and row-level security add per get_personal_records call (its
     * connections less the access log's, each costing what the projection read costs more scoped than on the owner's
     * pool), what calling through the grant adds, and what the access log adds (and how much of that is the WAL
     * flush); each as a share of the call's own-key p50 and, in parentheses, of that p50 without the flush wait.
     */
    private static void summary(
            ToolTiming records,
            ToolTiming recordsUnflushed,
            double connections,
            Row projectionRead,
            Row accessLog,
            Row accessLogUnflushed) {
        double call = records.own().percentile(50);
        double callUnflushed = recordsUnflushed.own().percentile(50);
        double perConnection = p50(projectionRead.self()) - p50(projectionRead.owner());
        double scoping = (connections - 1) * perConnection;
        double grant = records.grant().percentile(50) - call;
        double grantUnflushed = recordsUnflushed.grant().percentile(50) - callUnflushed;
        double log = p50(accessLog.self());
        double insert = p50(accessLogUnflushed.self());
        System.out.printf(
                Locale.ROOT,
                "%nsummary at p50: get_personal_records in process %.3f ms (%.3f ms without the WAL flush wait)."
                        + " RLS + scoping ~%+.3f ms per call (%s scoped connections besides the access log's x %.3f ms,"
                        + " the projection read scoped - owner) = %.0f %% (%.0f %%)."
                        + " Through the grant %+.3f ms (%+.3f ms) = %.0f %% (%.0f %%)."
                        + " The access log %+.3f ms (one scoped insert; %.3f ms of it waiting for the WAL flush)"
                        + " = %.0f %% (without the flush wait %.3f ms = %.0f %%).%n",
                call,
                callUnflushed,
                scoping,
                number(connections - 1),
                perConnection,
                100 * scoping / call,
                100 * scoping / callUnflushed,
                grant,
                grantUnflushed,
                100 * grant / call,
                100 * grantUnflushed / callUnflushed,
                log,
                log - insert,
                100 * log / call,
                insert,
                100 * insert / callUnflushed);
    }

    private static double p50(Optional<LogEventsOverHttp.Latencies> latencies) {
        return latencies.orElseThrow().percentile(50);
    }

    private static String p(Optional<LogEventsOverHttp.Latencies> latencies, double percentile) {
        return latencies
                .map(l -> String.format(Locale.ROOT, "%.3f", l.percentile(percentile)))
                .orElse("-");
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    /** Reads every column of every row, and fails unless there were {@code expected} rows. */
    private static void expectRows(ResultSet rs, long expected, String what) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        long rows = 0;
        while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
                rs.getObject(i);
            }
            rows++;
        }
        if (rows != expected) {
            throw new IllegalStateException(what + ": " + rows + " rows, expected " + expected);
        }
    }

    /** The start of the 12 weeks that end with the athlete's latest event. */
    private static Timestamp latestEventMinusRange(TdCore core, UUID athlete) throws SQLException {
        try (Connection c = core.database().ownerConnection();
                PreparedStatement ps = c.prepareStatement("SELECT max(occurred_at) FROM events WHERE user_id = ?")) {
            ps.setObject(1, athlete);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Timestamp.from(rs.getTimestamp(1).toInstant().minus(RANGE));
            }
        }
    }

    /** A count, on an owner's connection (no row-level security). */
    private static long count(TdCore core, String sql, Object... parameters) throws SQLException {
        try (Connection c = core.database().ownerConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The system's load average over the last minute (what else competes for the cores). */
    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void progress(String what) {
        System.err.println("access bench: timing " + what + "…");
    }
}
