package dev.td.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The endurance side and the daily readings of a multi-year athlete, as {@code log_events} items: runs (long on
 * Sundays), rides on Saturdays, swims midweek, about 1,000 activities in five years, getting fitter with diminishing
 * returns, with missed weeks; distance, moving and elapsed time, average and maximal heart rate on every activity,
 * RPE on about two in three, power on about half the rides, per-kilometre or per-100 m laps on a few. Every day: a
 * morning weigh-in (some days a second one), resting heart rate, HRV, sleep duration and a readiness score. Same
 * seed, start and length, same events.
 *
 * @param seed the random seed
 * @param start the first day
 * @param days how many days, from start
 * @param zone the athlete's time zone
 */
record EnduranceAthlete(long seed, LocalDate start, int days, ZoneId zone) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Chance of an activity by day of week, Monday first: swim, run, swim, run, rest, ride, long run. */
    private static final double[] CHANCE = {0.15, 0.8, 0.6, 0.75, 0.2, 0.8, 0.8};

    EnduranceAthlete {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
    }

    /** One item of {@code log_events.events[]}, with the instant it happened (to order a mixed log). */
    record Item(OffsetDateTime at, ObjectNode argument) {}

    /** Activities and readings, oldest first. */
    List<Item> items() {
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>();
        double weight = 78;
        boolean holiday = false;
        for (int i = 0; i < days; i++) {
            LocalDate day = start.plusDays(i);
            if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                holiday = random.nextInt(25) == 0;
            }
            double fitness = 1 - Math.exp(-i / 730.0);
            weight += random.nextGaussian() * 0.15 + (76 - weight) * 0.01;
            readings(items, random, day, i, weight, fitness);
            int dow = day.getDayOfWeek().getValue() - 1;
            if (!holiday && random.nextDouble() < CHANCE[dow]) {
                ObjectNode data = switch (dow) {
                    case 0, 2 -> swim(random, fitness);
                    case 5 -> ride(random, fitness);
                    default -> run(random, fitness, dow == 6);
                };
                data.put("activity_id", "a-" + day);
                LocalTime time = LocalTime.of(dow >= 5 ? 8 : 17, random.nextInt(60));
                items.add(item("activity.logged", day, time, data, "act-" + day));
            }
        }
        items.sort(Comparator.comparing(Item::at));
        return items;
    }

    private void readings(List<Item> items, Random random, LocalDate day, int i, double weight, double fitness) {
        String d = "m-" + i + "-";
        items.add(item(
                "metric.recorded",
                day,
                LocalTime.of(6, 30 + random.nextInt(20)),
                reading("body_weight", round(weight, 1), "kg"),
                d + "w"));
        if (random.nextInt(5) == 0) {
            items.add(item(
                    "metric.recorded",
                    day,
                    LocalTime.of(21, random.nextInt(60)),
                    reading("body_weight", round(weight + 0.6 + random.nextGaussian() * 0.2, 1), "kg"),
                    d + "w2"));
        }
        double rhr = 58 - 8 * fitness + random.nextGaussian() * 2;
        items.add(item(
                "metric.recorded",
                day,
                LocalTime.of(6, 5),
                reading("resting_hr", (double) Math.round(rhr), "bpm"),
                d + "rhr"));
        double hrv = 48 + 15 * fitness + random.nextGaussian() * 9;
        items.add(item(
                "metric.recorded",
                day,
                LocalTime.of(6, 6),
                reading("hrv_rmssd", round(Math.max(10, hrv), 1), "ms"),
                d + "hrv"));
        double sleep = 430 + random.nextGaussian() * 40;
        items.add(item(
                "metric.recorded",
                day,
                LocalTime.of(6, 7),
                reading("sleep_duration", (double) Math.round(Math.max(180, sleep)), "min"),
                d + "sleep"));
        double readiness = 60 + (hrv - 55) * 0.8 + (sleep - 430) * 0.1 + random.nextGaussian() * 6;
        ObjectNode r = JSON.objectNode().put("metric", "readiness").put("value", Math.round(clamp(readiness, 5, 100)));
        items.add(item("metric.recorded", day, LocalTime.of(6, 8), r, d + "ready"));
    }

    private static ObjectNode run(Random random, double fitness, boolean longRun) {
        double km = round(longRun ? 14 + random.nextDouble() * 10 : 6 + random.nextDouble() * 6, 2);
        double pace = 360 - 50 * fitness + (longRun ? 20 : 0) + random.nextGaussian() * 8;
        ObjectNode data = common(random, "run", km, "km", km * pace, 150 - 5 * fitness);
        data.putObject("elevation_gain")
                .put("value", Math.round(km * (5 + random.nextInt(15))))
                .put("unit", "m");
        data.put("avg_cadence", 165 + random.nextInt(15));
        if (random.nextInt(12) == 0) {
            laps(data, random, km, 1, pace, "km");
        }
        return data;
    }

    private static ObjectNode ride(Random random, double fitness) {
        double km = round(30 + random.nextDouble() * 80, 2);
        double kmh = 24 + 5 * fitness + random.nextGaussian() * 1.5;
        ObjectNode data = common(random, "ride", km, "km", km / kmh * 3600, 135);
        data.put("avg_cadence", 85 + random.nextInt(10));
        if (random.nextBoolean()) {
            double avg = 150 + 60 * fitness + random.nextGaussian() * 12;
            data.put("avg_power_w", Math.round(avg));
            data.put("normalized_power_w", Math.round(avg * (1.04 + random.nextDouble() * 0.08)));
        }
        return data;
    }

    private static ObjectNode swim(Random random, double fitness) {
        double m = 100 * (15 + random.nextInt(21));
        double per100 = 130 - 15 * fitness + random.nextGaussian() * 4;
        ObjectNode data = common(random, "swim", m, "m", m / 100 * per100, 135);
        if (random.nextInt(8) == 0) {
            laps(data, random, m, 100, per100, "m");
        }
        return data;
    }

    /** Distance, moving and elapsed time, heart rate, sometimes RPE. */
    private static ObjectNode common(
            Random random, String sport, double distance, String unit, double movingS, double hr) {
        ObjectNode data = JSON.objectNode().put("sport", sport);
        data.putObject("distance").put("value", round(distance, 2)).put("unit", unit);
        long moving = Math.round(movingS);
        data.put("moving_s", moving);
        data.put("elapsed_s", moving + random.nextInt(300));
        long avgHr = Math.round(hr + random.nextGaussian() * 5);
        data.put("avg_hr", avgHr);
        data.put("max_hr", avgHr + 12 + random.nextInt(14));
        if (random.nextInt(3) != 0) {
            data.put("rpe", 3 + random.nextInt(6));
        }
        return data;
    }

    /** Whole laps of {@code lap} and the rest as the last one, each at the pace give or take 3 %. */
    private static void laps(
            ObjectNode data, Random random, double distance, double lap, double pacePerLap, String unit) {
        ArrayNode laps = data.putArray("laps");
        for (double done = 0; done < distance - 0.01; done += lap) {
            double length = Math.min(lap, distance - done);
            long seconds = Math.max(1, Math.round(length / lap * pacePerLap * (1 + random.nextGaussian() * 0.03)));
            ObjectNode one = laps.addObject();
            one.putObject("distance").put("value", round(length, 2)).put("unit", unit);
            one.put("moving_s", seconds);
            one.put("avg_hr", data.get("avg_hr").asLong() + random.nextInt(7) - 3);
        }
    }

    private Item item(String type, LocalDate day, LocalTime time, ObjectNode data, String key) {
        OffsetDateTime at = day.atTime(time).atZone(zone).toOffsetDateTime();
        ObjectNode argument = JSON.objectNode();
        argument.put("type", type);
        argument.put("occurred_at", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        argument.put("time_zone", zone.getId());
        argument.set("data", data);
        argument.put("idempotency_key", key);
        return new Item(at, argument);
    }

    private static ObjectNode reading(String metric, double value, String unit) {
        return JSON.objectNode().put("metric", metric).put("value", value).put("unit", unit);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
