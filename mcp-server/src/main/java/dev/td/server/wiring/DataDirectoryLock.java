package dev.td.server.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on td's data directory ({@code td.lock}, holding the pid of the td that has it),
 * held for as long as td runs on it. The operating system drops the lock when the process dies, even
 * by {@code kill -9}, so a free lock means no td is using the directory, whatever else was left behind.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "td.lock";
    /**
     * Directories locked by this JVM. Closing any channel of a locked file drops the process's lock on
     * it (POSIX record locks), so a second attempt from this JVM must not even open the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws naming the td that has it. */
    static DataDirectoryLock acquire(Path dataDir) {
        Path directory;
        try {
            Files.createDirectories(dataDir);
            directory = dataDir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        if (!HELD.add(directory)) {
            throw inUse(dataDir, " (pid " + ProcessHandle.current().pid() + ")");
        }
        try {
            FileChannel channel = FileChannel.open(
                    dataDir.resolve(FILE_NAME),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new DatabaseUnavailableException(
                        "another td server" + holder + " is using " + dataDir + "; stop it or pass --data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
            return new DataDirectoryLock(directory, channel, lock);
        } catch (IOException | OverlappingFileLockException e) {
            HELD.remove(directory);
            throw new UncheckedIOException(
                    "could not lock the data directory " + dataDir + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        } catch (RuntimeException e) {
            HELD.remove(directory);
            throw e;
        }
    }

    private static DatabaseUnavailableException inUse(Path dataDir, String holder) {
        return new DatabaseUnavailableException(
                "another td server" + holder + " is using " + dataDir + "; stop it or pass --data-dir");
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("[0-9]{1,10}") ? " (pid " + pid + ")" : "";
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            HELD.remove(directory);
        }
    }
}
