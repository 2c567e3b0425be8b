package dev.td.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds a td server has used so far, its JVM and its embedded PostgreSQL apart, read from {@code /proc} (Linux;
 * zeros elsewhere): where a call's time went, when the wall clock alone cannot say (PostgreSQL works in processes of
 * its own, and other builds may share the machine). PostgreSQL's are the postmaster's, its live backends' and those of
 * the backends it has reaped.
 */
record CpuTime(double jvmSeconds, double postgresSeconds) {

    /** Linux's USER_HZ, the unit of {@code /proc/PID/stat}'s times: 100 on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100;

    /**
     * @param jvmPid  the server's JVM
     * @param dataDir the server's data directory (its PostgreSQL's pid is in {@code postgres/postmaster.pid})
     */
    static CpuTime of(long jvmPid, Path dataDir) {
        double postgres = 0;
        try {
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            postgres = seconds(postmaster, true);
            for (ProcessHandle backend :
                    ProcessHandle.of(postmaster).map(h -> h.children().toList()).orElse(java.util.List.of())) {
                postgres += seconds(backend.pid(), false);
            }
        } catch (IOException | RuntimeException e) {
            // no PostgreSQL to read (an external database, or not Linux): zero
        }
        return new CpuTime(seconds(jvmPid, false), postgres);
    }

    CpuTime minus(CpuTime before) {
        return new CpuTime(jvmSeconds - before.jvmSeconds, postgresSeconds - before.postgresSeconds);
    }

    /** utime + stime of a process (fields 14 and 15 of its stat), and of its reaped children (16, 17) when asked. */
    private static double seconds(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
