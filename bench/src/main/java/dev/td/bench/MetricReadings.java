package dev.td.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic {@code metric.recorded} events as an agent logs them for one person: a few readings
 * a day (body weight, resting heart rate, HRV, sleep score, steps) in the person's time zone, some
 * with a note. The same seed gives the same events.
 */
final class MetricReadings {

    private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC"
    };
    private static final String[] NOTES = {
        "after a long run", "slept badly", "travel day", "measured after coffee", "felt a cold coming"
    };
    private static final LocalDate START = LocalDate.of(2015, 1, 1);

    /** One event, with what {@code log_events} receives and what a plain insert stores. */
    record Reading(String type, OffsetDateTime occurredAt, ZoneId zone, ObjectNode data, String idempotencyKey) {

        /** The item of {@code log_events.events[]}. */
        ObjectNode toArgument() {
            ObjectNode item = JsonNodeFactory.instance.objectNode();
            item.put("type", type);
            item.put("occurred_at", occurredAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            item.put("time_zone", zone.getId());
            item.set("data", data);
            item.put("idempotency_key", idempotencyKey);
            return item;
        }
    }

    private MetricReadings() {}

    /** {@code count} readings of person number {@code person}, oldest first. */
    static List<Reading> of(int person, int count, long seed) {
        Random random = new Random(seed * 1_000_003L + person);
        ZoneId zone = ZoneId.of(ZONES[person % ZONES.length]);
        double weight = 70 + random.nextDouble() * 25;
        List<Reading> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = i % 5;
            LocalDate day = START.plusDays(i / 5);
            LocalTime time = LocalTime.of(6 + kind * 3, random.nextInt(60), random.nextInt(60));
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            switch (kind) {
                case 0 -> {
                    weight += random.nextGaussian() * 0.3;
                    reading(data, "body_weight", Math.round(weight * 10) / 10.0, "kg");
                }
                case 1 -> reading(data, "resting_hr", 48 + random.nextInt(20), "bpm");
                case 2 -> reading(data, "hrv_rmssd", Math.round((45 + random.nextGaussian() * 12) * 10) / 10.0, "ms");
                case 3 -> reading(data, "sleep_score", 55 + random.nextInt(45), "%");
                default -> reading(data, "steps", 2_000 + random.nextInt(16_000), "steps");
            }
            if (random.nextInt(5) == 0) {
                data.put("notes", NOTES[random.nextInt(NOTES.length)]);
            }
            OffsetDateTime at = day.atTime(time).atZone(zone).toOffsetDateTime();
            readings.add(new Reading("metric.recorded", at, zone, data, "bench-" + person + "-" + i));
        }
        return readings;
    }

    private static void reading(ObjectNode data, String metric, double value, String unit) {
        data.put("metric", metric);
        data.put("value", value);
        data.put("unit", unit);
    }
}
