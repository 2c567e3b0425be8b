package dev.td.cli;

import java.util.Optional;
import java.util.Set;

/**
 * What can be read from the raw arguments before picocli parses them: the command word, so that
 * only that command's model is built (start-up time), and whether JSON output was asked for, so
 * that even a command line picocli rejects gets a JSON problem object.
 *
 * @param command    the first argument that is neither an option nor an option's value
 * @param jsonErrors {@code -o json}, {@code --output=json} or {@code --json} is among the arguments
 * @param compact    {@code --compact} is among the arguments
 */
record Prescan(Optional<String> command, boolean jsonErrors, boolean compact) {

    /** Global options that take a value in the next argument unless written {@code --opt=value}. */
    private static final Set<String> WITH_VALUE = Set.of("--url", "--api-key", "-o", "--output", "--fields");

    static Prescan of(String[] args) {
        Optional<String> command = Optional.empty();
        boolean json = false;
        boolean compact = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--".equals(arg)) {
                break;
            }
            if (("-o".equals(arg) || "--output".equals(arg)) && i + 1 < args.length) {
                json = "json".equals(args[i + 1]);
            } else if (arg.startsWith("--output=") || (arg.startsWith("-o") && !arg.startsWith("--"))) {
                json = "json"
                        .equals(arg.substring(arg.startsWith("--output=") ? "--output=".length() : 2)
                                .replaceFirst("^=", ""));
            } else if ("--json".equals(arg)) {
                json = true;
            } else if ("--compact".equals(arg)) {
                compact = true;
            }
            if (command.isEmpty() && !arg.startsWith("-")) {
                command = Optional.of(arg);
            } else if (command.isEmpty() && WITH_VALUE.contains(arg)) {
                i++;
            }
        }
        return new Prescan(command, json, compact);
    }
}
