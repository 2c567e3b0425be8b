package dev.td.importers.csv;

import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import dev.td.importers.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what an importer hands it, in order. */
final class Collected implements DraftSink {

    final List<Draft> drafts = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

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
}
