package org.banyan.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.banyan.crypto.PrivateKey;
import org.banyan.node.TestTransactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyFileTest {

    @TempDir
    Path directory;

    @Test
    void aKeyFileGivesItsKey() throws Exception {
        final PrivateKey key = TestTransactions.key(3);
        final Path file = Files.writeString(directory.resolve("node-key.json"), keyJson(key,
            TestTransactions.address(key)));
        assertThat(NodeKeyFile.read(file).encoded()).isEqualTo(key.encoded());
    }

    @Test
    void anAddressThatIsNotTheKeysIsRefused() throws Exception {
        final Path file = Files.writeString(directory.resolve("node-key.json"), keyJson(TestTransactions.key(3),
            TestTransactions.address(TestTransactions.key(4))));
        assertThatThrownBy(() -> NodeKeyFile.read(file)).hasMessageContaining("but its key's address is");
    }

    @Test
    void malformedFilesAreRefused() throws Exception {
        final Path noKey = Files.writeString(directory.resolve("a.json"), "{\"address\": \"x\"}");
        assertThatThrownBy(() -> NodeKeyFile.read(noKey)).hasMessageContaining("no \"private_key\"");
        final Path badKey = Files.writeString(directory.resolve("b.json"), "{\"private_key\": \"zz\"}");
        assertThatThrownBy(() -> NodeKeyFile.read(badKey)).hasMessageContaining("invalid private key");
    }

    @Test
    void filesAreReadUpToTheSizeCap() throws Exception {
        final PrivateKey key = TestTransactions.key(3);
        final String json = keyJson(key, TestTransactions.address(key));
        final Path atCap = Files.writeString(directory.resolve("c.json"),
            json + " ".repeat((int) NodeKeyFile.MAX_FILE_BYTES - json.length()));
        assertThat(NodeKeyFile.read(atCap).encoded()).isEqualTo(key.encoded());
        final Path overCap = Files.writeString(directory.resolve("d.json"),
            json + " ".repeat((int) NodeKeyFile.MAX_FILE_BYTES - json.length() + 1));
        assertThatThrownBy(() -> NodeKeyFile.read(overCap)).hasMessageContaining("at most " + NodeKeyFile.MAX_FILE_BYTES);
    }

    private static String keyJson(final PrivateKey key, final String address) {
        return "{\"address\": \"" + address + "\", \"public_key\": \"" + key.publicKey().encoded()
            + "\", \"private_key\": \"" + key.encoded() + "\"}";
    }
}
