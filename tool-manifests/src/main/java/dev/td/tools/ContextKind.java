package dev.td.tools;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of context an answer may carry besides its data ({@code context.injuries}, …): what bears on what the answer
 * is about. A tool's manifest declares the kinds it carries ({@code "context": ["injuries", "fatigue"]}); the hook of
 * each kind adds it only to those answers, only what concerns the answer (its exercises, sports, metrics), and only
 * what the reader's scopes give: the kind's own scope, or for analyses the scopes of what each finding is made of.
 */
public enum ContextKind {
    /** Active injuries that touch the answer's exercises and sports (all active ones when it names none). */
    INJURIES(Optional.of("injuries:read")),
    /** The program phase the person is in. */
    PROGRAM(Optional.of("programs:read")),
    /** The fatigue state: acute and chronic load, their ratio, the zone. */
    FATIGUE(Optional.of("training:read")),
    /** What the background analyses found unusual about the answer's subjects now. */
    ANOMALIES(Optional.empty()),
    /** What the background screen found tied to the answer's subjects. */
    CORRELATIONS(Optional.empty());

    private final Optional<String> scope;

    ContextKind(Optional<String> scope) {
        this.scope = scope;
    }

    /** The field in {@code context}: {@code injuries}, {@code program}, … */
    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scope a reader needs to see this kind at all; empty for analyses, whose findings each name the scopes of
     * what they are made of (an HRV anomaly needs health:read, a squat stall training:read).
     */
    public Optional<String> scope() {
        return scope;
    }

    /** The kind named {@code field} in a manifest. */
    public static ContextKind of(String field, String tool) {
        return Arrays.stream(values())
                .filter(k -> k.field().equals(field))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(tool + ": unknown context kind '" + field
                        + "'; a manifest's context names kinds of "
                        + Arrays.stream(values()).map(ContextKind::field).toList()));
    }
}
