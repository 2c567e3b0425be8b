package dev.td.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code td-server people create|list} and {@code keys create --person}, on the database of a running server. */
class PeopleCommandTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static ServerCommandRun run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--database-url", server.databaseUrl()));
        return ServerCommandRun.of(all.toArray(String[]::new));
    }

    @Test
    void aNewPersonGetsAFirstKeyOnceThatWorksOnTheirOwnEmptyRecord() {
        ServerCommandRun created = run("people", "create", "zoe", "--name", "Zoë Z");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).matches("td_[0-9A-Za-z]{40}\\R");
        assertThat(created.err()).contains("person zoe (Zoë Z").contains("shown once");
        String key = created.out().strip();

        Http.Answer keys = Http.send("GET", server.baseUrl() + "/v1/keys", key, null);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.body().at("/data/me/handle").asText()).isEqualTo("zoe");
        assertThat(keys.body().at("/data/me/name").asText()).isEqualTo("Zoë Z");
        Http.Answer events = Http.send("GET", server.baseUrl() + "/v1/events", key, null);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body().at("/data/events"))
                .as("the owner's events are not hers")
                .isEmpty();

        ServerCommandRun listed = run("people", "list");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("owner").contains("zoe").contains("Zoë Z");

        ServerCommandRun second = run("keys", "create", "--person", "zoe", "--agent", "telegram-bot");
        assertThat(second.exit()).as(second.err()).isZero();
        Http.Answer again =
                Http.send("GET", server.baseUrl() + "/v1/keys", second.out().strip(), null);
        assertThat(again.body().at("/data/me/handle").asText()).isEqualTo("zoe");
    }

    @Test
    void aTakenOrMalformedHandleIsRefusedWithTheRuleAndNothingIsCreated() {
        assertThat(run("people", "create", "yan").exit()).isZero();
        ServerCommandRun taken = run("people", "create", "yan");
        assertThat(taken.exit()).isEqualTo(2);
        assertThat(taken.err()).contains("'yan' is taken");
        assertThat(taken.out()).isEmpty();
        ServerCommandRun malformed = run("people", "create", "Yan Smith");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("lower-case letter");
        ServerCommandRun nobody = run("keys", "create", "--person", "nobody");
        assertThat(nobody.exit()).isEqualTo(3);
        assertThat(run("people", "list")
                        .out()
                        .lines()
                        .filter(l -> l.contains(" yan "))
                        .count())
                .isEqualTo(1);
    }
}
