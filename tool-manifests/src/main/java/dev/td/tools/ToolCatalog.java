package dev.td.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All tool manifests shipped with td, read from the classpath ({@code td/tools/index.txt} lists
 * the manifest files). Every face builds itself from this one catalog.
 */
public final class ToolCatalog {

    private static final String ROOT = "td/tools/";
    private final Map<String, ToolManifest> byName;

    private ToolCatalog(Map<String, ToolManifest> byName) {
        this.byName = byName;
    }

    /** The manifests on the classpath, in index order. */
    public static ToolCatalog load() {
        ObjectMapper json = Json.mapper();
        JsonNode defs;
        try {
            defs = json.readTree(read(ROOT + "defs.json"));
        } catch (IOException e) {
            throw new IllegalStateException("td/tools/defs.json is not valid JSON", e);
        }
        Map<String, ToolManifest> tools = new LinkedHashMap<>();
        for (String file : indexEntries()) {
            ToolManifest manifest = parse(json, read(ROOT + file), file, defs);
            if (tools.putIfAbsent(manifest.name(), manifest) != null) {
                throw new IllegalStateException("tool " + manifest.name() + " is defined twice (" + file + ")");
            }
        }
        return new ToolCatalog(java.util.Collections.unmodifiableMap(tools));
    }

    /**
     * One manifest, read without parsing the others: for a short-lived process that calls one tool
     * (the CLI). The index names a tool's manifest {@code <name>.json}; when it does not, or the file
     * holds another tool, the whole catalog is read.
     */
    public static Optional<ToolManifest> loadOne(String name) {
        String file = name + ".json";
        if (!indexEntries().contains(file)) {
            return load().find(name);
        }
        ObjectMapper json = Json.mapper();
        try {
            ToolManifest manifest = parse(json, read(ROOT + file), file, json.readTree(read(ROOT + "defs.json")));
            return manifest.name().equals(name) ? Optional.of(manifest) : load().find(name);
        } catch (IOException e) {
            throw new IllegalStateException("td/tools/defs.json is not valid JSON", e);
        }
    }

    public List<ToolManifest> all() {
        return List.copyOf(byName.values());
    }

    public Optional<ToolManifest> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static List<String> indexEntries() {
        List<String> entries = new ArrayList<>();
        for (String line : read(ROOT + "index.txt").split("\n", -1)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static String read(String resource) {
        try (InputStream in = ToolCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.asText()));
        return out;
    }

    static ToolManifest parse(ObjectMapper json, String text, String source, JsonNode defs) {
        try {
            JsonNode n = json.readTree(text);
            JsonNode a = n.path("annotations");
            List<ToolManifest.Example> examples = new ArrayList<>();
            for (JsonNode e : n.path("examples")) {
                examples.add(new ToolManifest.Example(e.path("title").asText(), e.get("arguments"), e.get("result")));
            }
            return new ToolManifest(
                    n.path("name").asText(null),
                    n.path("title").asText(null),
                    n.path("description").asText(null),
                    n.path("scope").asText(null),
                    new ToolManifest.Annotations(
                            a.path("read_only").asBoolean(false),
                            a.path("destructive").asBoolean(false),
                            a.path("idempotent").asBoolean(false),
                            a.path("open_world").asBoolean(false)),
                    new ToolManifest.RestBinding(
                            n.path("rest").path("method").asText(null),
                            n.path("rest").path("path").asText(null)),
                    new ToolManifest.CliBinding(n.path("cli").path("command").asText(null)),
                    SharedDefinitions.inline(n.get("input_schema"), defs),
                    SharedDefinitions.inline(n.get("output_schema"), defs),
                    examples,
                    n.path("toolset")
                            .asText(ToolManifest.familyOf(n.path("scope").asText(""))),
                    texts(n.path("also_scopes")),
                    texts(n.path("context")).stream()
                            .map(k -> ContextKind.of(k, n.path("name").asText("?")))
                            .toList());
        } catch (IOException e) {
            throw new IllegalStateException("manifest " + source + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
