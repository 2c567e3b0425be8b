package dev.td.importers.fit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.importers.ImportOptions;
import dev.td.importers.SourceFile;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The python-fitparse test files (dtcooper/python-fitparse @d88bb69, tests/files, MIT), read through the importer.
 */
final class FitSamples {

    static final String FOLDER = "/samples/fit/python-fitparse/";

    private FitSamples() {}

    static Path path(String name) {
        URL url = Objects.requireNonNull(FitSamples.class.getResource(FOLDER + name), name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path folder() {
        return Objects.requireNonNull(path("_COMMIT").getParent());
    }

    static ImportOptions utc() {
        return new ImportOptions(ZoneOffset.UTC, Optional.empty());
    }

    static ImportOptions in(String zone) {
        return new ImportOptions(ZoneId.of(zone), Optional.empty());
    }

    static CollectingSink read(String name) {
        return read(path(name), utc());
    }

    static CollectingSink read(Path file, ImportOptions options) {
        CollectingSink sink = new CollectingSink();
        new FitImporter().read(SourceFile.of(file), options, sink);
        return sink;
    }

    /** The values of one samples stream, null where the stream has null (or lacks the stream entirely). */
    static List<@Nullable Double> stream(JsonNode data, String name) {
        JsonNode samples = data.path("samples");
        int n = samples.path("time_s").size();
        List<@Nullable Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JsonNode v = samples.path(name).path(i);
            values.add(v.isNumber() ? v.asDouble() : null);
        }
        return values;
    }
}
