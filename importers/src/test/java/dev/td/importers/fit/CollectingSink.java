package dev.td.importers.fit;

import dev.td.importers.Collected;
import dev.td.importers.Draft;
import java.util.List;

/** Keeps what an importer handed over, in order. */
final class CollectingSink extends Collected {

    List<Draft> drafts() {
        return drafts;
    }

    List<Draft> drafts(String type) {
        return ofType(type);
    }
}
