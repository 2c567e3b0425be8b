package dev.td.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two-word forms of the account commands, as people type them: {@code td keys list} for {@code td list-keys},
 * {@code td grants create} for {@code td grant-access}, {@code td access-log} for {@code td get-access-log}. The
 * tool commands stay the one model (generated from the manifests); these words are rewritten to them before
 * anything parses the line.
 */
final class CommandAliases {

    private static final Map<String, Map<String, String>> GROUPS = Map.of(
            "keys",
            ordered(
                    "list",
                    "list-keys",
                    "create",
                    "create-key",
                    "update",
                    "update-key",
                    "rotate",
                    "rotate-key",
                    "revoke",
                    "revoke-key"),
            "grants",
            ordered("list", "list-grants", "create", "grant-access", "revoke", "revoke-grant"));

    private static final Map<String, String> SINGLE = Map.of("access-log", "get-access-log");

    /** Global options that take a value in the next argument (as {@link Prescan} knows them). */
    private static final Set<String> WITH_VALUE = Set.of("--url", "--api-key", "-o", "--output", "--fields");

    private CommandAliases() {}

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /**
     * The arguments with a two-word account command replaced by its tool command.
     *
     * @throws UsageException for a group word without a known second word, naming the ones there are
     */
    static String[] rewrite(String[] args) {
        Optional<Integer> at = commandIndex(args);
        if (at.isEmpty()) {
            return args;
        }
        int i = at.get();
        String word = args[i];
        if (SINGLE.containsKey(word)) {
            String[] out = args.clone();
            out[i] = SINGLE.get(word);
            return out;
        }
        Map<String, String> group = GROUPS.get(word);
        if (group == null) {
            return args;
        }
        String second = i + 1 < args.length ? args[i + 1] : "";
        String command = group.get(second);
        if (command == null) {
            throw new UsageException("td " + word + " needs one of: " + String.join(", ", group.keySet()) + " (e.g. td "
                    + word + " list); td " + group.values().iterator().next() + " --help shows the options");
        }
        String[] out = new String[args.length - 1];
        System.arraycopy(args, 0, out, 0, i);
        out[i] = command;
        System.arraycopy(args, i + 2, out, i + 1, args.length - i - 2);
        return out;
    }

    /** Where the command word is: the first argument that is neither an option nor an option's value. */
    private static Optional<Integer> commandIndex(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--".equals(arg)) {
                return Optional.empty();
            }
            if (!arg.startsWith("-")) {
                return Optional.of(i);
            }
            if (WITH_VALUE.contains(arg)) {
                i++;
            }
        }
        return Optional.empty();
    }
}
