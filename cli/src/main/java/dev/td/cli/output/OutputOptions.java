package dev.td.cli.output;

import java.util.List;
import java.util.Objects;

/**
 * How one run prints data.
 *
 * @param format   json, table or csv
 * @param compact  JSON on one line instead of indented (JSON only)
 * @param fields   the fields to keep, as dot paths into each row ({@code exercise_id}, {@code e1rm.kg});
 *                 empty for all
 */
public record OutputOptions(Format format, boolean compact, List<String> fields) {

    public OutputOptions {
        Objects.requireNonNull(format, "format");
        fields = List.copyOf(fields);
        for (String field : fields) {
            if (field.isBlank() || field.startsWith(".") || field.endsWith(".") || field.contains("..")) {
                throw new IllegalArgumentException(
                        "a field is a name or a dot path such as e1rm.kg, got '" + field + "'");
            }
        }
    }

    public static OutputOptions json() {
        return new OutputOptions(Format.JSON, false, List.of());
    }
}
