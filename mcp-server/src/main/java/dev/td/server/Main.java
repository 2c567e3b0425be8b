package dev.td.server;

import dev.td.server.access.Accounts;
import dev.td.server.faces.HttpServer;
import dev.td.server.faces.StdioServer;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import dev.td.server.wiring.Database;
import dev.td.server.wiring.DatabaseUnavailableException;
import dev.td.server.wiring.TdCore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code td-server}: serve over HTTP, speak MCP on stdio, or run migrations. */
@Command(
        name = "td-server",
        mixinStandardHelpOptions = true,
        version = "td " + TdCore.VERSION,
        description = "The td server: the training data platform for AI agents.",
        subcommands = {
            Main.Serve.class,
            Main.Stdio.class,
            Main.Migrate.class,
            Main.Projections.class,
            KeyCommands.class,
            PeopleCommands.class
        })
public final class Main {

    public static void main(String[] args) {
        configureLogging();
        int code = new CommandLine(new Main())
                .setExecutionExceptionHandler(Main::oneLineWhenTheDatabaseIsUnavailable)
                .execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** A command refusing to run, with the one line that says why (it starts with "td-server: "). */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        Refusal(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** "Another td uses this data directory" and its kind are one line for a person, not a stack trace. */
    private static int oneLineWhenTheDatabaseIsUnavailable(
            Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof Refusal refusal) {
            command.getErr().println(refusal.getMessage());
            command.getErr().flush();
            return refusal.exitCode;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException unavailable) {
                command.getErr().println("td-server: " + unavailable.getMessage());
                command.getErr().flush();
                return 1;
            }
        }
        throw e;
    }

