package dev.td.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.cli.completion.Completion;
import dev.td.cli.output.Format;
import dev.td.cli.output.OutputOptions;
import dev.td.cli.progress.Terminal;
import dev.td.cli.transfer.ExportCommand;
import dev.td.cli.transfer.ImportCommand;
import dev.td.tools.Json;
import dev.td.tools.ToolCatalog;
import dev.td.tools.ToolManifest;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code td} command line: one subcommand per tool manifest calling td's REST API, plus
 * {@code import}, {@code login}, {@code logout}, {@code config}, {@code tools}, {@code queue},
 * {@code completion} and {@code help}. Data goes to stdout, messages to stderr; the exit code
 * follows {@link ExitCodes}.
 *
 * <p>A call of one tool builds the picocli model of that tool only: a process lives for one call,
 * and the models of all tools would cost more than the call itself.
 */
public final class Td {

    private final CommandLine root;
    private final Map<String, ToolCommand> tools = new LinkedHashMap<>();

    private Td(List<ToolManifest> manifests, boolean tdCommands) {
        for (ToolManifest manifest : manifests) {
            tools.put(manifest.cli().command(), ToolCommand.of(manifest, CommandTree.RESERVED_OPTIONS));
        }
        root = CommandTree.build(tools.values(), tdCommands);
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, h -> "");
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, h -> commandList());
    }

    /** The command tree for one command line: only the tool it calls, when it calls one; everything otherwise. */
    private static Td forCommand(Optional<String> word) {
        Optional<ToolManifest> tool = word.filter(w -> !CommandTree.TD_COMMANDS.contains(w))
                .filter(w -> w.matches("[a-z][a-z0-9-]+"))
                .flatMap(w -> ToolCatalog.loadOne(w.replace('-', '_'))
                        .filter(m -> m.cli().command().equals(w)));
        return tool.map(m -> new Td(List.of(m), false))
                .orElseGet(() -> new Td(ToolCatalog.load().all(), true));
    }

    public static void main(String[] args) {
        // the schema validator of --dry-run logs through SLF4J; without a binding SLF4J warns on stderr
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        Map<String, String> env = System.getenv();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(
                args,
                System.in,
                out,
                err,
                env,
                defaultConfigDir(env),
                defaultDataDir(env),
                () -> Terminal.stderrIsTerminal(env)));
    }

    /**
     * Runs one {@code td} command line, the way {@link #main} does, without touching the process:
     * for tests and for embedding.
     *
     * @param args      the arguments after {@code td}
     * @param stdin     read by {@code --input -} and {@code td login --with-token}
     * @param out       receives data (JSON, a table or CSV), and with {@code -o json} a failure as JSON
     * @param err       receives messages and errors; it is taken for no terminal (no progress line)
     * @param env       the environment ({@code TD_URL}, {@code TD_API_KEY}, …)
     * @param configDir where {@code config.json} (the stored login) lives
     * @param dataDir   where {@code queue.jsonl} (the offline queue) lives
     * @return the exit code, see {@code td help exit-codes}
     */
    public static int run(
            String[] args,
            InputStream stdin,
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Path configDir,
            Path dataDir) {
        return run(args, stdin, out, err, env, configDir, dataDir, () -> false);
    }

    /**
     * {@link #run(String[], InputStream, PrintStream, PrintStream, Map, Path, Path)} knowing whether
     * {@code err} is a terminal, where {@code td import} redraws a progress line; asked only by it.
     */
    @SuppressWarnings("TooManyParameters")
    static int run(
            String[] args,
            InputStream stdin,
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Path configDir,
            Path dataDir,
            BooleanSupplier terminal) {
        Prescan prescan = Prescan.of(args);
        try {
            rejectTokenOnTheCommandLine(args);
            String[] line = CommandAliases.rewrite(args); // td keys list → td list-keys, …
            Prescan rewritten = Prescan.of(line);
            return forCommand(rewritten.command())
                    .execute(line, stdin, out, err, env, configDir, dataDir, rewritten, terminal);
        } catch (UsageException e) {
            return Invocation.report(
                    ErrorReport.usage(String.valueOf(e.getMessage())),
                    prescan.jsonErrors(),
                    prescan.compact(),
                    out,
                    err);
        } catch (RuntimeException e) {
            return Invocation.report(
                    ErrorReport.error(Optional.ofNullable(e.getMessage()).orElse(e.toString())),
                    prescan.jsonErrors(),
                    prescan.compact(),
                    out,
                    err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@link #run(String[], InputStream, PrintStream, PrintStream, Map, Path, Path)} with the directories taken from {@code env}. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, stdin, out, err, env, defaultConfigDir(env), defaultDataDir(env));
    }

    /** {@code $XDG_CONFIG_HOME/td}, else {@code ~/.config/td}. */
    public static Path defaultConfigDir(Map<String, String> env) {
        return xdg(env, "XDG_CONFIG_HOME", ".config");
    }

    /** {@code $XDG_DATA_HOME/td}, else {@code ~/.local/share/td}. */
    public static Path defaultDataDir(Map<String, String> env) {
        return xdg(env, "XDG_DATA_HOME", ".local/share");
    }

    private static Path xdg(Map<String, String> env, String variable, String fallback) {
        String base = env.get(variable);
        if (base != null && !base.isBlank()) {
            return Path.of(base, "td");
        }
        String home =
                Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank()).orElse(System.getProperty("user.home"));
        return Path.of(home).resolve(fallback).resolve("td");
    }

    /** picocli would echo the value of {@code --with-token=…} in its error, and the value is the secret. */
    private static void rejectTokenOnTheCommandLine(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(CommandTree.WITH_TOKEN_OPTION + "=")) {
                throw new UsageException(CommandTree.WITH_TOKEN_OPTION + " takes no value: it reads the key from "
                        + "stdin, e.g. td login --url URL --with-token < key-file");
            }
        }
    }

    @SuppressWarnings("TooManyParameters")
    private int execute(
            String[] args,
            InputStream stdin,
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Path configDir,
            Path dataDir,
            Prescan prescan,
            BooleanSupplier terminal) {
        ParseResult parsed;
        try {
            parsed = root.parseArgs(args);
        } catch (ParameterException e) {
            return Invocation.report(
                    ErrorReport.usage(
                            describe(e) + suggestions(e),
                            "run `" + qualifiedName(e.getCommandLine()) + " --help` for the commands and flags"),
                    prescan.jsonErrors(),
                    prescan.compact(),
                    out,
                    err);
        }
        List<ParseResult> chain = new ArrayList<>();
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            chain.add(level);
        }
        ParseResult leaf = chain.getLast();
        for (ParseResult level : chain) {
            if (level.isUsageHelpRequested()) {
                leaf.commandSpec().commandLine().usage(out, Ansi.OFF);
                return ExitCodes.OK;
            }
        }
        Optional<String> format = global(chain, CommandTree.OUTPUT_OPTION);
        boolean json = global(chain, "--json").isPresent();
        Invocation run = new Invocation(
                stdin,
                out,
                err,
                env,
                new ConfigFile(configDir),
                new OfflineQueue(dataDir),
                global(chain, "--url"),
                global(chain, "--api-key"),
                outputOptions(format, json, global(chain, "--compact").isPresent(), fields(chain)),
                json
                        || format.flatMap(Format::parse)
                                .filter(f -> f == Format.JSON)
                                .isPresent(),
                terminal);
        if (chain.stream().anyMatch(ParseResult::isVersionHelpRequested)) {
            return VersionCommand.run(run);
        }
        List<String> path =
                chain.stream().skip(1).map(level -> level.commandSpec().name()).toList();
        return dispatch(path, leaf, run);
    }

    private static OutputOptions outputOptions(
            Optional<String> formatFlag, boolean json, boolean compact, List<String> fields) {
        Format format = formatFlag
                .map(text -> Format.parse(text)
                        .orElseThrow(() -> new UsageException("-o must be one of " + String.join(", ", Format.labels())
                                + ", got '" + text + "': for example -o table")))
                .orElse(Format.JSON);
        if (json && format != Format.JSON) {
            throw new UsageException("--json and -o " + format.label() + " contradict each other; give one of them");
        }
        try {
            return new OutputOptions(format, compact, fields);
        } catch (IllegalArgumentException e) {
            throw new UsageException(CommandTree.FIELDS_OPTION + ": " + e.getMessage());
        }
    }

    /** The fields of every {@code --fields}, split at commas. */
    private static List<String> fields(List<ParseResult> chain) {
        List<String> fields = new ArrayList<>();
        for (ParseResult level : chain) {
            OptionSpec matched = level.matchedOption(CommandTree.FIELDS_OPTION);
            if (matched != null) {
                matched.stringValues().forEach(value -> {
                    for (String field : value.split(",", -1)) {
                        fields.add(field.strip());
                    }
                });
            }
        }
        return fields;
    }

    private int dispatch(List<String> path, ParseResult leaf, Invocation run) {
        String command = String.join(" ", path);
        if (tools.containsKey(command)) {
            return callTool(tools.get(command), leaf, run);
        }
        return switch (command) {
            case "" -> {
                root.usage(run.out(), Ansi.OFF);
                yield ExitCodes.OK;
            }
            case "login" -> AccountCommands.login(run, leaf.matchedOption(CommandTree.WITH_TOKEN_OPTION) != null);
            case "logout" -> AccountCommands.logout(run);
            case "config" -> AccountCommands.config(run);
            case "import" -> ImportCommand.run(run, ImportCommand.request(leaf));
            case "export" -> ExportCommand.run(run, ExportCommand.file(leaf));
            case "tools" -> listTools(run);
            case "queue list" -> QueueCommands.list(run);
            case "queue flush" -> QueueCommands.flush(run);
            case "completion" -> completion(leaf.matchedPositionalValue(0, ""), run);
            case "help" -> help(leaf.matchedPositionalValue(0, new String[0]), run);
            default -> {
                leaf.commandSpec().commandLine().usage(run.err(), Ansi.OFF);
                yield run.fail(ErrorReport.usage("`td " + command + "` needs a subcommand (see above)"));
            }
        };
    }

    private int callTool(ToolCommand command, ParseResult parsed, Invocation run) {
        ObjectNode arguments = ToolArguments.assemble(command, parsed, run.stdin());
        if (parsed.matchedOption(ToolCommand.DRY_RUN_OPTION) != null) {
            return DryRun.run(command, arguments, run);
        }
        Settings settings = run.settings();
        String tool = command.manifest().name();
        Reply reply;
        try (TdApi api = run.api()) {
            reply = api.callTool(tool, arguments);
        }
        return switch (reply) {
            case Reply.Answer answer -> {
                run.print(answer.body());
                yield ExitCodes.OK;
            }
            case Reply.Failure failure -> run.fail(ErrorReport.of(failure.problem()));
            case Reply.Unreachable unreachable
            when command.queueableOffline() -> {
                run.queue().append(new OfflineQueue.QueuedCall(tool, arguments, Instant.now(), settings.url()));
                String detail = "the server at " + settings.url() + " is unreachable (" + unreachable.reason()
                        + "); queued " + tool + " in " + run.queue().path() + ", `td queue flush` sends it";
                yield run.fail(ErrorReport.offline(
                        detail,
                        "offline: the server at " + settings.url() + " is unreachable (" + unreachable.reason()
                                + ").\n" + "  queued " + tool + " in "
                                + run.queue().path()
                                + "; `td queue flush` sends it (replaying is safe: it is idempotent)"));
            }
            case Reply.Unreachable unreachable -> run.fail(run.unreachable(settings, unreachable.reason()));
        };
    }

    private int listTools(Invocation run) {
        ArrayNode list = Json.mapper().createArrayNode();
        for (ToolCommand command : tools.values()) {
            ToolManifest m = command.manifest();
            list.addObject()
                    .put("name", m.name())
                    .put("command", "td " + m.cli().command())
                    .put("title", m.title())
                    .put("scope", m.scope())
                    .put("read_only", m.annotations().readOnly())
                    .put("destructive", m.annotations().destructive())
                    .put("idempotent", m.annotations().idempotent());
        }
        run.print(list);
        return ExitCodes.OK;
    }

    private int completion(String shell, Invocation run) {
        String script = Completion.script(shell, root)
                .orElseThrow(() -> new UsageException("td completion knows " + String.join(", ", Completion.SHELLS)
                        + ", got '" + shell + "': for example td completion bash"));
        run.out().print(script);
        return ExitCodes.OK;
    }

    private int help(String[] topic, Invocation run) {
        if (topic.length == 0) {
            root.usage(run.out(), Ansi.OFF);
            return ExitCodes.OK;
        }
        if (topic.length == 1 && "exit-codes".equals(topic[0])) {
            run.out().print(ExitCodes.render());
            return ExitCodes.OK;
        }
        CommandLine target = root;
        for (String name : topic) {
            target = target.getSubcommands().get(name);
            if (target == null) {
                throw new UsageException("td help: no command or topic '" + String.join(" ", topic)
                        + "'; run `td help` for the commands, or `td help exit-codes`");
            }
        }
        target.usage(run.out(), Ansi.OFF);
        return ExitCodes.OK;
    }

    private String commandList() {
        StringBuilder text = new StringBuilder("\nTool commands (td <command> --help shows flags and examples):\n");
        for (ToolCommand command : tools.values()) {
            text.append(String.format(
                    "  %-18s %s%n",
                    command.manifest().cli().command(), command.manifest().title()));
        }
        text.append("\nOther commands:\n");
        for (var entry : root.getSubcommands().entrySet()) {
            if (!tools.containsKey(entry.getKey())) {
                String header = String.join(
                        " ", entry.getValue().getCommandSpec().usageMessage().header());
                text.append(String.format("  %-18s %s%n", entry.getKey(), header));
            }
        }
        return text.toString();
    }

    private static Optional<String> global(List<ParseResult> chain, String option) {
        Optional<String> value = Optional.empty();
        for (ParseResult level : chain) {
            OptionSpec matched = level.matchedOption(option);
            if (matched != null) {
                List<String> values = matched.stringValues();
                value = Optional.of(values.isEmpty() ? "true" : values.getLast());
            }
        }
        return value;
    }

    private static String qualifiedName(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName(" ");
    }

    private static String describe(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && unmatched.isUnknownOption()) {
            return "unknown flag " + String.join(" ", unmatched.getUnmatched());
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            return "unknown command or argument '" + unmatched.getUnmatched().getFirst() + "'";
        }
        return String.valueOf(e.getMessage());
    }

    private static String suggestions(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return "";
    }
}
