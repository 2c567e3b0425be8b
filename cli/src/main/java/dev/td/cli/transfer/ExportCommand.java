package dev.td.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.cli.CommandTree;
import dev.td.cli.ErrorReport;
import dev.td.cli.ExitCodes;
import dev.td.cli.Invocation;
import dev.td.cli.Reply;
import dev.td.cli.TdApi;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code td export FILE}: everything td holds about the person, as the zip export_data makes (events with their
 * hashes, the effective history, a CSV per projection, the access log, a README), downloaded to FILE and checked
 * against the sha256 the server named. stdout: export_data's answer with the file written.
 */
public final class ExportCommand {

    /** The tool that writes the export. */
    public static final String TOOL = "export_data";

    private ExportCommand() {}

    public static CommandSpec spec() {
        CommandSpec spec = CommandTree.plain(
                "export",
                "Download everything td holds about you as a zip (events, projections as CSV, access log)",
                "Calls " + TOOL + ", then downloads the zip it wrote (GET /v1/exports/{id}) to FILE and checks its "
                        + "sha256. The zip's README.md describes every file; td import FILE imports it into another td.");
        spec.addPositional(PositionalParamSpec.builder()
                .arity("1")
                .paramLabel("FILE")
                .type(Path.class)
                .description("Where to write the zip, e.g. td-export.zip")
                .build());
        return spec;
    }

    public static Path file(ParseResult leaf) {
        return leaf.matchedPositionalValue(0, Path.of("td-export.zip"));
    }

    public static int run(Invocation run, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return run.fail(ErrorReport.usage("cannot write " + file + ": its folder does not exist"));
        }
        try (TdApi api = run.api(ImportCommand.TIMEOUT)) {
            JsonNode export;
            switch (api.callTool(TOOL, Json.mapper().createObjectNode())) {
                case Reply.Answer answer -> export = answer.body().path("data");
                case Reply.Failure failure -> {
                    return run.fail(ErrorReport.of(failure.problem()));
                }
                case Reply.Unreachable unreachable -> {
                    return run.fail(run.unreachable(run.settings(), unreachable.reason()));
                }
            }
            return switch (api.download(export.path("download").asText(), file)) {
                case Reply.Answer answer ->
                    written(run, file, export, answer.body().path("bytes").asLong());
                case Reply.Failure failure -> run.fail(ErrorReport.of(failure.problem()));
                case Reply.Unreachable unreachable -> run.fail(run.unreachable(run.settings(), unreachable.reason()));
            };
        }
    }

    /** Checks the file against the sha256 the server named, and says what was written. */
    private static int written(Invocation run, Path file, JsonNode export, long bytes) {
        String sha = sha256(file);
        if (!sha.equals(export.path("sha256").asText())) {
            return run.fail(ErrorReport.error("the downloaded " + file + " has sha256 " + sha + ", not the "
                    + export.path("sha256").asText() + " the server named; export again"));
        }
        run.print(((ObjectNode) export.deepCopy()).put("file", file.toString()));
        run.tell("wrote " + bytes + " bytes to " + file + " ("
                + export.path("events").asLong() + " events, sha256 " + sha + ")");
        return ExitCodes.OK;
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
