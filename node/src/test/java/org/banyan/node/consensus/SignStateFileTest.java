package org.banyan.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.banyan.consensus.SignState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignStateFileTest {

    @TempDir
    Path directory;

    @Test
    void aWrittenStateIsReadBackAndReplacesTheOldOne() {
        final SignStateFile file = new SignStateFile(directory.resolve("consensus"));
        assertThat(file.read()).isEmpty();
        file.write(SignStates.state(5, 1, 2, 1));
        final SignState newer = SignStates.state(6, 0, 1, 3);
        file.write(newer);
        assertThat(new SignStateFile(directory.resolve("consensus")).read()).contains(newer);
        assertThat(directory.resolve("consensus").resolve(SignStateFile.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void aCorruptFileStopsTheNodeFromSigning() throws IOException {
        final SignStateFile file = new SignStateFile(directory);
        Files.write(file.path(), new byte[] {0, 0, 0, 1, 2});
        assertThatThrownBy(file::read).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("refusing to sign");
    }

    @Test
    void aFileAtTheCapIsReadAndOneByteMoreIsRefused() throws IOException {
        final SignStateFile file = new SignStateFile(directory);
        try (RandomAccessFile raw = new RandomAccessFile(file.path().toFile(), "rw")) {
            raw.setLength(SignStateFile.MAX_FILE_BYTES);
        }
        // At the cap the size is accepted and the content is what fails.
        assertThatThrownBy(file::read).hasMessageContaining("fails its checksum");
        try (RandomAccessFile raw = new RandomAccessFile(file.path().toFile(), "rw")) {
            raw.setLength(SignStateFile.MAX_FILE_BYTES + 1);
        }
        assertThatThrownBy(file::read).hasMessageContaining("at most " + SignStateFile.MAX_FILE_BYTES);
    }

    @Test
    void aFailedWriteIsReported() throws IOException {
        final SignStateFile file = new SignStateFile(directory);
        // A directory where the temporary file goes makes the write fail, as a full or failing disk would.
        Files.createDirectories(directory.resolve(SignStateFile.FILE_NAME + ".tmp"));
        assertThatThrownBy(() -> file.write(SignState.EMPTY)).isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("cannot persist the sign state");
    }
}
