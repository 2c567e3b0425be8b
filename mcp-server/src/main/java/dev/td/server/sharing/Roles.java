package dev.td.server.sharing;

import java.util.Map;
import java.util.Set;

/**
 * The scopes a grant gives by role, and which scopes may be granted at all. A coach sees training and endurance,
 * reads injuries and writes programs and notes; a physio also reads body and health metrics and writes injuries; a
 * doctor reads injuries, body and health metrics and writes notes. Body metrics ({@code metrics:read}: weight, body
 * fat, nutrition, steps) and health metrics ({@code health:read}: heart rate, HRV, blood pressure, sleep, wellness,
 * cycle) are granted apart. Account scopes (keys, grants) and {@code *} are never
 * granted: a grantee acts on the data, never on the account; and the only writes a grant gives are notes, programs
 * and injuries (the "read; write notes/programs/injuries").
 */
final class Roles {

    static final String CUSTOM = "custom";

    private static final Map<String, Set<String>> PRESETS = Map.of(
            "coach",
            Set.of("training:read", "endurance:read", "injuries:read", "programs:write", "notes:write", "catalog:read"),
            "physio",
            Set.of(
                    "training:read",
                    "endurance:read",
                    "metrics:read",
                    "health:read",
                    "injuries:write",
                    "programs:read",
                    "notes:write",
                    "catalog:read"),
            "doctor",
            Set.of("injuries:read", "metrics:read", "health:read", "notes:write"));

    private Roles() {}

    /** The preset scopes of a role; empty for {@code custom}. */
    static Set<String> preset(String role) {
        return PRESETS.getOrDefault(role, Set.of());
    }

    /** The write scopes a grant may give: a grantee adds notes, programs and injuries, never training records. */
    private static final Set<String> GRANTABLE_WRITES = Set.of("notes:write", "programs:write", "injuries:write");

    /**
     * Whether a scope may be put in a grant: reading a kind of data (not the account's, not statistics), or
     * writing notes, programs or injuries. What a person did (sets, activities, readings, the raw log, their
     * catalog and profile) only they and their own keys write.
     */
    static boolean grantable(String scope) {
        if (scope.startsWith("account:") || scope.startsWith("stats:")) {
            return false;
        }
        return scope.endsWith(":read") || GRANTABLE_WRITES.contains(scope);
    }
}
