package dev.td.importers.apple;

import dev.td.importers.DraftSink;
import java.time.DateTimeException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of one {@code <Record>} of a type td imports, and where they go: a reading to the sink, a stream
 * sample to its day.
 *
 * @param source the raw {@code sourceName} (no-break spaces and all: it is part of the record's identity)
 */
record RecordFields(
        RecordType type,
        @Nullable String unit,
        @Nullable String value,
        String source,
        @Nullable String start,
        @Nullable String end) {

    private static final String ASLEEP = "HKCategoryValueSleepAnalysisAsleep";

    /**
     * Imports the record.
     *
     * @return what is wrong with it when it cannot be imported, worded to follow "N records with "
     */
    Optional<String> apply(DailyReadings days, DraftSink sink) {
        if (start == null) {
            return Optional.of("no startDate");
        }
        HealthDate startDate;
        try {
            startDate = HealthDate.parse(start);
        } catch (DateTimeException e) {
            return Optional.of("a startDate that is not yyyy-MM-dd HH:mm:ss ±hhmm");
        }
        if (type.kind() == RecordType.Kind.SLEEP) {
            return sleep(startDate, days);
        }
        Optional<String> tdUnit = unit == null ? Optional.empty() : type.tdUnit(unit);
        if (tdUnit.isEmpty()) {
            return Optional.of(
                    (unit == null ? "no unit" : "the unit " + unit) + ", which td does not take for " + type.metric());
        }
        double number;
        try {
            number = Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return Optional.of("a value that is not a number");
        }
        if (!Double.isFinite(number)) {
            return Optional.of("a value that is not a number");
        }
        switch (type.kind()) {
            case HEART_RATE -> days.heartRate(startDate, number);
            case RESPIRATION -> days.respiration(startDate, number);
            case STEPS -> days.steps(startDate, source, number);
            default -> reading(startDate, number, tdUnit.get(), days, sink);
        }
        return Optional.empty();
    }

    private void reading(HealthDate startDate, double number, String tdUnit, DailyReadings days, DraftSink sink) {
        days.day(startDate);
        Optional<String> notes =
                source.isBlank() ? Optional.empty() : Optional.of("from " + MetricDrafts.display(source));
        sink.accept(MetricDrafts.metric(
                type.metric(),
                number,
                Optional.of(tdUnit),
                notes,
                startDate.instant(),
                RecordIds.of(
                        type.metric(), startDate.epochSecond(), type.identifier(), source, String.valueOf(value))));
    }

    /** Asleep segments (any {@code Asleep*} value) and time in bed count; awake time does not. */
    private Optional<String> sleep(HealthDate startDate, DailyReadings days) {
        HealthDate endDate;
        try {
            endDate = HealthDate.parse(String.valueOf(end));
        } catch (DateTimeException e) {
            return Optional.of("no endDate of the form yyyy-MM-dd HH:mm:ss ±hhmm");
        }
        String category = String.valueOf(value);
        if (category.equals("HKCategoryValueSleepAnalysisInBed")) {
            days.sleep(startDate, endDate, source, false);
        } else if (category.startsWith(ASLEEP)) {
            days.sleep(startDate, endDate, source, true);
        } else if (!category.equals("HKCategoryValueSleepAnalysisAwake")) {
            return Optional.of("a sleep value td does not know (" + category + ")");
        }
        return Optional.empty();
    }
}
