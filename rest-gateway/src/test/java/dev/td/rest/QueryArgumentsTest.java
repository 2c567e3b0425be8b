package dev.td.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.uri.UriQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryArgumentsTest {

    private static final JsonNode SCHEMA =
            schema("{\"properties\": {\"names\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
                    + " \"limit\": {\"type\": \"integer\"}}}");

    // How a comma-separated array parameter splits: String.split's rule, trailing empty items dropped
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "names=a,b       | [\"a\",\"b\"]",
                "names=a,b,      | [\"a\",\"b\"]",
                "names=a,,b      | [\"a\",\"\",\"b\"]",
                "names=,a        | [\"\",\"a\"]",
                "names=a&names=b | [\"a\",\"b\"]",
            })
    void arrayParametersSplitOnCommas(String query, String expected) {
        assertThat(QueryArguments.from(UriQuery.create(query), SCHEMA).get("names"))
                .isEqualTo(schema(expected));
    }

    @Test
    void scalarParametersAreTypedByTheSchema() {
        assertThat(QueryArguments.from(UriQuery.create("limit=5"), SCHEMA)
                        .get("limit")
                        .isIntegralNumber())
                .isTrue();
    }

    private static JsonNode schema(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
