package dev.td.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import dev.td.tools.ToolManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code td} subcommand of one tool, generated from its manifest: a flag per scalar input
 * property, {@code --input} for the whole argument object, and help that carries the tool's
 * description, scope, behaviour and worked examples.
 */
public final class ToolCommand {

    static final String INPUT_OPTION = "--input";
    static final String DRY_RUN_OPTION = "--dry-run";
    private static final int MAX_RESULT_CHARS = 400;

    private final ToolManifest manifest;
    private final List<InputField> fields;
    private final CommandLine commandLine;

    private ToolCommand(ToolManifest manifest, List<InputField> fields) {
        this.manifest = manifest;
        this.fields = List.copyOf(fields);
        this.commandLine = new CommandLine(spec());
        commandLine.getHelpSectionMap().put("td-input-fields", help -> inputOnlyFields());
        commandLine.getHelpSectionMap().put("td-examples", help -> examples());
        List<String> keys = new ArrayList<>(commandLine.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), "td-input-fields");
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), "td-examples");
        commandLine.setHelpSectionKeys(keys);
    }

    /**
     * @param reservedOptions options td itself defines ({@code --url}, {@code --input}, …); a property
     *                        whose flag would clash with one is offered through {@code --input} only
     */
    static ToolCommand of(ToolManifest manifest, Set<String> reservedOptions) {
        return new ToolCommand(manifest, InputSchema.fields(manifest, reservedOptions));
    }

    public ToolManifest manifest() {
        return manifest;
    }

    List<InputField> fields() {
        return fields;
    }

    CommandLine commandLine() {
        return commandLine;
    }

    /** Whether a call that finds the server unreachable may be queued and replayed later. */
    boolean queueableOffline() {
        return manifest.annotations().idempotent() && !manifest.annotations().readOnly();
    }

    private CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(manifest.cli().command());
        spec.usageMessage()
                .abbreviateSynopsis(true)
                .width(100)
                .header(escape(manifest.title()))
                .description(escape(manifest.description()), "", escape(behaviour()))
                .optionListHeading("%nOptions:%n")
                .sortOptions(false);
        for (InputField field : fields) {
            field.flag().ifPresent(flag -> spec.addOption(option(field, flag)));
        }
        spec.addOption(OptionSpec.builder(INPUT_OPTION)
                .paramLabel("<file|->")
                .type(String.class)
                .description(
                        "The whole argument object as JSON, from a file or '-' for stdin; flags override its fields")
                .build());
        spec.addOption(OptionSpec.builder(DRY_RUN_OPTION)
                .arity("0")
                .description(
                        "Check the arguments against the tool's input schema and print the request instead of sending "
                                + "it; nothing is sent or stored")
                .build());
        CommandTree.addHelpOptions(spec);
        return spec;
    }

    private String behaviour() {
        ToolManifest.Annotations a = manifest.annotations();
        List<String> traits = new ArrayList<>();
        traits.add(a.readOnly() ? "read-only" : "writes");
        if (a.destructive()) {
            traits.add("destructive");
        }
        if (a.idempotent()) {
            traits.add(a.readOnly() ? "idempotent" : "idempotent (retrying with the same idempotency keys is safe)");
        } else {
            traits.add("not idempotent");
        }
        String text =
                "Scope: " + String.join(" or ", manifest.scopes()) + ". Behaviour: " + String.join(", ", traits) + ".";
        if (queueableOffline()) {
            text += " When the server is unreachable the call is queued (exit 6) and `td queue flush` sends it.";
        }
        return text;
    }

    private static OptionSpec option(InputField field, Flag flag) {
        List<String> lines = new ArrayList<>();
        String description = field.description().isBlank() ? field.name() : field.description();
        lines.add(escape(description) + (field.required() ? " (required)" : ""));
        if (!flag.allowed().isEmpty()) {
            lines.add("One of: " + escape(String.join(", ", flag.allowed())) + ".");
        }
        Optional.ofNullable(field.schema().get("default"))
                .ifPresent(value -> lines.add("Default (when omitted): " + escape(value.asText()) + "."));
        if (flag.repeatable()) {
            lines.add("Several values: repeat the flag or separate them with commas (\\, is a comma in a value).");
        }
        OptionSpec.Builder option = OptionSpec.builder(flag.option())
                .paramLabel("<" + flag.type() + ">")
                .description(lines.toArray(String[]::new));
        if (!flag.allowed().isEmpty()) {
            option.completionCandidates(flag.allowed());
        } else if ("boolean".equals(flag.type())) {
            option.completionCandidates(List.of("true", "false"));
        }
        if (flag.repeatable()) {
            option.type(String[].class).auxiliaryTypes(String.class).arity("1");
        } else if ("boolean".equals(flag.type())) {
            option.type(String.class).arity("0..1").fallbackValue("true");
        } else {
            option.type(String.class).arity("1");
        }
        return option.build();
    }

    private String inputOnlyFields() {
        List<InputField> inputOnly =
                fields.stream().filter(f -> f.flag().isEmpty()).toList();
        if (inputOnly.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nFields given only through --input (JSON):\n");
        for (InputField field : inputOnly) {
            text.append("  ")
                    .append(field.name())
                    .append(" (")
                    .append(field.typeLabel())
                    .append(field.required() ? ", required" : "")
                    .append(")");
            if (!field.description().isBlank()) {
                text.append(": ").append(field.description());
            }
            text.append('\n');
        }
        return text.toString();
    }

    private String examples() {
        StringBuilder text = new StringBuilder("\nExamples:\n");
        for (ToolManifest.Example example : manifest.examples()) {
            text.append("  # ").append(example.title()).append('\n');
            flagForm(example.arguments())
                    .ifPresent(line -> text.append("  ").append(line).append('\n'));
            text.append("  td ")
                    .append(manifest.cli().command())
                    .append(" --input - <<< ")
                    .append(shellQuote(compact(example.arguments())))
                    .append('\n');
            text.append("  # data: ")
                    .append(abbreviate(compact(example.result())))
                    .append("\n\n");
        }
        return text.toString();
    }

    /** The example as flags, when every argument has one; empty otherwise. */
    private Optional<String> flagForm(JsonNode arguments) {
        StringBuilder line = new StringBuilder("td ").append(manifest.cli().command());
        for (var entry : arguments.properties()) {
            Optional<Flag> flag = fields.stream()
                    .filter(f -> f.name().equals(entry.getKey()))
                    .findFirst()
                    .flatMap(InputField::flag);
            if (flag.isEmpty()) {
                return Optional.empty();
            }
            List<JsonNode> values = new ArrayList<>();
            if (flag.get().repeatable()) {
                entry.getValue().forEach(values::add);
            } else {
                values.add(entry.getValue());
            }
            for (JsonNode value : values) {
                line.append(' ').append(flag.get().option()).append(' ').append(shellQuote(value.asText()));
            }
        }
        return Optional.of(line.toString());
    }

    private static String shellQuote(String text) {
        if (text.matches("[A-Za-z0-9_./:+@=,-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_RESULT_CHARS ? text : text.substring(0, MAX_RESULT_CHARS) + " …";
    }

    private static String compact(JsonNode json) {
        try {
            return Json.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** picocli treats description text as a format string and {@code @|…|@} as markup. */
    private static String escape(String text) {
        return text.replace("%", "%%").replace("@|", "@ |");
    }
}
