package dev.td.cli;

import dev.td.cli.completion.Completion;
import dev.td.cli.output.Format;
import dev.td.cli.transfer.ExportCommand;
import dev.td.cli.transfer.ImportCommand;
import java.util.Collection;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * The picocli model of {@code td}: the root with its global options, the given tool commands, and
 * the commands of td itself ({@code import}, {@code login}, {@code logout}, {@code config},
 * {@code tools}, {@code queue}, {@code completion}, {@code help}).
 */
public final class CommandTree {

    static final String OUTPUT_OPTION = "--output";
    static final String FIELDS_OPTION = "--fields";
    static final String WITH_TOKEN_OPTION = "--with-token";

    /** Options td itself defines; a tool property whose flag would clash with one is offered through --input only. */
    static final Set<String> RESERVED_OPTIONS = Set.of(
            "--url",
            "--api-key",
            "--json",
            "--compact",
            OUTPUT_OPTION,
            "-o",
            FIELDS_OPTION,
            ToolCommand.INPUT_OPTION,
            ToolCommand.DRY_RUN_OPTION,
            "--help",
            "-h",
            "--version",
            "-V");

    private CommandTree() {}

    /** The commands of td itself, which are not tools. */
    static final Set<String> TD_COMMANDS =
            Set.of("import", "export", "login", "logout", "config", "tools", "queue", "completion", "help");

    /**
     * @param tools      the tool commands to offer
     * @param tdCommands whether to add td's own commands; a call of one tool needs none of them
     */
    static CommandLine build(Collection<ToolCommand> tools, boolean tdCommands) {
        CommandLine root = new CommandLine(rootSpec());
        for (ToolCommand command : tools) {
            root.addSubcommand(command.manifest().cli().command(), command.commandLine());
        }
        if (tdCommands) {
            tools.stream()
                    .filter(command -> command.manifest().name().equals(ImportCommand.TOOL))
                    .findFirst()
                    .ifPresent(importFile ->
                            root.addSubcommand("import", new CommandLine(ImportCommand.spec(importFile))));
            if (tools.stream().anyMatch(command -> command.manifest().name().equals(ExportCommand.TOOL))) {
                root.addSubcommand("export", new CommandLine(ExportCommand.spec()));
            }
            addTdCommands(root);
        }
        return root;
    }

    /**
     * {@code -h/--help} and {@code -V/--version}, built directly: picocli's
     * {@code mixinStandardHelpOptions} reads an annotated class by reflection for every command.
     */
    static void addHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version")
                .versionHelp(true)
                .description("Print version information and exit.")
                .build());
    }

    private static void addTdCommands(CommandLine root) {
        CommandSpec login = plain(
                "login",
                "Check a server URL and API key, then store them",
                "Calls /health and get_event_types with the key at the URL (--url, else TD_URL, else the default), "
                        + "then stores both in the config file (mode 0600), where later commands find them.",
                "Give the key on stdin with --with-token (echo \"$KEY\" | td login --url URL --with-token): "
                        + "a key in --api-key is visible to other users in the process list.");
        login.addOption(OptionSpec.builder(WITH_TOKEN_OPTION)
                .arity("0")
                .description("Read the API key from stdin (never from the command line)")
                .build());
        root.addSubcommand("login", new CommandLine(login));
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
        root.addSubcommand("completion", new CommandLine(completion()));
        CommandSpec help = plain("help", "Show help for td, a command, or the exit codes (td help exit-codes)");
        help.addPositional(PositionalParamSpec.builder()
                .arity("0..*")
                .paramLabel("TOPIC")
                .type(String[].class)
                .auxiliaryTypes(String.class)
                .description("a command, or exit-codes")
                .build());
        root.addSubcommand("help", new CommandLine(help));
    }

    private static CommandSpec completion() {
        CommandSpec spec = plain(
                "completion",
                "Print a shell completion script: bash, zsh or fish",
                "bash: source <(td completion bash), or save it in /etc/bash_completion.d/td",
                "zsh:  source <(td completion zsh) in ~/.zshrc (it loads bashcompinit)",
                "fish: td completion fish > ~/.config/fish/completions/td.fish");
        spec.addPositional(PositionalParamSpec.builder()
                .arity("1")
                .paramLabel("SHELL")
                .type(String.class)
                .completionCandidates(Completion.SHELLS)
                .description("bash, zsh or fish")
                .build());
        return spec;
    }

    private static CommandSpec rootSpec() {
        CommandSpec spec = CommandSpec.create().name("td").version("td " + Version.current());
        addHelpOptions(spec);
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
                                + "see `td help exit-codes`.",
                        "With -o json a failure is also a JSON object on stdout: "
                                + "{code, status, path, detail, exit_code, request_id}.");
        spec.addOption(global(
                "--url", "<url>", "td server URL (else TD_URL, the stored login, " + Settings.DEFAULT_URL + ")"));
        spec.addOption(
                global("--api-key", "<key>", "API key, sent as a bearer token (else TD_API_KEY or the stored login)"));
        spec.addOption(OptionSpec.builder("-o", OUTPUT_OPTION)
                .paramLabel("<format>")
                .type(String.class)
                .scopeType(ScopeType.INHERIT)
                .completionCandidates(Format.labels())
                .description(
                        "Output format: json (the default), table or csv",
                        "json prints the whole answer; table and csv print the rows of data (such as "
                                + "data.exercises), one column per field.",
                        "With json a failure is also printed on stdout, as a JSON problem object.")
                .build());
        spec.addOption(OptionSpec.builder(FIELDS_OPTION)
                .paramLabel("<field,…>")
                .type(String[].class)
                .auxiliaryTypes(String.class)
                .arity("1")
                .scopeType(ScopeType.INHERIT)
                .description(
                        "Only these fields of each row, comma-separated or repeated",
                        "A dot reaches into an object: --fields exercise_id,e1rm.kg. They are the columns of a "
                                + "table or CSV, in this order.")
                .build());
        spec.addOption(OptionSpec.builder("--json")
                .arity("0")
                .scopeType(ScopeType.INHERIT)
                .description("Same as -o json")
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

    public static CommandSpec plain(String name, String header, String... description) {
        CommandSpec spec = CommandSpec.create().name(name);
        addHelpOptions(spec);
        spec.usageMessage().width(100).header(header).description(description).optionListHeading("%nOptions:%n");
        return spec;
    }
}
