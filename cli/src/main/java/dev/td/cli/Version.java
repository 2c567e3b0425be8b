package dev.td.cli;

import dev.td.tools.TdVersion;

/** The CLI's version: the one the server reports too ({@link TdVersion}), compared by {@code td --version}. */
final class Version {

    private Version() {}

    static String current() {
        return TdVersion.CURRENT;
    }
}
