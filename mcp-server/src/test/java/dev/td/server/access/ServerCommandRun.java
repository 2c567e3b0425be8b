package dev.td.server.access;

import dev.td.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of {@code td-server} (its picocli command line), in process: exit code, stdout, stderr. */
record ServerCommandRun(int exit, String out, String err) {

    static ServerCommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new ServerCommandRun(exit, out.toString(), err.toString());
    }
}
