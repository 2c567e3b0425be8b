package dev.td.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The CLI's version, written into {@code version.properties} by the build. */
final class Version {

    private static final String CURRENT = read();

    private Version() {}

    static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
