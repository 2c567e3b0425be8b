package dev.td.importers.wearables;

import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import dev.td.importers.ImportOptions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One WHOOP import, over one CSV or all the CSVs of an export zip: hands each draft to the sink once (the night's
 * sleep is in both physiological_cycles.csv and sleeps.csv, under the same record id), remembers each cycle's time
 * zone for the workouts of exports whose workouts.csv has none, and counts the data rows read.
 */
final class WhoopExport {

    static final String SOURCE = "whoop";

    private final ImportOptions options;
    private final DraftSink sink;
    private final Set<String> recordIds = new HashSet<>();
    private final Map<String, ZoneOffset> cycleOffsets = new HashMap<>();
    private int rows;

    WhoopExport(ImportOptions options, DraftSink sink) {
        this.options = options;
        this.sink = sink;
    }

    void read(WhoopTable kind, Table table) {
        switch (kind) {
            case CYCLES -> CycleReadings.cycles(table, this);
            case SLEEPS -> CycleReadings.sleeps(table, this);
            case WORKOUTS -> WhoopWorkouts.read(table, this);
            case JOURNAL -> journal(table);
        }
    }

    /** How many data rows all files had. */
    int rows() {
        return rows;
    }

    void countRow() {
        rows++;
    }

    DraftSink sink() {
        return sink;
    }

    /** The zone a row's local times are in: its cycle's offset, or the person's zone when the file gives none. */
    ZoneId zone(Optional<ZoneOffset> offset) {
        return offset.<ZoneId>map(o -> o).orElse(options.zone());
    }

    /** Remembers the offset of the cycle that starts at this local time, as the files write it. */
    void cycle(String startText, Optional<ZoneOffset> offset) {
        offset.ifPresent(o -> cycleOffsets.put(startText, o));
    }

    /** The offset of the cycle that starts at this local time, if physiological_cycles.csv was read first. */
    Optional<ZoneOffset> cycleOffset(String startText) {
        return Optional.ofNullable(cycleOffsets.get(startText));
    }

    /**
     * A cycle's readings, dated {@code at}, each keyed {@code whoop:cycle:<cycle start>:<metric>}; a reading already
     * handed over under its key is not handed over again.
     */
    void readings(Row row, Instant cycleStart, Instant at, Optional<ZoneOffset> offset, List<Reading> readings) {
        if (readings.isEmpty()) {
            sink.skipped(row.where(), "the row has no value td imports (recovery, heart rate, HRV, sleep, strain…)");
        }
        for (Reading reading : readings) {
            accept(reading.draft(at, offset, "whoop:cycle:" + cycleStart + ":" + reading.metric(), SOURCE));
        }
    }

    void accept(Draft draft) {
        if (recordIds.add(draft.recordId())) {
            sink.accept(draft);
        }
    }

    /** Journal answers are counted and reported, not imported: td has no event for a yes/no behaviour question. */
    private void journal(Table table) {
        int answers = 0;
        while (table.next().isPresent()) {
            countRow();
            answers++;
        }
        if (answers > 0) {
            sink.skipped(
                    table.file(),
                    answers + " journal answers are not imported: td has no event for WHOOP's yes/no behaviour"
                            + " questions (log what matters as a note or a metric)");
        }
    }
}
