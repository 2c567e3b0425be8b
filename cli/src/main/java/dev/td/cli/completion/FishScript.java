package dev.td.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script ({@code complete -c td …} lines): the commands with their headers, the
 * global flags everywhere, each command's flags after it, enum values for flags and positional
 * parameters that have them, files for {@code --input} and for positional files ({@code td import FILE…}).
 */
final class FishScript {

    private static final int MAX_DESCRIPTION = 90;

    private FishScript() {}

    static String of(CommandLine root) {
        String name = root.getCommandName();
        StringBuilder script = new StringBuilder()
                .append("# fish completion for ")
                .append(name)
                .append(", written by `")
                .append(name)
                .append(" completion fish`.\n")
                .append("# Install: ")
                .append(name)
                .append(" completion fish > ~/.config/fish/completions/")
                .append(name)
                .append(".fish\n")
                .append("complete -c ")
                .append(name)
                .append(" -f\n");
        for (OptionSpec option : root.getCommandSpec().options()) {
            script.append(option(name, "", option));
        }
        subcommands(script, name, root, List.of());
        return script.toString();
    }

    private static void subcommands(StringBuilder script, String name, CommandLine parent, List<String> path) {
        Map<String, CommandLine> children = parent.getSubcommands();
        String condition = path.isEmpty()
                ? "__fish_use_subcommand"
                : "__fish_seen_subcommand_from " + path.getLast() + "; and not __fish_seen_subcommand_from "
                        + String.join(" ", children.keySet());
        for (var child : children.entrySet()) {
            script.append("complete -c ")
                    .append(name)
                    .append(" -n ")
                    .append(quote(condition))
                    .append(" -a ")
                    .append(child.getKey())
                    .append(" -d ")
                    .append(quote(describe(
                            child.getValue().getCommandSpec().usageMessage().header())))
                    .append('\n');
        }
        for (var child : children.entrySet()) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(child.getKey());
            String seen = "__fish_seen_subcommand_from " + child.getKey();
            CommandSpec spec = child.getValue().getCommandSpec();
            for (OptionSpec option : spec.options()) {
                if (!option.inherited() && !option.usageHelp() && !option.versionHelp()) {
                    script.append(option(name, seen, option));
                }
            }
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                if (positional.paramLabel().toLowerCase(Locale.ROOT).contains("file")) {
                    script.append("complete -c ")
                            .append(name)
                            .append(" -n ")
                            .append(quote(seen))
                            .append(" -F\n");
                } else if (positional.completionCandidates() != null) {
                    script.append("complete -c ")
                            .append(name)
                            .append(" -n ")
                            .append(quote(seen))
                            .append(" -a ")
                            .append(quote(String.join(" ", positional.completionCandidates())))
                            .append('\n');
                }
            }
            subcommands(script, name, child.getValue(), childPath);
        }
    }

    private static String option(String name, String condition, OptionSpec option) {
        StringBuilder line = new StringBuilder("complete -c ").append(name);
        if (!condition.isEmpty()) {
            line.append(" -n ").append(quote(condition));
        }
        for (String flag : option.names()) {
            line.append(flag.startsWith("--") ? " -l " + flag.substring(2) : " -s " + flag.substring(1));
        }
        if (option.arity().max() > 0) {
            if (option.completionCandidates() != null) {
                line.append(" -x -a ").append(quote(String.join(" ", option.completionCandidates())));
            } else if (option.paramLabel().contains("file")) {
                line.append(" -r -F");
            } else {
                line.append(" -x");
            }
        }
        return line.append(" -d ")
                .append(quote(describe(option.description())))
                .append('\n')
                .toString();
    }

    /** The first sentence of the first line, at most {@value #MAX_DESCRIPTION} characters. */
    private static String describe(String[] lines) {
        String text = lines.length == 0
                ? ""
                : lines[0].replace("%%", "%").replace("%n", " ").strip();
        int end = text.indexOf(". ");
        if (end > 0) {
            text = text.substring(0, end);
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    /** A fish single-quoted string: only backslash and single quote are escaped. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
