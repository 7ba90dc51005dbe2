package io.passerelle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files of one local stack run, in a fresh directory that the run holds a lock on while alive.
 * A run that crashed leaves its directory unlocked (the operating system releases the lock with the
 * process), so the next run deletes it: crashed runs never pile up data on disk.
 *
 * <p>A {@link #kept(Path) kept} directory is the same lock on a directory the user named, which is
 * never deleted: two runs cannot share it, and a crash leaves no lock behind to clear by hand.
 */
final class WorkDirectory implements AutoCloseable {
    private static final String LOCK_FILE = ".in-use";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean deleteOnClose;

    private WorkDirectory(Path path, FileChannel lockChannel, FileLock lock, boolean deleteOnClose) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.deleteOnClose = deleteOnClose;
    }

    /** Holds {@code directory} (created when missing) for this run; fails when another run holds it. */
    static WorkDirectory kept(Path directory) {
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldByThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException(directory + " is in use by another run; stop it first, or name another directory");
            }
            return new WorkDirectory(directory, channel, lock, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the data directory " + directory, e);
        }
    }

    static WorkDirectory create(Path parent) {
        try {
            Files.createDirectories(parent);
            deleteAbandoned(parent);
            // Locked before it is named run-*, so that no other start ever sees it unlocked.
            Path staging = Files.createTempDirectory(parent, "starting-");
            FileChannel channel = FileChannel.open(staging.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            Path path = Files.move(staging, parent.resolve(staging.getFileName().toString().replace("starting-", "run-")),
                    StandardCopyOption.ATOMIC_MOVE);
            return new WorkDirectory(path, channel, lock, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the local stack's directory under " + parent, e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        lockChannel.close();
        if (deleteOnClose) {
            deleteRecursively(path);
        }
    }

    private static void deleteAbandoned(Path parent) throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(parent, "run-*")) {
            for (Path run : runs) {
                if (isAbandoned(run)) {
                    try {
                        deleteRecursively(run);
                    } catch (IOException | UncheckedIOException vanishing) {
                        // Another process deletes it at the same time (a run closing, or another start
                        // cleaning up): best effort, never a reason for this run not to start.
                    }
                }
            }
        }
    }

    private static boolean isAbandoned(Path run) {
        Path lockFile = run.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false; // being created right now, or not ours
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock probe = channel.tryLock()) {
            return probe != null;
        } catch (OverlappingFileLockException heldByThisJvm) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
