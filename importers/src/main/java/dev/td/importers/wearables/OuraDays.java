package dev.td.importers.wearables;

import dev.td.importers.DraftSink;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An Oura file's readings by day, handed to the sink once the whole file is read: each day's metrics dated at the
 * start of the day, in the offset of that night's bedtime when the file gives one (which then is the draft's zone),
 * else in the person's zone; keyed {@code oura:<metric>:<day>}, so the JSON, the CSVs and a later export of the same
 * day share keys. A day's night is its main sleep period (Oura's {@code long_sleep}, v1 {@code is_longest}), the
 * longest if there are several; naps and rests are counted and reported, not imported. A metric a day already has is
 * not replaced: the later value is reported.
 */
final class OuraDays {

    static final String SOURCE = "oura";

    /** The order a day's drafts are handed over in. */
    private static final List<String> ORDER = List.of(
            "sleep_duration",
            "sleep_score",
            "resting_hr",
            "avg_sleeping_hr",
            "hrv_rmssd",
            "respiration_rate",
            "temperature_deviation",
            "readiness",
            "spo2",
            "steps");

    /**
     * The main sleep period of a day and its readings.
     *
     * @param main    Oura's night sleep ({@code long_sleep}), as opposed to a nap or rest
     * @param seconds its total sleep, to pick the longest of a day's periods
     */
    record Night(
            LocalDate day,
            boolean main,
            double seconds,
            Optional<ZoneOffset> offset,
            List<Reading> readings,
            String where) {}

    private final String file;
    private final DraftSink sink;
    private final NavigableMap<LocalDate, Map<String, Reading>> days = new TreeMap<>();
    private final Map<LocalDate, ZoneOffset> offsets = new HashMap<>();
    private final Map<LocalDate, Night> nights = new HashMap<>();
    private int naps;
    private int records;

    OuraDays(String file, DraftSink sink) {
        this.file = file;
        this.sink = sink;
    }

    /** Counts a record of a kind td reads, whether or not it has values. */
    void record() {
        records++;
    }

    /** How many records of kinds td reads the file had. */
    int records() {
        return records;
    }

    void put(LocalDate day, Reading reading, String where) {
        Map<String, Reading> values = days.computeIfAbsent(day, d -> new LinkedHashMap<>());
        if (values.containsKey(reading.metric())) {
            sink.skipped(where, reading.metric() + " of " + day + " was read before; this value is left out");
        } else {
            values.put(reading.metric(), reading);
        }
    }

    void offset(LocalDate day, Optional<ZoneOffset> offset) {
        offset.ifPresent(o -> offsets.putIfAbsent(day, o));
    }

    /** A sleep period: kept if it is the day's longest main sleep so far. */
    void night(Night night) {
        if (!night.main()) {
            naps++;
            return;
        }
        Night kept = nights.get(night.day());
        if (kept == null || night.seconds() > kept.seconds()) {
            nights.put(night.day(), night);
            if (kept != null) {
                sink.skipped(kept.where(), "a shorter main sleep of " + night.day() + " than " + night.where());
            }
        } else {
            sink.skipped(night.where(), "a shorter main sleep of " + night.day() + " than " + kept.where());
        }
    }

    /** Hands every day's drafts to the sink, days in order. */
    void emit(ZoneId personZone) {
        nights.values().stream().sorted(Comparator.comparing(Night::day)).forEach(night -> {
            offset(night.day(), night.offset());
            night.readings().forEach(r -> put(night.day(), r, night.where()));
        });
        if (naps > 0) {
            sink.skipped(
                    file,
                    naps + " sleep periods that are not the night's main sleep (naps, rests: Oura's types other than"
                            + " long_sleep) are not imported: td's sleep metrics are the night's");
        }
        days.forEach((day, values) -> {
            Optional<ZoneOffset> offset = Optional.ofNullable(offsets.get(day));
            var at = day.atStartOfDay(offset.<ZoneId>map(o -> o).orElse(personZone))
                    .toInstant();
            for (String metric : ORDER) {
                Reading r = values.get(metric);
                if (r != null) {
                    sink.accept(r.draft(at, offset, "oura:" + metric + ":" + day, SOURCE));
                }
            }
        });
    }
}
