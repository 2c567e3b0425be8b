package dev.td.importers.fit;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import dev.td.importers.ImportException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Places FIT times on the time line. FIT counts seconds from 1989-12-31T00:00Z (UTC); a value below
 * {@code 0x10000000} ({@link DateTime#MIN}) counts from the device's power-on instead ("system time", e.g.
 * compressed-speed-distance.fit). Such a time is placed through the activity message, which gives the same moment as
 * system time ({@code timestamp}) and as the device's local clock ({@code local_timestamp}); the local clock is read in
 * the person's zone, because FIT does not say which zone the device was in.
 */
final class FitClock {

    private static final long FIT_EPOCH = Instant.parse("1989-12-31T00:00:00Z").getEpochSecond();

    private final String fileName;
    private final ZoneId zone;
    private final Optional<Long> systemToLocal;

    private FitClock(String fileName, ZoneId zone, Optional<Long> systemToLocal) {
        this.fileName = fileName;
        this.zone = zone;
        this.systemToLocal = systemToLocal;
    }

    static FitClock of(String fileName, ZoneId zone, Optional<ActivityMesg> activity) {
        Optional<Long> systemToLocal = activity.flatMap(a -> {
            Long time = a.getFieldLongValue(ActivityMesg.TimestampFieldNum);
            Long local = a.getLocalTimestamp();
            return time != null && local != null && isSystemTime(time) ? Optional.of(local - time) : Optional.empty();
        });
        return new FitClock(fileName, zone, systemToLocal);
    }

    static boolean isSystemTime(long fitTime) {
        return fitTime < DateTime.MIN;
    }

    /**
     * The instant of a FIT time.
     *
     * @param what names the message, for the error
     * @throws ImportException a system time the file gives no local clock reading for
     */
    Instant instant(long fitTime, String what) {
        if (!isSystemTime(fitTime)) {
            return Instant.ofEpochSecond(FIT_EPOCH + fitTime);
        }
        long local = systemToLocal.orElseThrow(() -> ImportException.badFile(fileName + ": the time of " + what
                        + " counts from the device's power-on (FIT system time) and the file has no activity message"
                        + " with a local clock time to place it, so td cannot tell when it happened; export the"
                        + " activity again from the app the device syncs with"))
                + fitTime;
        return LocalDateTime.ofEpochSecond(FIT_EPOCH + local, 0, ZoneOffset.UTC)
                .atZone(zone)
                .toInstant();
    }
}
