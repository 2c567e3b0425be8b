package dev.td.cli.progress;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Whether the process's stderr is a terminal, where a progress line can be redrawn in place. */
public final class Terminal {

    private Terminal() {}

    /**
     * Linux says where stderr goes ({@code /proc/self/fd/2}): a terminal is a {@code /dev/pts/…} or
     * {@code /dev/tty…}, so the line shows with stdout redirected ({@code td import run.fit > reports.json})
     * and not with stderr redirected. Elsewhere the console stands for it (stdin and stdout a terminal).
     * {@code TERM=dumb} (an editor's shell) is no terminal.
     */
    public static boolean stderrIsTerminal(Map<String, String> env) {
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return consoleIsTerminal();
        }
    }

    /**
     * The console is a terminal: on JDK 21 whenever there is one; from JDK 22, where a console can be
     * a redirected stream, when {@code Console.isTerminal()} says so (called by reflection: td is
     * compiled for 21).
     */
    @SuppressWarnings("SystemConsoleNull") // null is still "no terminal"; isTerminal decides the rest
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
