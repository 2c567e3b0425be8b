package dev.td.server.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * What {@code postmaster.pid} in a PostgreSQL data directory says about the server that runs or ran
 * on it, and how td clears up after a td that died without stopping it (kill -9 leaves the postmaster
 * running, with nobody to stop it and the data directory busy). Called only while td holds the data
 * directory's lock, so the postmaster found here belongs to no running td.
 */
final class PostmasterPidFile {

    private static final System.Logger LOG = System.getLogger(PostmasterPidFile.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration DETACH_WAIT = Duration.ofSeconds(30);
    private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile("\\s+");

    private final Path pgData;

    PostmasterPidFile(Path pgData) {
        this.pgData = pgData;
    }

    /**
     * Stops the postmaster a killed td left running on this directory (fast shutdown: sessions are
     * ended, the work they committed is kept), waits until it and its processes are gone, and removes
     * the pid file of a postmaster that was killed. Afterwards PostgreSQL can start on the directory, or
     * this throws saying why not.
     */
    void clearLeftovers() {
        Optional<List<String>> lines = lines();
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> live = lines.flatMap(l -> parsePid(l.getFirst()))
                .flatMap(ProcessHandle::of)
                .filter(p -> !ended(p));
        boolean reused = false;
        if (live.isPresent()) {
            ProcessHandle process = live.get();
            if (isPostmasterOfThisDirectory(process)) {
                stop(process);
            } else if (process.info().command().isEmpty()) {
                return; // not ours to inspect (another user's process): PostgreSQL decides
            } else {
                reused = true;
            }
        }
        // No postmaster of this directory runs now. A pid file left by a killed one names a pid that the
        // system hands out again (pids wrap around within minutes on a busy machine); PostgreSQL would
        // then refuse to start, taking that process for another postmaster. Once the old processes have
        // let go of the shared memory, the file is stale and goes.
        if ((awaitSharedMemoryDetached(lines.get()) || reused) && Files.exists(file())) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "removing " + file() + " of a PostgreSQL that ended without removing it"
                            + live.map(p -> " (its pid " + p.pid() + " is now "
                                            + p.info().command().orElse("?") + ")")
                                    .orElse(""));
            delete();
        }
    }

    private void stop(ProcessHandle postmaster) {
        LOG.log(
                System.Logger.Level.WARNING,
                "stopping PostgreSQL (pid " + postmaster.pid() + ") left running on " + pgData
                        + " by a td server that ended without stopping it");
        try {
            // SIGINT is PostgreSQL's fast shutdown: sessions end, committed work is kept, a checkpoint is
            // written. Java signals only TERM and KILL, and pg_ctl refuses to run as root, so: kill(1).
            boolean signalled = false;
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                signalled = kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "no kill command: " + e.getMessage());
            }
            if (!signalled) {
                // SIGTERM: smart shutdown, which waits for sessions; the killed td's sessions are gone
                postmaster.destroy();
            }
            if (!awaitEnd(postmaster, STOP_WAIT)) {
                throw new DatabaseUnavailableException(stillRunning(postmaster));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException(stillRunning(postmaster), e);
        }
    }

    /**
     * Whether a process has ended. A killed process stays in the process table as a zombie until its
     * parent (for a postmaster: init) reaps it; it holds nothing, but looks alive to kill(pid, 0).
     */
    static boolean ended(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            char state = afterName > 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : '?';
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return !process.isAlive();
        }
    }

    /** Waits until the process has ended (or is a zombie); false if it still runs after {@code max}. */
    static boolean awaitEnd(ProcessHandle process, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!ended(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private String stillRunning(ProcessHandle postmaster) {
        return "PostgreSQL (pid " + postmaster.pid() + ") left running on " + pgData
                + " by an earlier td did not stop; stop it (kill -INT " + postmaster.pid()
                + ") and start td again";
    }

    /**
     * After the postmaster itself was killed, its processes end on their own within moments; until they
     * have, the shared memory block named in the pid file is attached and PostgreSQL refuses to start.
     */
    private boolean awaitSharedMemoryDetached(List<String> lines) {
        if (lines.size() < 7) {
            return false;
        }
        String[] shm = SPACE.split(lines.get(6).trim(), -1);
        Path sysv = Path.of("/proc/sysvipc/shm");
        if (shm.length < 1 || !shm[0].matches("[0-9]+") || !Files.isReadable(sysv)) {
            return false;
        }
        String key = shm[0];
        long deadline = System.nanoTime() + DETACH_WAIT.toNanos();
        while (attachments(sysv, key) > 0) {
            if (System.nanoTime() > deadline) {
                throw new DatabaseUnavailableException("processes of an earlier PostgreSQL on " + pgData
                        + " are still running (shared memory key " + key
                        + " is in use); stop them and start td again");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static long attachments(Path sysv, String key) {
        try {
            // columns: key shmid perms size cpid lpid nattch ...
            return Files.readAllLines(sysv).stream()
                    .map(line -> SPACE.split(line.trim(), -1))
                    .filter(columns -> columns.length > 6 && columns[0].equals(key))
                    .mapToLong(columns -> Long.parseLong(columns[6]))
                    .sum();
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The postmaster's pid as the file says, to wait for it after it was told to stop. */
    OptionalLong pid() {
        return lines().flatMap(lines -> parsePid(lines.getFirst()))
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    private boolean isPostmasterOfThisDirectory(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        if (command.isEmpty()) {
            // not ours to inspect (another user's process): leave the decision to PostgreSQL
            return false;
        }
        if (!Path.of(command.get()).getFileName().toString().equals("postgres")) {
            return false;
        }
        return info.arguments()
                .map(args -> {
                    for (int i = 0; i + 1 < args.length; i++) {
                        if (args[i].equals("-D") && samePath(Path.of(args[i + 1]), pgData)) {
                            return true;
                        }
                    }
                    return false;
                })
                .orElse(true);
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static Optional<Long> parsePid(String line) {
        String s = line.trim();
        return s.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(s)) : Optional.empty();
    }

    private Optional<List<String>> lines() {
        try {
            List<String> lines = Files.readAllLines(file());
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file() + ": " + e.getMessage(), e);
        }
    }

    private void delete() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + file() + ": " + e.getMessage(), e);
        }
    }

    private Path file() {
        return pgData.resolve("postmaster.pid");
    }
}
