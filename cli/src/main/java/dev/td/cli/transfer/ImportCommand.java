package dev.td.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.cli.CommandTree;
import dev.td.cli.ErrorReport;
import dev.td.cli.ExitCodes;
import dev.td.cli.Invocation;
import dev.td.cli.Reply;
import dev.td.cli.TdApi;
import dev.td.cli.ToolCommand;
import dev.td.cli.UsageException;
import dev.td.cli.progress.ProgressBar;
import dev.td.cli.progress.ProgressLine;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code td import FILE…}: each file, in order, uploaded ({@code PUT /v1/uploads}, streamed from
 * disk) and then imported by the tool import_file. stdout gets one JSON array with an entry per
 * file: the server's import report, or what failed. stderr gets a line per file, and on a terminal a
 * progress line while it uploads. A file the server refuses does not stop the others; an unreachable
 * server or a refused key does, and nothing is queued: an upload cannot wait in the offline queue.
 */
public final class ImportCommand {

    /** The tool that imports an uploaded file. */
    public static final String TOOL = "import_file";

    /** An upload of a few GB, or the import of a large export, takes longer than a tool call may. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private static final String FORMAT = "--format";
    private static final String WEIGHT_UNIT = "--weight-unit";
    private static final String KEEP_DUPLICATES = "--keep-duplicates";
    private static final String CONFIRM_UNUSUAL = "--confirm-unusual";
    private static final int BAR_WIDTH = 20;

    private ImportCommand() {}

    /**
     * What the command line asks.
     *
     * @param files     the files, in the order given
     * @param arguments what import_file gets besides the upload: format, weight_unit, duplicates, confirm_unusual
     */
    public record Request(List<Path> files, ObjectNode arguments) {
        public Request {
            files = List.copyOf(files);
        }
    }

    /** The step of a file's import that failed. */
    private enum Step {
        UPLOAD,
        IMPORT;

        String label() {
            return this == UPLOAD ? "upload" : "import";
        }
    }

    /** What came of one file. */
    private sealed interface Outcome {
        record Imported(JsonNode report) implements Outcome {}

        record Failed(Step step, ErrorReport error, Optional<String> uploadId) implements Outcome {}
    }

    /** The command, its flags offering the values import_file's input schema allows. */
    public static CommandSpec spec(ToolCommand importFile) {
        JsonNode properties = importFile.manifest().inputSchema().path("properties");
        CommandSpec spec = CommandTree.plain(
                "import",
                "Upload files from devices and apps and import them (FIT, GPX, TCX, Strong, …)",
                "Each file is uploaded (PUT /v1/uploads, streamed) and then imported by " + TOOL + ", in the order "
                        + "given. stdout: a JSON array, per file its import report or {file, status: failed, "
                        + "step, error, problem, upload_id}. A line per file on stderr, with a progress bar on a "
                        + "terminal.",
                "A file the server cannot read does not stop the others; the exit code is then that of the first "
                        + "failure. A refused key or an unreachable server stops at once: imports need the server, "
                        + "nothing is queued. Importing a file again stores nothing new.");
        spec.addOption(choice(FORMAT, "<kind>", properties.path("format"), "The files' format"));
        spec.addOption(
                choice(WEIGHT_UNIT, "<unit>", properties.path("weight_unit"), "Unit of the weights in the files"));
        spec.addOption(OptionSpec.builder(KEEP_DUPLICATES)
                .arity("0")
                .description("Store an activity another source already logged again, instead of linking to it")
                .build());
        spec.addOption(OptionSpec.builder(CONFIRM_UNUSUAL)
                .arity("0")
                .description("Store values td finds implausible")
                .build());
        spec.addPositional(PositionalParamSpec.builder()
                .arity("1..*")
                .paramLabel("FILE")
                .type(Path[].class)
                .auxiliaryTypes(Path.class)
                .description("The files to import")
                .build());
        return spec;
    }

