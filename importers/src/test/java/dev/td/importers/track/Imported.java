package dev.td.importers.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.importers.Collected;
import dev.td.importers.Draft;
import dev.td.importers.ImportOptions;
import dev.td.importers.Importer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What an importer handed its sink for one file, read through the public API. */
record Imported(List<Draft> drafts, List<String> skipped) {

    static final ImportOptions OPTIONS = new ImportOptions(ZoneOffset.UTC, Optional.empty());

    /** A sample under {@code src/test/resources/samples/}, e.g. {@code gpx/togeojson/run.gpx}. */
    static Path sample(String relative) {
        URL url = Objects.requireNonNull(Imported.class.getResource("/samples/" + relative), relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Imported read(Importer importer, Path path) {
        Collected sink = Collected.read(importer, path, OPTIONS);
        return new Imported(List.copyOf(sink.drafts), sink.skipped());
    }

    /** The one draft of a single-activity file. */
    Draft only() {
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }

    /** A samples stream as doubles, null where a point has no value. */
    static List<@Nullable Double> stream(Draft draft, String name) {
        JsonNode values = draft.data().path("samples").path(name);
        assertThat(values.isArray()).as("samples." + name + " is present").isTrue();
        List<@Nullable Double> list = new ArrayList<>();
        values.forEach(v -> list.add(v.isNull() ? null : v.asDouble()));
        return list;
    }

    /** The present values of a samples stream, in order. */
    static List<Double> present(Draft draft, String name) {
        List<Double> values = new ArrayList<>();
        for (Double value : stream(draft, name)) {
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
