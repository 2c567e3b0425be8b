package dev.td.importers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' sink: keeps what an importer hands it, in order (the drafts, and each skipped record with where it was and
 * why). A package's tests extend it with what they look things up by.
 */
public class Collected implements DraftSink {

    /** A record the importer skipped: where in the file, and why. */
    public record Skip(String where, String reason) {}

    public final List<Draft> drafts = new ArrayList<>();
    public final List<Skip> skips = new ArrayList<>();

    /** Reads the file into a new sink. */
    public static Collected read(Importer importer, Path file, ImportOptions options) {
        return read(importer, file, options, new Collected());
    }

    /** Reads the file into {@code sink}; answers it. */
    public static <C extends Collected> C read(Importer importer, Path file, ImportOptions options, C sink) {
        importer.read(SourceFile.of(file), options, sink);
        return sink;
    }

    @Override
    public void accept(Draft draft) {
        drafts.add(draft);
    }

    @Override
    public void skipped(String where, String reason) {
        skips.add(new Skip(where, reason));
    }

    /** "where: reason" of every skipped record. */
    public List<String> skipped() {
        return skips.stream().map(s -> s.where() + ": " + s.reason()).toList();
    }

    public List<Draft> ofType(String type) {
        return drafts.stream().filter(d -> d.type().equals(type)).toList();
    }

    public List<String> recordIds() {
        return drafts.stream().map(Draft::recordId).toList();
    }
}
