package dev.td.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.testkit.Http;
import dev.td.testkit.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever is sent as a key, the answer is a refusal, never a server error. */
class AuthenticationInputTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                " ",
                "x",
                "td_0123456789abcdefghijABCDEFGHIJ0123456789\u0000",
                "td_0123456789abcdefghijABCDEFGHIJ0123456789\u00e9",
                "td_0123456789abcdefghijABCDEFGHIJ0123456789\ud83d",
                "td_0123456789abcdefghijABCDEFGHIJ0123456789\u200b"
            })
    void oddKeysAreUnknownWithoutAnError(String key) {
        assertThat(server.core().accounts().authenticate(key)).isEmpty();
    }

    @Test
    void anOverLongKeyIsRefusedWithoutAQuery() {
        assertThat(server.core().accounts().authenticate("a".repeat(201))).isEmpty();
        assertThat(server.core().accounts().authenticate("td_abc".repeat(100_000)))
                .isEmpty();
    }

    @Test
    void aWeakKeyStoredBeforeTheRuleExistedIsRefused() throws SQLException {
        // what TD_BOOTSTRAP_API_KEY=short123 left behind before keys had to be strong
        try (Connection owner = server.core().database().ownerConnection();
                PreparedStatement ps = owner.prepareStatement(
                        "INSERT INTO api_keys (user_id, key_id, key_hash, key_prefix, agent, scopes)"
                                + " SELECT user_id, gen_random_uuid(), sha256('short123'::bytea), 'sha256:ab065bfa', 'legacy', '{*}'"
                                + " FROM users LIMIT 1")) {
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(Http.send("GET", server.baseUrl() + "/v1/events", "short123", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aNulInTheAuthorizationHeaderIsRefusedNotAServerError() throws IOException {
        int status = rawStatus("Bearer td_0123456789abcdefghij\0ABCDEFGHIJ0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(status).isBetween(400, 499);
    }

    @Test
    void utf8BytesInTheAuthorizationHeaderAreRefusedNotAServerError() throws IOException {
        int status = rawStatus(
                "Bearer td_0123456789abcdefghij\u00e9\u4e2dABCDEFGHIJ0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(status).isBetween(400, 499);
    }

    @Test
    void anOverLongKeyOverHttpIsRefusedWith401() {
        assertThat(Http.send("GET", server.baseUrl() + "/v1/events", "td_" + "A1b2".repeat(1_000), null)
                        .status())
                .isEqualTo(401);
    }

    /** The status of GET /v1/events with these bytes as the Authorization header's value, over a raw socket. */
    private static int rawStatus(byte[] authorization) throws IOException {
        try (Socket socket = new Socket(
                java.net.InetAddress.getLoopbackAddress(), server.http().port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: "
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(authorization);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
