package dev.td.statistics;

import java.util.List;
import java.util.Optional;

/**
 * How much a result can be trusted: the sample-size class, the confidence level used, every
 * assumption checked, when the requested method was not run — why, and when the result is only
 * approximate — why, with the coverage measured for it by simulation.
 *
 * @param sampleSize      sample-size class of the data behind the result
 * @param confidenceLevel confidence level of the intervals in the result, in (0, 1)
 * @param assumptions     assumptions checked, in the order they were checked (copied)
 * @param notRunReason    present when the requested method was not run (or was replaced by a
 *                        robust alternative), saying which assumption failed and what ran instead
 * @param approximation   present when the interval or p-value is known not to hold its nominal
 *                        level under conditions this data may have
 */
public record Quality(
        SampleSize sampleSize,
        double confidenceLevel,
        List<Assumption> assumptions,
        Optional<String> notRunReason,
        Optional<Approximation> approximation) {
    public Quality {
        if (sampleSize == null) {
            throw new IllegalArgumentException("quality sampleSize must be given");
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("quality confidenceLevel must be in (0, 1), was " + confidenceLevel);
        }
        if (assumptions == null || notRunReason == null || approximation == null) {
            throw new IllegalArgumentException(
                    "quality assumptions, notRunReason and approximation must be given (use List.of(), Optional.empty())");
        }
        assumptions = List.copyOf(assumptions);
    }

    /** A quality that is not flagged approximate. */
    public Quality(
            SampleSize sampleSize,
            double confidenceLevel,
            List<Assumption> assumptions,
            Optional<String> notRunReason) {
        this(sampleSize, confidenceLevel, assumptions, notRunReason, Optional.empty());
    }

    /** A quality record for a method that ran. */
    public static Quality ran(SampleSize sampleSize, double confidenceLevel, List<Assumption> assumptions) {
        return new Quality(sampleSize, confidenceLevel, assumptions, Optional.empty());
    }

    /** Whether no checked assumption failed (checks that were not run do not count as failed). */
    public boolean noneFailed() {
        return assumptions.stream().noneMatch(Assumption::failed);
    }

    /** The first failed assumption, if any. */
    public Optional<Assumption> firstFailed() {
        return assumptions.stream().filter(Assumption::failed).findFirst();
    }

    /** This quality with {@code reason} recorded as the reason the requested method was not run. */
    Quality withNotRunReason(String reason) {
        return new Quality(sampleSize, confidenceLevel, assumptions, Optional.of(reason), approximation);
    }

    /** This quality flagged approximate for {@code why} (an existing flag is kept if this one is empty). */
    public Quality withApproximation(Optional<Approximation> why) {
        return why.isEmpty() ? this : new Quality(sampleSize, confidenceLevel, assumptions, notRunReason, why);
    }
}
