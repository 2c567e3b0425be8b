package dev.td.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The door's limits at their edges. Every boundary is written out by hand from the documented
 * limit (depth 40, keys 200, strings 100,000, 40 significant digits, exponent ±308), one value on
 * each side.
 */
class InputLimitsTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static ToolException refused(JsonNode arguments) {
        ToolException e = catchThrowableOfType(ToolException.class, () -> InputLimits.check(arguments));
        assertThat(e)
                .as("refused: %s", arguments.toString().length() > 200 ? "(long)" : arguments)
                .isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        return e;
    }

    private static void accepted(JsonNode arguments) {
        assertThatCode(() -> InputLimits.check(arguments)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e308",
                "-1e308",
                "9.999999999999999999e308",
                "1e-308",
                "-1e-308",
                "0",
                "0e999999999",
                "0.0",
                "1234567890123456789012345678901234567890",
                "1.234567890123456789012345678901234567890e10",
                "1000e305",
                "102.5",
                "-0.5"
            })
    void numbers_inside_the_range_and_precision_are_accepted(String number) {
        accepted(parse("{\"v\":" + number + "}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e309",
                "-1e309",
                "10e308",
                "1e-309",
                "9.99e-309",
                "1e999999999",
                "1e2147483647",
                "1e200000",
                "-1e-2147483647"
            })
    void numbers_beyond_the_exponent_range_are_refused_naming_their_path(String number) {
        ToolException e = refused(parse("{\"data\":{\"v\":[1," + number + "]}}"));
        assertThat(e.path()).isEqualTo("$.data.v[1]");
        assertThat(e.getMessage()).contains("out of range").contains("1e308");
    }

    @Test
    void a_number_with_41_significant_digits_is_refused_and_40_trailing_zeros_do_not_count() {
        ToolException e = refused(parse("{\"v\":12345678901234567890123456789012345678901}"));
        assertThat(e.getMessage()).contains("41 significant digits");
        refused(parse("{\"v\":1.2345678901234567890123456789012345678901}"));
        accepted(parse("{\"v\":10000000000000000000000000000000000000000000000000}")); // 1 digit, exponent 49
    }

    @Test
    void infinite_and_nan_doubles_from_another_parser_are_refused() {
        refused(F.objectNode().put("v", Double.POSITIVE_INFINITY));
        refused(F.objectNode().put("v", Double.NaN));
        refused(F.objectNode().put("v", Float.NEGATIVE_INFINITY));
        accepted(F.objectNode().put("v", Double.MAX_VALUE));
        // Double.MIN_VALUE is 4.9e-324: beyond the 1e-308 floor
        refused(F.objectNode().put("v", Double.MIN_VALUE));
    }

    // scalars of an array are checked without writing out their paths; a bad one still names its own
    @Test
    void a_bad_value_at_the_end_of_a_long_array_is_named_by_its_index() {
        ObjectNode numbers = F.objectNode();
        var values = numbers.putArray("values");
        for (int i = 0; i < 99_999; i++) {
            values.add(new BigDecimal("103.25"));
        }
        accepted(numbers);
        values.add(new BigDecimal("1e309"));
        ToolException e = refused(numbers);
        assertThat(e.path()).isEqualTo("$.values[99999]");
        assertThat(e.getMessage()).contains("the number at $.values[99999] (1E+309) is out of range");
        ObjectNode texts = F.objectNode();
        texts.putArray("t").add("2026-01-01").add("2026-01-02").add("x\u0000");
        assertThat(refused(texts).getMessage()).contains("the text at $.t[2] contains a NUL character");
        ObjectNode digits = F.objectNode();
        digits.putArray("v").add(1).add(new BigDecimal("1.2345678901234567890123456789012345678901"));
        assertThat(refused(digits).path()).isEqualTo("$.v[1]");
    }

    @Test
    void a_big_integer_node_is_checked_like_a_decimal() {
        accepted(F.objectNode().put("v", BigInteger.TEN.pow(39)));
        accepted(F.objectNode().put("v", BigInteger.TEN.pow(300)));
        refused(F.objectNode().put("v", BigInteger.TEN.pow(309)));
        refused(F.objectNode().put("v", BigInteger.TEN.pow(45).add(BigInteger.ONE)));
        accepted(F.objectNode().put("v", new BigDecimal("-7.25")));
    }

    private static JsonNode nested(int levels) {
        // levels counts the outer arguments object as level 1
        ObjectNode root = F.objectNode();
        ObjectNode at = root;
        for (int i = 2; i < levels; i++) {
            at = at.putObject("a");
        }
        at.put("leaf", 1);
        return root;
    }

    @Test
    void forty_levels_are_accepted_and_forty_one_refused_at_the_first_level_too_deep() {
        accepted(nested(40));
        ToolException e = refused(nested(41));
        // 41 levels: the arguments object (1), 39 objects named a (2 to 40), then the leaf number at level 41
        assertThat(e.path()).isEqualTo("$" + ".a".repeat(39) + ".leaf");
        ObjectNode arrays = F.objectNode();
        com.fasterxml.jackson.databind.node.ArrayNode at = arrays.putArray("x");
        for (int i = 3; i < 41; i++) {
            at = at.addArray();
        }
        at.add(1);
        assertThat(refused(arrays).path()).isEqualTo("$.x" + "[0]".repeat(39));
    }

    @Test
    void keys_of_200_characters_are_accepted_and_201_refused() {
        accepted(F.objectNode().put("k".repeat(200), 1));
        ToolException e = refused(F.objectNode().put("k".repeat(201), 1));
        assertThat(e.getMessage()).contains("201 characters").contains("at most 200");
        assertThat(e.path()).startsWith("$['kkkk").endsWith("...']");
    }

    @Test
    void strings_of_100000_characters_are_accepted_and_100001_refused() {
        accepted(F.objectNode().put("note", "x".repeat(100_000)));
        assertThat(refused(F.objectNode().put("note", "x".repeat(100_001))).getMessage())
                .contains("100001 characters");
    }

    @Test
    void nul_and_lone_surrogates_are_refused_in_values_and_keys_and_pairs_are_accepted() {
        assertThat(refused(parse("{\"a\":[\"ok\",\"x\\u0000\"]}")).path()).isEqualTo("$.a[1]");
        assertThat(refused(parse("{\"a\":\"\\ud800\"}")).getMessage()).contains("U+D800");
        assertThat(refused(parse("{\"a\":\"x\\udc00\"}")).getMessage())
                .contains("U+DC00")
                .contains("position 1");
        assertThat(refused(parse("{\"a\":\"\\ud800x\"}")).getMessage()).contains("U+D800");
        assertThat(refused(parse("{\"a\\u0000b\":1}")).path()).isEqualTo("$['a\\u0000b']");
        assertThat(refused(parse("{\"k\\udfff\":1}")).path()).isEqualTo("$['k\\udfff']");
        accepted(parse("{\"a\":\"\\ud83d\\ude00 Kniebeuge \u00e4\u00f6\u00fc\",\"emoji \\ud83d\\udcaa\":1}"));
    }

    @Test
    void paths_quote_keys_that_are_not_plain_names() {
        assertThat(InputLimits.childPath("$", "weight_kg")).isEqualTo("$.weight_kg");
        assertThat(InputLimits.childPath("$.a", "two words")).isEqualTo("$.a['two words']");
        assertThat(InputLimits.childPath("$", "it's")).isEqualTo("$['it\\'s']");
        assertThat(InputLimits.childPath("$", "9lives")).isEqualTo("$['9lives']");
    }

    @Test
    void the_reader_allows_more_than_the_door_so_accepted_input_always_reads_back() {
        var read = InputLimits.readConstraints();
        assertThat(read.getMaxNestingDepth()).isEqualTo(64).isGreaterThan(InputLimits.MAX_DEPTH + 7);
        assertThat(read.getMaxNameLength()).isGreaterThan(InputLimits.MAX_KEY_LENGTH);
        // the longest plain rendering of an accepted number: 0. then 307 zeros then 40 digits (1e-308 with 40 digits)
        assertThat(read.getMaxNumberLength()).isGreaterThan(2 + 307 + 40 + 1);
        assertThat(Json.mapper().getFactory().streamReadConstraints().getMaxNestingDepth())
                .isEqualTo(64);
    }
}
