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
 * capability that brings tools under a new scope brings its toolset with it; there is no second table to keep. A
 * manifest may name another toolset ({@code "toolset": "log"} for the raw log), which changes what a client picks, not
 * what a key may call.
 *
 * <p>A selection is written as names separated by commas ({@code training,stats}), case and spaces ignored; {@code
 * all} selects every toolset. A client that picks nothing gets the {@linkplain #OPT_IN default}: every toolset but
 * the opt-in ones, whose tools it may still call when it knows them, so the list an agent pays for on connecting stays
 * within its budget as td grows (the GitHub MCP server's default toolsets, likewise).
 */
final class Toolsets {

    static final String ALL = "all";

    /**
     * The toolsets a client gets only when it picks them: statistics on numbers the agent passes in (td's own answers
     * already carry their statistics), the exercise catalog (logging resolves and, when confirmed, creates exercises
     * by itself), programs (their phase reaches every training answer's context anyway), the raw log (log_events,
     * get_event_types, verify_chain: kinds without a tool of their own, and audit) and the account (keys and grants:
     * set up once, rarely asked for) and imports (files come through the CLI or an upload, once per export).
     */
    static final Set<String> OPT_IN = Set.of("stats", "catalog", "programs", "log", "account", "imports");

    private final Map<String, String> toolsetOfTool;
    private final List<String> names;

    private Toolsets(Map<String, String> toolsetOfTool) {
        this.toolsetOfTool = Map.copyOf(toolsetOfTool);
        this.names = List.copyOf(new TreeSet<>(toolsetOfTool.values()));
    }

    static Toolsets of(List<ToolManifest> manifests) {
        Map<String, String> byTool = new LinkedHashMap<>();
        for (ToolManifest m : manifests) {
            byTool.put(m.name(), m.toolset());
        }
        return new Toolsets(byTool);
    }

    /** {@code training:read} → {@code training}; a scope without a colon is its own family. */
    static String familyOf(String scope) {
        return ToolManifest.familyOf(scope);
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
        return picked.isEmpty() ? byDefault() : new Selection(picked, true);
    }

    /** What a client that picks nothing gets: every toolset but the opt-in ones. */
    Selection byDefault() {
        Set<String> offered = new TreeSet<>(names);
        offered.removeAll(OPT_IN);
        return new Selection(offered, false);
    }

    /** Whether {@code tool} is offered under {@code selection}; tools that are not td's always are. */
    boolean offers(Selection selection, String tool) {
        return toolsetOf(tool).map(selection::includes).orElse(true);
    }

    /**
     * The toolsets of a connection.
     *
     * @param toolsets the names offered; empty means all
     * @param picked whether the client picked them; a tool outside a picked selection is refused when called, one
     *     outside the default selection is only not listed
     */
    record Selection(Set<String> toolsets, boolean picked) {

        static final Selection EVERYTHING = new Selection(Set.of(), true);

        Selection {
            toolsets = Set.copyOf(Objects.requireNonNull(toolsets, "toolsets"));
        }

        boolean includes(String toolset) {
            return toolsets.isEmpty() || toolsets.contains(toolset);
        }

        @Override
        public String toString() {
            String names = toolsets.isEmpty() ? ALL : String.join(",", new TreeSet<>(toolsets));
            return picked ? names : "the default toolsets (" + names + ")";
        }
    }
}
