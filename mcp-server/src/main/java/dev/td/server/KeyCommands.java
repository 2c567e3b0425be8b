package dev.td.server;

import dev.td.server.access.Accounts;
import dev.td.server.access.KeyStrength;
import dev.td.server.wiring.Database;
import dev.td.tools.ToolCatalog;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code td-server keys create|list|revoke}: the owner's API keys, managed on the database directly
 * (the data directory or {@code --database-url}), so a lost key can be replaced without one. Data on
 * stdout, messages on stderr; exit codes as the td CLI's (0 ok, 2 usage, 3 not found).
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke API keys, working on the database directly.",
        subcommands = {KeyCommands.Create.class, KeyCommands.ListKeys.class, KeyCommands.Revoke.class})
final class KeyCommands {

    static final int USAGE = 2;
    static final int NOT_FOUND = 3;

    private KeyCommands() {}

    /** Why {@code TD_BOOTSTRAP_API_KEY} cannot be used, as the one line to print; empty when it is strong. */
    static Optional<String> bootstrapKeyRefusal(String bootstrapKey) {
        return KeyStrength.weakness(bootstrapKey)
                .map(why -> "td-server: TD_BOOTSTRAP_API_KEY is too weak: " + why + ". Use " + KeyStrength.RULE
                        + ", or unset it and td generates the owner key.");
    }

    /**
     * The migrated database the options point at: the URL, else the embedded PostgreSQL of the data directory,
     * reached on its port while a td server holds it (a second one cannot start on the same directory).
     */
    static Database open(Main.Storage storage) {
        Database db = storage.databaseUrl()
                .map(Database::external)
                .or(() -> Database.attachToRunning(storage.dataDir()))
                .orElseGet(() -> Database.embedded(storage.dataDir()));
        try {
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description =
                    "Create an API key for the owner (or --person) and print it once (it is not stored; only its hash is).")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        Main.Storage storage = new Main.Storage();

        @Spec
        @SuppressWarnings("NullAway.Init") // set by picocli before call()
        CommandSpec spec;

        @Option(
                names = "--agent",
                defaultValue = "owner",
                description =
                        "Name of the agent that will use the key, recorded with its events (default ${DEFAULT-VALUE})")
        String agent = "owner";

        @Option(
                names = "--person",
                paramLabel = "HANDLE",
                description = "Whose key it is: a person's handle (see 'people list'); default the owner")
        String person = "";

        @Option(
                names = "--scope",
                paramLabel = "SCOPE",
                description =
                        "What the key may do (repeatable): * for everything (the default), or a tool scope such as events:read or training:write")
        List<String> scopes = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Set<String> known = knownScopes();
            Set<String> wanted = scopes.isEmpty() ? Set.of("*") : new LinkedHashSet<>(scopes);
            for (String scope : wanted) {
                if (!known.contains(scope)) {
                    err.println("td-server: unknown --scope '" + scope + "'; known: " + String.join(", ", known));
                    return USAGE;
                }
            }
            if (agent.isBlank()) {
                err.println("td-server: --agent must not be blank; name the agent that will use the key");
                return USAGE;
            }
            try (Database db = open(storage)) {
                Accounts accounts = new Accounts(db.dataSource());
                Optional<UUID> whose = person.isBlank()
                        ? Optional.of(accounts.owner())
                        : accounts.person(person.strip()).map(Accounts.Person::userId);
                if (whose.isEmpty()) {
                    err.println("td-server: no person has the handle '" + person.strip()
                            + "'; 'td-server people list' shows them");
                    return NOT_FOUND;
                }
                Accounts.NewKey key = accounts.newKeyFor(whose.get(), agent.strip(), wanted);
                spec.commandLine().getOut().println(key.key());
                spec.commandLine().getOut().flush();
                err.println("API key " + key.display() + "… (id " + key.keyId() + ") for agent '" + agent.strip()
                        + "', scopes " + String.join(" ", new TreeSet<>(wanted))
                        + ": shown once, store it now (td keeps only its hash).");
                err.flush();
            }
            return 0;
        }

        private static Set<String> knownScopes() {
            return Accounts.knownScopes(ToolCatalog.load().all());
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List API keys: id, person, agent, display prefix, scopes, created, revoked (never a key or hash).")
    static final class ListKeys implements Callable<Integer> {
        @CommandLine.Mixin
        Main.Storage storage = new Main.Storage();

        @Spec
        @SuppressWarnings("NullAway.Init") // set by picocli before call()
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = open(storage)) {
                List<Accounts.KeyInfo> keys = new Accounts(db.dataSource()).keys();
                PrintWriter out = spec.commandLine().getOut();
                String row = "%-36s  %-8s  %-12s  %-16s  %-20s  %-20s  %s%n";
                out.printf(row, "KEY ID", "PERSON", "AGENT", "PREFIX", "CREATED", "REVOKED", "SCOPES");
                for (Accounts.KeyInfo k : keys) {
                    out.printf(
                            row,
                            k.keyId(),
                            k.person(),
                            k.agent(),
                            k.display(),
                            seconds(k.created()),
                            k.revoked().map(KeyCommands::seconds).orElse("-"),
                            String.join(" ", new TreeSet<>(k.scopes())));
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description =
                    "Revoke an API key; it is refused from the next request on, by every td server on the database.")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Mixin
        Main.Storage storage = new Main.Storage();

        @Spec
        @SuppressWarnings("NullAway.Init") // set by picocli before call()
        CommandSpec spec;

        @Parameters(
                paramLabel = "KEY",
                description = "The key's id, or its display prefix when no other key has it (see 'keys list')")
        String which = "";

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = open(storage)) {
                Accounts accounts = new Accounts(db.dataSource());
                List<Accounts.KeyInfo> all = accounts.keys();
                List<Accounts.KeyInfo> matches = all.stream()
                        .filter(k -> k.keyId().toString().equalsIgnoreCase(which.strip())
                                || k.display().equals(which.strip()))
                        .toList();
                if (matches.isEmpty()) {
                    err.println("td-server: no key has the id or display prefix '" + which.strip()
                            + "'; 'td-server keys list' shows them");
                    return NOT_FOUND;
                }
                if (matches.size() > 1) {
                    err.println("td-server: " + matches.size() + " keys have the display prefix '" + which.strip()
                            + "'; revoke by key id: "
                            + String.join(
                                    ", ",
                                    matches.stream()
                                            .map(k -> k.keyId().toString())
                                            .toList()));
                    return USAGE;
                }
                Accounts.KeyInfo key = matches.get(0);
                if (!accounts.revoke(key.keyId())) {
                    err.println("key " + key.keyId() + " was already revoked at "
                            + key.revoked().map(KeyCommands::seconds).orElse("an earlier time"));
                    return 0;
                }
                err.println("revoked key " + key.keyId() + " (" + key.display() + ", agent '" + key.agent()
                        + "'); it is refused from the next request on");
                if (noOwnerKeyLeft(accounts.keys(), key.userId())) {
                    err.println("note: no unrevoked key with scope * is left for " + key.person()
                            + "; 'td-server stdio' needs one: td-server keys create");
                }
                err.flush();
            }
            return 0;
        }

        private static boolean noOwnerKeyLeft(List<Accounts.KeyInfo> keys, UUID person) {
            return keys.stream()
                    .noneMatch(k -> k.userId().equals(person)
                            && k.revoked().isEmpty()
                            && k.scopes().contains("*"));
        }
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
