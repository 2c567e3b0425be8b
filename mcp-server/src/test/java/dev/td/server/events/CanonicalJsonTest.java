package dev.td.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * td's canonical JSON against the vectors of RFC 8785 (JSON Canonicalization Scheme). td follows
 * JCS in key order (UTF-16 code units), whitespace, literals and string escaping, and departs from
 * it on purpose in two places, each pinned here: numbers keep every decimal digit in plain notation
 * (JCS rounds through IEEE doubles and writes exponents), and the five short escapes (\n, \t, …) are
 * written as backslash-u escapes like every other control character.
 */
class CanonicalJsonTest {

    @Test
    void keysAreSortedByUtf16CodeUnitsAsInRfc8785Section323() {
        // RFC 8785 §3.2.3: the sorted order is \r, 1, U+0080, ö, €, 😀 (a surrogate pair), U+FB33
        JsonNode input = read(
                "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                        + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}");
        List<String> keys = new ArrayList<>();
        read(CanonicalJson.of(input)).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33");
    }

    @Test
    void theRfc8785Section322ExampleMatchesJcsExceptForTheTwoDocumentedDepartures() {
        JsonNode input = read("{  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],  "
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",  "
                + "  \"literals\": [null, true, false] }");
        // JCS gives {"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],
        //            "string":"€$ backslash-u-000f backslash-n A'B\"\\\\\"/"}
        // td keeps the decimal digits as sent and writes the newline as backslash-u-000a:
        assertThat(CanonicalJson.of(input))
                .isEqualTo("{\"literals\":[null,true,false],"
                        + "\"numbers\":[333333333.33333329,1000000000000000000000000000000,4.5,0.002,0.000000000000000000000000001],"
                        + "\"string\":\"€$\\u000f\\u000aA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "100|100",
                "100.0|100",
                "1e2|100",
                "1E+2|100",
                "80.50|80.5",
                "-0.0|0",
                "0.10|0.1",
                "-12.3400|-12.34",
                "12345678901234567890|12345678901234567890",
                "2.5e-3|0.0025"
            })
    void aNumberIsWrittenInPlainDecimalWithoutTrailingZeros(String sent, String canonical) {
        assertThat(CanonicalJson.of(read("{\"v\":" + sent + "}"))).isEqualTo("{\"v\":" + canonical + "}");
    }

    @Test
    void controlCharactersQuotesAndBackslashesAreEscapedAndNothingElse() {
        JsonNode input = read("{\"s\":\"tab\\there \\\"quoted\\\" back\\\\slash /slash é 😀 \\u0001\\u001f\\u007f\"}");
        // U+007F (DEL) is not a JSON control character: it stays as itself, like é and the emoji
        assertThat(CanonicalJson.of(input))
                .isEqualTo("{\"s\":\"tab\\u0009here \\\"quoted\\\" back\\\\slash /slash é 😀 \\u0001\\u001f\u007f\"}");
    }

    @Test
    void whitespaceAndKeyOrderDoNotChangeTheText() {
        assertThat(CanonicalJson.of(read("{ \"b\" : [ 1 , { \"d\":true, \"c\":null } ], \"a\":\"x\" }")))
                .isEqualTo(CanonicalJson.of(read("{\"a\":\"x\",\"b\":[1,{\"c\":null,\"d\":true}]}")))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"c\":null,\"d\":true}]}");
    }

    @Test
    void arraysKeepTheirOrder() {
        assertThat(CanonicalJson.of(read("[3,1,2]"))).isEqualTo("[3,1,2]");
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
