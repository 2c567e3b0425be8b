package dev.td.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.testkit.CliRun;
import dev.td.testkit.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code td import FILE…} against a started td server, in process through the CLI's real HTTP
 * client: each file goes up through {@code PUT /v1/uploads}, then import_file imports it by its
 * upload id. The CLI sends import_file no file name, so a server message naming the file proves the
 * upload carried it. The requests' headers and the files' bytes on the wire: {@code
 * ImportRequestsTest} in the cli module.
 */
class ImportCommandTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** A Strong export of one workout: two sets of squats. */
    private static final String STRONG_CSV = """
            Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE
            2024-11-28 17:36:08,"Leg Day",35m,"Squat (Barbell)",1,100.0,5.0,0,0.0,
            2024-11-28 17:36:08,"Leg Day",35m,"Squat (Barbell)",2,100.0,5.0,0,0.0,
            """;

    @TempDir
    Path temp;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** A file no importer reads as a format td imports, now or once more importers are in. */
    private Path shoppingList() throws IOException {
        return write("shopping-list.txt", "milk\neggs\noats\n");
    }

    private static CliRun td(String... args) {
        return CliRun.against(server, "", args);
    }

    @Test
    void aFileTheServerDoesNotRecognizeFailsWithTheServersMessageAndTheExitCodeOfARejectedArgument()
            throws IOException {
        CliRun run = td("import", shoppingList().toString(), "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("shopping-list.txt: import failed: error [invalid_argument]: td does not recognize "
                        + "shopping-list.txt as a file it imports")
                .contains("\n  at: $.file_name\n")
                .contains("td import-file --upload-id ");
        assertThat(run.out().strip())
                .as("with --json stdout still holds the one array, no separate problem object")
                .startsWith("[")
                .endsWith("]");
        JsonNode entries = run.json();
        assertThat(entries.size()).isEqualTo(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.at("/file/name").asText()).isEqualTo("shopping-list.txt");
        assertThat(entry.get("status").asText()).isEqualTo("failed");
        assertThat(entry.get("step").asText()).isEqualTo("import");
        assertThat(entry.get("error").asText()).startsWith("td does not recognize shopping-list.txt");
        assertThat(entry.at("/problem/code").asText()).isEqualTo("invalid_argument");
        assertThat(entry.at("/problem/status").asInt()).isEqualTo(400);
        assertThat(entry.at("/problem/exit_code").asInt()).isEqualTo(2);
        assertThat(entry.at("/problem/request_id").asText()).isNotBlank();
    }

    @Test
    void theUploadStaysOnTheServerUnderTheFilesNameForImportFileToRetry() throws IOException {
        CliRun run = td("import", shoppingList().toString());
        String uploadId = run.json().at("/0/upload_id").asText();
        assertThat(UUID.fromString(uploadId)).as(run.err()).isNotNull();

        CliRun retry = td("import-file", "--upload-id", uploadId);

        assertThat(retry.exit())
                .as("the server found the upload and read it again")
                .isEqualTo(2);
        assertThat(retry.err()).contains("td does not recognize shopping-list.txt");
        CliRun never = td("import-file", "--upload-id", UUID.randomUUID().toString());
        assertThat(never.exit()).isEqualTo(3);
        assertThat(never.err()).contains("no upload");
    }

    @Test
    void twoFilesYieldTwoEntriesInOrderAndAFailedFileDoesNotStopTheNext() throws IOException {
        CliRun run = td(
                "import",
                shoppingList().toString(),
                write("strong.csv", STRONG_CSV).toString());

        assertThat(run.exit()).as("the first file failed").isEqualTo(2);
        JsonNode entries = run.json();
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.at("/0/file/name").asText()).isEqualTo("shopping-list.txt");
        assertThat(entries.at("/0/status").asText()).isEqualTo("failed");
        JsonNode strong = entries.get(1);
        assertThat(strong.at("/file/name").asText()).isEqualTo("strong.csv");
        // done once the Strong importer is in; until then refused by import_file, after its upload
        assertThat(strong.get("status").asText()).isIn("done", "failed");
        assertThat(strong.path("step").asText("import")).isEqualTo("import");
        assertThat(run.err().lines()).anyMatch(line -> line.startsWith("strong.csv: "));
    }

    @Test
    void aMissingFileIsAUsageErrorNamingItBeforeAnyFileIsSent() throws IOException {
        Path missing = temp.resolve("missing.fit");

        CliRun run = td("import", shoppingList().toString(), missing.toString(), "--json");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("usage error: no file " + missing + "; check the path");
        assertThat(run.json().get("code").asText())
                .as("td's own code: the check came before any request")
                .isEqualTo("usage");
    }

    @Test
    void aKeyTheServerRefusesStopsBeforeTheNextFile() throws IOException {
        CliRun run = CliRun.as(
                server,
                "td_not_a_key_of_this_server_0123456789",
                "",
                "import",
                shoppingList().toString(),
                write("strong.csv", STRONG_CSV).toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(4);
        assertThat(run.err())
                .startsWith("shopping-list.txt: upload failed: error: the server did not accept the API key")
                .contains("not tried: strong.csv");
        assertThat(run.json().at("/0/step").asText()).isEqualTo("upload");
        assertThat(run.json().at("/1/status").asText()).isEqualTo("not_tried");
    }

    @Test
    void aStrongFileImportsAndTdExportWritesAZipThatImportsBackAsNothingNew() throws Exception {
        CliRun imported = td("import", write("strong.csv", STRONG_CSV).toString(), "--weight-unit", "kg");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.json().get(0).at("/by_type/set.logged").asInt()).isEqualTo(2);

        Path zip = temp.resolve("td-export.zip");
        CliRun exported = td("export", zip.toString());

        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.err()).contains("bytes to " + zip);
        JsonNode answer = exported.json();
        assertThat(answer.get("file").asText()).isEqualTo(zip.toString());
        assertThat(Files.size(zip)).isEqualTo(answer.get("bytes").asLong());
        try (var entries = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(entries.getEntry("events.jsonl")).isNotNull();
            assertThat(entries.getEntry("manifest.json")).isNotNull();
        }

        CliRun again = td("import", zip.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.json().get(0).get("format").asText()).isEqualTo("td");
        assertThat(again.json().get(0).get("stored").asInt()).isZero();
    }
}
