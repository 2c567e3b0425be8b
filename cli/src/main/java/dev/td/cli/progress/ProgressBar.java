package dev.td.cli.progress;

import java.util.Locale;

/**
 * The text of a transfer's progress line, {@code run.fit  [#####.....] 52% 2.1/4.0 MB}: the file's
 * name, a bar of {@code width} cells, the percentage done (rounded down, so 100% only when all is
 * sent) and the bytes sent of the total in the total's decimal unit (B, kB, MB, GB).
 */
public final class ProgressBar {

    /** Names longer than this are cut, so the line fits a narrow terminal. */
    static final int MAX_NAME = 30;

    private ProgressBar() {}

    /**
     * The line for {@code sent} of {@code total} bytes.
     *
     * @param name  the file's name
     * @param sent  bytes sent so far
     * @param total bytes to send; 0 is a transfer already complete
     * @param width cells of the bar, at least 1
     */
    public static String render(String name, long sent, long total, int width) {
        if (width < 1 || sent < 0 || total < 0) {
            throw new IllegalArgumentException("width must be at least 1 and the byte counts non-negative, got width "
                    + width + ", " + sent + "/" + total);
        }
        long done = Math.min(sent, total);
        long percent = total == 0 ? 100 : done * 100 / total;
        int cells = total == 0 ? width : Math.toIntExact(done * width / total);
        return shortName(name) + "  [" + "#".repeat(cells) + ".".repeat(width - cells) + "] " + percent + "% "
                + amounts(done, total);
    }

    private static String shortName(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }

    /** {@code 2.1/4.0 MB}: both in the unit of the total, one decimal; bytes without decimals. */
    private static String amounts(long done, long total) {
        if (total < 1_000) {
            return done + "/" + total + " B";
        }
        String unit;
        double scale;
        if (total < 1_000_000) {
            unit = "kB";
            scale = 1e3;
        } else if (total < 1_000_000_000) {
            unit = "MB";
            scale = 1e6;
        } else {
            unit = "GB";
            scale = 1e9;
        }
        return String.format(Locale.ROOT, "%.1f/%.1f %s", done / scale, total / scale, unit);
    }
}
