package dev.td.server.faces;

import dev.td.tools.ToolManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The toolsets an MCP client can pick from, so that it pays context only for the tools it uses.
 *
 * <p>A tool's toolset is the family of the scope it needs: {@code events:write} → {@code events}, {@code
 * training:read} → {@code training}, {@code catalog:*} → {@code catalog}, {@code stats:run} → {@code stats}. Keys
 * and toolsets thus speak one vocabulary (a key scoped {@code training:read} uses the {@code training} toolset), and a
 * capability that brings tools under a new scope brings its toolset with it; there is no second table to keep.
 *
 * <p>A selection is written as names separated by commas ({@code training,stats}), case and spaces ignored; {@code
 * all}, or nothing, selects every toolset.
 */
final class Toolsets {

    static final String ALL = "all";

    private final Map<String, String> toolsetOfTool;
    private final List<String> names;

    private Toolsets(Map<String, String> toolsetOfTool) {
        this.toolsetOfTool = Map.copyOf(toolsetOfTool);
        this.names = List.copyOf(new TreeSet<>(toolsetOfTool.values()));
    }

    static Toolsets of(List<ToolManifest> manifests) {
        Map<String, String> byTool = new LinkedHashMap<>();
        for (ToolManifest m : manifests) {
            byTool.put(m.name(), familyOf(m.scope()));
        }
        return new Toolsets(byTool);
    }

    /** {@code training:read} → {@code training}; a scope without a colon is its own family. */
    static String familyOf(String scope) {
        int colon = scope.indexOf(':');
        return colon < 0 ? scope : scope.substring(0, colon);
    }

    /** The toolset names, sorted. */
    List<String> names() {
        return names;
    }

    /** The toolset of a td tool; empty for tools that are not td's (the conformance fixtures). */
    Optional<String> toolsetOf(String tool) {
        return Optional.ofNullable(toolsetOfTool.get(tool));
    }

    /**
     * The selection written in {@code text}.
     *
     * @throws IllegalArgumentException naming the unknown toolsets and the known ones
     */
    Selection parse(String text) {
        Set<String> picked = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals(ALL)) {
                return Selection.EVERYTHING;
            }
            if (names.contains(name)) {
                picked.add(name);
            } else {
                unknown.add(part.strip());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown toolset" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList()) + "; td has "
                    + String.join(", ", names) + " (or all), separated by commas");
        }
        return picked.isEmpty() ? Selection.EVERYTHING : new Selection(picked);
    }

    /** Whether {@code tool} is offered under {@code selection}; tools that are not td's always are. */
    boolean offers(Selection selection, String tool) {
        return toolsetOf(tool).map(selection::includes).orElse(true);
    }

    /**
     * The toolsets a client picked.
     *
     * @param toolsets the names picked; empty means all
     */
    record Selection(Set<String> toolsets) {

        static final Selection EVERYTHING = new Selection(Set.of());

        Selection {
            toolsets = Set.copyOf(Objects.requireNonNull(toolsets, "toolsets"));
        }

        boolean includes(String toolset) {
            return toolsets.isEmpty() || toolsets.contains(toolset);
        }

        @Override
        public String toString() {
            return toolsets.isEmpty() ? ALL : String.join(",", new TreeSet<>(toolsets));
        }
    }
}
