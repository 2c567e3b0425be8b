package dev.td.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One input property offered as a command-line flag: a scalar ({@code --time-zone Europe/Berlin})
 * or a list of scalars, given by repeating the flag ({@code --types a --types b}), as a comma list
 * ({@code --types a,b}), or both. In a comma list {@code \,} is a comma inside a value and
 * {@code \\} a backslash; any other backslash is kept as it is.
 *
 * @param property    the JSON property name ({@code time_zone})
 * @param option      the flag ({@code --time-zone})
 * @param repeatable  whether the property is an array of {@code type}
 * @param type        the JSON Schema type of the value or of each item: string, integer, number or boolean
 * @param allowed     the enum values, empty when any value of the type is allowed
 * @param example     a value to show in error messages
 */
record Flag(String property, String option, boolean repeatable, String type, List<String> allowed, String example) {

    static final List<String> SCALAR_TYPES = List.of("string", "integer", "number", "boolean");

    Flag {
        if (!SCALAR_TYPES.contains(type)) {
            throw new IllegalArgumentException(option + ": type must be one of " + SCALAR_TYPES + ", got " + type);
        }
        allowed = List.copyOf(allowed);
    }

    static String optionFor(String property) {
        return "--" + property.replace('_', '-');
    }

    /**
     * The values of one command-line argument of a list flag, split at the commas that are not
     * escaped; an empty value ({@code a,,b}, a trailing comma) is a {@link UsageException}.
     */
    List<String> items(String argument) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            char next = i + 1 < argument.length() ? argument.charAt(i + 1) : 0;
            if (c == '\\' && (next == ',' || next == '\\')) {
                item.append(next);
                i++;
            } else if (c == ',') {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        if (items.stream().anyMatch(String::isEmpty)) {
            throw new UsageException(option + " has an empty value in '" + argument
                    + "': separate values with single commas (" + option + " " + example + "," + example
                    + "), and write \\, for a comma inside a value");
        }
        return items;
    }

    /** The JSON value of one command-line value, or a {@link UsageException} naming this flag and the fix. */
    JsonNode convert(String value) {
        JsonNode json = switch (type) {
            case "integer" -> integer(value);
            case "number" -> number(value);
            case "boolean" -> bool(value);
            default -> JsonNodeFactory.instance.textNode(value);
        };
        if (!allowed.isEmpty() && !allowed.contains(json.asText())) {
            throw new UsageException(option + " must be one of " + String.join(", ", allowed) + ", got '" + value
                    + "': for example " + option + " " + allowed.getFirst());
        }
        return json;
    }

    private JsonNode integer(String value) {
        try {
            return JsonNodeFactory.instance.numberNode(new BigInteger(value.strip()));
        } catch (NumberFormatException e) {
            throw wrongType(value, "a whole number");
        }
    }

    private JsonNode number(String value) {
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            throw wrongType(value, "a number");
        }
    }

    private JsonNode bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> JsonNodeFactory.instance.booleanNode(true);
            case "false" -> JsonNodeFactory.instance.booleanNode(false);
            default -> throw wrongType(value, "true or false");
        };
    }

    private UsageException wrongType(String value, String expected) {
        return new UsageException(
                option + " expects " + expected + ", got '" + value + "': for example " + option + " " + example);
    }

    /** A value to show in messages: the default, the minimum, or a neutral one for the type. */
    static String exampleFor(String type, JsonNode schema) {
        Optional<JsonNode> hint = Optional.ofNullable(schema.get("default"))
                .or(() -> Optional.ofNullable(schema.get("minimum")))
                .filter(JsonNode::isValueNode);
        return hint.map(JsonNode::asText)
                .orElse(
                        switch (type) {
                            case "integer" -> "10";
                            case "number" -> "2.5";
                            case "boolean" -> "true";
                            default -> "VALUE";
                        });
    }
}