    private static OptionSpec choice(String name, String label, JsonNode property, String what) {
        List<String> values = new ArrayList<>();
        property.path("enum").forEach(value -> values.add(value.asText()));
        String note = property.path("description").asText("");
        return OptionSpec.builder(name)
                .paramLabel(label)
                .type(String.class)
                .completionCandidates(values)
                .description(what + ": " + String.join(", ", values) + (note.isBlank() ? "" : ". " + note))
                .build();
    }

    /** The files and flags of a parsed {@code td import}; a flag value the schema does not allow is a usage error. */
    public static Request request(ParseResult leaf) {
        ObjectNode arguments = Json.mapper().createObjectNode();
        for (String flag : List.of(FORMAT, WEIGHT_UNIT)) {
            OptionSpec option = leaf.matchedOption(flag);
            if (option != null) {
                String value = option.getValue();
                List<String> allowed = new ArrayList<>();
                option.completionCandidates().forEach(allowed::add);
                if (!allowed.contains(value)) {
                    throw new UsageException(flag + " must be one of " + String.join(", ", allowed) + ", got '" + value
                            + "': for example " + flag + " " + allowed.getFirst());
                }
                arguments.put(flag.substring(2).replace('-', '_'), value);
            }
        }
        if (leaf.matchedOption(KEEP_DUPLICATES) != null) {
            arguments.put("duplicates", "keep");
        }
        if (leaf.matchedOption(CONFIRM_UNUSUAL) != null) {
            arguments.put("confirm_unusual", true);
        }
        Path[] files = leaf.matchedPositionalValue(0, new Path[0]);
        return new Request(List.of(files), arguments);
    }

