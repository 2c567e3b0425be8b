package dev.td.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** correct_event's merge is JSON Merge Patch: the test cases of RFC 7386, Appendix A, verbatim. */
class MergePatchTest {

    private static JsonNode json(String s) throws JsonProcessingException {
        return Json.mapper().readTree(s);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a":"b"}                | {"a":"c"}                 | {"a":"c"}
            {"a":"b"}                | {"b":"c"}                 | {"a":"b","b":"c"}
            {"a":"b"}                | {"a":null}                | {}
            {"a":"b","b":"c"}        | {"a":null}                | {"b":"c"}
            {"a":["b"]}              | {"a":"c"}                 | {"a":"c"}
            {"a":"c"}                | {"a":["b"]}               | {"a":["b"]}
            {"a":{"b":"c"}}          | {"a":{"b":"d","c":null}}  | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}        | {"a":[1]}                 | {"a":[1]}
            ["a","b"]                | ["c","d"]                 | ["c","d"]
            {"a":"b"}                | ["c"]                     | ["c"]
            {"a":"foo"}              | null                      | null
            {"a":"foo"}              | "bar"                     | "bar"
            {"e":null}               | {"a":1}                   | {"e":null,"a":1}
            [1,2]                    | {"a":"b","c":null}        | {"a":"b"}
            {}                       | {"a":{"bb":{"ccc":null}}} | {"a":{"bb":{}}}
            """)
    void rfc7386AppendixA(String target, String patch, String result) throws JsonProcessingException {
        JsonNode before = json(target);
        assertThat(MergePatch.apply(before, json(patch))).isEqualTo(json(result));
        assertThat(before).as("the target is not changed").isEqualTo(json(target));
    }
}
