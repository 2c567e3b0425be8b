package dev.td.cli.completion;

import java.util.List;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine;

/** The completion script of {@code td} for one shell. */
public final class Completion {

    /** The shells {@code td completion} writes a script for. */
    public static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    private Completion() {}

    /**
     * The script, or empty for a shell td has none for. bash and zsh share picocli's script, which
     * loads zsh's bash-completion compatibility ({@code bashcompinit}) when zsh sources it.
     */
    public static Optional<String> script(String shell, CommandLine root) {
        return switch (shell) {
            case "bash", "zsh" -> Optional.of(AutoComplete.bash(root.getCommandName(), root));
            case "fish" -> Optional.of(FishScript.of(root));
            default -> Optional.empty();
        };
    }
}
