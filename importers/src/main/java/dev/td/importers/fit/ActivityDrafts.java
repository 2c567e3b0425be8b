package dev.td.importers.fit;

import static dev.td.importers.fit.DataFields.nonNegative;
import static dev.td.importers.fit.DataFields.positive;
import static dev.td.importers.fit.DataFields.quantity;
import static dev.td.importers.fit.FitContents.optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.GarminProduct;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Mesg;
import com.garmin.fit.SessionMesg;
import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One {@code activity.logged} per FIT session, with the laps and records that fall in the session's time. */
final class ActivityDrafts {

    private static final double MAX_SECONDS = 1_209_600;
    private static final double MAX_LENGTH_M = 5_000_000;
    private static final double MAX_HEIGHT_M = 100_000;
    private static final int MAX_LAPS = 1000;

    private final FitContents contents;
    private final FitClock clock;
    private final String idBase;
    private final Optional<String> device;

    ActivityDrafts(FitContents contents, FitClock clock, String idBase) {
        this.contents = contents;
        this.clock = clock;
        this.idBase = idBase;
        this.device = contents.fileId().flatMap(ActivityDrafts::device);
    }

    /**
     * Maps every session, in file order. A session owns the laps and records from its start up to the next session's
     * start (the last one: to the end of the file).
     */
    void emit(DraftSink sink) {
        List<SessionMesg> sessions = contents.sessions();
        for (int i = 0; i < sessions.size(); i++) {
            String where = "session " + (i + 1);
            Optional<Long> start = start(sessions.get(i));
            if (start.isEmpty()) {
                sink.skipped(where, "has no start time");
                continue;
            }
            sink.accept(draft(sessions.get(i), i, start.get(), nextStart(start.get()), sink));
        }
    }

    private Draft draft(SessionMesg session, int index, long start, long end, DraftSink sink) {
        String where = "session " + (index + 1);
        String id = idBase + ":s" + index;
        String sport = Sports.of(session.getSport(), session.getSubSport());
        ObjectNode data = DataFields.object();
        data.put("activity_id", id);
        data.put("sport", sport);
        positive(data, "elapsed_s", optional(session, SessionMesg.TotalElapsedTimeFieldNum), MAX_SECONDS);
        positive(data, "moving_s", optional(session, SessionMesg.TotalTimerTimeFieldNum), MAX_SECONDS);
        quantity(data, "distance", optional(session, SessionMesg.TotalDistanceFieldNum), "m", MAX_LENGTH_M, false);
        quantity(data, "elevation_gain", optional(session, SessionMesg.TotalAscentFieldNum), "m", MAX_HEIGHT_M, true);
        quantity(data, "elevation_loss", optional(session, SessionMesg.TotalDescentFieldNum), "m", MAX_HEIGHT_M, true);
        positive(data, "avg_hr", optional(session, SessionMesg.AvgHeartRateFieldNum), 400);
        positive(data, "max_hr", optional(session, SessionMesg.MaxHeartRateFieldNum), 400);
        positive(data, "avg_power_w", optional(session, SessionMesg.AvgPowerFieldNum), 3000);
        positive(data, "normalized_power_w", optional(session, SessionMesg.NormalizedPowerFieldNum), 3000);
        positive(
                data,
                "avg_cadence",
                cadence(session, SessionMesg.AvgCadenceFieldNum, SessionMesg.AvgFractionalCadenceFieldNum, sport),
                300);
        nonNegative(data, "calories", optional(session, SessionMesg.TotalCaloriesFieldNum), 50_000);
        device.ifPresent(d -> data.put("device", d));
        data.put("source", "fit");
        laps(start, end, sport, sink, where).ifPresent(laps -> data.set("laps", laps));
        SampleStreams.of(contents.points(), start, end, sport, sink, where)
                .ifPresent(samples -> data.set("samples", samples));
        return new Draft("activity.logged", clock.instant(start, where + "'s start"), Optional.empty(), data, id);
    }

