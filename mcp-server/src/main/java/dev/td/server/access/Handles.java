package dev.td.server.access;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person's handle: how grants and the tools' {@code person} argument name them. 2 to 32 characters, a lower-case
 * letter first, then lower-case letters, digits and hyphens (the database checks the same form).
 */
final class Handles {

    static final int MAX = 32;
    static final String RULE = "2 to 32 characters: a lower-case letter, then lower-case letters, digits or hyphens";
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Handles() {}

    /** What is wrong with {@code handle}; empty when it has the form. */
    static Optional<String> problem(String handle) {
        return FORM.matcher(handle).matches()
                ? Optional.empty()
                : Optional.of(
                        "the handle '" + handle + "' does not have the form " + RULE + ", e.g. anna or coach-ben");
    }

    /** A handle made from a display name: accents dropped, lower case, other characters as hyphens. */
    static String from(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^[^a-z]+|-+$", "");
        String handle = ascii.length() > MAX ? ascii.substring(0, MAX).replaceAll("-+$", "") : ascii;
        return FORM.matcher(handle).matches() ? handle : "person";
    }

    /** The id in {@code text} when it is a UUID. */
    static Optional<UUID> asId(String text) {
        String t = text.strip();
        return UUID_FORM.matcher(t).matches() ? Optional.of(UUID.fromString(t)) : Optional.empty();
    }
}
