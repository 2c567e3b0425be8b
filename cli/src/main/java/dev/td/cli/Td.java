package dev.td.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code td} command line: one subcommand per tool manifest calling td's REST API, plus
 * {@code login}, {@code logout}, {@code config}, {@code tools}, {@code queue} and {@code help}.
 * Data goes to stdout, messages to stderr; the exit code follows {@link ExitCodes}.
 */
public final class Td {

    private static final Set<String> RESERVED_OPTIONS =
            Set.of("--url", "--api-key", "--json", "--compact", ToolCommand.INPUT_OPTION, "--help", "--version");

    private final CommandLine root;
    private final Map<String, ToolCommand> tools = new LinkedHashMap<>();

    private Td(List<ToolManifest> manifests) {
        root = new CommandLine(rootSpec());
        for (ToolManifest manifest : manifests) {
            ToolCommand command = ToolCommand.of(manifest, RESERVED_OPTIONS);
            tools.put(manifest.cli().command(), command);
            root.addSubcommand(manifest.cli().command(), command.commandLine());
        }
        root.addSubcommand(
                "login",
                new CommandLine(plain(
                        "login",
                        "Check a server URL and API key, then store them",
                        "Calls /health and get_event_types with --api-key at the URL (--url, else TD_URL, else the default), "
                                + "then stores both in the "
                                + "config file (mode 0600), where later commands find them.")));
        root.addSubcommand("logout", new CommandLine(plain("logout", "Remove the stored URL and API key")));
        root.addSubcommand(
                "config",
                new CommandLine(plain(
                        "config",
                        "Show the URL and API key in use and where each comes from",
                        "Order of precedence: --url/--api-key, then TD_URL/TD_API_KEY, then the config file of `td login`, "
                                + "then the default URL " + Settings.DEFAULT_URL + ". The key is masked.")));
        root.addSubcommand("tools", new CommandLine(plain("tools", "List the tools with their commands and titles")));
        CommandLine queue = new CommandLine(plain("queue", "Writes queued while the server was unreachable"));
        queue.addSubcommand("list", new CommandLine(plain("list", "Print the queued calls, oldest first")));
        queue.addSubcommand(
                "flush",
                new CommandLine(
                        plain(
                                "flush",
                                "Send the queued calls in order",
                                "Stops at the first call the server cannot take now (unreachable, key rejected, server error) and "
                                        + "keeps it and the rest; drops calls that were sent or rejected for their arguments.")));
        root.addSubcommand("queue", queue);
        CommandSpec help = plain("help", "Show help for td, a command, or the exit codes (td help exit-codes)");
        help.addPositional(PositionalParamSpec.builder()
                .arity("0..*")
                .paramLabel("TOPIC")
                .type(String[].class)
                .auxiliaryTypes(String.class)
                .description("a command, or exit-codes")
                .build());
        root.addSubcommand("help", new CommandLine(help));
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, h -> "");
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, h -> commandList());
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err, env, defaultConfigDir(env), defaultDataDir(env)));
    }

    /**
     * Runs one {@code td} command line, the way {@link #main} does, without touching the process:
     * for tests and for embedding.
     *
     * @param args      the arguments after {@code td}
     * @param stdin     read by {@code --input -}
     * @param out       receives data (JSON)
     * @param err       receives messages and errors
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
        try {
            return new Td(ToolCatalog.load().all()).execute(args, stdin, out, err, env, configDir, dataDir);
        } catch (UsageException e) {
            err.println("usage error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.ERROR;
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

    private int execute(
            String[] args,
            InputStream stdin,
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Path configDir,
            Path dataDir) {
        ParseResult parsed;
        try {
            parsed = root.parseArgs(args);
        } catch (ParameterException e) {
            err.println("usage error: " + describe(e) + suggestions(e));
            err.println("  run `" + qualifiedName(e.getCommandLine()) + " --help` for the commands and flags");
            return ExitCodes.USAGE;
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
            if (level.isVersionHelpRequested()) {
                out.println("td " + Version.current());
                return ExitCodes.OK;
            }
        }
        Invocation run = new Invocation(
                stdin,
                out,
                err,
                env,
                new ConfigFile(configDir),
                new OfflineQueue(dataDir),
                global(chain, "--url"),
                global(chain, "--api-key"),
                global(chain, "--compact").isPresent());
        List<String> path =
                chain.stream().skip(1).map(level -> level.commandSpec().name()).toList();
        return dispatch(path, leaf, run);
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
            case "login" -> AccountCommands.login(run);
            case "logout" -> AccountCommands.logout(run);
            case "config" -> AccountCommands.config(run);
            case "tools" -> listTools(run);
            case "queue list" -> QueueCommands.list(run);
            case "queue flush" -> QueueCommands.flush(run);
            case "help" -> help(leaf.matchedPositionalValue(0, new String[0]), run);
            default -> {
                leaf.commandSpec().commandLine().usage(run.err(), Ansi.OFF);
                run.tell("usage error: `td " + command + "` needs a subcommand (see above)");
                yield ExitCodes.USAGE;
            }
        };
    }

    private int callTool(ToolCommand command, ParseResult parsed, Invocation run) {
        ObjectNode arguments = ToolArguments.assemble(command, parsed, run.stdin());
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
            case Reply.Failure failure -> {
                run.tell(failure.problem().message());
                yield failure.problem().exitCode();
            }
            case Reply.Unreachable unreachable
            when command.queueableOffline() -> {
                run.queue().append(new OfflineQueue.QueuedCall(tool, arguments, Instant.now(), settings.url()));
                run.tell(
                        "offline: the server at " + settings.url() + " is unreachable (" + unreachable.reason() + ").\n"
                                + "  queued " + tool + " in " + run.queue().path() + "; `td queue flush` sends it "
                                + "(replaying is safe: it is idempotent)");
                yield ExitCodes.OFFLINE;
            }
            case Reply.Unreachable unreachable -> {
                run.tell(run.unreachableMessage(settings, unreachable.reason()));
                yield ExitCodes.ERROR;
            }
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

    private CommandSpec rootSpec() {
        CommandSpec spec =
                CommandSpec.create().name("td").mixinStandardHelpOptions(true).version("td " + Version.current());
        spec.usageMessage()
                .width(100)
                .header("td: the training log of one person, for agents. Every tool is a command; output is JSON.")
                .optionListHeading("%nOptions:%n")
                .description("Arguments come as flags or as one JSON object (--input FILE, or --input - for stdin). "
                        + "The answer is the envelope {data, context, meta} on stdout; messages go to stderr.")
                .footer(
                        "",
                        "Settings: --url / TD_URL / `td login` (default " + Settings.DEFAULT_URL
                                + "), --api-key / TD_API_KEY / `td login`.",
                        "Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 auth, 5 conflict, 6 offline (queued); "
                                + "see `td help exit-codes`.");
        spec.addOption(global(
                "--url", "<url>", "td server URL (else TD_URL, the stored login, " + Settings.DEFAULT_URL + ")"));
        spec.addOption(
                global("--api-key", "<key>", "API key, sent as a bearer token (else TD_API_KEY or the stored login)"));
        spec.addOption(OptionSpec.builder("--json")
                .arity("0")
                .scopeType(ScopeType.INHERIT)
                .description("Print JSON (the default; accepted for explicitness)")
                .build());
        spec.addOption(OptionSpec.builder("--compact")
                .arity("0")
                .scopeType(ScopeType.INHERIT)
                .description("Print JSON on one line instead of indented")
                .build());
        return spec;
    }

    private static OptionSpec global(String name, String label, String description) {
        return OptionSpec.builder(name)
                .paramLabel(label)
                .type(String.class)
                .scopeType(ScopeType.INHERIT)
                .description(description)
                .build();
    }

    private static CommandSpec plain(String name, String header, String... description) {
        CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
        spec.usageMessage().width(100).header(header).description(description).optionListHeading("%nOptions:%n");
        return spec;
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
