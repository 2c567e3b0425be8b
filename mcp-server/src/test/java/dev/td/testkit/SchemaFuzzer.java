package dev.td.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Arguments for a tool made from its input schema: mostly well formed (so that the tool's own
 * rules are reached, not only the schema check), then one value somewhere replaced by something
 * hostile — a wrong type, a boundary or out-of-range number, a NUL, a lone surrogate, SQL-looking
 * or very long text, deep nesting, a huge array, an extra or a missing property.
 *
 * <p>Values that Jackson cannot hold in a tree (a lone surrogate, a number token such as
 * {@code 1e999999}) are written as placeholders that {@link Case#json()} replaces in the text.
 */
public final class SchemaFuzzer {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String LONE_SURROGATE = "@@LONE_SURROGATE@@";
    private static final String NUMBER_TOKEN = "@@NUMBER:";
    private static final List<String> EXERCISES =
            List.of("Back Squat", "Bench Press", "Deadlift", "Pull-up", "Kniebeuge", "overhead press");

    private final Random random;

    public SchemaFuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** One generated call: what was changed, and the arguments. */
    public record Case(String mutation, JsonNode arguments) {
        /** The arguments as JSON text, placeholders replaced by what Jackson cannot write. */
        public String json() {
            String text = arguments.toString();
            text = text.replace(LONE_SURROGATE, "\\ud800");
            return text.replaceAll("\"" + java.util.regex.Pattern.quote(NUMBER_TOKEN) + "([^\"]*)\"", "$1");
        }

        /** Whether the SDK client can send it unchanged (it cannot write lone surrogates or raw number tokens). */
        public boolean sendableAsMap() {
            String text = arguments.toString();
            return !text.contains(LONE_SURROGATE) && !text.contains(NUMBER_TOKEN);
        }
    }

    /** A well-formed-looking argument object for the schema, then (most of the time) one hostile change. */
    public Case next(JsonNode schema) {
        JsonNode valid = generate(schema, schema, "", 0);
        if (random.nextInt(6) == 0) {
            return new Case("none", valid);
        }
        return mutate(schema, valid);
    }

    private JsonNode generate(JsonNode root, JsonNode schema, String name, int depth) {
        JsonNode s = resolve(root, schema);
        if (s.has("const")) {
            return s.get("const");
        }
        if (s.has("enum")) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (s.has(combinator)) {
                JsonNode options = s.get(combinator);
                return generate(root, options.get(random.nextInt(options.size())), name, depth);
            }
        }
        String type = type(s);
        return switch (type) {
            case "object" -> object(root, s, depth);
            case "array" -> array(root, s, name, depth);
            case "string" -> string(s, name);
            case "integer" -> F.numberNode(integer(s));
            case "number" -> F.numberNode(number(s));
            case "boolean" -> F.booleanNode(random.nextBoolean());
            case "null" -> F.nullNode();
            default -> F.textNode("x");
        };
    }

    private String type(JsonNode s) {
        JsonNode t = s.get("type");
        if (t == null) {
            return s.has("properties") ? "object" : "string";
        }
        if (t.isArray()) {
            List<String> types = new ArrayList<>();
            t.forEach(x -> types.add(x.asText()));
            // prefer a non-null type most of the time
            List<String> nonNull = types.stream().filter(x -> !x.equals("null")).toList();
            return !nonNull.isEmpty() && random.nextInt(5) > 0
                    ? nonNull.get(random.nextInt(nonNull.size()))
                    : types.get(random.nextInt(types.size()));
        }
        return t.asText();
    }

    private ObjectNode object(JsonNode root, JsonNode s, int depth) {
        ObjectNode o = F.objectNode();
        JsonNode required = s.path("required");
        s.path("properties").properties().forEach(p -> {
            boolean isRequired = false;
            for (JsonNode r : required) {
                isRequired |= r.asText().equals(p.getKey());
            }
            if (isRequired || (depth < 4 && random.nextInt(3) == 0)) {
                o.set(p.getKey(), generate(root, p.getValue(), p.getKey(), depth + 1));
            }
        });
        return o;
    }

    private ArrayNode array(JsonNode root, JsonNode s, String name, int depth) {
        ArrayNode a = F.arrayNode();
        int min = s.path("minItems").asInt(0);
        int max = Math.min(s.path("maxItems").asInt(3), Math.max(min, 3));
        int n = min + (max > min ? random.nextInt(max - min + 1) : 0);
        for (int i = 0; i < n; i++) {
            a.add(generate(root, s.path("items"), name, depth + 1));
        }
        return a;
    }

    private JsonNode string(JsonNode s, String name) {
        String format = s.path("format").asText("");
        Instant recent = Instant.parse("2026-06-01T00:00:00Z").plus(random.nextInt(150), ChronoUnit.DAYS);
        if (format.equals("date-time") || name.endsWith("_at") || name.equals("at")) {
            return F.textNode(
                    recent.atOffset(ZoneOffset.ofHours(random.nextInt(3) - 1)).toString());
        }
        if (format.equals("date") || name.equals("from") || name.equals("to") || name.contains("date")) {
            return F.textNode(recent.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (format.equals("uuid") || name.endsWith("_id")) {
            return F.textNode(UUID.randomUUID().toString());
        }
        if (name.equals("exercise") || name.equals("name") || name.equals("query")) {
            return F.textNode(EXERCISES.get(random.nextInt(EXERCISES.size())));
        }
        if (name.equals("time_zone")) {
            return F.textNode(random.nextBoolean() ? "Europe/Berlin" : "UTC");
        }
        if (name.contains("idempotency")) {
            return F.textNode("fuzz-" + UUID.randomUUID());
        }
        if (name.equals("type")) {
            return F.textNode(random.nextBoolean() ? "custom.fuzz" : "note.recorded");
        }
        int min = s.path("minLength").asInt(1);
        int max = Math.min(s.path("maxLength").asInt(20), 20);
        StringBuilder b = new StringBuilder();
        int n = Math.max(min, Math.min(max, 1 + random.nextInt(12)));
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return F.textNode(b.toString());
    }

    private long integer(JsonNode s) {
        long min = s.path("minimum").asLong(0);
        long max = s.path("maximum").asLong(Math.max(min + 20, 20));
        return min + (long) (random.nextDouble() * (Math.min(max, min + 1000) - min + 1));
    }

    private double number(JsonNode s) {
        double min = s.path("minimum").asDouble(s.path("exclusiveMinimum").asDouble(0) + 0.5);
        double max = s.path("maximum").asDouble(Math.max(min + 200, 200));
        return Math.round((min + random.nextDouble() * (max - min)) * 2) / 2.0;
    }

    private JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = ref.startsWith("#/") ? root.at(ref.substring(1)) : s;
            if (s.isMissingNode()) {
                return F.objectNode();
            }
        }
        return s;
    }

    // --- hostile changes

    private Case mutate(JsonNode schema, JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        List<Slot> slots = new ArrayList<>();
        collect(copy, slots);
        int kind = random.nextInt(10);
        if (kind == 0 && copy instanceof ObjectNode o) {
            o.put("zz_extra_" + random.nextInt(100), "surprise");
            return new Case("extra property", o);
        }
        if (kind == 1 && copy instanceof ObjectNode o && schema.path("required").size() > 0) {
            JsonNode required = schema.get("required");
            String gone = required.get(random.nextInt(required.size())).asText();
            o.remove(gone);
            return new Case("missing " + gone, o);
        }
        if (slots.isEmpty()) {
            return new Case("hostile root", hostile());
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode value = hostile();
        slot.set(value);
        return new Case("hostile value at " + slot.path(), copy);
    }

    private record Slot(JsonNode parent, String key, int index, String path) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        collect(node, "$", slots);
    }

    private static void collect(JsonNode node, String path, List<Slot> slots) {
        if (node instanceof ObjectNode o) {
            o.properties().forEach(p -> {
                String child = path + "." + p.getKey();
                slots.add(new Slot(o, p.getKey(), -1, child));
                collect(p.getValue(), child, slots);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                String child = path + "[" + i + "]";
                slots.add(new Slot(a, "", i, child));
                collect(a.get(i), child, slots);
            }
        }
    }

    private JsonNode hostile() {
        return switch (random.nextInt(34)) {
            case 0 -> F.textNode("abc");
            case 1 -> F.numberNode(123);
            case 2 -> F.booleanNode(true);
            case 3 -> F.nullNode();
            case 4 -> F.arrayNode();
            case 5 -> F.objectNode();
            case 6 -> F.numberNode(-1);
            case 7 -> F.numberNode(0);
            case 8 -> F.numberNode(1e308);
            case 9 -> F.numberNode(-1e308);
            case 10 -> F.numberNode(new java.math.BigDecimal("1e-308"));
            case 11 -> F.numberNode(2147483648L);
            case 12 -> F.numberNode(new java.math.BigInteger("9223372036854775808"));
            case 13 -> F.textNode(NUMBER_TOKEN + "1e309");
            case 14 -> F.textNode(NUMBER_TOKEN + "1e999999999");
            case 15 -> F.textNode(NUMBER_TOKEN + "-1e-2147483648");
            case 16 -> F.textNode("");
            case 17 -> F.textNode("a\u0000b");
            case 18 -> F.textNode(LONE_SURROGATE);
            case 19 -> F.textNode("'; DROP TABLE events; --");
            case 20 -> F.textNode("\" OR 1=1 --");
            case 21 -> F.textNode("x".repeat(10_000));
            case 22 -> F.textNode("y".repeat(100_001));
            case 23 -> F.textNode("\ud83c\udfcb\ufe0f Kniebeuge \u0645\u0631\u062d\u0628\u0627 e\u0301 \u200b\ufeff");
            case 24 -> F.textNode("0000-01-01T00:00:00Z");
            case 25 -> F.textNode("-5000-01-01");
            case 26 -> F.textNode("9999-12-31T23:59:59Z");
            case 27 -> deep(45);
            case 28 -> deep(30);
            case 29 -> {
                ArrayNode big = F.arrayNode();
                for (int i = 0; i < 2000; i++) {
                    big.add(i);
                }
                yield big;
            }
            case 30 -> F.numberNode(1.5);
            case 31 -> F.numberNode(-0.0);
            case 32 -> F.objectNode().put("k".repeat(300), 1);
            default -> F.textNode("../../etc/passwd %s %n ${jndi:ldap://x}");
        };
    }

    private static JsonNode deep(int levels) {
        ObjectNode root = F.objectNode();
        ObjectNode at = root;
        for (int i = 1; i < levels; i++) {
            at = at.putObject("d");
        }
        return root;
    }
}
