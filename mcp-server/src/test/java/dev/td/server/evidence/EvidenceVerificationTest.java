package dev.td.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.Http;
import dev.td.testkit.TestDatabases;
import dev.td.testkit.TestServer;
import dev.td.tools.Json;
import dev.td.tools.ToolManifest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The verification an evidence answer describes works as described. The log is exported through the endpoint the
 * answer's recipe names; every hash is recomputed by {@link Recipe}, written here from the recipe's own words (the
 * answer's {@code verification.steps}), never with td's EventChain, StoredEvent or CanonicalJson; the chain must
 * pass through the answer's head and every set it lists. One byte changed in an exported event breaks it, at that
 * event. The Python script of {@code docs/evidence.md} is run on the same files when python3 is installed.
 */
class EvidenceVerificationTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final String ZEROS = "0".repeat(64);

    /** The bench claim of {@link EvidenceHistory}, whose answer lists C, F and A and the voided B. */
    private static JsonNode answer(EvidenceHistory h, int maxLinks) {
        return EvidenceHistory.ok(
                h.ask(Map.of("exercise", "bench", "at_least", 120, "before", "2026-03-01", "max_links", maxLinks)));
    }

    /** The export the recipe names, page by page (pageSize instead of its 1,000 to have several pages). */
    private static List<JsonNode> export(EvidenceHistory h, JsonNode answer, int pageSize) {
        String rest = answer.at("/data/verification/export/rest").asText();
        assertThat(rest).isEqualTo("GET /v1/events?view=log&limit=1000");
        String path = rest.substring("GET ".length()).replace("limit=1000", "limit=" + pageSize);
        List<JsonNode> pages = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = EvidenceHistory.ok(Http.send("GET", server.baseUrl() + path + cursor, h.key(), null));
            pages.add(page);
            cursor = page.at("/data/next_cursor").isNull()
                    ? ""
                    : "&cursor=" + page.at("/data/next_cursor").asText();
        } while (!cursor.isEmpty());
        return pages;
    }

    @Test
    void theRecipeNamesTheGetEventsEndpointAndCli() {
        ToolManifest getEvents = server.core().tools().manifests().stream()
                .filter(m -> m.name().equals("get_events"))
                .findFirst()
                .orElseThrow();
        EvidenceHistory h = EvidenceHistory.log(server, "recipe names");
        JsonNode export = answer(h, 50).at("/data/verification/export");

        assertThat(export.path("tool").asText()).isEqualTo(getEvents.name());
        assertThat(export.path("rest").asText())
                .startsWith(getEvents.rest().method() + " " + getEvents.rest().path() + "?");
        assertThat(export.path("cli").asText())
                .startsWith("td " + getEvents.cli().command() + " --view log");
    }

    @Test
    void theExportedLogReHashedFromTheRecipeTextPassesThroughTheHeadAndEveryListedSet() {
        EvidenceHistory h = EvidenceHistory.log(server, "third party");
        JsonNode answer = answer(h, 50);
        List<JsonNode> pages = export(h, answer, 3);

        assertThat(pages).as("11 events, 3 a page").hasSize(4);
        Recipe.Outcome outcome = Recipe.check(answer.path("data"), pages);
        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.eventsHashed()).isEqualTo(11);
        assertThat(outcome.answerHashesFound())
                .as("C, F, A, the voided B, C's correction, B's void, and 10 links")
                .isEqualTo(6 + 10);
    }

    @Test
    void oneChangedByteInAnyExportedEventBreaksTheCheckAtThatEvent() throws IOException {
        EvidenceHistory h = EvidenceHistory.log(server, "tampered");
        JsonNode answer = answer(h, 50);
        String text = Json.mapper().writeValueAsString(export(h, answer, 1000).getFirst());

        // each event's idempotency key, agent and recorded_at: one character of each changed in the text
        for (String marker : List.of("\"idempotency_key\":\"", "\"agent\":\"", "\"recorded_at\":\"2")) {
            int at = text.indexOf(marker);
            int changed = 0;
            while (at >= 0) {
                int i = at + marker.length() + 1;
                char replacement = text.charAt(i) == '7' ? '8' : '7';
                String tampered = text.substring(0, i) + replacement + text.substring(i + 1);
                long sequence =
                        changedEvent(Json.mapper().readTree(text), Json.mapper().readTree(tampered));
                Optional<String> failure = Recipe.check(
                                answer.path("data"), List.of(Json.mapper().readTree(tampered)))
                        .failure();
                assertThat(failure)
                        .as("byte " + i + " (" + marker + ") changed")
                        .hasValueSatisfying(f -> assertThat(f).contains("sequence " + sequence + ":"));
                changed++;
                at = text.indexOf(marker, i);
            }
            assertThat(changed).as(marker).isEqualTo(11);
        }
        // and a changed hash in the answer's own links is caught too
        JsonNode forged = answer.path("data").deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) forged.at("/chain/links")).set(3, "ab".repeat(32));
        assertThat(Recipe.check(forged, List.of(Json.mapper().readTree(text))).failure())
                .hasValueSatisfying(f -> assertThat(f).contains("sequence 5:"));
    }

    /** The sequence of the one exported event that differs between two pages. */
    private static long changedEvent(JsonNode page, JsonNode tampered) {
        List<Long> changed = new ArrayList<>();
        for (int i = 0; i < page.at("/data/events").size(); i++) {
            if (!page.at("/data/events/" + i).equals(tampered.at("/data/events/" + i))) {
                changed.add(page.at("/data/events/" + i + "/sequence").asLong());
            }
        }
        assertThat(changed).hasSize(1);
        return changed.getFirst();
    }

    @Test
    void theScriptInTheDocsPassesTheExportAndFailsItWithOneByteChanged() throws Exception {
        Assumptions.assumeTrue(python(), "python3 is not installed");
        EvidenceHistory h = EvidenceHistory.log(server, "script");
        JsonNode answer = answer(h, 50);
        List<JsonNode> pages = export(h, answer, 4);
        Path dir = TestDatabases.tempDir("td-evidence-script");
        Path script = dir.resolve("verify_evidence.py");
        Files.writeString(script, scriptFromDocs());
        Path answerFile = dir.resolve("answer.json");
        Files.writeString(answerFile, Json.mapper().writeValueAsString(answer));
        List<String> command = new ArrayList<>(List.of("python3", script.toString(), answerFile.toString()));
        for (int i = 0; i < pages.size(); i++) {
            Path page = dir.resolve("page-" + i + ".json");
            Files.writeString(page, Json.mapper().writeValueAsString(pages.get(i)));
            command.add(page.toString());
        }

        Run passed = run(command);
        assertThat(passed.exit()).as(passed.out()).isZero();
        assertThat(passed.out())
                .contains("OK 11 events from sequence 1 to 11 hash and link")
                .contains("OK 4 events of the answer and 10 chain links are on that chain");

        Path first = Path.of(command.get(3));
        String page = Files.readString(first);
        long firstOfPage = pages.getFirst().at("/data/events/0/sequence").asLong();
        int i = page.indexOf("\"agent\":\"") + "\"agent\":\"".length();
        Files.writeString(first, page.substring(0, i) + 'k' + page.substring(i + 1));
        Run failed = run(command);
        assertThat(failed.exit()).as(failed.out()).isEqualTo(1);
        assertThat(failed.out()).contains("FAIL sequence " + firstOfPage + ": its content does not hash to its hash");
    }

    private record Run(int exit, String out) {}

    private static Run run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The one python block of docs/evidence.md (the tests run in mcp-server/). */
    private static String scriptFromDocs() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "evidence.md"));
        int start = doc.indexOf("```python\n") + "```python\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void aPathCutShortSaysSoAndWhereTheRestIs() {
        EvidenceHistory h = EvidenceHistory.log(server, "truncated");

        JsonNode answer = answer(h, 3);
        JsonNode chain = answer.at("/data/chain");

        assertThat(chain.path("links")).hasSize(3);
        assertThat(chain.path("links_total").asLong()).isEqualTo(10);
        assertThat(chain.path("truncated").asBoolean()).isTrue();
        assertThat(chain.path("rest").asText()).contains("from sequence 5 to 11", "verification.export");
        assertThat(Recipe.check(answer.path("data"), export(h, answer, 1000)).failure())
                .isEmpty();
    }

    /**
     * The verification steps of the answer, in code: canonical text, SHA-256 over the previous hash and that text,
     * the links, the head and the answer's hashes.
     */
    static final class Recipe {

        record Outcome(Optional<String> failure, int eventsHashed, int answerHashesFound) {}

        static Outcome check(JsonNode answer, List<JsonNode> pages) {
            String user = answer.at("/chain/user_id").asText();
            TreeMap<Long, JsonNode> events = new TreeMap<>();
            for (JsonNode page : pages) {
                assertThat(page.at("/data/user_id").asText()).isEqualTo(user);
                page.at("/data/events")
                        .forEach(e -> events.put(e.path("sequence").asLong(), e));
            }
            Map<Long, String> hashes = new TreeMap<>();
            String previous = "";
            long expected = events.firstKey();
            for (JsonNode e : events.values()) {
                long sequence = e.path("sequence").asLong();
                if (sequence != expected) {
                    return failed("sequence " + expected + ": missing");
                }
                if (!previous.isEmpty() && !e.path("prev_hash").asText().equals(previous)) {
                    return failed("sequence " + sequence + ": prev_hash is not the hash before it");
                }
                if (sequence == 1 && !e.path("prev_hash").asText().equals(ZEROS)) {
                    return failed("sequence 1: prev_hash is not 64 zeros");
                }
                String hash = sha256(e.path("prev_hash").asText(), canonical(e, user));
                if (!hash.equals(e.path("hash").asText())) {
                    return failed("sequence " + sequence + ": content hashes to " + hash);
                }
                hashes.put(sequence, hash);
                previous = hash;
                expected++;
            }
            JsonNode head = answer.path("chain").path("head");
            if (!head.path("hash")
                    .asText()
                    .equals(hashes.get(head.path("sequence").asLong()))) {
                return failed("sequence " + head.path("sequence").asLong() + ": not the answer's head");
            }
            List<Map.Entry<Long, String>> claimed = new ArrayList<>();
            List<JsonNode> listed = new ArrayList<>();
            answer.path("events").forEach(listed::add);
            answer.path("not_counted").forEach(listed::add);
            if (answer.path("closest").isObject()) {
                listed.add(answer.path("closest"));
            }
            for (JsonNode e : listed) {
                claimed.add(
                        Map.entry(e.path("sequence").asLong(), e.path("hash").asText()));
                e.path("corrections")
                        .forEach(c -> claimed.add(Map.entry(
                                c.path("sequence").asLong(), c.path("hash").asText())));
                if (e.has("voided")) {
                    claimed.add(Map.entry(
                            e.at("/voided/sequence").asLong(),
                            e.at("/voided/hash").asText()));
                }
            }
            long from = answer.at("/chain/from_sequence").asLong();
            for (int i = 0; i < answer.at("/chain/links").size(); i++) {
                claimed.add(Map.entry(from + i, answer.at("/chain/links/" + i).asText()));
            }
            for (Map.Entry<Long, String> c : claimed) {
                if (!c.getValue().equals(hashes.get(c.getKey()))) {
                    return failed("sequence " + c.getKey() + ": the answer's hash is not on the exported chain");
                }
            }
            return new Outcome(Optional.empty(), hashes.size(), claimed.size());
        }

        private static Outcome failed(String why) {
            return new Outcome(Optional.of(why), 0, 0);
        }

        /** Step 2: the eleven fields, times as UTC instants. */
        private static String canonical(JsonNode e, String user) {
            TreeMap<String, String> fields = new TreeMap<>();
            fields.put("user_id", quote(user));
            fields.put("event_id", quote(e.path("event_id").asText()));
            fields.put("sequence", e.path("sequence").asText());
            fields.put("type", quote(e.path("type").asText()));
            fields.put("occurred_at", quote(utc(e.path("occurred_at").asText())));
            fields.put("time_zone", quote(e.path("time_zone").asText()));
            fields.put("recorded_at", quote(utc(e.path("recorded_at").asText())));
            fields.put("data", write(e.path("data")));
            fields.put("metadata", write(e.path("metadata")));
            fields.put("idempotency_key", quote(e.path("idempotency_key").asText()));
            fields.put("subject_event_id", write(e.path("subject_event_id")));
            return object(fields);
        }

        /** "Seconds always, a fraction only when non-zero, in groups of three digits", in UTC with Z. */
        private static String utc(String time) {
            OffsetDateTime t = OffsetDateTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC);
            String seconds = t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
            int nanos = t.getNano();
            String fraction = nanos == 0
                    ? ""
                    : nanos % 1_000_000 == 0
                            ? String.format(".%03d", nanos / 1_000_000)
                            : nanos % 1_000 == 0
                                    ? String.format(".%06d", nanos / 1_000)
                                    : String.format(".%09d", nanos);
            return seconds + fraction + "Z";
        }

        /** Step 3: no whitespace, keys sorted by UTF-16 code units (String's natural order), plain numbers. */
        private static String write(JsonNode n) {
            if (n.isObject()) {
                TreeMap<String, String> fields = new TreeMap<>();
                n.properties().forEach(f -> fields.put(f.getKey(), write(f.getValue())));
                return object(fields);
            }
            if (n.isArray()) {
                List<String> items = new ArrayList<>();
                n.forEach(i -> items.add(write(i)));
                return "[" + String.join(",", items) + "]";
            }
            if (n.isTextual()) {
                return quote(n.textValue());
            }
            if (n.isNumber()) {
                BigDecimal d = new BigDecimal(n.asText());
                return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            }
            if (n.isBoolean()) {
                return String.valueOf(n.booleanValue());
            }
            return "null";
        }

        private static String object(java.util.SortedMap<String, String> fields) {
            List<String> parts = new ArrayList<>();
            fields.forEach((k, v) -> parts.add(quote(k) + ":" + v));
            return "{" + String.join(",", parts) + "}";
        }

        /** Escape only " and \ and U+0000 to U+001F (as \\u00xx, lower-case hex). */
        private static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append("\\u00").append(HexFormat.of().toHexDigits((byte) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }

        /** Step 4: SHA-256 of the 32 bytes of prev_hash, then the UTF-8 text; lower-case hex. */
        private static String sha256(String prevHash, String canonical) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(HexFormat.of().parseHex(prevHash));
                return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
