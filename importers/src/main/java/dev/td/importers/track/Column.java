package dev.td.importers.track;

import java.util.Arrays;
import java.util.OptionalDouble;

/** A growable column of doubles where {@link Double#NaN} means "this point has no value". */
final class Column {

    private double[] values = new double[256];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    double get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    /** Whether no kept point (every {@code stride}-th) has a value. */
    boolean absentAt(int stride) {
        for (int i = 0; i < size; i += stride) {
            if (!Double.isNaN(values[i])) {
                return false;
            }
        }
        return true;
    }

    /** The mean of the present values, summed in order. */
    OptionalDouble mean() {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                count++;
            }
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
    }

    OptionalDouble max() {
        return Arrays.stream(values, 0, size).filter(v -> !Double.isNaN(v)).max();
    }

    /** The last present value. */
    OptionalDouble last() {
        for (int i = size - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return OptionalDouble.of(values[i]);
            }
        }
        return OptionalDouble.empty();
    }
}
