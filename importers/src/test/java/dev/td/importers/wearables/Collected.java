package dev.td.importers.wearables;

import dev.td.importers.Draft;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A sink that keeps what an importer hands it, in order, and prints drafts as one comparable line each. */
final class Collected extends dev.td.importers.Collected {

    /** The person's zone the tests give: used only where a file has no offset. */
    static final ImportOptions BERLIN = new ImportOptions(ZoneId.of("Europe/Berlin"), Optional.empty());

    static Collected read(Importer importer, Path file) {
        return read(importer, file, BERLIN);
    }

    public static Collected read(Importer importer, Path file, ImportOptions options) {
        return read(importer, file, options, new Collected());
    }

    /**
     * The metric drafts as lines {@code <record id> @<occurred at> <zone or -> <metric>=<value>[ <unit>]}, to compare
     * with lines written by hand from the fixture's text.
     */
    List<String> metricLines() {
        return ofType("metric.recorded").stream().map(Collected::line).toList();
    }

    static String line(Draft d) {
        var data = d.data();
        String unit = data.has("unit") ? " " + data.get("unit").asText() : "";
        return d.recordId() + " @" + d.occurredAt() + " "
                + d.timeZone().map(ZoneId::getId).orElse("-") + " "
                + data.get("metric").asText() + "=" + data.get("value").asDouble() + unit;
    }
}
