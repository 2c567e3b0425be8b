package dev.td.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.testkit.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two routes that carry files ({@code PUT /v1/uploads?name=…}, {@code GET /v1/exports/{export_id}}) under hostile
 * names and ids, sent byte for byte over a socket (no client library that would clean them first): every answer is a
 * 201 or a 4xx, never a 5xx, and an upload's name never becomes a path (the files live under random ids).
 */
class FileRoutesHostileTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    /** Names as they stand in the query, percent-encoded or raw where HTTP lets them through. */
    private static final List<String> NAMES = List.of(
            "export.zip",
            "..%2F..%2F..%2Fetc%2Fpasswd",
            "../../../tmp/td-escape",
            "%00",
            "a%00b.csv",
            "%ED%A0%80.csv", // a lone surrogate in CESU-8: not UTF-8
            "%FF%FE%FD",
            "%C0%AF", // an overlong "/"
            "%E2%80%AE.fit", // right-to-left override
            "a%0D%0AX-Injected:%201",
            "x".repeat(255),
            "x".repeat(256),
            "x".repeat(20_000),
            "%",
            "%zz",
            "",
            "%20%20",
            "%F0%9F%8F%8B%EF%B8%8F.fit");

    private static final List<String> IDS = List.of(
            "not-an-id",
            "..%2F..%2Fetc%2Fpasswd",
            "%00",
            "%ED%A0%80",
            "00000000-0000-0000-0000-000000000000",
            "0193f1c2-7a10-7000-8000-0000000000e1%00",
            "x".repeat(5_000),
            "%");

    @Test
    void hostileUploadNamesAndExportIdsAreAnsweredWithoutA5xxAndNoNameBecomesAPath() throws IOException {
        List<String> answered = new ArrayList<>();
        for (String name : NAMES) {
            int status = send("PUT /v1/uploads?name=" + name, "hello\n".getBytes(StandardCharsets.UTF_8));
            answered.add(status + " for name " + abbreviate(name));
        }
        for (String id : IDS) {
            int status = send("GET /v1/exports/" + id, new byte[0]);
            answered.add(status + " for export " + abbreviate(id));
        }
        System.out.println("file routes, hostile: " + answered);
        assertThat(answered).as("every answer").allSatisfy(a -> assertThat(a).matches("(201|4\\d\\d) for .*"));
        assertThat(answered)
                .contains("201 for name export.zip")
                .as("control characters, which the import report and provenance could not hold")
                .contains("400 for name %00", "400 for name a%00b.csv", "400 for name a%0D%0AX-Injected:%201");
        assertThat(answered.stream().filter(a -> a.startsWith("400 for name x")))
                .as("the name longer than 255 characters")
                .isNotEmpty();
        try (Stream<Path> escaped = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(escaped.map(p -> p.getFileName().toString())).doesNotContain("td-escape");
        }
    }

    /** Sends one request as raw bytes on its own connection with the owner's key; answers the status. */
    private static int send(String requestLine, byte[] body) throws IOException {
        java.net.URI base = java.net.URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestServer.OWNER_KEY + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            // the status line is all this test reads (the connection may stay open after the answer)
            StringBuilder line = new StringBuilder();
            for (int c; (c = socket.getInputStream().read()) >= 0 && c != '\n'; ) {
                line.append((char) c);
            }
            String answer = line.toString();
            Matcher m = STATUS.matcher(answer);
            if (!m.find()) {
                throw new AssertionError("no HTTP status for " + abbreviate(requestLine) + ": " + abbreviate(answer));
            }
            return Integer.parseInt(m.group(1));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "… (" + s.length() + " chars)" : s;
    }
}
