package dev.td.server.load;

import dev.td.server.capability.Published;
import dev.td.statistics.load.LoadDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where a person stands on a day, by session-RPE load (the one method every session can have): fitness (CTL),
 * fatigue (ATL), form (TSB), form as a share of fitness, the uncoupled acute:chronic workload ratio and Foster's
 * monotony, read as a zone and flags by published rules.
 *
 * <ul>
 *   <li><b>Zone</b> by form % = 100 × TSB / CTL, the zones of intervals.icu's fitness chart: above +20 %
 *       {@code transition} (fitness is being lost), +5 to +20 {@code fresh}, −10 to +5 {@code grey_zone},
 *       −30 to −10 {@code optimal} (productive overload), below −30 {@code high_risk}. A share, not TSB's points,
 *       because session-RPE loads (hundreds of AU a session) and TSS (about 100 an hour) are not on one scale.
 *       Fewer than {@link #HISTORY_DAYS} days since the first session: {@code building} (CTL's 42-day average has
 *       not settled).</li>
 *   <li><b>Flags</b>: ACWR (uncoupled 7/28, Windt &amp; Gabbett 2018) ≥ 1.5 is a spike, the range Gabbett 2016
 *       linked to the highest injury risk; below 0.8 the load is dropping off; monotony above 2.0 (Foster 1998)
 *       is too little variation between hard and easy days.</li>
 * </ul>
 *
 * @param days days of history up to this one, the first session's day included
 * @param formPercent empty when CTL is 0
 * @param acwr the uncoupled ratio; empty before 28 days or without chronic load
 * @param monotony empty before 7 days or when every day's load is the same
 */
@Published
public record FatigueState(
        LocalDate date,
        int days,
        double load,
        double ctl,
        double atl,
        double tsb,
        OptionalDouble formPercent,
        OptionalDouble acwr,
        OptionalDouble monotony,
        String zone,
        List<String> flags) {

    /** Days of history before a zone is given: CTL averages 42 days, its weight on the start fades by then. */
    public static final int HISTORY_DAYS = 42;

    public static final double ACWR_SPIKE = 1.5;
    public static final double ACWR_LOW = 0.8;
    public static final double MONOTONY_HIGH = 2.0;

    /** How the state was read, for answers to carry once. */
    public static final String BASIS = "session RPE x min; CTL/ATL 42/7 d; zone by form = TSB/CTL (intervals.icu);"
            + " ACWR uncoupled 7/28, >=1.5 spike (Gabbett 2016), <0.8 low; monotony >2 high (Foster 1998)";

    public FatigueState {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(formPercent, "formPercent");
        Objects.requireNonNull(acwr, "acwr");
        Objects.requireNonNull(monotony, "monotony");
        Objects.requireNonNull(zone, "zone");
        flags = List.copyOf(flags);
        if (days < 1) {
            throw new IllegalArgumentException("a fatigue state needs at least one day of history, got " + days);
        }
    }

    /** The state a day of the load series shows, {@code days} days after the first session's day (itself day 1). */
    static FatigueState of(LocalDate date, int days, LoadDay d) {
        OptionalDouble form = d.ctl() > 0 ? OptionalDouble.of(100 * d.tsb() / d.ctl()) : OptionalDouble.empty();
        OptionalDouble acwr = d.acwrUncoupled().toOptional();
        OptionalDouble monotony = d.monotony().toOptional();
        List<String> flags = new ArrayList<>();
        if (acwr.isPresent() && acwr.getAsDouble() >= ACWR_SPIKE) {
            flags.add(String.format(
                    Locale.ROOT,
                    "load spike: ACWR %.2f >= %.1f, this week's load well above the last four weeks'",
                    acwr.getAsDouble(),
                    ACWR_SPIKE));
        } else if (acwr.isPresent() && acwr.getAsDouble() < ACWR_LOW) {
            flags.add(String.format(
                    Locale.ROOT,
                    "load dropping: ACWR %.2f < %.1f, this week's load below the last four weeks'",
                    acwr.getAsDouble(),
                    ACWR_LOW));
        }
        if (monotony.isPresent() && monotony.getAsDouble() > MONOTONY_HIGH) {
            flags.add(String.format(
                    Locale.ROOT,
                    "monotony %.2f > %.1f: hard and easy days too alike over 7 days",
                    monotony.getAsDouble(),
                    MONOTONY_HIGH));
        }
        return new FatigueState(
                date, days, d.load(), d.ctl(), d.atl(), d.tsb(), form, acwr, monotony, zone(days, form), flags);
    }

    /** The zone of a form share after so many days of history; a boundary belongs to the calmer zone below +5. */
    static String zone(int days, OptionalDouble formPercent) {
        if (days < HISTORY_DAYS) {
            return "building";
        }
        if (formPercent.isEmpty()) {
            return "transition";
        }
        double f = formPercent.getAsDouble();
        if (f > 20) {
            return "transition";
        }
        if (f > 5) {
            return "fresh";
        }
        if (f >= -10) {
            return "grey_zone";
        }
        return f >= -30 ? "optimal" : "high_risk";
    }
}
