package dev.td.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The leanest HTTP/1.1 client there is: one keep-alive connection, a GET (or a POST) written in one packet, the
 * answer read by its {@code Content-Length} (or chunks), no thread hand-offs. What it measures is what the server
 * costs on the wire, as a load tool like wrk sees it; {@link java.net.http.HttpClient} adds its own selector and
 * executor hops (about 1–3 ms a request on this two-core machine), which the bench shows next to it.
 */
final class WireClient implements AutoCloseable {

    /** An answer: status and body. */
    record Answer(int status, String body) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    WireClient(String host, int port) throws IOException {
        this.socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
        this.host = host + ":" + port;
    }

    Answer get(String pathAndQuery, String authorization) throws IOException {
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                        + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return answer();
    }

    /** A POST of a JSON body (the head and the body written together, then flushed once). */
    Answer post(String path, String authorization, byte[] json) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                        + "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: "
                        + json.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = java.util.Arrays.copyOf(head, head.length + json.length);
        System.arraycopy(json, 0, request, head.length, json.length);
        out.write(request);
        out.flush();
        return answer();
    }

    private Answer answer() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding")
                    && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = chunkSize(line()); size > 0; size = chunkSize(line())) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else {
            throw new IOException("answer without Content-Length or chunks on a keep-alive connection");
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    /** A chunk's size line: hex digits, perhaps followed by {@code ;extensions}. */
    private static int chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