    private Optional<ArrayNode> laps(long start, long end, String sport, DraftSink sink, String where) {
        ArrayNode laps = DataFields.object().arrayNode();
        int dropped = 0;
        for (LapMesg lap : contents.laps()) {
            Optional<Long> at = lapTime(lap);
            if (at.isEmpty() || at.get() < start || at.get() >= end) {
                continue;
            }
            if (laps.size() == MAX_LAPS) {
                dropped++;
            } else {
                laps.add(lap(lap, sport));
            }
        }
        if (dropped > 0) {
            sink.skipped(
                    where + " laps", "the last " + dropped + " laps: td keeps at most " + MAX_LAPS + " per activity");
        }
        return laps.isEmpty() ? Optional.empty() : Optional.of(laps);
    }

    private static ObjectNode lap(LapMesg lap, String sport) {
        ObjectNode node = DataFields.object();
        quantity(node, "distance", optional(lap, LapMesg.TotalDistanceFieldNum), "m", MAX_LENGTH_M, false);
        positive(node, "elapsed_s", optional(lap, LapMesg.TotalElapsedTimeFieldNum), MAX_SECONDS);
        positive(node, "moving_s", optional(lap, LapMesg.TotalTimerTimeFieldNum), MAX_SECONDS);
        positive(node, "avg_hr", optional(lap, LapMesg.AvgHeartRateFieldNum), 400);
        positive(node, "max_hr", optional(lap, LapMesg.MaxHeartRateFieldNum), 400);
        positive(node, "avg_power_w", optional(lap, LapMesg.AvgPowerFieldNum), 3000);
        positive(
                node,
                "avg_cadence",
                cadence(lap, LapMesg.AvgCadenceFieldNum, LapMesg.AvgFractionalCadenceFieldNum, sport),
                300);
        quantity(node, "elevation_gain", optional(lap, LapMesg.TotalAscentFieldNum), "m", MAX_HEIGHT_M, true);
        return node;
    }

    private static Optional<Double> cadence(Mesg mesg, int whole, int fraction, String sport) {
        return optional(mesg, whole)
                .map(rpm -> Sports.cadence(sport, rpm + optional(mesg, fraction).orElse(0.0)));
    }

    /** The session's start_time, else its end (timestamp) less its elapsed time. */
    private static Optional<Long> start(SessionMesg session) {
        Long start = session.getFieldLongValue(SessionMesg.StartTimeFieldNum);
        if (start != null) {
            return Optional.of(start);
        }
        Long end = session.getFieldLongValue(SessionMesg.TimestampFieldNum);
        Double elapsed = session.getFieldDoubleValue(SessionMesg.TotalElapsedTimeFieldNum);
        return end == null || elapsed == null ? Optional.empty() : Optional.of(end - (long) Math.ceil(elapsed));
    }

    private static Optional<Long> lapTime(LapMesg lap) {
        Long start = lap.getFieldLongValue(LapMesg.StartTimeFieldNum);
        return Optional.ofNullable(start != null ? start : lap.getFieldLongValue(LapMesg.TimestampFieldNum));
    }

    /** The earliest session start after {@code start}, or no end. */
    private long nextStart(long start) {
        long next = Long.MAX_VALUE;
        for (SessionMesg other : contents.sessions()) {
            Optional<Long> otherStart = start(other);
            if (otherStart.isPresent() && otherStart.get() > start && otherStart.get() < next) {
                next = otherStart.get();
            }
        }
        return next;
    }

    /**
     * "garmin fenix5": the maker and, when known, the product (file_id product_name, else the Garmin product name,
     * which FIT uses for Garmin, Dynastream and Tacx devices).
     */
    static Optional<String> device(FileIdMesg fileId) {
        Integer maker = fileId.getManufacturer();
        String makerName = maker == null ? "" : lower(Manufacturer.getStringFromValue(maker));
        String productName = fileId.getProductName();
        if (productName != null && !productName.isBlank()) {
            String product = productName.strip();
            String name =
                    makerName.isEmpty() || lower(product).startsWith(makerName) ? product : makerName + " " + product;
            return Optional.of(name.substring(0, Math.min(name.length(), 200)));
        }
        Integer garminProduct = fileId.getGarminProduct();
        String product = garminProduct == null ? "" : lower(GarminProduct.getStringFromValue(garminProduct));
        String name = (makerName + " " + product).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name.substring(0, Math.min(name.length(), 200)));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
