package org.banyan.node.consensus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import org.banyan.consensus.SignState;
import org.banyan.consensus.SignStateCodec;

/**
 * The validator's sign state on disk, the double-sign guard's memory across restarts. Every write goes to a
 * temporary file that is forced to disk, renamed over the old file atomically, and then the directory is forced, so
 * that after a crash the file holds either the old or the new state, never a torn one, and the rename itself survives.
 */
public final class SignStateFile {

    /** Name of the file in the consensus directory. */
    public static final String FILE_NAME = "sign-state.bin";

    /**
     * Largest file read: the state holds at most a proposal and two blocks, each bounded by the ledger size cap
     * (16 MB of transactions) plus framing.
     */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Path directory;
    private final Path file;

    /** The sign state file in {@code directory}, which is created if missing. */
    public SignStateFile(final Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the consensus directory " + directory + ": "
                + e.getMessage(), e);
        }
    }

    /**
     * The persisted state, or empty if this validator never signed here.
     *
     * @throws IllegalStateException if the file is unreadable or corrupt: signing on without it could double-sign
     */
    public Optional<SignState> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            final long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IllegalStateException(file + " is " + size + " bytes; a sign state file has at most "
                    + MAX_FILE_BYTES);
            }
            return Optional.of(SignStateCodec.decode(Files.readAllBytes(file)));
        } catch (final IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the sign state " + file + ": " + e.getMessage()
                + "; refusing to sign without it", e);
        }
    }

    /**
     * Writes and syncs the state.
     *
     * @throws UncheckedIOException if anything fails; the caller must then stop signing
     */
    public void write(final SignState state) {
        final Path temporary = directory.resolve(FILE_NAME + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                final ByteBuffer buffer = ByteBuffer.wrap(SignStateCodec.encode(state));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
                directoryChannel.force(true);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot persist the sign state to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the state lives. */
    public Path path() {
        return file;
    }
}
