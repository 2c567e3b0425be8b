package dev.td.server.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client authentication file of the embedded PostgreSQL ({@code pg_hba.conf}). td's clusters are
 * made with SCRAM on every line; a data directory made by an older td (zonky's initdb with
 * {@code trust}) is rewritten to SCRAM on its next start, so that nobody on the machine connects as
 * the superuser without the data directory's credentials.
 */
final class PgHba {

    static final String METHOD = "scram-sha-256";
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern IPV4_ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final Path file;

    PgHba(Path pgData) {
        this.file = pgData.resolve("pg_hba.conf");
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Whether some line lets a client in without a SCRAM password (trust, peer, md5 …). */
    boolean allowsOtherThanScram() {
        return read().stream().anyMatch(line -> !line.equals(withScram(line)));
    }

    /** Rewrites every local and host line to {@code scram-sha-256}, keeping the rest of the file. */
    void requireScram() {
        List<String> rewritten = new ArrayList<>();
        for (String line : read()) {
            rewritten.add(withScram(line));
        }
        try {
            Path temp = file.resolveSibling("pg_hba.conf.td-new");
            Files.write(temp, rewritten, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite " + file + ": " + e.getMessage(), e);
        }
    }

    /** One line with its authentication method replaced by SCRAM; comments and blank lines unchanged. */
    static String withScram(String line) {
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#")) {
            return line;
        }
        String[] fields = SPACE.split(content, -1);
        int method = methodIndex(fields);
        if (method < 0 || method >= fields.length || fields[method].equals(METHOD)) {
            return line;
        }
        fields[method] = METHOD;
        // options after the method belong to the old method (map=, ldap…); SCRAM takes none td needs
        return String.join("    ", java.util.Arrays.copyOf(fields, method + 1));
    }

    /** Where the method is: after type, database, user and, for host lines, the address (and mask). */
    private static int methodIndex(String[] fields) {
        String type = fields[0];
        if (type.equals("local")) {
            return 3;
        }
        if (type.startsWith("host")) {
            if (fields.length > 5
                    && IPV4_ADDRESS.matcher(fields[3]).matches()
                    && IPV4_ADDRESS.matcher(fields[4]).matches()) {
                return 5; // address and mask in two fields
            }
            return 4;
        }
        return -1; // include directives and the like
    }

    private List<String> read() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
