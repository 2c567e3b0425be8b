package dev.td.importers.wearables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The entries of an export zip that may hold data, each with its first bytes as text so an importer can tell by their
 * content what they are. Folders, macOS copies ({@code __MACOSX/}, {@code ._name}) and entries not named
 * {@code .csv} or {@code .json} are passed over unread.
 */
final class ZipHeads {

    /** One candidate entry and its first line(s). */
    record Head(ZipEntry entry, String text) {

        String name() {
            return entry.getName();
        }
    }

    private ZipHeads() {}

    static List<Head> of(ZipFile zip) throws IOException {
        List<Head> heads = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (isCandidate(entry)) {
                try (InputStream in = zip.getInputStream(entry)) {
                    heads.add(new Head(entry, new String(in.readNBytes(4096), StandardCharsets.UTF_8)));
                }
            }
        }
        return heads;
    }

    private static boolean isCandidate(ZipEntry entry) {
        String lower = entry.getName().toLowerCase(Locale.ROOT);
        String fileName = lower.substring(lower.lastIndexOf('/') + 1);
        return !entry.isDirectory()
                && !lower.startsWith("__macosx/")
                && !fileName.startsWith("._")
                && (fileName.endsWith(".csv") || fileName.endsWith(".json"));
    }
}
