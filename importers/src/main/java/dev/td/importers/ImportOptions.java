package dev.td.importers;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the file may not say and the caller does.
 *
 * @param zone       the person's time zone, for local times without an offset (Strong, Hevy)
 * @param weightUnit {@code kg} or {@code lb}, for files that do not state it (Strong); empty: unknown
 */
public record ImportOptions(ZoneId zone, Optional<String> weightUnit) {

    public ImportOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weightUnit, "weightUnit");
        weightUnit.ifPresent(u -> {
            if (!u.equals("kg") && !u.equals("lb")) {
                throw new IllegalArgumentException("weightUnit must be kg or lb, was " + u);
            }
        });
    }
}
