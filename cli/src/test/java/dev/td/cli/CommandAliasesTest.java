package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The two-word account commands are the tool commands they stand for, wherever the global options are. */
class CommandAliasesTest {

    @Test
    void keysAndGrantsWordsBecomeTheirToolCommandsAndEverythingElseStays() {
        assertThat(CommandAliases.rewrite(new String[] {"keys", "list"})).containsExactly("list-keys");
        assertThat(CommandAliases.rewrite(new String[] {"--url", "http://x", "keys", "create", "--agent", "bot"}))
                .containsExactly("--url", "http://x", "create-key", "--agent", "bot");
        assertThat(CommandAliases.rewrite(new String[] {"-o", "json", "grants", "create", "--grantee", "ben"}))
                .containsExactly("-o", "json", "grant-access", "--grantee", "ben");
        assertThat(CommandAliases.rewrite(new String[] {"grants", "revoke", "--grant-id", "g"}))
                .containsExactly("revoke-grant", "--grant-id", "g");
        assertThat(CommandAliases.rewrite(new String[] {"access-log", "--about", "my_calls"}))
                .containsExactly("get-access-log", "--about", "my_calls");
        assertThat(CommandAliases.rewrite(new String[] {"list-sessions", "keys", "list"}))
                .as("only the command word is rewritten")
                .containsExactly("list-sessions", "keys", "list");
        assertThat(CommandAliases.rewrite(new String[] {"--", "keys", "list"})).containsExactly("--", "keys", "list");
    }

    @Test
    void aGroupWithoutAKnownSecondWordNamesTheOnesThereAre() {
        assertThatThrownBy(() -> CommandAliases.rewrite(new String[] {"keys"}))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("list, create, update, rotate, revoke");
        assertThatThrownBy(() -> CommandAliases.rewrite(new String[] {"grants", "delete"}))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("list, create, revoke");
    }
}
