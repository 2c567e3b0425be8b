package dev.td.server;

import dev.td.server.access.Accounts;
import dev.td.server.wiring.Database;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code td-server people create|list}: the operator's view of the people on a server, on the database directly.
 * A new person gets a first key with every scope, printed once, which they use to make their own keys (one per
 * agent) and grants.
 */
@Command(
        name = "people",
        mixinStandardHelpOptions = true,
        description = "Create and list the people on this server, working on the database directly.",
        subcommands = {PeopleCommands.Create.class, PeopleCommands.ListPeople.class})
final class PeopleCommands {

    private PeopleCommands() {}

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a person and print their first API key once (scope *; only its hash is kept).")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        Main.Storage storage = new Main.Storage();

        @Spec
        @SuppressWarnings("NullAway.Init") // set by picocli before call()
        CommandSpec spec;

        @Parameters(paramLabel = "HANDLE", description = "How others name them: anna, coach-ben (a-z, 0-9, -)")
        String handle = "";

        @Option(names = "--name", paramLabel = "NAME", description = "Display name; default the handle")
        String name = "";

        @Option(
                names = "--agent",
                defaultValue = "first-key",
                description = "The agent the first key is for (default ${DEFAULT-VALUE})")
        String agent = "first-key";

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = KeyCommands.open(storage)) {
                Accounts accounts = new Accounts(db.dataSource());
                Accounts.Person person;
                try {
                    person = accounts.createPerson(handle.strip(), name.isBlank() ? handle.strip() : name.strip());
                } catch (IllegalArgumentException e) {
                    err.println("td-server: " + e.getMessage());
                    err.flush();
                    return KeyCommands.USAGE;
                }
                Accounts.NewKey key = accounts.newKeyFor(person.userId(), agent.strip(), Set.of("*"));
                spec.commandLine().getOut().println(key.key());
                spec.commandLine().getOut().flush();
                err.println("person " + person.handle() + " (" + person.name() + ", id " + person.userId()
                        + ") created; their first API key " + key.display()
                        + "… is shown once: hand it to them; they make one key per agent with create_key and share"
                        + " with grant_access.");
                err.flush();
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the people, oldest first.")
    static final class ListPeople implements Callable<Integer> {
        @CommandLine.Mixin
        Main.Storage storage = new Main.Storage();

        @Spec
        @SuppressWarnings("NullAway.Init") // set by picocli before call()
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = KeyCommands.open(storage)) {
                List<Accounts.Person> people = new Accounts(db.dataSource()).people();
                PrintWriter out = spec.commandLine().getOut();
                String row = "%-36s  %-20s  %-20s  %s%n";
                out.printf(row, "PERSON ID", "HANDLE", "CREATED", "NAME");
                for (Accounts.Person p : people) {
                    out.printf(row, p.userId(), p.handle(), p.created().truncatedTo(ChronoUnit.SECONDS), p.name());
                }
                out.flush();
            }
            return 0;
        }
    }
}
