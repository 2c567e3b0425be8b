package dev.td.server.profile;

import dev.td.server.capability.Published;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The person's profile as last updated: each field empty until a profile.updated event sets it. Resting and
 * maximal heart rate (bpm) and functional threshold power (W) are what training-load formulas need.
 */
@Published
public record Profile(
        Optional<String> timeZone,
        Optional<String> weightUnit,
        Optional<String> sex,
        OptionalInt birthYear,
        OptionalDouble bodyWeightKg,
        OptionalInt restingHr,
        OptionalInt maxHr,
        OptionalInt ftpW) {

    /** Nothing set yet. */
    public static Profile empty() {
        return new Profile(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                OptionalDouble.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalInt.empty());
    }
}
