package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o json|table|csv} and {@code --fields}, against canned answers on a real socket. Every
 * expected output below is written out by hand from the canned answer, column widths counted.
 */
class OutputFormatTest {

    /** Two personal records; the second has a note with a comma and no by_reps. */
    private static final String RECORDS = """
            {"data":{"exercises":[\
            {"exercise_id":"barbell-back-squat","e1rm":{"value":163.3,"unit":"kg","kg":163.3},"by_reps":[{"reps":5}]},\
            {"exercise_id":"bench-press","e1rm":{"value":116.7,"unit":"kg","kg":116.7},"note":"paused, 2 s"}]},\
            "context":{"hints":["deload week"]},"meta":{"request_id":"req-1"}}""";

    @TempDir
    Path temp;

    FakeTdServer server;
    TdRunner td;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTdServer();
        server.answer("get_personal_records", new FakeTdServer.Canned(200, "application/json", RECORDS));
        td = new TdRunner(temp).env("TD_URL", server.url()).env("TD_API_KEY", "td_test_key_123456");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tableShowsTheRowsOfDataWithTheChosenFieldsAsAlignedColumns() {
        TdRunner.Result result = td.run("get-personal-records", "-o", "table", "--fields", "exercise_id,e1rm.kg,note");

        assertThat(result.exitCode()).as(result.err()).isZero();
        // widths: exercise_id 18 (barbell-back-squat), e1rm.kg 7 (the header); two spaces between columns
        assertThat(result.out()).isEqualTo("""
                        exercise_id         e1rm.kg  note
                        barbell-back-squat  163.3
                        bench-press         116.7    paused, 2 s
                        """);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void csvWithoutFieldsHasEveryFieldInOrderOfFirstAppearanceWithObjectsAsQuotedJson() {
        TdRunner.Result result = td.run("get-personal-records", "-o", "csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                        exercise_id,e1rm,by_reps,note
                        barbell-back-squat,"{""value"":163.3,""unit"":""kg"",""kg"":163.3}","[{""reps"":5}]",
                        bench-press,"{""value"":116.7,""unit"":""kg"",""kg"":116.7}",,"paused, 2 s"
                        """);
    }

    @Test
    void jsonWithFieldsKeepsTheEnvelopeAndReducesEachRow() {
        TdRunner.Result result = td.run(
                "get-personal-records", "-o", "json", "--compact", "--fields", "exercise_id", "--fields", "e1rm.kg");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .isEqualTo("{\"data\":{\"exercises\":[{\"exercise_id\":\"barbell-back-squat\",\"e1rm\":{\"kg\":163.3}},"
                        + "{\"exercise_id\":\"bench-press\",\"e1rm\":{\"kg\":116.7}}]},"
                        + "\"context\":{\"hints\":[\"deload week\"]},\"meta\":{\"request_id\":\"req-1\"}}\n");
    }

    @Test
    void dataThatIsOneObjectIsOneRow() {
        server.answer(
                "stats_describe",
                new FakeTdServer.Canned(
                        200,
                        "application/json",
                        "{\"data\":{\"n\":10,\"mean\":53.0,\"mean_ci\":{\"lower\":51.694,\"upper\":54.306}},"
                                + "\"context\":{},\"meta\":{}}"));

        TdRunner.Result result =
                td.run("stats-describe", "--values", "1,2", "-o", "csv", "--fields", "n,mean,mean_ci.lower");

        // td reads numbers as exact decimals without trailing zeros (53.0 is 53), in JSON output as well
        assertThat(result.out()).isEqualTo("n,mean,mean_ci.lower\n10,53,51.694\n");
    }

    @Test
    void lineBreaksInACellStayOnOneLineInATableAndAreQuotedInCsv() {
        server.answer(
                "list_sessions",
                new FakeTdServer.Canned(
                        200,
                        "application/json",
                        "{\"data\":{\"sessions\":[{\"name\":\"legs\",\"notes\":\"felt \\\"heavy\\\"\\nslept 5 h\"}]},"
                                + "\"context\":{},\"meta\":{}}"));

        assertThat(td.run("list-sessions", "-o", "table").out())
                .isEqualTo("name  notes\nlegs  felt \"heavy\"\\nslept 5 h\n");
        assertThat(td.run("list-sessions", "-o", "csv").out())
                .isEqualTo("name,notes\nlegs,\"felt \"\"heavy\"\"\nslept 5 h\"\n");
    }

    @Test
    void tdsOwnListsHaveTheFormatsToo() {
        TdRunner.Result result = new TdRunner(temp).run("tools", "-o", "csv", "--fields", "name,read_only");

        // the first three entries of td/tools/index.txt and their read_only annotation
        assertThat(result.out()).startsWith("name,read_only\nlog_events,false\nget_events,true\ncorrect_event,false\n");
    }

    @Test
    void aFieldNoRowHasIsNotedOnStderrWithTheFieldsThereAre() {
        TdRunner.Result result = td.run("get-personal-records", "-o", "table", "--fields", "exercise_id,e1rmkg");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err())
                .contains("no row has the field(s) e1rmkg; the rows have exercise_id, e1rm, by_reps, note");
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheFormats() {
        TdRunner.Result result = td.run("get-personal-records", "-o", "yaml");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("-o must be one of json, table, csv, got 'yaml'");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void jsonFlagAndATableContradictEachOther() {
        TdRunner.Result result = td.run("get-personal-records", "--json", "-o", "table");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--json and -o table contradict each other");
    }

    @Test
    void anEmptyFieldIsAUsageError() {
        TdRunner.Result result = td.run("get-personal-records", "--fields", "exercise_id,,note");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--fields: a field is a name or a dot path");
    }
}
