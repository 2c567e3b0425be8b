package dev.td.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.wiring.TdCore;
import dev.td.testkit.AthleteDriver;
import dev.td.testkit.AthleteGenerator;
import dev.td.tools.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The benchmarks' athlete of {@code years} years up to today (Europe/Berlin): the strength athlete of the test kit
 * (seed 42) and the runs, rides, swims and daily readings of {@link EnduranceAthlete} (seed 43), logged through td's
 * tools, then the database vacuumed and analysed.
 */
record BenchAthlete(
        LocalDate first,
        LocalDate last,
        AthleteDriver.Played played,
        double strengthSeconds,
        int items,
        double recordSeconds) {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int BATCH = 1000;

    static BenchAthlete log(TdCore core, Principal owner, int years) throws SQLException {
        LocalDate first =
                LocalDate.now(ZONE).minusYears(years).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = LocalDate.now(ZONE);
        CompareBench.invoke(
                core,
                owner,
                "update_profile",
                "{\"idempotency_key\":\"bench-profile\",\"time_zone\":\"" + ZONE.getId()
                        + "\",\"weight_unit\":\"kg\"}");
        long t0 = System.nanoTime();
        AthleteDriver.Played played =
                new AthleteDriver(core).play(owner, new AthleteGenerator(42, first, years, ZONE).actions());
        double strengthSeconds = (System.nanoTime() - t0) / 1e9;
        List<EnduranceAthlete.Item> items =
                new EnduranceAthlete(43, first, (int) ChronoUnit.DAYS.between(first, last), ZONE).items();
        long t1 = System.nanoTime();
        for (int from = 0; from < items.size(); from += BATCH) {
            ObjectNode arguments = JsonNodeFactory.instance.objectNode();
            var events = arguments.putArray("events");
            items.subList(from, Math.min(items.size(), from + BATCH)).forEach(i -> events.add(i.argument()));
            CompareBench.invoke(core, owner, "log_events", arguments);
        }
        double recordSeconds = (System.nanoTime() - t1) / 1e9;
        try (Connection c = core.database().ownerConnection()) {
            c.createStatement().execute("VACUUM ANALYZE");
        }
        return new BenchAthlete(first, last, played, strengthSeconds, items.size(), recordSeconds);
    }
}
