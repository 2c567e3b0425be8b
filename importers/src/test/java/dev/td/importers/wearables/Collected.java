package dev.td.importers.wearables;

import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A sink that keeps what an importer hands it, in order, and prints drafts as one comparable line each. */
final class Collected implements DraftSink {

    /** The person's zone the tests give: used only where a file has no offset. */
    static final ImportOptions BERLIN = new ImportOptions(ZoneId.of("Europe/Berlin"), Optional.empty());

    final List<Draft> drafts = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    static Collected read(Importer importer, Path file) {
        return read(importer, file, BERLIN);
    }

    static Collected read(Importer importer, Path file, ImportOptions options) {
        Collected sink = new Collected();
        importer.read(SourceFile.of(file), options, sink);
        return sink;
    }

    @Override
    public void accept(Draft draft) {
        drafts.add(draft);
    }

    @Override
    public void skipped(String where, String reason) {
        skipped.add(where + ": " + reason);
    }

    List<Draft> ofType(String type) {
        return drafts.stream().filter(d -> d.type().equals(type)).toList();
    }

    List<String> recordIds() {
        return drafts.stream().map(Draft::recordId).toList();
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
