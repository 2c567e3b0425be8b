package dev.td.importers;

/** Reads one format into td event drafts. */
public interface Importer {

    Format format();

    /** Whether the file is of this format, by its name and first bytes (and a zip's entry names). */
    boolean recognizes(SourceFile file);

    /**
     * Reads the whole file, handing every draft and skipped record to {@code sink}. A file that turns out corrupt or
     * truncated throws, possibly after some drafts: the caller stores nothing of a file that threw.
     *
     * @throws ImportException the file cannot be imported; the message says why and what to do
     */
    void read(SourceFile file, ImportOptions options, DraftSink sink);
}
