package dev.td.importers.fit;

import dev.td.importers.Draft;
import dev.td.importers.DraftSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps what an importer handed over, in order. */
final class CollectingSink implements DraftSink {

    private final List<Draft> drafts = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    @Override
    public void accept(Draft draft) {
        drafts.add(draft);
    }

    @Override
    public void skipped(String where, String reason) {
        skipped.add(where + ": " + reason);
    }

    List<Draft> drafts() {
        return drafts;
    }

    List<Draft> drafts(String type) {
        return drafts.stream().filter(d -> d.type().equals(type)).toList();
    }

    /** "where: reason" of every skipped record. */
    List<String> skipped() {
        return skipped;
    }
}
