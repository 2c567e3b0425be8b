package dev.td.importers.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Mesg;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import dev.td.importers.ImportException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits no public sample reaches, on files written with the FIT SDK's own encoder: td's 100,000 points per activity,
 * and times the file gives no way to place.
 */
class FitLimitsTest {

    /** 2020-01-01T00:00:00Z in FIT seconds (since 1989-12-31T00:00Z). */
    private static final long START = 946_771_200;

    @TempDir
    Path dir;

    @Test
    void aRideOfOneHundredFiftyThousandRecordsIsThinnedEvenlyToOneHundredThousandSamples() {
        int records = 150_000;
        Path file = write("long.fit", activity(START, records, Sport.CYCLING));

        CollectingSink sink = FitSamples.read(file, FitSamples.utc());

        JsonNode samples = sink.drafts().getFirst().data().path("samples");
        JsonNode time = samples.path("time_s");
        assertThat(time).hasSize(100_000);
        assertThat(time.get(0).asLong()).isZero();
        assertThat(time.get(99_999).asLong()).isEqualTo(records - 1);
        for (int i = 1; i < time.size(); i++) {
            long step = time.get(i).asLong() - time.get(i - 1).asLong();
            assertThat(step).as("step %d", i).isBetween(1L, 2L);
        }
        // each sample keeps its own record's values: distance 2.5 m per second of the ride
        assertThat(samples.path("distance_m").get(50_000).asDouble())
                .isEqualTo(time.get(50_000).asLong() * 2.5);
        assertThat(sink.skipped())
                .containsExactly(
                        "session 1 records: thinned evenly from 150000 to 100000 points: td keeps at most 100000 per activity");
    }

    @Test
    void aSessionInSystemTimeWithoutALocalClockReadingIsRefused() {
        // system time: seconds since the device's power-on, below 0x10000000; no activity message to place it
        Path file = write("uptime.fit", activity(1000, 10, Sport.RUNNING));

        assertThatThrownBy(() -> FitSamples.read(file, FitSamples.utc()))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("uptime.fit: the time of session 1's start counts from the device's power-on")
                .hasMessageContaining("td cannot tell when it happened");
    }

    private static List<Mesg> activity(long start, int records, Sport sport) {
        List<Mesg> mesgs = new ArrayList<>();
        FileIdMesg id = new FileIdMesg();
        id.setType(File.ACTIVITY);
        id.setManufacturer(Manufacturer.DEVELOPMENT);
        id.setProduct(1);
        id.setSerialNumber(42L);
        id.setTimeCreated(new DateTime(start));
        mesgs.add(id);
        for (int i = 0; i < records; i++) {
            RecordMesg record = new RecordMesg();
            record.setTimestamp(new DateTime(start + i));
            record.setHeartRate((short) (100 + i % 50));
            record.setDistance(i * 2.5f);
            mesgs.add(record);
        }
        SessionMesg session = new SessionMesg();
        session.setTimestamp(new DateTime(start + records));
        session.setStartTime(new DateTime(start));
        session.setTotalElapsedTime((float) records);
        session.setTotalTimerTime((float) records);
        session.setSport(sport);
        mesgs.add(session);
        return mesgs;
    }

    private Path write(String name, List<Mesg> mesgs) {
        Path file = dir.resolve(name);
        FileEncoder encoder = new FileEncoder(file.toFile(), Fit.ProtocolVersion.V2_0);
        encoder.write(mesgs);
        encoder.close();
        return file;
    }
}
