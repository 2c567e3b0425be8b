package dev.td.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The argument object of one tool call: the JSON of {@code --input} (a file, or stdin for
 * {@code -}), with the fields given as flags put over it, converted by the schema type, then
 * checked for required fields. Every failure is a {@link UsageException} naming the flag and the fix.
 */
final class ToolArguments {

    private ToolArguments() {}

    static ObjectNode assemble(ToolCommand command, ParseResult parsed, InputStream stdin) {
        ObjectNode arguments = Optional.ofNullable(parsed.matchedOption(ToolCommand.INPUT_OPTION))
                .map(option -> readInput(option.<String>getValue(), stdin))
                .orElseGet(() -> Json.mapper().createObjectNode());
        for (InputField field : command.fields()) {
            if (field.flag().isEmpty()) {
                continue;
            }
            Flag flag = field.flag().get();
            OptionSpec matched = parsed.matchedOption(flag.option());
            if (matched == null) {
                continue;
            }
            List<String> values = matched.stringValues();
            if (flag.repeatable()) {
                ArrayNode array = arguments.putArray(field.name());
                values.forEach(value -> flag.items(value).forEach(item -> array.add(flag.convert(item))));
            } else {
                arguments.set(field.name(), flag.convert(values.getLast()));
            }
        }
        requirePresent(command, arguments);
        return arguments;
    }

    private static ObjectNode readInput(String source, InputStream stdin) {
        String text;
        String origin = "-".equals(source) ? "stdin" : source;
        try {
            text = "-".equals(source)
                    ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(
                    "--input " + source + ": no such file; give a JSON file, or --input - to read stdin");
        } catch (IOException e) {
            throw new UsageException("--input " + source + ": cannot read it (" + e.getMessage() + ")");
        }
        if (text.isBlank()) {
            throw new UsageException("--input read nothing from " + origin + "; give a JSON object such as '{}'");
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("--input from " + origin + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new UsageException("--input from " + origin + " must be a JSON object of the tool's arguments, got "
                    + (json == null ? "nothing" : json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return (ObjectNode) json;
    }

    private static void requirePresent(ToolCommand command, ObjectNode arguments) {
        List<String> missing = new ArrayList<>();
        for (InputField field : command.fields()) {
            if (field.required() && !arguments.has(field.name())) {
                missing.add(field.flag()
                        .map(flag -> flag.option() + " <" + flag.type() + ">")
                        .orElse(field.name() + " (" + field.typeLabel() + ", give it in --input FILE or --input -)"));
            }
        }
        if (!missing.isEmpty()) {
            String cmd = command.manifest().cli().command();
            throw new UsageException("td " + cmd + " is missing " + String.join(", ", missing)
                    + "; see the examples in `td " + cmd + " --help`");
        }
    }
}