    /** td's logging defaults (warnings, stderr) unless the user points java.util.logging elsewhere. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (var in = Main.class.getClassLoader().getResourceAsStream("td-logging.properties")) {
            if (in != null) {
                java.util.logging.LogManager.getLogManager().readConfiguration(in);
            }
        } catch (java.io.IOException e) {
            System.err.println("td: logging configuration unreadable, using JDK defaults: " + e.getMessage());
        }
    }

    /**
     * Where td keeps its data unless told: {@code $XDG_DATA_HOME/td}, else {@code $HOME/.local/share/td}
     * ({@code user.home} only where {@code HOME} is unset). The same rule as the td CLI's, so both follow
     * {@code HOME} when a client or a service manager sets it.
     */
    static Path defaultDataDir(java.util.Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "td");
        }
        String home =
                Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank()).orElse(System.getProperty("user.home"));
        return Path.of(home, ".local", "share", "td");
    }

    /** Options every subcommand shares: where the data lives. */
    static class Storage {
        @Option(
                names = "--data-dir",
                description =
                        "Where embedded PostgreSQL keeps its data (default: $XDG_DATA_HOME/td or ~/.local/share/td)")
        @Nullable
        Path dataDir;

        @Option(
                names = "--database-url",
                description =
                        "An external PostgreSQL (postgresql://user:pw@host:5432/db); default: TD_DATABASE_URL, else embedded")
        @Nullable
        String databaseUrl;

        Path dataDir() {
            return dataDir != null ? dataDir : defaultDataDir(System.getenv());
        }

        /**
         * {@code TD_BOOTSTRAP_API_KEY} when set; a weak one is refused (one line, exit 2) before any database
         * is touched.
         */
        Optional<String> bootstrapKey() {
            Optional<String> key =
                    Optional.ofNullable(System.getenv("TD_BOOTSTRAP_API_KEY")).filter(s -> !s.isBlank());
            key.flatMap(KeyCommands::bootstrapKeyRefusal).ifPresent(why -> {
                throw new Refusal(why, KeyCommands.USAGE);
            });
            return key;
        }

        Optional<String> databaseUrl() {
            return Optional.ofNullable(databaseUrl)
                    .or(() -> Optional.ofNullable(System.getenv("TD_DATABASE_URL")))
                    .filter(s -> !s.isBlank());
        }
    }

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description = "Start td over HTTP: MCP at /mcp (and /sse), REST at /v1, OpenAPI at /openapi.json.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        Storage storage = new Storage();

        @Option(
                names = "--port",
                defaultValue = "7878",
                description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
        int port;

        @Option(
                names = "--host",
                defaultValue = "127.0.0.1",
                description = "Interface to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all)")
        String host = "127.0.0.1";

        @Option(
                names = "--allowed-origin",
                description =
                        "Extra Origin allowed to call /mcp from a browser (repeatable); localhost origins are always allowed")
        java.util.List<String> allowedOrigins = new java.util.ArrayList<>();

        @Option(
                names = "--conformance-fixtures",
                hidden = true,
                description =
                        "Test only: add the MCP conformance suite's fixture tools, resources and prompts (implies --trust-localhost)")
        boolean conformanceFixtures;

        @Option(
                names = "--trust-localhost",
                description =
                        "MCP clients on this machine may connect without an API key and act as the owner (single-user setups; never behind a proxy)")
        boolean trustLocalhost;

        @Override
        public Integer call() throws Exception {
            Optional<String> bootstrapKey = storage.bootstrapKey();
            TdCore core = TdCore.open(storage.databaseUrl(), storage.dataDir());
            Accounts.Bootstrap boot = core.accounts().bootstrapOwner(bootstrapKey);
            HttpServer server = HttpServer.start(
                    core,
                    new HttpServer.Options(
                            host, port, allowedOrigins, conformanceFixtures, trustLocalhost || conformanceFixtures));
            String base = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + server.port();
            System.out.println("td " + TdCore.VERSION + " listening on " + base);
            System.out.println("  MCP (Streamable HTTP): " + base + "/mcp");
            System.out.println("  MCP (HTTP+SSE):        " + base + "/sse");
            System.out.println("  REST:                  " + base + "/v1");
            System.out.println("  OpenAPI:               " + base + "/openapi.json");
            System.out.println("  database:              "
                    + (core.database().isEmbedded() ? "embedded PostgreSQL in " + storage.dataDir() : "external"));
            boot.newKey().ifPresent(key -> {
                System.out.println();
                System.out.println("Owner API key (shown once, store it now):");
                System.out.println("  " + key);
                System.out.println("Use it as: export TD_URL=" + base + " TD_API_KEY=" + key);
            });
            System.out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                core.close();
            }));
            Thread.currentThread().join();
            return 0;
        }
    }

    @Command(
            name = "stdio",
            mixinStandardHelpOptions = true,
            description = "Speak MCP on stdin/stdout as the owner (Claude Desktop, MCP Inspector).")
    static final class Stdio implements Callable<Integer> {
        @CommandLine.Mixin
        Storage storage = new Storage();

        @Option(
                names = "--toolsets",
                paramLabel = "NAMES",
                defaultValue = "${env:TD_TOOLSETS:-}",
                description =
                        "Toolsets to offer, separated by commas (training, endurance, metrics, injuries, events, notes,"
                                + " programs, log, catalog, stats) or all; default (env TD_TOOLSETS unset): all but the opt-in"
                                + " programs, log, catalog and stats, which still answer when called.")
        String toolsets = "";

        @Override
        public Integer call() throws Exception {
            java.io.PrintStream protocol = System.out;
            System.setOut(System.err);
            Optional<String> bootstrapKey = storage.bootstrapKey();
            TdCore opened;
            try {
                opened = TdCore.open(storage.databaseUrl(), storage.dataDir());
            } catch (DatabaseUnavailableException e) {
                System.err.println("td-server: " + e.getMessage());
                System.err.flush();
                StdioRefusal.answerFirstRequest(
                        System.in,
                        protocol,
                        java.util.Objects.requireNonNullElse(e.getMessage(), "the database is unavailable"));
                return 1;
            }
            try (TdCore core = opened) {
                System.err.println("td-server " + TdCore.VERSION + ": MCP on stdin/stdout; data: "
                        + (core.database().isEmbedded() ? "embedded PostgreSQL in " + storage.dataDir() : "external"));
                if (core.accounts().bootstrapOwner(bootstrapKey).newKey().isPresent()) {
                    // the generated owner key is never shown on stdio (stdout is the protocol)
                    System.err.println("td-server: created a new database and its owner; for an API key (HTTP, td CLI)"
                            + " run 'td-server keys create' with the same --data-dir or --database-url");
                }
                try {
                    StdioServer.checkToolsets(core, toolsets);
                } catch (IllegalArgumentException e) {
                    System.err.println("td-server: --toolsets: " + e.getMessage());
                    System.err.flush();
                    StdioRefusal.answerFirstRequest(System.in, protocol, "--toolsets: " + e.getMessage());
                    return 2;
                }
                StdioServer.run(core, System.in, protocol, toolsets);
            }
            return 0;
        }
    }

    @Command(
            name = "projections",
            mixinStandardHelpOptions = true,
            description = "Maintain projections.",
            subcommands = {Main.Rebuild.class})
    static final class Projections {}

    @Command(
            name = "rebuild",
            mixinStandardHelpOptions = true,
            description =
                    "Rebuild projections from the event log (all, or those named), for every person. Safe while td runs: each person's log is locked while replayed.")
    static final class Rebuild implements Callable<Integer> {
        @CommandLine.Mixin
        Storage storage = new Storage();

        @CommandLine.Parameters(
                arity = "0..*",
                paramLabel = "NAME",
                description = "Projection names: ${COMPLETION-CANDIDATES}; default: all")
        java.util.List<String> names = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            try (TdCore core = TdCore.open(storage.databaseUrl(), storage.dataDir())) {
                java.util.List<String> known = core.projections().projections().stream()
                        .map(Projection::name)
                        .toList();
                for (String name : names) {
                    if (!known.contains(name)) {
                        System.err.println(
                                "td-server: unknown projection '" + name + "'; known: " + String.join(", ", known));
                        return 2;
                    }
                }
                ProjectionEngine.RebuildReport report = core.projections().rebuild(names);
                System.out.printf(
                        "rebuilt %s for %d people: %d events in %.2f s (%.0f events/s)%n",
                        names.isEmpty() ? String.join(", ", known) : String.join(", ", names),
                        report.people(),
                        report.events(),
                        report.seconds(),
                        report.events() / Math.max(report.seconds(), 1e-9));
            }
            return 0;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply the database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @CommandLine.Mixin
        Storage storage = new Storage();

        @Override
        public Integer call() {
            Database db =
                    storage.databaseUrl().map(Database::external).orElseGet(() -> Database.embedded(storage.dataDir()));
            try (db) {
                int applied = db.migrate();
                System.out.println("migrations applied: " + applied);
            }
            return 0;
        }
    }
}
