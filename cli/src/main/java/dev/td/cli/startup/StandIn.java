package dev.td.cli.startup;

import dev.td.tools.TdVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A td server stand-in for {@link StartupTraining}, on a loopback port: {@code GET /health} and any
 * tool call get a canned answer ({@code void_event} a 404 problem). Plain sockets, so that the
 * training loads no HTTP server classes into the start-up cache of every later {@code td}.
 */
final class StandIn implements AutoCloseable {

    private static final String ENVELOPE = """
            {"data":{"exercises":[{"exercise_id":"barbell-back-squat","by_reps":[{"reps":5,\
            "weight":{"value":140,"unit":"kg","kg":140},"date":"2026-10-02","event_id":"e1"}],\
            "e1rm":{"value":163.3,"unit":"kg","kg":163.3}}]},"context":{},\
            "meta":{"computed_at":"2026-11-24T07:30:00Z","request_id":"r1","cache_hit":false}}""";

    private static final String PROBLEM = """
            {"type":"https://td.dev/problems/not_found","title":"not_found","status":404,\
            "detail":"no such thing","code":"not_found","request_id":"r2"}""";

    private final ServerSocket socket;
    private final Thread acceptor;

    private StandIn(ServerSocket socket) {
        this.socket = socket;
        this.acceptor =
                Thread.ofPlatform().daemon().name("td-training-stand-in").start(this::serve);
    }

    static StandIn start() throws IOException {
        return new StandIn(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                answer(client);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void answer(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        String requestLine = in.readLine();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).strip());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        boolean health = requestLine != null && requestLine.startsWith("GET /health");
        boolean missing = requestLine != null && requestLine.contains("/void_event");
        String text =
                health ? "{\"status\":\"ok\",\"version\":\"" + TdVersion.CURRENT + "\"}" : missing ? PROBLEM : ENVELOPE;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 " + (missing ? "404 Not Found" : "200 OK") + "\r\nContent-Type: application/"
                        + (missing ? "problem+json" : "json") + "\r\nContent-Length: " + bytes.length
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
