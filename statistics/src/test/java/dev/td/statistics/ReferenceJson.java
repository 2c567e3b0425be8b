package dev.td.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference files with Jackson into plain values: objects become {@link LinkedHashMap}s,
 * arrays {@link List}s, every number a {@link java.math.BigDecimal} (so the printed digits of an
 * expected value survive, integers included), strings and booleans as themselves; {@code null} is
 * rejected because no reference file uses it.
 */
final class ReferenceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private ReferenceJson() {}

    static Object parse(String text) {
        try {
            return plain(MAPPER.readTree(text), "$");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("reference file is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object plain(JsonNode node, String path) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue(), path + "." + e.getKey())));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < node.size(); i++) {
                    list.add(plain(node.get(i), path + "[" + i + "]"));
                }
                yield list;
            }
            case NUMBER -> node.decimalValue();
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            default ->
                throw new IllegalArgumentException(path + ": null and other values are not used in reference files");
        };
    }
}