    /** Every file must be there before anything is sent: a typo in the third file uploads nothing. */
    private static void requireReadable(List<Path> files) {
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new UsageException("no file " + file + "; check the path (td import takes files from this "
                        + "computer, e.g. td import run.fit); nothing was sent");
            }
            if (Files.isDirectory(file)) {
                throw new UsageException(file + " is a folder; give the files in it, e.g. td import " + file
                        + "/*.fit; nothing was sent");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UsageException("cannot read " + file + " (not a regular file, or no permission to read "
                        + "it); nothing was sent");
            }
        }
    }

    public static int run(Invocation run, Request request) {
        requireReadable(request.files());
        ProgressLine line = new ProgressLine(run.err(), run.terminal().getAsBoolean());
        ArrayNode entries = Json.mapper().createArrayNode();
        List<String> notTried = new ArrayList<>();
        int exit = ExitCodes.OK;
        boolean stopped = false;
        try (TdApi api = run.api(TIMEOUT)) {
            for (Path file : request.files()) {
                if (stopped) {
                    entries.add(entry(file).put("status", "not_tried"));
                    notTried.add(name(file));
                    continue;
                }
                switch (importOne(run, api, file, request.arguments(), line)) {
                    case Outcome.Imported imported -> {
                        entries.add(imported.report());
                        line.finish(summary(name(file), imported.report()));
                    }
                    case Outcome.Failed failed -> {
                        entries.add(failure(file, failed));
                        line.finish(message(file, failed));
                        exit = exit == ExitCodes.OK ? failed.error().exitCode() : exit;
                        stopped = stopsAll(failed.error());
                    }
                }
            }
        }
        run.print(entries);
        if (!notTried.isEmpty()) {
            run.tell("not tried: " + String.join(", ", notTried) + "; run td import again for them");
        }
        return exit;
    }

    /** An unreachable server or a refused key fails every file alike. */
    private static boolean stopsAll(ErrorReport error) {
        return error.exitCode() == ExitCodes.AUTH
                || error.code().filter("unreachable"::equals).isPresent();
    }

    private static Outcome importOne(Invocation run, TdApi api, Path file, ObjectNode arguments, ProgressLine line) {
        String name = name(file);
        Reply uploaded;
        try {
            long size = Files.size(file);
            line.show(ProgressBar.render(name, 0, size, BAR_WIDTH));
            uploaded = api.upload(file, name, sent -> line.update(ProgressBar.render(name, sent, size, BAR_WIDTH)));
        } catch (IOException e) {
            return new Outcome.Failed(
                    Step.UPLOAD, ErrorReport.error("cannot read " + file + ": " + e.getMessage()), Optional.empty());
        } catch (UncheckedIOException e) {
            return new Outcome.Failed(Step.UPLOAD, ErrorReport.error(String.valueOf(e.getMessage())), Optional.empty());
        }
        return switch (uploaded) {
            case Reply.Failure failure ->
                new Outcome.Failed(Step.UPLOAD, ErrorReport.of(failure.problem()), Optional.empty());
            case Reply.Unreachable unreachable ->
                new Outcome.Failed(Step.UPLOAD, offline(run, unreachable.reason()), Optional.empty());
            case Reply.Answer answer -> importUpload(run, api, name, answer.body(), arguments, line);
        };
    }

    private static Outcome importUpload(
            Invocation run, TdApi api, String name, JsonNode uploaded, ObjectNode arguments, ProgressLine line) {
        String uploadId = uploaded.path("data").path("upload_id").asText("");
        if (uploadId.isBlank()) {
            return new Outcome.Failed(
                    Step.UPLOAD,
                    ErrorReport.error("the server took the upload but named no upload_id; is "
                            + run.settings().url()
                            + " a td server that imports files? (td --version shows its version)"),
                    Optional.empty());
        }
        line.show(name + "  importing…");
        ObjectNode call = arguments.deepCopy().put("upload_id", uploadId);
        return switch (api.callTool(TOOL, call)) {
            case Reply.Answer answer -> new Outcome.Imported(answer.body().path("data"));
            case Reply.Failure failure ->
                new Outcome.Failed(Step.IMPORT, ErrorReport.of(failure.problem()), Optional.of(uploadId));
            case Reply.Unreachable unreachable ->
                new Outcome.Failed(Step.IMPORT, offline(run, unreachable.reason()), Optional.of(uploadId));
        };
    }

    private static ErrorReport offline(Invocation run, String reason) {
        ErrorReport unreachable = run.unreachable(run.settings(), reason);
        String nothingQueued = "td import needs the server; nothing was queued";
        return ErrorReport.unreachable(
                unreachable.detail() + "; " + nothingQueued, unreachable.message() + "\n  " + nothingQueued);
    }

    /** {@code run.fit: fit, stored 1, already imported 0, rejected 0}. */
    private static String summary(String name, JsonNode report) {
        return name + ": " + report.path("format").asText("?") + ", stored "
                + report.path("stored").asLong()
                + ", already imported " + report.path("already_imported").asLong() + ", rejected "
                + report.path("rejected").asLong();
    }

    /** The step that failed and the server's message; for a file uploaded, how to import it without sending it again. */
    private static String message(Path file, Outcome.Failed failed) {
        StringBuilder text = new StringBuilder(name(file))
                .append(": ")
                .append(failed.step().label())
                .append(" failed: ")
                .append(failed.error().message());
        failed.uploadId()
                .ifPresent(id -> text.append("\n  the server keeps the upload for a day: td import-file --upload-id ")
                        .append(id)
                        .append(" (with --format …) imports it without sending it again"));
        return text.toString();
    }

    private static ObjectNode failure(Path file, Outcome.Failed failed) {
        ObjectNode entry = entry(file)
                .put("status", "failed")
                .put("step", failed.step().label())
                .put("error", failed.error().detail());
        failed.uploadId().ifPresent(id -> entry.put("upload_id", id));
        entry.set("problem", failed.error().toJson());
        return entry;
    }

    private static ObjectNode entry(Path file) {
        ObjectNode entry = Json.mapper().createObjectNode();
        entry.putObject("file").put("name", name(file)).put("path", file.toString());
        return entry;
    }

    /** The name the file is uploaded under: its last path element. */
    private static String name(Path file) {
        return Optional.ofNullable(file.getFileName()).map(Path::toString).orElse(file.toString());
    }
}
