package dev.td.importers;

import java.util.List;
import java.util.Optional;

/** Every importer td has, and which one reads a file. */
public final class Importers {

    // td's own export first: its zip must never be taken for another format's zip
    private static final List<Importer> ALL = List.of(
            new dev.td.importers.td.TdExportImporter(),
            new dev.td.importers.fit.FitImporter(),
            new dev.td.importers.apple.AppleHealthImporter(),
            new dev.td.importers.track.GpxImporter(),
            new dev.td.importers.track.TcxImporter(),
            new dev.td.importers.csv.StrongImporter(),
            new dev.td.importers.csv.HevyImporter(),
            new dev.td.importers.csv.StravaImporter(),
            new dev.td.importers.wearables.WhoopImporter(),
            new dev.td.importers.wearables.OuraImporter());

    private Importers() {}

    public static List<Importer> all() {
        return ALL;
    }

    /** The importer of this format. */
    public static Optional<Importer> of(Format format) {
        return ALL.stream().filter(i -> i.format() == format).findFirst();
    }

    /** The importer that recognizes this file, first match in {@link #all()} order. */
    public static Optional<Importer> detect(SourceFile file) {
        return ALL.stream().filter(i -> i.recognizes(file)).findFirst();
    }
}
