package dev.td.importers.fit;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.ActivityMesgListener;
import com.garmin.fit.Decode;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.FileIdMesgListener;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.LapMesg;
import com.garmin.fit.LapMesgListener;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.RecordMesgListener;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SessionMesgListener;
import com.garmin.fit.WeightScaleMesg;
import com.garmin.fit.WeightScaleMesgListener;
import dev.td.importers.ImportException;
import dev.td.importers.SourceFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one decode of a whole FIT file collected, in file order: the messages td maps. Chained files (several FIT files
 * back to back, as in a multisport export) are read by the one {@link Decode#read} call.
 *
 * <p>The SDK hands messages to the listeners before it notices a bad CRC or a cut-off end and throws, so this only
 * collects; nothing reaches a sink until {@link #decode} has returned.
 */
final class FitContents {

    private static final Pattern AT_BYTE = Pattern.compile("byte: (\\d+)");

    private final List<FileIdMesg> fileIds = new ArrayList<>();
    private final List<SessionMesg> sessions = new ArrayList<>();
    private final List<LapMesg> laps = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private final List<WeightScaleMesg> weights = new ArrayList<>();
    private final List<ActivityMesg> activities = new ArrayList<>();
    private final CompressedDistance compressedDistance = new CompressedDistance();
    private String sha256 = "";

    private FitContents() {}

    /**
     * Decodes the whole file.
     *
     * @throws ImportException the file is empty, not FIT, corrupt or truncated
     */
    static FitContents decode(SourceFile file) {
        requireFitHeader(file);
        FitContents contents = new FitContents();
        Decode decode = new Decode();
        MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
        contents.listenTo(broadcaster);
        MessageDigest digest = sha256Digest();
        if (!readAll(file, decode, broadcaster, digest)) {
            throw ImportException.badFile(
                    file.name() + " is truncated: it ends before its last message; copy or export it again");
        }
        contents.sha256 = HexFormat.of().formatHex(digest.digest());
        return contents;
    }

    private static void requireFitHeader(SourceFile file) {
        if (file.head().length == 0) {
            throw ImportException.badFile(file.name() + " is empty (0 bytes): it has no activity or weight-scale data;"
                    + " export it again from the device or app");
        }
        if (!FitImporter.hasFitHeader(file.head())) {
            throw ImportException.badFile(file.name() + " is not a FIT file: it lacks the \".FIT\" signature at bytes"
                    + " 8-11; choose the .fit file the device or app exported");
        }
    }

    /** Whether the decoder reached the end of the last chained file. */
    private static boolean readAll(SourceFile file, Decode decode, MesgBroadcaster broadcaster, MessageDigest digest) {
        try (InputStream in =
                new DigestInputStream(new BufferedInputStream(Files.newInputStream(file.path())), digest)) {
            return decode.read(in, broadcaster, broadcaster);
        } catch (FitRuntimeException e) {
            throw explain(file.name(), e);
        } catch (RuntimeException e) {
            // the SDK's own failures on damaged data (an ArrayIndexOutOfBoundsException among random bit flips)
            throw ImportException.badFile(
                    file.name() + " is corrupt: the FIT decoder failed on it ("
                            + e.getClass().getSimpleName() + "); export it again from the device or app",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SDK tells a bad CRC, a cut-off end and a non-FIT header apart by its message text only. */
    private static ImportException explain(String name, FitRuntimeException e) {
        String text = String.valueOf(e.getMessage());
        Matcher at = AT_BYTE.matcher(text);
        String where = at.find() ? at.group(1) : "?";
        if (text.contains("File CRC failed")) {
            return ImportException.badFile(
                    name + " is corrupt: its CRC check failed at byte " + where
                            + "; the file was damaged in transfer or on the device — export it again from the device or app",
                    e);
        }
        if (text.contains("Unexpected end of input stream")) {
            return ImportException.badFile(
                    name + " is truncated (ends at byte " + where
                            + ", before the end its FIT header announces); the copy or upload was cut short — copy or export"
                            + " it again from the device or app",
                    e);
        }
        if (text.contains("not FIT format")) {
            return ImportException.badFile(
                    name + " is not a FIT file (no FIT header at byte " + where
                            + "); choose the .fit file the device or app exported",
                    e);
        }
        return ImportException.badFile(
                name + " is corrupt: the FIT decoder stopped at byte " + where + " ("
                        + text.replace("FIT decode error: ", "").strip() + "); export it again from the device or app",
                e);
    }

    private void listenTo(MesgBroadcaster broadcaster) {
        broadcaster.addListener((FileIdMesgListener) fileIds::add);
        broadcaster.addListener((SessionMesgListener) sessions::add);
        broadcaster.addListener((LapMesgListener) laps::add);
        broadcaster.addListener((WeightScaleMesgListener) weights::add);
        broadcaster.addListener((ActivityMesgListener) activities::add);
        broadcaster.addListener((RecordMesgListener) this::addRecord);
    }

    private void addRecord(RecordMesg record) {
        Long time = record.getFieldLongValue(RecordMesg.TimestampFieldNum);
        if (time == null) {
            return; // no place on the time line (DeveloperData.fit)
        }
        double distance = compressedDistance.next(record).orElse(value(record, RecordMesg.DistanceFieldNum));
        double altitude = value(record, RecordMesg.EnhancedAltitudeFieldNum);
        if (Double.isNaN(altitude)) {
            altitude = value(record, RecordMesg.AltitudeFieldNum);
        }
        double cadence = value(record, RecordMesg.CadenceFieldNum);
        double fraction = value(record, RecordMesg.FractionalCadenceFieldNum);
        if (!Double.isNaN(fraction)) {
            cadence += fraction;
        }
        points.add(new Point(
                time,
                distance,
                value(record, RecordMesg.HeartRateFieldNum),
                value(record, RecordMesg.PowerFieldNum),
                cadence,
                altitude));
    }

    /** A field's scaled value, {@code NaN} when the message lacks it. */
    static double value(Mesg mesg, int field) {
        Double v = mesg.getFieldDoubleValue(field);
        return v == null ? Double.NaN : v;
    }

    /** A field's scaled value, when the message has it. */
    static Optional<Double> optional(Mesg mesg, int field) {
        return Optional.ofNullable(mesg.getFieldDoubleValue(field));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first file_id: the activity's in a chained activity + settings file. */
    Optional<FileIdMesg> fileId() {
        return fileIds.stream().findFirst();
    }

    List<SessionMesg> sessions() {
        return sessions;
    }

    List<LapMesg> laps() {
        return laps;
    }

    List<Point> points() {
        return points;
    }

    List<WeightScaleMesg> weights() {
        return weights;
    }

    /** The last activity message: its local_timestamp places system times. */
    Optional<ActivityMesg> activity() {
        return activities.isEmpty() ? Optional.empty() : Optional.of(activities.getLast());
    }

    /** SHA-256 of the file's bytes, hex. */
    String sha256() {
        return sha256;
    }

    /**
     * The 12-bit distance component of {@code compressed_speed_distance} (1/16 m), accumulated here: the SDK rounds
     * its own accumulation to the distance field's 0.01 m (10248.6904 where the file says 10248.6875).
     */
    private static final class CompressedDistance {

        private long sixteenths;
        private int last = -1;

        Optional<Double> next(RecordMesg record) {
            Byte[] raw = record.getCompressedSpeedDistance();
            if (raw == null || raw.length < 3 || raw[1] == null || raw[2] == null) {
                return Optional.empty();
            }
            int component = ((raw[1] & 0xff) >> 4) | ((raw[2] & 0xff) << 4);
            sixteenths = last < 0 ? component : sixteenths + ((component - last) & 0xfff);
            last = component;
            return Optional.of(sixteenths / 16.0);
        }
    }
}
