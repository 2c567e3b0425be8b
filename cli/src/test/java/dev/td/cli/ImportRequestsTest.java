package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests of {@code td import} as a canned server receives them on a real socket: the upload
 * streamed with its name and headers, then import_file with the flags; nothing at all for a command
 * line that is wrong. Against the real server: {@code ImportCommandTest} in mcp-server.
 */
class ImportRequestsTest {

    private static final String KEY = "td_test_key_123456";
    private static final String REPORT = "{\"data\":{\"import_id\":\"019a8f3e-0000-7000-8000-000000000001\","
            + "\"status\":\"done\",\"format\":\"fit\",\"file\":{\"name\":\"run.fit\",\"bytes\":200000,\"sha256\":\"ab\"},"
            + "\"read\":4,\"stored\":3,\"already_imported\":1,\"linked\":0,\"rejected\":0,\"skipped\":0,"
            + "\"by_type\":{},\"exercises_created\":[],\"problems\":[],\"started_at\":\"2026-11-30T10:00:00Z\"},"
            + "\"context\":{},\"meta\":{\"request_id\":\"req-2\"}}";

    @TempDir
    Path temp;

    FakeTdServer server;
    TdRunner td;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTdServer();
        server.answer("import_file", new FakeTdServer.Canned(200, "application/json", REPORT));
        td = new TdRunner(temp).env("TD_URL", server.url()).env("TD_API_KEY", KEY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A file of {@code size} bytes that are not all alike, so a byte out of place shows. */
    private Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 256);
        }
        return Files.write(temp.resolve(name), bytes);
    }

    @Test
    void theFileIsStreamedWithItsLengthAndNameThenImportedWithTheFlags() throws Exception {
        Path file = file("mein lauf ä.fit", 200_000); // more than one 64 KiB chunk

        TdRunner.Result result = td.run(
                "import",
                file.toString(),
                "--format",
                "fit",
                "--weight-unit",
                "lb",
                "--keep-duplicates",
                "--confirm-unusual");

        assertThat(result.exitCode()).as(result.err()).isZero();
        FakeTdServer.Upload upload = server.uploads().getFirst();
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.rawQuery()).isEqualTo("name=mein%20lauf%20%C3%A4.fit");
        assertThat(upload.header("Content-Type")).contains("application/octet-stream");
        assertThat(upload.header("Authorization")).contains("Bearer " + KEY);
        assertThat(upload.header("X-Td-Source")).contains("cli");
        assertThat(upload.header("Content-Length"))
                .as("fixed-length streaming, not chunked")
                .contains("200000");
        assertThat(upload.header("Transfer-Encoding")).isEmpty();
        assertThat(upload.body()).isEqualTo(ByteBuffer.wrap(Files.readAllBytes(file)));
        FakeTdServer.Received call = server.received().getFirst();
        assertThat(call.tool()).isEqualTo("import_file");
        assertThat(call.arguments())
                .isEqualTo(Json.mapper()
                        .readTree("{\"format\":\"fit\",\"weight_unit\":\"lb\",\"duplicates\":\"keep\","
                                + "\"confirm_unusual\":true,\"upload_id\":\"" + FakeTdServer.UPLOAD_ID + "\"}"));
        assertThat(result.json())
                .isEqualTo(Json.mapper()
                        .createArrayNode()
                        .add(Json.mapper().readTree(REPORT).path("data")));
        assertThat(result.err()).isEqualTo("mein lauf ä.fit: fit, stored 3, already imported 1, rejected 0\n");
    }

    @Test
    void withoutFlagsImportFileGetsOnlyTheUpload() throws Exception {
        TdRunner.Result result = td.run("import", file("run.fit", 10).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.received().getFirst().arguments())
                .isEqualTo(Json.mapper().readTree("{\"upload_id\":\"" + FakeTdServer.UPLOAD_ID + "\"}"));
    }

    @Test
    void aMissingFileIsAUsageErrorNamingItAndNothingIsSent() throws Exception {
        Path present = file("run.fit", 10);
        Path missing = temp.resolve("missing.fit");

        TdRunner.Result result = td.run("import", present.toString(), missing.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("usage error: no file " + missing + "; check the path");
        assertThat(result.out()).isEmpty();
        assertThat(server.uploads()).isEmpty();
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aFolderIsAUsageErrorAndNothingIsSent() {
        TdRunner.Result result = td.run("import", temp.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("usage error: " + temp + " is a folder; give the files in it");
        assertThat(server.uploads()).isEmpty();
    }

    @Test
    void aFormatTheManifestDoesNotListIsAUsageErrorAndNothingIsSent() throws Exception {
        TdRunner.Result result = td.run("import", file("run.fit", 10).toString(), "--format", "xlsx");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .startsWith(
                        "usage error: --format must be one of fit, gpx, tcx, apple_health, strava, strong, hevy, whoop, "
                                + "oura, td, got 'xlsx'");
        assertThat(server.uploads()).isEmpty();
    }

    @Test
    void anUnreachableServerQueuesNothingAndSaysSo() throws Exception {
        TdRunner.Result result = td.env("TD_URL", FakeTdServer.unreachableUrl())
                .run("import", file("a.fit", 10).toString(), file("b.fit", 10).toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err())
                .startsWith("a.fit: upload failed: error: the server at ")
                .contains("td import needs the server; nothing was queued")
                .contains("not tried: b.fit");
        JsonNode entries = result.json();
        assertThat(entries.at("/0/status").asText()).isEqualTo("failed");
        assertThat(entries.at("/1/status").asText()).isEqualTo("not_tried");
        assertThat(entries.at("/0/problem/code").asText()).isEqualTo("unreachable");
        assertThat(td.run("queue", "list").json()).isEmpty();
    }

    @Test
    void aRefusedKeyStopsAtTheFirstUploadAndSaysWhatToCheck() throws Exception {
        server.answerUploads(FakeTdServer.Canned.problem(401, "unauthenticated", "send your td API key"));

        TdRunner.Result result =
                td.run("import", file("a.fit", 10).toString(), file("b.fit", 10).toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(result.err())
                .startsWith("a.fit: upload failed: error: the server did not accept the API key (HTTP 401 to the "
                        + "upload)\n  check the API key with `td config`")
                .contains("not tried: b.fit");
        assertThat(server.uploads()).hasSize(1);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aFileRefusedAtUploadIsReportedWithTheServersMessageAndTheNextIsTried() throws Exception {
        server.answerUploads(FakeTdServer.Canned.problem(
                400, "invalid_argument", "the upload is larger than 8 GiB; split the export", "$"));

        TdRunner.Result result =
                td.run("import", file("a.fit", 10).toString(), file("b.fit", 10).toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .startsWith("a.fit: upload failed: error [invalid_argument]: the upload is larger than 8 GiB")
                .contains("\nb.fit: upload failed: ");
        assertThat(server.uploads()).as(result.err()).hasSize(2);
        assertThat(result.json().at("/1/step").asText()).isEqualTo("upload");
        assertThat(result.json().at("/1/upload_id").isMissingNode()).isTrue();
    }

    @Test
    void onATerminalAProgressLineShowsTheUploadThenTheImportAndMakesWayForTheSummary() throws Exception {
        TdRunner.Result result =
                td.runOnTerminal("import", file("run.fit", 2_100).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err())
                .startsWith("\rrun.fit  [....................] 0% 0.0/2.1 kB")
                .contains("\rrun.fit  importing…")
                .endsWith("\rrun.fit: fit, stored 3, already imported 1, rejected 0\n");
        assertThat(result.out()).startsWith("[");
    }

    @Test
    void tdHelpListsImportAndItsOwnHelpShowsTheFlags() {
        assertThat(td.run("help").out())
                .contains("\n  import             Upload files from devices and apps and import them (FIT, GPX, TCX, "
                        + "Strong, …)\n");
        assertThat(td.run("help", "import").out())
                .contains("Usage: td import [-hV] [--compact] [--confirm-unusual] [--json] [--keep-duplicates]")
                .contains("[--format=<kind>]")
                .contains("[--weight-unit=<unit>]")
                .contains("FILE...");
    }
}
